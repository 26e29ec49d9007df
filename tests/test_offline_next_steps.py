"""Where an answer sends the asker next: the document's own procedure for the benefit answered, never another
benefit's application section.

Two fictional city notices written for this test (no eval set has them; nothing was tuned on them): 一、 a
certificate's training subsidy, 二、 a skill master studio with its own grant and an application paragraph rich in
where/what words (网上办事大厅, 提交, 复印件…), and — in one of them — 三、 the procedure for the subsidy
(no sums of its own). An amount answer about the subsidy points to 三、, not to the studio's 申报 paragraph;
where the only procedure paragraph is another benefit's, the asker is sent to the hotline and the local office.
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

QITAIHE = """七台河市人力资源和社会保障局 七台河市财政局关于加大技能人才培养支持力度的通知
七人社发〔2026〕4号
各县（区）人力资源和社会保障局、财政局：
一、职业技能培训补贴
（一）劳动者参加本市定点培训机构培训并取得职业技能等级证书的，中级（四级）每人补贴1400元，高级（三级）每人补贴1800元。
二、技能大师工作室
（一）新认定的市级技能大师工作室，市财政一次性资助4万元。
（二）申报单位应当于每年6月登录七台河市人社局网上办事大厅在线申报。申报时提交申请表和领办人身份证复印件。职业技能等级\
证书复印件、带徒花名册及相关证明材料一并在线提交。
三、申领程序
职业技能培训补贴由培训机构在培训结束后30日内向县（区）公共就业服务机构提出申请。申请时提交学员花名册和证书复印件。\
审核通过后拨付至培训机构账户。
"""

# the same notice of another city, without the subsidy's own procedure part (三、申领程序)
SHUANGYASHAN = (QITAIHE.split("三、申领程序", 1)[0].replace("七台河", "双鸭山")
                .replace("七人社发〔2026〕4号", "双人社发〔2026〕2号").replace("1400元", "1300元")
                .replace("1800元", "1700元").replace("4万元", "3万元"))


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("next"), {"qitaihe-2026-skills.txt": QITAIHE,
                                                                 "shuangyashan-2026-skills.txt": SHUANGYASHAN})


def _next_step(engine: OfflineEngine, question: str) -> str:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    return next(line for line in answer.answer.splitlines() if line.startswith("下一步"))


def test_an_answer_points_to_its_own_benefits_procedure(engine: OfflineEngine) -> None:
    step = _next_step(engine, "七台河的，我考了中级证，培训补贴能拿多少？")
    assert "三、" in step and "二、" not in step, step


def test_another_benefits_application_is_no_next_step(engine: OfflineEngine) -> None:
    step = _next_step(engine, "双鸭山的，我考了高级证，培训补贴能拿多少？")
    assert "二、" not in step and "12333" in step, step
