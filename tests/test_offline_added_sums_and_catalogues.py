"""Sums added to a standard stated elsewhere, named catalogues, categories named by a raise, the higher of two
raises, an article's items, and a replaced document a current question is best matched by.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's skill
upgrade measures with an amount table whose last column is a remark (备注), a share of a named row of it (按附件1所列
初级（五级）标准的60%) and a share for people drawing unemployment benefit; a city of that province adding a sum to
the provincial standard for occupations in its catalogue (在省定标准基础上每人增加300元) and raising it for 技师, the
higher of the two only (按就高原则); and another city's old entrepreneurship-training notice with the measures that
repealed it (rates as the items of one article, a raise on that article for veterans).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, figures, lead, offline_engine_beside_library

from assistant.offline.adjustment import names_condition, names_list, standard_named
from assistant.offline.engine import OfflineEngine
from assistant.offline.support import CorpusVocabulary
from ingest.quantities import find_quantities
from ingest.tables import render_row

PROVINCE = """山西省人力资源和社会保障厅 山西省财政厅关于印发《山西省职工技能提升补贴办法》的通知
晋人社规〔2025〕5号
各市人力资源和社会保障局、财政局：
现将《山西省职工技能提升补贴办法》印发给你们，请认真贯彻执行。
山西省职工技能提升补贴办法
第一条　为提升职工技能水平，制定本办法。
第二条　企业职工取得职业资格证书或职业技能等级证书的，按附件1所列标准给予技能提升补贴。
第三条　取得专项职业能力证书的，按附件1所列初级（五级）标准的60%给予补贴。
第四条　领取失业保险金期间取得职业技能等级证书的失业人员，按附件1所列标准的90%给予补贴。
第五条　申领技能提升补贴应当提交以下材料：
（一）居民身份证；
（二）职业技能等级证书（可联网查询的免于提交）；
（三）本人社会保障卡银行账户信息。
第六条　申领人通过网上服务平台或经办机构窗口提出申请，不得要求申领人重复提交可通过信息共享获取的材料。
第七条　本办法自2025年3月1日起施行。

附件1

山西省职工技能提升补贴标准表

序号\t证书等级\t补贴标准（元/人）\t备注
1\t初级工（五级）职业技能等级证书\t800\t专项职业能力证书按本档60%执行
2\t中级工（四级）职业技能等级证书\t1200\t—
3\t高级工（三级）职业技能等级证书\t1800\t—
4\t技师（二级）职业技能等级证书\t2400\t—
"""

CITY = """大同市人力资源和社会保障局关于加强技能人才培养的若干措施
同人社发〔2025〕8号
一、技能提升补贴
（一）在我市参保的企业职工取得列入《大同市技能人才急需职业（工种）目录》的职业（工种）中级（四级）及以上证书的，\
在省定标准基础上每人增加300元。
（二）企业职工取得技师（二级）证书的，按省级标准上浮25%给予补贴。同一证书同时符合本措施第一条第（一）项和本项规定的，\
按就高原则享受其中一项，不重复叠加。
二、企业奖励
（一）对上一年度新增取得技师证书的本企业职工达到5人以上的企业，按每人2000元给予一次性奖励。
（二）同一企业年度奖励总额最高不超过20万元。
三、学徒培训
（一）我市企业按国家规定开展企业新型学徒制培训的，在国家规定的补贴标准基础上，每名学徒每年增加800元。
（二）学徒培训期满取得高级工证书的，给予培养企业每人1500元一次性奖励。
四、本措施自2025年5月1日起施行。
"""

NATIONAL = """人力资源社会保障部 财政部关于推行企业新型学徒制培训的通知
人社部发〔2025〕30号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
一、培训对象为与企业签订1年以上劳动合同的职工。
二、补贴标准
（一）企业新型学徒制培训补贴标准为：中级工每人每年4000元，高级工每人每年5000元。
（二）补贴期限按实际培训期限计算，中级工最长不超过2年，高级工最长不超过3年。
三、本通知自2025年3月1日起施行。
"""

OLD = """晋中市人力资源和社会保障局关于做好创业培训补贴工作的通知
晋中人社发〔2021〕12号
一、补贴标准
（一）参加创业意识培训（GYB）并取得合格证书的，每人补贴200元。
（二）参加创办企业培训（SYB）并取得合格证书的，每人补贴1000元。
二、本通知自2021年6月1日起施行。
"""

NEW = """晋中市人力资源和社会保障局关于印发《晋中市创业培训补贴管理办法》的通知
晋中人社规〔2025〕2号
晋中市创业培训补贴管理办法
第一条　为规范创业培训补贴管理，制定本办法。
第二条　创业培训补贴标准如下：
（一）创业意识培训（GYB）每人300元；
（二）创办企业培训（SYB）每人1300元；
（三）网络创业培训每人900元。
第三条　学员为退役军人或脱贫人口的，按本办法第二条规定标准上浮10%给予补贴。
第四条　补贴资金分两次拨付：学员结业考核合格后首次拨付应补贴金额的60%；跟踪服务期满后拨付其余40%。
第五条　本办法自2025年4月1日起施行。原《晋中市人力资源和社会保障局关于做好创业培训补贴工作的通知》\
（晋中人社发〔2021〕12号）同时废止。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("added"), {
        "shanxi-2025-skill-upgrade.txt": PROVINCE, "datong-2025-skilled-talent.txt": CITY,
        "jinzhong-2021-entrepreneurship.txt": OLD, "jinzhong-2025-entrepreneurship.txt": NEW,
        "mohrss-2025-apprenticeship.txt": NATIONAL})


def test_a_remark_column_after_the_amount_leaves_the_amount_the_rows_figure() -> None:
    header = ["证书等级", "补贴标准（元/人）", "备注"]
    assert render_row(list(zip(header, ["初级工", "800", "专项职业能力证书按本档60%执行"], strict=True))) == \
        "初级工：补贴标准800元/人（备注：专项职业能力证书按本档60%执行）"
    assert render_row([(h, v) for h, v in zip(header, ["中级工", "1200", "—"], strict=True) if v != "—"]) == \
        "中级工：补贴标准1200元/人"


def test_capital_numerals_are_never_read_out_of_a_word() -> None:
    assert [(q.kind, q.value) for q in find_quantities("我退伍两年了")] == [("duration", Decimal(24))]
    assert [(q.kind, q.value) for q in find_quantities("补助壹万贰仟元")] == [("money", Decimal(12000))]


def test_a_named_catalogue_is_named_by_its_noun_and_a_word_of_its_name() -> None:
    condition = "在我市参保的企业职工取得列入《某市技能人才急需职业（工种）目录》的职业（工种）"
    words = ["技能人才", "急需", "职业", "工种"]
    assert names_list(condition, "我的工种在急需目录上", words, ["不在", "没有"]) is True
    assert names_list(condition, "工种不在急需目录里", words, ["不在", "没有"]) is False
    assert names_list(condition, "考了个中级证", words, ["不在", "没有"]) is None


def test_part_of_a_longer_word_names_no_condition() -> None:
    condition = "领取失业保险金期间取得职业技能等级证书的失业人员"
    assert not names_condition(condition, "失业保险连续交了8个月", 4, words=["失业保险金", "失业人员"])
    assert names_condition(condition, "我在领失业保险金", 4, words=["失业保险金", "失业人员"])


def test_a_standard_named_by_its_row() -> None:
    assert standard_named("按附件1所列初级（五级）标准的60%") == "初级（五级）"
    assert standard_named("按附件1所列标准的90%") == ""


@pytest.mark.parametrize(("question", "amount", "not_stated"), [
    ("大同的，考了个中级（四级）证，这个工种在急需目录上，技能提升补贴一共多少", Decimal(1500), Decimal(1200)),
    ("大同的，考了个中级（四级）证，工种不在急需目录里，技能提升补贴多少", Decimal(1200), Decimal(1500)),
    # both raises apply to a 技师 in the catalogue: the city grants the higher one (2400 × 1.25 over 2400 + 300)
    ("大同企业的电工，拿到技师（二级）证书了，电工在急需目录里，能拿多少", Decimal(3000), Decimal(2700)),
    # 失业保险 paid is not 领取失业保险金: no 90% share
    ("大同的，失业保险交了8个月，考了中级（四级）证，工种在急需目录上，能拿多少", Decimal(1500), Decimal(1380)),
])
def test_a_sum_added_to_the_provincial_standard(engine: OfflineEngine, question: str, amount: Decimal,
                                                 not_stated: Decimal) -> None:
    answer = engine.answer(question)
    assert_leads_with(answer.answer, amount, not_stated)
    assert any(c.doc_id == "shanxi-2025-skill-upgrade" and c.clause.startswith("附件1") for c in answer.citations)


def test_a_share_of_a_named_row_whatever_level_the_asker_holds(engine: OfflineEngine) -> None:
    answer = engine.answer("朔州的，考了个专项职业能力证书，能补多少钱")  # no document: the province's
    assert Decimal(480) in figures(lead(answer.answer)), answer.answer  # 800 × 60%
    assert {c.clause for c in answer.citations} >= {"第三条", "附件1 第1行"}


def test_a_current_question_is_answered_by_the_replacing_document(engine: OfflineEngine) -> None:
    answer = engine.answer("晋中的，参加了SYB创办企业培训，拿到合格证了，补贴是多少")
    stated = figures(lead(answer.answer))
    assert Decimal(1300) in stated and Decimal(1000) not in stated, answer.answer
    assert answer.citations[0].doc_id == "jinzhong-2025-entrepreneurship"


def test_a_raise_on_an_article_whose_items_each_state_a_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("我是退役军人，在晋中参加网络创业培训，补贴多少")
    assert Decimal(990) in figures(lead(answer.answer)), answer.answer  # 900 × (1 + 10%)
    assert {c.clause for c in answer.citations} >= {"第三条", "第二条（三）"}


def test_a_materials_question_gets_the_list_whose_lead_in_names_materials(engine: OfflineEngine) -> None:
    answer = engine.answer("朔州的，想申请技能提升补贴，要准备哪些材料")
    assert "居民身份证" in answer.answer and "社会保障卡" in answer.answer, answer.answer
    assert {c.clause for c in answer.citations} >= {"第五条（一）", "第五条（三）"}


@pytest.mark.parametrize(("question", "intent"), [
    ("以前在晋中参加创业培训要有本地户口或者居住证满一年，还有年龄限制，现在还要吗", "old_policy"),
    ("我们是大同一家企业，有员工新考了技师证，奖励什么时候报？报给谁？", "procedure"),
])
def test_wordings_of_before_and_now_and_of_when_to_apply(engine: OfflineEngine, question: str, intent: str) -> None:
    assert intent in engine.retriever.understand(question).intents


def test_asking_phrases_are_no_content_terms(engine: OfflineEngine) -> None:
    vocabulary: CorpusVocabulary = engine.vocabulary()
    terms = vocabulary.terms("企业奖励什么时候报？报给谁？")
    assert "奖励" in terms and not {"时候", "报给"} & set(terms)


def test_the_most_one_may_get_is_the_cap_when_no_category_is_stated(engine: OfflineEngine) -> None:
    answer = engine.answer("大同的企业技能人才奖励，一家企业一年最多能拿多少")
    assert "20万元" in lead(answer.answer), answer.answer
    assert answer.citations[0].clause == "二、（二）"


def test_a_sum_a_city_adds_to_the_national_standard(engine: OfflineEngine) -> None:
    answer = engine.answer("大同的企业搞企业新型学徒制，培养高级工，培训两年，每个学徒总共能补多少")
    stated = figures(lead(answer.answer))
    assert Decimal(11600) in stated and Decimal(1500) not in stated, answer.answer  # (5000 + 800) × 2
    assert {c.doc_id for c in answer.citations} >= {"datong-2025-skilled-talent", "mohrss-2025-apprenticeship"}


def test_the_most_for_one_apprentice_takes_the_longest_period_another_clause_allows(engine: OfflineEngine) -> None:
    answer = engine.answer("兰州的企业培养一个高级工学徒，最多一共能补多少")  # no local document: the national notice
    worked = answer.answer.split("依据", 1)[0]  # after the line saying no local document applies
    assert Decimal(15000) in figures(worked) and Decimal(10000) not in figures(worked), answer.answer  # 3 years
    assert {c.clause for c in answer.citations} >= {"二、（一）", "二、（二）"}


def test_an_instalment_of_a_whole_the_question_does_not_name_is_not_worked_out(engine: OfflineEngine) -> None:
    answer = engine.answer("我们机构在晋中做创业培训，补贴首次能拿到几成")  # which of three rates? none named
    assert "60%" in lead(answer.answer) and not figures(lead(answer.answer)), answer.answer
