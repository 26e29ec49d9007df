"""Documents named by a year and their genre or by a title word, and two named documents compared side by side.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a city's 2018
apprenticeship work plan and the 2023 measures that repeal it (the contract term changes from 6 months to 1 year), a
2023 notice of the same city on another subject, and a county's expired job-retention plan.
"""

from __future__ import annotations

import pytest
from support import lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

PLAN_2018 = """遵义市人力资源和社会保障局 遵义市财政局关于印发《遵义市全面推行企业新型学徒制工作方案》的通知
遵人社发〔2018〕12号
各县（市、区）人力资源和社会保障局、财政局：
现将《遵义市全面推行企业新型学徒制工作方案》印发给你们，请认真贯彻执行。
一、培养对象
（一）以与企业签订6个月以上劳动合同的技能岗位新招用和转岗等人员为主要培养对象。
二、补贴标准
（一）企业新型学徒制培训补贴按照每人每年4000元的标准给予企业，最长不超过2年。
三、组织实施
（一）企业应于学徒培训开班前，向所在县（市、区）人力资源和社会保障局提交培训计划、学徒名册和劳动合同等材料备案。
四、本方案自2018年6月1日起施行。
"""

MEASURES_2023 = """遵义市人力资源和社会保障局 遵义市财政局关于印发《遵义市企业新型学徒制实施办法》的通知
遵人社规〔2023〕3号
各县（市、区）人力资源和社会保障局、财政局：
现将《遵义市企业新型学徒制实施办法》印发给你们，请认真贯彻执行。
第一条　为深化产教融合，制定本办法。
第二条　学徒培养对象为与企业签订1年以上劳动合同的技能岗位新招用和转岗等人员。
第三条　企业新型学徒制培训补贴标准为每人每年5000元。
第四条　企业应在学徒培训开班前通过贵州省就业创业服务平台备案，上传培训计划和学徒名册。
第五条　本办法自2023年7月1日起施行，原《遵义市全面推行企业新型学徒制工作方案》（遵人社发〔2018〕12号）同时废止。
"""

NOTICE_2023 = """遵义市人力资源和社会保障局关于做好2023年高校毕业生就业见习工作的通知
遵人社通〔2023〕3号
各县（市、区）人力资源和社会保障局：
一、见习单位吸纳高校毕业生参加就业见习的，按每人每月1500元给予见习补贴，最长不超过12个月。
二、本通知自印发之日起施行。
"""

COUNTY_PLAN = """正安县人民政府办公室关于印发《正安县稳岗留工补贴实施方案》的通知
正府办发〔2021〕9号
各乡（镇）人民政府、街道办事处，县直各部门：
一、对春节期间组织职工留岗的企业，按每人500元给予一次性稳岗留工补贴。
二、本方案自印发之日起施行，有效期至2022年12月31日。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("document-comparison"), {
        "zunyi-2018-apprenticeship-plan.txt": PLAN_2018,
        "zunyi-2023-apprenticeship-measures.txt": MEASURES_2023,
        "zunyi-2023-internship-notice.txt": NOTICE_2023,
        "zhengan-2021-job-retention-plan.txt": COUNTY_PLAN,
    })


def _named(engine: OfflineEngine, question: str) -> set[str]:
    return {ref.doc_id for ref in engine.retriever.understand(question).documents}


@pytest.mark.parametrize(("question", "named"), [
    ("遵义2023年的办法对学徒有什么要求", {"zunyi-2023-apprenticeship-measures"}),  # not the 2023 notice
    ("遵义2018年的方案里学徒补贴多少", {"zunyi-2018-apprenticeship-plan"}),
    ("遵义2023年那个文件说的见习补贴", {"zunyi-2023-apprenticeship-measures", "zunyi-2023-internship-notice"}),
    ("稳岗留工那个文件现在还有效吗", {"zhengan-2021-job-retention-plan"}),
    ("遵人社规〔2023〕3号还有效吗", {"zunyi-2023-apprenticeship-measures"}),  # not 遵人社通〔2023〕3号
    ("遵人社通〔2023〕3号是哪个部门发的", {"zunyi-2023-internship-notice"}),
    ("我问一下2023年3号文还有效吗", {"zunyi-2023-apprenticeship-measures", "zunyi-2023-internship-notice"}),
])
def test_a_year_with_a_genre_or_a_title_word_names_the_document(engine: OfflineEngine, question: str,
                                                                named: set[str]) -> None:
    assert _named(engine, question) == named


def test_two_named_documents_are_compared_part_by_part(engine: OfflineEngine) -> None:
    answer = engine.answer("遵义学徒的劳动合同要签多久，2018年的方案和2023年的办法有什么不同？")
    assert answer.status == "answered"
    first, second = answer.answer.index("【2018年"), answer.answer.index("【2023年")
    assert first < second  # oldest first: the change reads in order
    assert "6个月" in answer.answer[first:second] and "1年" in answer.answer[second:], answer.answer
    cited = {(c.doc_id, c.clause) for c in answer.citations}
    assert ("zunyi-2018-apprenticeship-plan", "一、（一）") in cited
    assert ("zunyi-2023-apprenticeship-measures", "第二条") in cited


def test_a_title_word_gets_the_named_documents_status(engine: OfflineEngine) -> None:
    answer = engine.answer("正安县稳岗留工那个文件还有效没有")
    assert "2022年12月31日" in answer.answer and "zhengan-2021-job-retention-plan" in {
        c.doc_id for c in answer.citations}, answer.answer


def test_a_stated_duration_is_compared_only_with_a_bound_on_the_same_thing(engine: OfflineEngine) -> None:
    """学一年 is training time, not the contract term of 签订1年以上劳动合同; 签了8个月合同 is."""
    training = engine.answer("遵义企业新型学徒制，学徒学一年，补贴多少")
    assert "劳动合同" not in training.answer.split("依据")[0], training.answer
    contract = engine.answer("遵义的企业跟新招的工人签了8个月合同，能搞新型学徒制吗")
    assert contract.answer.startswith("结论：不符合"), contract.answer


def test_an_earlier_policy_note_cites_the_newer_documents_repeal(engine: OfflineEngine) -> None:
    answer = engine.answer("遵义学徒制补贴以前好像每人每年4000元，现在还是这个数吗")
    assert ("zunyi-2023-apprenticeship-measures", "第五条") in {(c.doc_id, c.clause) for c in answer.citations}, \
        answer.answer
    assert "同时废止" in answer.answer.split("依据")[0]


def test_a_replaced_figure_is_not_restated_unless_asked_about_before(engine: OfflineEngine) -> None:
    now = engine.answer("遵义企业新型学徒制补贴每人每年多少钱")
    assert "5000元" in lead(now.answer) and "4000" not in now.answer, now.answer
    before = engine.answer("遵义学徒制补贴现在每人每年多少？以前的方案呢？")
    assert "4000" in before.answer and "5000" in before.answer, before.answer


@pytest.mark.parametrize(("question", "kind"), [
    ("遵义的，我们厂在市里重点企业名单里，新招学徒能申请补贴吗", "eligibility"),  # a 名单 the asker is on
    ("遵义重点企业名单有哪些", "list"),
])
def test_a_list_the_asker_is_on_asks_for_no_list(engine: OfflineEngine, question: str, kind: str) -> None:
    assert engine.retriever.understand(question).kind == kind
