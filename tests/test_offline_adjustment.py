"""Rates set against a standard stated elsewhere, ranked thresholds and excluded groups (``assistant.offline``).

Three fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
measures stating its standard one sentence per level, an uplift by reference to an article and the groups it leaves
out; a city under it paying a share of the province's standard (省定标准的60%) to a relaxed group and more
(省定标准的130%) for its own catalogue; a county paying a share of its attachment's table. Questions in several
wordings must work out the base with the question's facts, apply the share or the raise only when the question names
its condition (or the clause that found the asker eligible states it), cite both clauses, and never apply a raise the
question does not ask for.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.adjustment import Levels, adjustments
from assistant.offline.engine import OfflineEngine
from ingest.knowledge import Knowledge
from ingest.models import Chunk

PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省技能提升补贴实施办法》的通知
甘人社规〔2025〕4号
各市（州）人力资源和社会保障局、财政局：
现将《甘肃省技能提升补贴实施办法》印发给你们，请遵照执行。
甘肃省技能提升补贴实施办法
第一条　为提升职工技能水平，制定本办法。
第二条　在我省依法参加失业保险，累计缴纳失业保险费12个月以上的企业职工，取得职业资格证书或职业技能等级证书的，\
可以申领技能提升补贴。
第三条　机关事业单位工作人员、领取失业保险金人员以及已达到法定退休年龄的人员，不属于本办法补贴对象。
第四条　技能提升补贴按证书等级确定：取得初级（五级）证书的，每人补贴1000元；取得中级（四级）证书的，\
每人补贴1500元；取得高级（三级）证书的，每人补贴2000元。
第五条　职工取得的证书所属职业（工种）纳入《甘肃省紧缺职业（工种）目录》的，按本办法第四条规定标准的110%给予补贴。
第六条　本办法自2025年3月1日起施行。
"""

CITY = """天水市人力资源和社会保障局 天水市财政局关于做好技能提升补贴扩面工作的通知
天人社发〔2025〕9号
各县（区）人力资源和社会保障局、财政局：
为落实《甘肃省技能提升补贴实施办法》，现就有关事项通知如下：
一、扩大补贴范围
（一）基本条件。在本市参加失业保险的企业职工，符合省定申领条件的，按省定标准享受技能提升补贴。
（二）在本市装备制造、新型材料两条产业链企业就业的职工，累计缴纳失业保险费满6个月不满12个月，取得中级（四级）及以上职业资格证书或职业技能等级证书的，按省定标准的60%给予补贴。
二、提高补贴标准
（一）职工取得的证书所属职业（工种）列入《天水市急需紧缺职业（工种）目录》的，按省定标准的130%给予补贴。
三、本通知自2025年6月1日起施行。
"""

COUNTY = """秦安县人民政府办公室关于印发《秦安县职业培训补贴办法》的通知
秦政办发〔2025〕3号
各乡镇人民政府，县直各部门：
现将《秦安县职业培训补贴办法》印发给你们，请认真执行。
一、补贴标准
（一）取得职业技能等级证书的，按附件1所列标准给予补贴。
（二）仅取得培训合格证书且在结业后3个月内就业的，按附件1所列标准的50%给予补贴。
二、本办法自2025年2月1日起施行。

附件1

职业培训补贴标准表

序号\t职业（工种）\t培训课时\t补贴标准（元/人）

1\t电工（初级工）\t120\t1600

2\t育婴员（初级工）\t90\t1100

3\t焊工（初级工）\t150\t1800

4\t家政服务员（初级工）\t80\t900
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("adjustment"), {
        "gansu-2025-skill-upgrade-measures.txt": PROVINCE,
        "tianshui-2025-skill-upgrade-notice.txt": CITY,
        "qinan-2025-training-subsidy.txt": COUNTY,
    })




# ---- reading adjustments (pure) ----------------------------------------------------------------------------------

def _chunk(text: str) -> Chunk:
    return Chunk(id="c", doc_id="d", title="t", region="某市", level="city", kind="clause", clause_path="一、",
                 text=text)


@pytest.mark.parametrize(("text", "reference", "target", "percent", "raises"), [
    ("对纳入目录的，按省定标准的120%给予补贴。", "level", "province", Decimal(120), False),
    ("新招用高校毕业生的，按本办法第七条规定标准提高10%给予补贴。", "article", "第七条", Decimal(10), True),
    ("仅取得培训合格证书的，按附件一所列标准的60%给予补贴。", "attachment", "附件1", Decimal(60), False),
    ("列入急需紧缺目录的，补贴标准提高15%。", "own", "", Decimal(15), True),
    ("学徒培训备案后，企业可申请预支不超过40%的补贴资金。", "own", "", Decimal(40), False),
    ("企业学徒培训备案通过后，可按补贴总额的50%申请预支。", "own", "", Decimal(50), False),
    ("团体项目按上表标准的1.5倍奖励团队。", "table", "", Decimal(150), False),  # a multiple of the table above
    ("集体获奖的，按个人奖励标准的两倍给予奖励。", "own", "", Decimal(200), False),
])
def test_an_adjustment_names_its_base(text: str, reference: str, target: str, percent: Decimal,
                                      raises: bool) -> None:
    levels = Levels.of(Knowledge.load().answers)
    [found] = adjustments(_chunk(text), levels)
    assert (found.reference, found.target, found.percent, found.raises) == (reference, target, percent, raises)
    assert found.phrase in text and found.condition and found.condition in text


@pytest.mark.parametrize(("text", "target", "percent", "phrase"), [
    ("对我县获奖选手，在国家奖励标准基础上按1:0.5的比例给予配套奖励。", "national", Decimal(50),
     "按1:0.5的比例给予配套奖励"),
    ("农机企业职工取得中级证书：在省级补贴基础上另行发放（区级标准：按省规定补贴标准的20%）", "province", Decimal(20),
     "按省规定补贴标准的20%"),
    ("在省、市补贴的基础上，再按市定补贴标准的10%给予区级奖励。", "city", Decimal(10), "按市定补贴标准的10%"),
])
def test_a_share_paid_besides_a_higher_standard_is_added_to_it(text: str, target: str, percent: Decimal,
                                                                phrase: str) -> None:
    [found] = adjustments(_chunk(text), Levels.of(Knowledge.load().answers))
    assert (found.reference, found.target, found.percent, found.on_top, found.phrase) == (
        "level", target, percent, True, phrase)
    assert found.adjust(Decimal(2000)) == Decimal(2000) * (1 + percent / 100)


@pytest.mark.parametrize(("head", "level"), [
    ("按国家规定补贴标准的", "national"), ("在自治区补贴基础上", "province"), ("在省、市补贴基础上", "city"),
    ("在区级奖励标准基础上", "district"), ("按本市标准的", None), ("按市场价格的", None),
    ("在落实国家政策的基础上", None),
])
def test_a_reference_names_a_level_by_its_root(head: str, level: str | None) -> None:
    assert Levels.of(Knowledge.load().answers).named(head) == level


@pytest.mark.parametrize("text", [
    "企业按职工工资总额的1.5%足额提取职工教育经费。",  # a rate of a base the asker supplies
    "培训合格率达到90%以上的机构优先纳入目录。",  # a target
])
def test_rates_that_adjust_no_standard_are_not_adjustments(text: str) -> None:
    assert adjustments(_chunk(text), Levels.of(Knowledge.load().answers)) == []


# ---- answers -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "amount"), [
    ("天水的，证书工种在天水市急需紧缺目录里，拿了高级工证书，补贴多少", Decimal(2600)),  # 2000 × 130%
    ("我在天水上班，考了个中级工证，工种列入天水市急需紧缺职业目录了，能补多少钱", Decimal(1950)),  # 1500 × 130%
    ("甘肃的高级工，工种在甘肃省紧缺职业目录内，能拿多少", Decimal(2200)),  # 2000 × 110%
    ("秦安县学电工，只拿到培训合格证，结业一个月就上班了，补贴多少", Decimal(800)),  # 1600 × 50%
])
def test_a_named_adjustment_is_applied_to_its_base(engine: OfflineEngine, question: str, amount: Decimal) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered"
    assert amount in figures(lead(answer.answer)), answer.answer
    assert len(answer.citations) >= 2  # the adjusting clause and the base it adjusts
    assert "计算过程" in answer.answer and "%" in answer.answer


def test_the_clause_that_found_the_asker_eligible_sets_the_share(engine: OfflineEngine) -> None:
    answer = engine.answer("我在天水一家装备制造企业上班，失业险交了9个月，刚考了中级工证，能领多少？")
    assert Decimal(900) in figures(answer.answer), answer.answer  # 1500 × 60%
    assert "结论：符合" in answer.answer
    assert {c.doc_id for c in answer.citations} == {"tianshui-2025-skill-upgrade-notice",
                                                    "gansu-2025-skill-upgrade-measures"}


@pytest.mark.parametrize("question", ["甘肃中级工技能提升补贴多少",
                                      "甘肃的，失业保险交了两年，考了中级工证，补贴多少钱",
                                      "甘肃的中级工，工种不在甘肃省紧缺职业目录里，补贴多少"])  # a negated condition
def test_no_adjustment_when_the_question_does_not_name_its_condition(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    stated = figures(lead(answer.answer))
    assert Decimal(1500) in stated and Decimal(1650) not in stated, answer.answer


def test_a_rank_below_the_stated_level_is_not_eligible(engine: OfflineEngine) -> None:
    answer = engine.answer("天水装备制造企业的职工，失业保险交了10个月，考的是初级工证，能按扩大范围的政策领吗")
    assert answer.answer.startswith("结论：不符合"), answer.answer
    assert "中级（四级）及以上" in lead(answer.answer) and "初级" in lead(answer.answer)


@pytest.mark.parametrize("question", [
    "我在甘肃一家事业单位上班，考了高级工证，能领技能提升补贴吗",
    "甘肃的，正在领失业金，这段时间考了个中级工证，能申请技能提升补贴吗",
])
def test_an_excluded_group_the_asker_belongs_to_is_not_eligible(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answer.startswith("结论：不符合"), answer.answer
    assert "不属于本办法补贴对象" in lead(answer.answer)
    assert answer.citations[0].clause == "第三条"


def test_a_situation_outside_the_excluded_groups_is_not_excluded(engine: OfflineEngine) -> None:
    answer = engine.answer("我在甘肃一家民营企业上班，失业保险交了两年，考了高级工证，能领技能提升补贴吗")
    assert not answer.answer.startswith("结论：不符合"), answer.answer


@pytest.mark.parametrize(("question", "kind"), [
    ("天水的企业能申报技能提升补贴吗", "eligibility"),
    ("天水的技能提升补贴怎么申报", "procedure"),
    ("技能提升补贴多久能到账", "procedure"),
])
def test_an_act_of_applying_asks_how_only_outside_a_yes_no_question(engine: OfflineEngine, question: str,
                                                                      kind: str) -> None:
    assert engine.retriever.understand(question).kind == kind


def test_a_clause_deferring_to_the_province_is_followed_by_the_citys_own_terms(engine: OfflineEngine) -> None:
    answer = engine.answer("天水的技能提升补贴，失业保险要交多久才能领")
    body = answer.answer.split("依据")[0]
    assert "省定" in body and "满6个月不满12个月" in body, answer.answer
    assert {c.clause for c in answer.citations if c.doc_id == "tianshui-2025-skill-upgrade-notice"} >= {"一、（二）"}


def test_one_citys_adjustment_never_reaches_a_sibling_in_a_comparison(engine: OfflineEngine) -> None:
    """平凉 has no document: it gets the province's figures, never 天水's 130%; the difference leads."""
    answer = engine.answer("同样是高级工证书，天水比平凉多拿多少钱？天水这个工种在天水市急需紧缺职业目录里")
    first, rest = answer.answer.split("\n", 1)
    assert "相差" in first, answer.answer
    pingliang = rest[rest.index("【甘肃省平凉市"):]
    assert Decimal(2600) not in figures(lead(pingliang)), answer.answer
    assert "天水" not in lead(pingliang) and "甘肃省" in lead(pingliang)


@pytest.mark.parametrize(("question", "amount"), [
    ("秦安县，电工和育婴员两个证都拿了，一共补多少", Decimal(2700)),  # 1600 + 1100
    ("秦安县焊工和电工的培训补贴标准差多少", Decimal(200)),  # 1800 − 1600
])
def test_several_named_categories_are_added_up_or_set_apart(engine: OfflineEngine, question: str,
                                                            amount: Decimal) -> None:
    answer = engine.answer(question)
    assert amount in figures(lead(answer.answer)), answer.answer
    assert ("合计" if "一共" in question else "相差") in answer.answer
