"""Procedure answers read the document's own procedure section and answer every aspect the question names.

A fictional district measure written for this test (no eval set has it): its 申报程序 section never repeats the
benefits' names, the channel and the time limit stand in different clauses, and a second fictional document (an
opinion with no procedure at all) must still get the plain "no procedure" answer with the hotline.
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

DISTRICT = """贵阳市云岩区人力资源和社会保障局关于印发《云岩区技能人才激励办法》的通知
云人社发〔2025〕4号
各街道办事处，区直各部门：
现将《云岩区技能人才激励办法》印发给你们，请遵照执行。
一、技能人才工作站资助
（一）新认定为区级技能人才工作站的，给予一次性建设资助8万元。
二、青年技能人才生活补助
（一）新引进取得技师证书的青年技能人才，每人每月发放生活补助800元，最长12个月。
（二）机关事业单位在编人员和已领取养老金人员不属于本补助对象。
三、申报程序
（一）每年4月1日至4月30日集中受理。申报单位可登录“云岩就业”线上平台提交，也可到云岩区政务服务中心人社窗口现场递交。
（二）区人力资源和社会保障局在受理截止后20个工作日内完成审核，审核结果公示5个工作日。
四、本办法自2025年3月1日起施行。
贵阳市云岩区人力资源和社会保障局
2025年2月20日
"""

OPINION = """贵阳市人民政府关于加强职业技能培训工作的意见
筑府发〔2025〕3号
一、总体要求
坚持需求导向，大力开展职业技能培训，全面提升劳动者就业创业能力。
二、加大资金投入
各区（市、县）要加大职业技能培训资金投入，落实专项经费，按规定给予职业培训补贴。
三、强化组织保障
市人力资源社会保障部门统筹协调，市财政局等部门各司其职、密切配合。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("procedure"), {
        "yunyan-2025-skilled-talent-incentives.txt": DISTRICT, "guiyang-2025-training-opinion.txt": OPINION})


@pytest.mark.parametrize(
    "question",
    ["云岩区技能人才工作站资助什么时候申报，去哪报", "在云岩区申请青年技能人才生活补助，到哪里交材料？"],
)
def test_the_documents_procedure_section_answers_though_it_never_names_the_benefit(engine, question):
    answer = engine.answer(question)
    assert answer.status == "answered"
    assert "政务服务中心" in answer.answer.split("依据")[0], answer.answer
    assert any(c.clause == "三、（一）" for c in answer.citations)


def test_each_named_aspect_is_answered_by_its_own_clause(engine):
    answer = engine.answer("云岩区技能人才工作站资助怎么申请，多久能审完？")
    body = answer.answer.split("依据")[0]
    assert "20个工作日" in body, answer.answer  # when: 三、（二）
    assert "线上平台" in body or "政务服务中心" in body, answer.answer  # where, asked by 怎么申请: 三、（一）
    assert {c.clause for c in answer.citations} >= {"三、（一）", "三、（二）"}
    numbers = [c.n for c in answer.citations]
    assert numbers == list(range(1, len(numbers) + 1)), "citations are numbered once each"


def test_a_document_without_a_procedure_says_so_and_points_to_the_hotline(engine):
    answer = engine.answer("贵阳的职业培训补贴怎么领，找哪个部门办")
    assert "12333" in answer.answer
    assert "政务服务中心" not in answer.answer  # the district's window is not the city's procedure


@pytest.mark.parametrize(
    "question", ["云岩区哪些人不能领青年技能人才生活补助？", "云岩区青年技能人才生活补助，什么人不予发放"]
)
def test_who_is_left_out_is_answered_by_the_clause_that_excludes(engine, question):
    answer = engine.answer(question)
    lead = answer.answer.splitlines()[0]
    assert "不属于本补助对象" in lead, answer.answer

