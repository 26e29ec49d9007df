"""Benefits named as the library names them, lists under a lead-in clause, years after a document's last day, and a
replaced document's procedure.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a national notice on two
benefits under their own headings (a lead-in clause with the cases excluded as its items, a filing window for one of
them, a procedure section with a deadline and a review time), valid to the end of a year; and a city's old internship
notice with the measures that repealed it (a one-off application after the internship vs quarterly claims).
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.enumeration import group
from ingest.knowledge import Exclusions
from ingest.models import Chunk, DocumentMeta
from retriever.understanding.benefits import BenefitNames

NATIONAL = """人力资源社会保障部 财政部关于做好一次性扩岗补助和见习留用奖励发放工作的通知
人社部发〔2026〕12号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
为稳定和扩大就业岗位，现就有关事项通知如下：
一、一次性扩岗补助
（一）补助对象。对招用毕业年度高校毕业生，与其签订1年以上劳动合同并为其按月缴纳失业保险费满3个月的企业，给予一次性扩岗补助。
（二）补助标准。按每招用1人1000元的标准发放一次性扩岗补助；招用人员为脱贫人口或残疾人的，按每人1500元的标准发放。
（三）不予补助的情形。有下列情形之一的，不享受一次性扩岗补助：
1.招用人员为企业法定代表人的直系亲属的；
2.招用人员在招用前6个月内曾在本企业参加社会保险的；
3.同一人员已享受其他吸纳就业类补贴的。
二、见习留用奖励
（一）奖励对象。见习期满后留用见习人员并与其签订1年以上劳动合同的见习单位。
（二）奖励标准。每留用1人奖励800元。
（三）受理时间。见习留用奖励每年4月1日至4月30日集中受理。
三、申领程序
（一）企业应在符合补助条件之日起3个月内提出申请，逾期不予受理。
（二）人力资源社会保障部门在受理后15个工作日内完成审核，审核通过的将资金拨付至企业对公账户。
四、本通知自2026年1月1日起施行，有效期至2027年12月31日。
"""

OLD_CITY = """海东市人力资源和社会保障局关于做好就业见习补贴工作的通知
海东人社发〔2020〕9号
各县区人力资源和社会保障局：
一、见习补贴标准为每人每月1000元。
二、申领程序
（一）见习单位在见习期满后20日内，向县区公共就业服务机构一次性申请见习补贴。
三、本通知自2020年6月1日起施行。
"""

NEW_CITY = """海东市人力资源和社会保障局关于印发《海东市就业见习补贴办法》的通知
海东人社规〔2025〕3号
海东市就业见习补贴办法
第一条　见习补贴标准为每人每月1300元。
第二条　见习单位按季度申领见习补贴，于每季度结束后10日内向县区公共就业服务机构提出申请。
第三条　县区公共就业服务机构自受理之日起10个工作日内完成审核。
第四条　本办法自2025年7月1日起施行，原《海东市人力资源和社会保障局关于做好就业见习补贴工作的通知》\
（海东人社发〔2020〕9号）同时废止。

海东市人力资源和社会保障局
2025年6月10日
"""


CITY = """乌海市人力资源和社会保障局关于提高一次性扩岗补助标准的通知
乌海人社发〔2026〕3号
各区人力资源和社会保障局：
一、对在本市依法登记注册的企业招用符合国家规定条件人员的，在国家规定的一次性扩岗补助标准基础上，每招用1人增加300元。
二、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("benefits"), {
        "mohrss-2026-expansion.txt": NATIONAL, "haidong-2020-internship.txt": OLD_CITY,
        "haidong-2025-internship.txt": NEW_CITY, "wuhai-2026-expansion.txt": CITY})


def _chunk(doc_id: str, path: str, text: str, headings: tuple[str, ...] = ()) -> Chunk:
    return Chunk(id=f"{doc_id}-{path}", doc_id=doc_id, title="某通知", clause_path=path, text=text,
                 heading_path=list(headings), region="某市", level="city")


def _names(chunks: list[Chunk], titles: dict[str, str]) -> BenefitNames:
    documents = [DocumentMeta(doc_id=d, title=t, region="某市", level="city") for d, t in titles.items()]
    return BenefitNames(chunks, documents, ["补贴", "补助", "奖励"], ["申请", "享受", "能", "的"])


def test_a_benefit_is_named_by_the_longest_run_the_library_writes_without_an_action_word() -> None:
    chunks = [_chunk("a", "一、", "给予一次性扩岗补助。申请一次性扩岗补助的企业应提交材料。"),
              _chunk("b", "一、", "参加培训的给予培训补贴。"), _chunk("c", "一、", "按规定给予培训补贴。"),
              _chunk("d", "一、", "见习留用奖励每年受理一次，培训补贴另行发放。")]
    names = _names(chunks, {"a": "甲通知", "b": "乙通知", "c": "丙通知", "d": "丁通知"})
    assert names.named("我们厂能申请一次性扩岗补助吗") == ["一次性扩岗补助"]
    assert names.named("见习留用奖励和一次性扩岗补助怎么领") == ["见习留用奖励", "一次性扩岗补助"]
    # the one asked about first: the other is the asker's situation
    assert names.named("去年领过见习留用奖励，今年能申请一次性扩岗补助吗") == ["一次性扩岗补助", "见习留用奖励"]
    assert names.named("培训补贴多少钱") == []  # said by most documents: picks nothing out
    assert names.named("租房补贴能领吗") == []  # a name the library never writes


def test_a_count_before_a_benefit_name_is_not_part_of_it() -> None:
    # the library writes 两次技能评价补助 (只能享受两次…) and 技能评价补助: 领过两次 counts, 一次性 names
    chunks = [_chunk("a", "一、", "每人只能享受两次技能评价补助。技能评价补助按次申领。"),
              _chunk("b", "一、", "给予一次性安家补助。"), _chunk("c", "一、", "给予培训补贴。")]
    names = _names(chunks, {"a": "甲通知", "b": "乙通知", "c": "丙通知"})
    assert names.named("去年领过两次技能评价补助，今年还能领吗") == ["技能评价补助"]
    assert names.named("一次性安家补助能领多少") == ["一次性安家补助"]


def test_a_count_alone_before_a_benefit_noun_names_no_benefit() -> None:
    # the library writes 一次补助 (每人只能享受一次补助), and 再领一次补助 asks how often: no benefit is named by it
    chunks = [_chunk("a", "一、", "同一职业同一等级每人只能享受一次补助。"),
              _chunk("b", "一、", "给予一次性安家补助。"), _chunk("c", "一、", "给予培训补贴。")]
    names = _names(chunks, {"a": "甲通知", "b": "乙通知", "c": "丙通知"})
    assert names.named("前年拿了高级证，今年又考了中级证，还能再领一次补助吗") == []
    assert names.named("两次补助能一起领吗") == []
    assert names.named("一次性安家补助能领多少") == ["一次性安家补助"]


def test_a_benefit_name_starts_where_a_word_of_the_question_starts() -> None:
    from retriever.lexical import ChineseTokenizer

    chunks = [_chunk("a", "一、", "企业职工参加培训的给予职业培训补贴。"), _chunk("b", "一、", "给予创业补贴。"),
              _chunk("c", "一、", "给予见习补贴。")]
    documents = [DocumentMeta(doc_id=d, title=f"{d}通知", region="某市", level="city") for d in "abc"]
    words = ChineseTokenizer().word_starts
    names = BenefitNames(chunks, documents, ["补贴"], ["申请"], words)
    assert names.named("老板能不能算进企业培训补贴里？") == ["培训补贴"]  # not 业培训补贴, which starts inside 企业
    assert names.named("职业培训补贴怎么领？") == ["职业培训补贴"]
    unsegmented = BenefitNames(chunks, documents, ["补贴"], ["申请"])
    assert unsegmented.named("老板能不能算进企业培训补贴里？") == ["业培训补贴"]  # what the word starts prevent


def test_a_benefit_named_is_the_topic_even_when_a_topic_word_sits_inside_it(engine: OfflineEngine) -> None:
    u = engine.retriever.understand("见习留用奖励每人多少钱？")
    assert u.benefits == ["见习留用奖励"]
    assert u.topic_title == "见习留用奖励" and "见习留用奖励" in u.topic_core


def test_a_place_with_no_document_gets_the_national_rule_for_a_benefit_named_by_its_name(
        engine: OfflineEngine) -> None:
    answer = engine.answer("我是包头一家小公司的老板，去年招了两个今年毕业的大学生，合同签了两年，社保也交着，"
                           "一次性扩岗补助每个人能给多少？")
    assert answer.status == "answered", answer.answer
    assert "1000元" in answer.answer and answer.citations[0].doc_id == "mohrss-2026-expansion"


def test_a_lead_in_clause_is_answered_with_its_items() -> None:
    chunks = [_chunk("a", "一、（二）", "（二）补助标准。每人1000元。"),
              _chunk("a", "一、（三）", "（三）不予补助的情形。有下列情形之一的，不享受一次性扩岗补助："),
              _chunk("a", "一、（三）1", "1.招用人员为企业法定代表人的直系亲属的；"),
              _chunk("a", "一、（三）2", "2.招用人员在招用前6个月内曾在本企业参加社会保险的；")]
    found = group(chunks[1], chunks)
    assert found is not None and [c.clause_path for c in found[1]] == ["一、（三）1", "一、（三）2"]
    assert group(chunks[0], chunks) is not None  # an item of the parent list keeps answering with its siblings


def test_which_cases_are_left_out_is_asked_in_any_order_of_words(engine: OfflineEngine) -> None:
    exclusions = engine.knowledge.answers.exclusions
    assert isinstance(exclusions, Exclusions)
    assert exclusions.asks("哪些情况招的人不给补")
    assert exclusions.asks("什么样的人不能报")
    assert not exclusions.asks("哪些人可以领")
    answer = engine.answer("一次性扩岗补助，什么样的员工招进来不给补？")
    assert "直系亲属" in answer.answer and "6个月" in answer.answer and "吸纳就业类补贴" in answer.answer, answer.answer


def test_a_year_after_the_documents_last_day_is_not_answered_with_its_figures(engine: OfflineEngine) -> None:
    answer = engine.answer("2028年全国的一次性扩岗补助每人补多少？")
    assert answer.status == "not_found", answer.answer
    assert "2027年12月31日" in answer.answer and "1000元" not in answer.answer
    assert engine.answer("2027年全国的一次性扩岗补助每人补多少？").status == "answered"


def test_a_procedure_clause_about_another_benefit_does_not_answer(engine: OfflineEngine) -> None:
    answer = engine.answer("包头的企业，一次性扩岗补助最晚什么时候得申请？多久能审完？")
    assert "3个月内" in answer.answer and "15个工作日" in answer.answer, answer.answer
    assert "4月1日" not in answer.answer


def test_how_to_apply_today_is_answered_from_the_replacing_document(engine: OfflineEngine) -> None:
    answer = engine.answer("海东的见习单位，见习补贴是等见习期满了一起申请，还是分批申请？每次申请有啥时间要求？")
    assert answer.citations[0].doc_id == "haidong-2025-internship", answer.answer
    assert "每季度结束后10日内" in answer.answer


def test_places_the_same_documents_apply_to_get_one_answer(engine: OfflineEngine) -> None:
    u = engine.retriever.understand("我是包头人，在呼和浩特上班，一次性扩岗补助每人多少？")
    assert len(u.places) == 2 and u.sub_questions == []
    assert engine.answer("我是包头人，在呼和浩特上班，一次性扩岗补助每人多少？").answer.count("1000元") >= 1


def test_heads_singled_out_of_a_count_are_paid_their_own_rate(engine: OfflineEngine) -> None:
    from decimal import Decimal

    from support import assert_leads_with

    from assistant.offline.arithmetic import subgroups

    assert subgroups("招了5个应届生，其中2个是残疾人") == [(2, "残疾人")]
    assert subgroups("40个学员，30个是脱贫户，另外10个是普通劳动力") == [(30, "脱贫户")]
    answer = engine.answer("包头一家企业招了5个今年毕业的大学生，合同都签了两年，社保交满3个月了，其中2个是残疾人，"
                           "一次性扩岗补助一共多少？")
    direct = answer.answer.split("\n")[1]  # after the line saying only national rules apply to the place
    assert_leads_with(direct, Decimal(6000), Decimal(5000))
    assert "1500元 × 2人" in answer.answer and "1000元 × 3人" in answer.answer, answer.answer


def test_a_citys_raise_for_every_firm_is_added_to_each_heads_national_rate(engine: OfflineEngine) -> None:
    from decimal import Decimal

    from support import assert_leads_with

    # 依法登记注册的企业…符合国家规定条件人员: a condition naming no one in particular, so every firm of the city
    answer = engine.answer("乌海一家企业招了3个今年毕业的大学生，其中1个是残疾人，合同签了两年，"
                           "一次性扩岗补助一共多少？")
    assert_leads_with(answer.answer, Decimal(4400), Decimal(3500))
    assert "3500元" not in answer.answer  # the national-only total is no figure of the answer


def test_a_clause_names_a_benefit_by_the_run_after_its_last_action_word() -> None:
    from assistant.offline.evidence import EvidenceFinder

    finder = EvidenceFinder(None, lambda: None, ["补贴", "补助"], lead_words=["给予", "享受", "能", "的"])  # type: ignore[arg-type]
    assert finder.benefit_names("就业技能培训补贴每人最高不超过N元") == ["就业技能培训补贴"]  # 能 of 技能 cuts nothing
    assert finder.benefit_names("另给予一次性交通补贴，每人每期N元") == ["一次性交通补贴"]
    assert finder.benefit_names("按每招用1人N元的标准给予企业补贴") == []  # who is paid, not which benefit
    assert finder.benefit_names("在编人员不属于本补助对象") == []


def test_a_run_cut_by_a_number_or_led_by_a_verb_names_no_benefit() -> None:
    from assistant.offline.evidence import EvidenceFinder
    from ingest.knowledge import Knowledge

    scope = Knowledge.load().scope
    finder = EvidenceFinder(None, lambda: None, scope.benefit_nouns, lead_words=scope.benefit_lead_words)  # type: ignore[arg-type]
    # procedure clauses of one benefit that name none: their runs before 补贴 are no names
    assert finder.benefit_names("自受理之日起10个工作日内将补贴资金拨付至申请人账户") == []
    assert finder.benefit_names("企业应在符合补贴条件之日起6个月内提出申请") == []
    assert finder.benefit_names("社会保险补贴实行先缴后补，按季度申领") == ["社会保险补贴"]


def test_names_of_one_kind_are_compared_without_the_people_they_are_for() -> None:
    from assistant.offline.evidence import EvidenceFinder
    from ingest.knowledge import Knowledge

    knowledge = Knowledge.load()
    finder = EvidenceFinder(None, lambda: None, knowledge.scope.benefit_nouns,  # type: ignore[arg-type]
                            people_words=knowledge.answers.beneficiaries.people_words)
    # the people a benefit is for are no kind of it: a 培训补贴 for 其职工, a 租房补贴 for 见习人员
    assert finder.same_kind("其职工培训补贴", "职业技能培训补贴")
    assert not finder.same_kind("见习补贴", "见习人员租房补贴")
    assert finder.same_kind("就业困难人员岗位补贴", "高校毕业生岗位补贴")
    # nothing of its own left before the noun: the name stays whole (见习人员补贴 is a 见习补贴)
    assert finder.same_kind("见习人员补贴", "就业见习补贴")
    # what stood before still decides without people words (留川生活补贴 is a 留川补贴; 创业 is no 职业技能)
    assert finder.same_kind("留川补贴", "青年留川生活补贴")
    assert not finder.same_kind("创业培训补贴", "职业技能培训补贴")
