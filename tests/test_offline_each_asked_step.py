"""A procedure question asking several steps gets each from the clause that states it: the deadline beside the list
of materials (a list answer does not drop the other asks), the whole list when the materials stand in a list of
their own, and a time limit written in months (正常经营满6个月之日起12个月内提出申请) as a deadline to apply.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a county's internship
and start-up grant rules with a procedure chapter of several steps; another county's start-up grant notice and the
rules that replace it, each with its own list of materials.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

COUNTY = """会宁县就业见习和一次性创业补贴实施细则
会人社发〔2026〕4号
一、补贴标准
（一）见习单位按每人每月1600元的标准享受见习补贴，见习期最长12个月。
（二）首次创办小微企业或从事个体经营并正常经营6个月以上的，给予一次性创业补贴每户6000元。
二、见习备案
（一）见习人员上岗后10个工作日内，见习单位应向县就业服务中心办理见习备案，并提供以下材料：
1. 见习单位营业执照复印件；
2. 见习单位与见习人员签订的见习协议；
3. 见习人员身份证复印件和毕业证书复印件。
三、申领程序
（一）见习补贴按季度申领，见习单位于每季度首月15日前申领上一季度补贴，提交见习人员考勤表和基本生活费发放银行流水。
（二）一次性创业补贴应在创业实体正常经营满6个月之日起12个月内提出申请，逾期不予受理。
（三）申领一次性创业补贴应提交以下材料：
1. 一次性创业补贴申请表；
2. 营业执照副本复印件；
3. 经营场所租赁合同或产权证明复印件。
（四）县就业服务中心自受理之日起15个工作日内完成审核，审核通过的在县政府网站公示5个工作日，\
公示无异议的于10个工作日内将资金拨付至申请人银行账户。
（五）申请人可到会宁县政务服务中心一楼人社窗口办理，也可通过“白银人社”微信公众号会宁专区在线提交。
四、本细则自2026年7月1日起施行，有效期3年。
会宁县人力资源和社会保障局
2026年6月10日
"""


OLD = """靖远县人力资源和社会保障局关于做好返乡创业补贴工作的通知
靖人社发〔2022〕9号
一、补贴标准
返乡创业人员首次创办小微企业的，给予一次性创业补贴每户3000元。
二、申领程序
（一）申请人持纸质材料到县就业服务中心窗口提出申请，每年3月、9月集中受理。
（二）申请需提供以下材料：
1. 返乡创业补贴申请表；
2. 身份证和户口簿复印件；
3. 营业执照副本复印件。
三、本通知自2022年5月1日起施行。
靖远县人力资源和社会保障局
2022年4月20日
"""

NEW = """靖远县返乡创业补贴实施细则
靖人社规〔2026〕2号
第一条　为支持返乡人员创业，制定本细则。
第二条　返乡创业人员首次创办小微企业的，给予一次性创业补贴每户5000元。
第三条　申请人通过“白银人社”网上办事大厅靖远县专区在线申请，全年常态化受理，不再设集中受理期。
第四条　申请补贴需在线上传以下材料：
（一）身份证；
（二）营业执照；
（三）社会保障卡银行账户信息。
第五条　县就业服务中心自受理之日起10个工作日内完成审核，审核通过的公示5个工作日，公示无异议的于5个工作日内拨付资金。
第六条　本细则自2026年9月1日起施行，《靖远县人力资源和社会保障局关于做好返乡创业补贴工作的通知》（靖人社发〔2022〕9号）\
同时废止。
靖远县人力资源和社会保障局
2026年8月15日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("each-step"),
                                         {"huining-2026-subsidy-rules.txt": COUNTY})


def cited(answer: object) -> set[str]:
    return {c.clause for c in answer.citations if c.doc_id == "huining-2026-subsidy-rules"}


def test_the_deadline_is_answered_beside_the_list_of_materials(engine: OfflineEngine) -> None:
    answer = engine.answer("会宁的见习补贴是每个月去领吗？几号之前申请，要带什么？")
    assert answer.status == "answered", answer.answer
    assert "季度" in answer.answer and "15日前" in answer.answer, answer.answer
    assert "三、（一）" in cited(answer), answer.answer


def test_materials_standing_in_a_list_are_listed_whole(engine: OfflineEngine) -> None:
    answer = engine.answer("会宁申请一次性创业补贴去哪办？要准备哪些材料？")
    assert answer.status == "answered", answer.answer
    for item in ("申请表", "营业执照副本", "租赁合同"):
        assert item in answer.answer, answer.answer
    assert {"三、（三）1", "三、（三）2", "三、（三）3"} <= cited(answer), answer.answer
    assert "政务服务中心" in answer.answer, answer.answer


def test_a_time_limit_in_months_is_a_deadline_to_apply(engine: OfflineEngine) -> None:
    answer = engine.answer("会宁开个体户的，一次性创业补贴最晚啥时候截止申请？审核完多久能到账？")
    assert answer.status == "answered", answer.answer
    assert "12个月内" in answer.answer and "10个工作日" in answer.answer, answer.answer
    assert {"三、（二）", "三、（四）"} <= cited(answer), answer.answer


def test_what_to_bring_for_the_benefit_is_the_claims_not_the_registrations(engine: OfflineEngine) -> None:
    answer = engine.answer("会宁的见习补贴要带什么材料？")
    assert answer.status == "answered", answer.answer
    assert "考勤表" in answer.answer and "三、（一）" in cited(answer), answer.answer
    assert not cited(answer) & {"二、（一）1", "二、（一）2", "二、（一）3"}, answer.answer
    assert "三、（二）" not in cited(answer), answer.answer  # the start-up grant's step of the same 申领程序 list


def test_a_step_named_in_the_question_is_answered_by_its_own_clause(engine: OfflineEngine) -> None:
    answer = engine.answer("会宁的见习单位办见习备案要交什么材料？")
    assert answer.status == "answered", answer.answer
    assert {"二、（一）1", "二、（一）2", "二、（一）3"} <= cited(answer), answer.answer



@pytest.fixture(scope="module")
def replaced(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("replaced-list"), {
        "jingyuan-2022-startup-notice.txt": OLD, "jingyuan-2026-startup-rules.txt": NEW})


def test_what_to_bring_now_is_the_replacing_documents_list(replaced: OfflineEngine) -> None:
    answer = replaced.answer("靖远的一次性创业补贴现在怎么申请，要准备哪些材料？审核要多久？")
    assert answer.status == "answered", answer.answer
    cited_now = {(c.doc_id, c.clause) for c in answer.citations}
    assert {("jingyuan-2026-startup-rules", f"第四条（{n}）") for n in "一二三"} <= cited_now, answer.answer
    assert {("jingyuan-2026-startup-rules", "第三条"), ("jingyuan-2026-startup-rules", "第五条")} <= cited_now, \
        answer.answer  # 怎么申请: where (online now), and how long the review takes
    old_list = {(doc, clause) for doc, clause in cited_now
                if doc == "jingyuan-2022-startup-notice" and clause.startswith("二、（二）")}
    assert not old_list, answer.answer
