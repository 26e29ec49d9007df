"""Query understanding (pure): places and the rules that apply to them, documents named, intents, facts, parts.

Documents are hand-made so that each mechanism is tested on places and wordings it was not written from: a province
document (黑龙江省) whose cities inherit it, a city (石家庄市) whose siblings do not, a district (北碚区), a whole
municipality (北京市) whose districts inherit it, and a national document.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ingest.knowledge import Knowledge
from ingest.models import DocumentMeta
from retriever.understanding import QueryUnderstander


def _doc(doc_id: str, region: str, level: str, *, number: str | None = None, year: int = 2019,
         aliases: list[str] | None = None, title: str | None = None, superseded_by: list[str] | None = None):
    return DocumentMeta(doc_id=doc_id, title=title or f"{region}关于职业技能培训补贴的通知", region=region,
                        level=level, doc_number=number, publish_date=date(year, 3, 1), aliases=aliases or [],
                        superseded_by=superseded_by or [])


DOCS = [
    _doc("sjz", "石家庄市", "city", year=2019),
    _doc("bj11", "北京市", "municipality", number="京政发〔2011〕33号", year=2011),
    _doc("bj07", "北京市", "municipality", number="京办发〔2007〕14号", year=2007, superseded_by=["bj11"],
         title="关于进一步加强高技能人才工作的实施意见"),
    _doc("bb", "重庆市北碚区", "district", number="北碚府发〔2019〕21号"),
    _doc("hlj", "黑龙江省", "province", number="黑人社规〔2021〕3号", year=2021),
    _doc("nat", "全国", "national", number="人社部函〔2015〕67号", year=2015),
]


@pytest.fixture(scope="module")
def understander() -> QueryUnderstander:
    return QueryUnderstander(DOCS, Knowledge.load())


def places(understander: QueryUnderstander, question: str) -> list[tuple[str, list[str]]]:
    return [(p.name, p.regions) for p in understander.understand(question).places]


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("河北省的规定和石家庄的规定分别说一下", ["河北省", "石家庄市"]),  # compared apart: both asked
        ("北京市和海淀区的规定比较一下", ["北京市", "海淀区"]),
        ("河北石家庄和唐山比，哪个补得多", ["石家庄市", "唐山市"]),  # 河北 right before 石家庄 only locates it
        ("我在石家庄，河北这边技能提升补贴多少", ["石家庄市"]),  # no comparison: the parent is context
    ],
)
def test_a_parent_compared_apart_from_its_child_is_asked_about(understander, question, names) -> None:
    assert [p.name for p in understander.understand(question).places] == names


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("石家庄技能提升补贴", [("石家庄市", ["石家庄市", "全国"])]),
        ("石家莊技能提升補貼", [("石家庄市", ["石家庄市", "全国"])]),  # traditional characters
        ("北京海淀区的企业", [("海淀区", ["北京市", "全国"])]),  # a district inherits its municipality
        ("丰台这边工资总额", [("丰台区", ["北京市", "全国"])]),
        ("哈尔滨考证补贴多少", [("哈尔滨市", ["黑龙江省", "全国"])]),  # a city inherits its province
        ("黑龙江考证补贴", [("黑龙江省", ["黑龙江省", "全国"])]),  # a province named without 省
        ("河北唐山考证补贴", [("唐山市", ["全国"])]),  # a sibling of a covered city: only national rules
        ("重庆渝北区的退役士兵", [("渝北区", ["全国"])]),
        ("河北这边学徒制", [("河北省", ["全国"])]),  # a province is larger than the one city covered in it
        ("广州的补贴", [("广州市", ["全国"])]),
        ("北碚退伍军人", [("北碚区", ["重庆市北碚区", "全国"])]),
        ("宁远市技能补贴", [("宁远县", ["全国"])]),  # a wrong suffix still names the county
        ("技能提升补贴多少", []),
        ("南京的就业技能培训补贴", [("南京市", ["全国"])]),  # 京 inside 南京 is not 北京
        ("国家职业资格目录", []),
    ],
)
def test_places_and_the_rules_that_apply(understander, question, expected) -> None:
    assert places(understander, question) == expected


def test_a_parent_named_next_to_its_child_is_context(understander) -> None:
    understanding = understander.understand("我在河北省石家庄市打工，家住河北衡水")
    assert [p.name for p in understanding.places] == ["石家庄市", "衡水市"]
    assert [p.name for p in understanding.uncovered] == ["衡水市"]
    # 老家 makes 衡水 the asker's origin, not a place asked about, beside 石家庄
    assert [p.name for p in understander.understand("我在河北省石家庄市打工，老家河北衡水").places] == ["石家庄市"]
    assert understanding.regions == ["石家庄市", "全国"]


def test_a_province_alone_points_to_what_is_covered_inside_it(understander) -> None:
    (hebei,) = understander.understand("河北的技能提升补贴").places
    assert hebei.inside == ["石家庄市"] and not hebei.covered


def test_a_place_shaped_name_the_gazetteer_lacks_is_still_a_place(understander) -> None:
    understanding = understander.understand("我在青云市上班，能领技能补贴吗")
    assert [(p.name, p.code, p.regions) for p in understanding.places] == [("青云市", None, ["全国"])]
    assert understanding.uncovered


@pytest.mark.parametrize(
    "question",
    ["本市的补贴", "城市里打工", "各区怎么执行", "我们社区", "几个区参加了", "百城技能振兴城市名单", "比如说合作",
     "省里市里的补贴加起来一共多少", "县里区里都给钱吗"],
)
def test_generic_place_words_are_not_places(understander, question) -> None:
    assert understander.understand(question).places == []


def test_an_ordinary_word_ending_in_a_suffix_is_no_place(understander) -> None:
    # 超市 and 股市 are words of their own (jieba's dictionary), so 小超市 is no unknown city; 青云市 still is one
    assert understander.understand("想在哈尔滨开个小超市，能贷款吗").places[0].name == "哈尔滨市"
    assert [p.surface for p in understander.understand("在青云市开个小超市，能贷款吗").places] == ["青云市"]
    assert understander.understand("炒股市亏了，能领补贴吗").places == []


def test_a_county_named_after_a_preposition_or_conjunction_is_a_place(understander) -> None:
    # 与会 and 在建 are words of their own, yet 与/在 are a conjunction and a preposition: the county starts after them
    together = understander.understand("我们公司与会泽那边的合作社签了协议，能领补贴吗")
    assert [p.name for p in together.places] == ["会泽县"]
    assert [p.name for p in understander.understand("一直在建水打工，能领补贴吗").places] == ["建水县"]
    assert understander.understand("振兴城市建设的补贴").places == []  # 振 is no preposition: 兴城 stays inside 振兴


def test_a_county_short_name_glued_to_the_word_after_it_is_no_place(understander) -> None:
    # 安置 and 安排 are words of their own: 都安 (a county's short name) ends inside them; said alone it is the county
    assert [p.surface for p in understander.understand("双鸭山的公益性岗位都安置哪几类人").places] == ["双鸭山"]
    assert understander.understand("申请材料单位都安排好了，还要等多久").places == []
    assert [p.name for p in understander.understand("我在都安参加了电工培训，能领补贴吗").places] == ["都安瑶族自治县"]


def test_an_autonomous_unit_is_called_by_its_short_name_and_unit(understander) -> None:
    # 通道侗族自治县 is said 通道县 (never 道县, another county inside the words); 黔南布依族苗族自治州 is said 黔南州
    assert [p.name for p in understander.understand("通道县的培训补贴怎么领").places] == ["通道侗族自治县"]
    assert [p.name for p in understander.understand("黔南州见习补贴多少钱").places] == ["黔南布依族苗族自治州"]
    assert [p.name for p in understander.understand("道县的培训补贴怎么领").places] == ["道县"]


def test_a_county_short_name_right_after_a_measure_word_is_the_thing_counted(understander) -> None:
    # 小店 is 太原's 小店区 by its short name, and a small shop after 个 / 一家: the thing counted is no place
    assert [p.name for p in understander.understand("在桑植开了个小店，能领一次性创业补贴吗").places] == ["桑植县"]
    assert understander.understand("我在这家小店打工三年了，能领补贴吗").places == []
    assert [p.name for p in understander.understand("我在小店的一家养老院上班，能领补贴吗").places] == ["小店区"]
    assert [p.name for p in understander.understand("回老家桑植开了一家农家乐").places] == ["桑植县"]


def test_the_askers_origin_is_no_place_asked_about_beside_another(understander) -> None:
    question = "我户口在河南周口，不是石家庄户口，现在在石家庄打工，想开个小饭馆，能申请补贴吗？"
    assert [p.name for p in understander.understand(question).places] == ["石家庄市"]
    alone = understander.understand("我户口在河南周口，能申请补贴吗？")  # named alone: the place asked about
    assert [p.name for p in alone.places] == ["周口市"]
    heard = "我们厂在石家庄，听说保定那边每人还多给500，我们能不能也拿？"  # what the asker heard of elsewhere
    assert [p.name for p in understander.understand(heard).places] == ["石家庄市"]


def test_where_the_asker_works_stays_asked_beside_where_they_come_from(understander) -> None:
    # which place pays depends on the benefit (a skills subsidy where one is insured, a labour-export allowance at
    # home): neither is set aside, each is answered
    question = "石家庄的，在义乌打工交了三年社保，今年考了个初级工证书，职业技能培训补贴能领多少？"
    assert [p.name for p in understander.understand(question).places] == ["石家庄市", "义乌市"]


def test_names_with_readings_that_differ_in_rules_are_ambiguous(understander) -> None:
    understanding = understander.understand("朝阳区的补贴")  # 北京市朝阳区 or 长春市朝阳区
    assert understanding.ambiguous and understanding.ambiguous[0].readings
    settled = understander.understand("北京朝阳区的补贴")
    assert not settled.ambiguous and settled.regions == ["北京市", "全国"]


def test_abbreviation_in_a_set_phrase_names_its_province(understander) -> None:
    assert places(understander, "在京工作3年") == [("北京市", ["北京市", "全国"])]
    assert places(understander, "津贴怎么发") == []


def test_several_places_give_one_part_each(understander) -> None:
    understanding = understander.understand("北京和石家庄的职业培训补贴分别是多少")
    assert understanding.kind == "comparison"
    # each part is that place's own amount question (分别是多少 asks a figure of each)
    assert [(p.place.name, p.kind) for p in understanding.sub_questions] == [
        ("北京市", "amount"), ("石家庄市", "amount")]
    unfigured = understander.understand("北京和石家庄的职业培训补贴有什么不同")
    assert [p.kind for p in unfigured.sub_questions] == ["comparison", "comparison"]


def test_a_point_compared_with_the_old_rule_is_asked_of_now_and_then(understander) -> None:
    understanding = understander.understand("审核要多少个工作日？跟老政策比快了还是慢了？")
    assert understanding.kind != "comparison" and understanding.has("current_policy"), understanding.intents
    two = understander.understand("北京和石家庄的职业培训补贴，跟老政策比哪个高？")  # places compared stay a comparison
    assert two.kind == "comparison"


def test_several_asks_give_one_part_each(understander) -> None:
    understanding = understander.understand("石家庄技能提升补贴能领多少，去哪申请")
    assert [p.kind for p in understanding.sub_questions] == ["amount", "procedure"]


@pytest.mark.parametrize(
    ("question", "doc_ids"),
    [("京政发〔2011〕33号还有效吗", ["bj11"]), ("京政发[2011]33号", ["bj11"]), ("33号文怎么说", ["bj11"]),
     ("07年那个文件", ["bj07"]), ("2007年那个文件怎么规定", ["bj07"]), ("黑人社规3号", ["hlj"]),
     ("关于进一步加强高技能人才工作的实施意见里说", ["bj07"]), ("99号文", []), ("我2019年参加了培训", []),
     # a demonstrative then a document word in the year's clause; not past the clause's end
     ("北京2011年印发的那个加强职业培训的意见现在还算数吗", ["bj11"]),
     ("2007年我考了证，那个补贴意见里怎么说", [])],
)
def test_documents_named(understander, question, doc_ids) -> None:
    assert understander.understand(question).doc_ids == doc_ids


def test_doc_number_prefix_is_no_place(understander) -> None:
    assert understander.understand("京政发〔2011〕33号").places == []


@pytest.mark.parametrize(
    ("question", "kind", "intents"),
    [("技能提升补贴是多少？", "amount", {"amount"}),
     ("我能不能申请直接引进？", "eligibility", {"eligibility", "personal"}),
     ("怎么申请补贴？", "procedure", {"procedure"}), ("哪些人可以免费培训？", "list", {"list"}),
     ("介绍一下职业培训", "general", set()), ("老文件还有效吗", "eligibility", {"old_policy", "status"}),
     ("这个文件是哪个部门发的，文号多少", "amount", {"metadata"}), ("国家层面有什么规定", "list", {"national"}),
     ("申领以工代训补贴要准备哪些材料？", "procedure", {"procedure"}),  # 哪些 of 哪些材料 asks for no list
     ("工作室的资助钱能用在哪些方面", "list", {"list"}),  # 在哪 only overlaps 哪些: still a list
     ("以工代训补贴有哪些要求，材料去哪交", "list", {"list", "procedure"}),
     ("学徒补贴是一次性给吗，分几次拨", "procedure", {"procedure"}),
     ("以前要求60天内备案，现在改成多少天了", "amount", {"old_policy", "current_policy"}),
     # compared with the old rule: the point asked (an amount), answered now and then
     ("现在跟2019年那会儿比涨了多少", "amount", {"old_policy", "current_policy", "comparison"}),
     # the now side said as the current document, before or after the earlier one
     ("新规定和原来相比审核时间缩短了多少天", "amount", {"old_policy", "current_policy"}),
     ("以前跟新标准比，补贴降了还是涨了", "comparison", {"old_policy", "current_policy"}),
     ("两个区的补贴有什么不同", "comparison", {"comparison"}),
     # which of two gets more, with the verb between; not 哪个 of a question asking who and how long
     ("焊工和叉车司机哪个补得多", "comparison", {"comparison"}),
     ("去城区还是去乡镇见习，哪边给的高一些？", "comparison", {"comparison"}),
     ("交了材料以后哪个部门审核，多久能审完？", "procedure", {"procedure"}),
     # spoken question words ask as the written ones do
     ("见习补贴要准备啥材料", "procedure", {"procedure"}), ("这个补贴多会儿能到账", "procedure", {"procedure"}),
     # a time limit to apply asks the procedure's when, its 之内/以内 read as 内 (and the number of days)
     ("培训补贴结业后要在几天之内交？", "amount", {"amount", "procedure"}),
     ("证书拿到以后多少天以内申请补贴？", "amount", {"amount", "procedure"}),
     # a word of an intent held by a longer match of a pattern of one it stands inside is that one's
     ("创业补贴是一次申请，还是可以分几次申请？每次申请有啥时间要求？", "procedure", {"procedure"})],
)
def test_intents(understander, question, kind, intents) -> None:
    understanding = understander.understand(question)
    assert understanding.kind == kind and intents <= set(understanding.intents)


@pytest.mark.parametrize(("question", "about_document"), [
    ("这个通知执行到什么时候？", True), ("石家庄那个意见有效到什么时候", True),
    ("生活补贴一年申请几次？每次截止到什么时候？", False),  # a claim's deadline, not how long a document holds
    ("见习补贴一直发到什么时候", False),
])
def test_until_when_asks_about_a_document_only_when_said_of_one(understander, question, about_document) -> None:
    assert ("metadata" in understander.understand(question).intents) is about_document


@pytest.mark.parametrize(("question", "about_document"), [
    ("那个稳岗补贴的通知啥时候到期？", True), ("这个办法到哪年到期？", True), ("老政策过期了吗", True),
    ("签了6个月见习协议，到期后两个人都留下来了，见习补贴一共多少？", False),  # an agreement's end in a story
    ("贷款到期还清以后多久能申请贴息？", False), ("电工证过期了还能领补贴吗", False),
])
def test_an_end_date_asks_about_a_document_only_when_said_of_one(understander, question, about_document) -> None:
    assert ("status" in understander.understand(question).intents) is about_document


@pytest.mark.parametrize("question", [
    "又考了个焊工证（不同工种），今年还能再报一次不？",  # 不同 before a noun states a fact; …不？ asks as 吗 does
    "社保交了好几年了，考了中级工证，能领补贴吗",  # 好几年, 十几个月: counts the asker states, no number asked
    "失业保险交了十几个月，能申请吗",
])
def test_a_yes_no_question_among_stated_facts_asks_neither_a_comparison_nor_a_number(understander, question) -> None:
    understanding = understander.understand(question)
    assert understanding.kind == "eligibility"
    assert not {"comparison", "quantity", "amount"} & set(understanding.intents), understanding.intents


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("我在石家庄交了15个月失业保险，考了中级工证书，能领多少补贴？",
         {"unemployment_insurance_months": 15, "certificate_level": "中级"}),
        ("失業保險交了十一個月，中級證", {"unemployment_insurance_months": 11, "certificate_level": "中级"}),
        ("失业保险交了一年半，拿到高级证", {"unemployment_insurance_months": 18, "certificate_level": "高级"}),
        ("从来没交过失业保险", {"unemployment_insurance_months": 0}),
        ("失业保险没交过，考了初级证", {"unemployment_insurance_months": 0, "certificate_level": "初级"}),
        ("老板一直没帮我们缴过社保", {"unemployment_insurance_months": 0}),  # the beneficiary between negation and act
        ("公司给我交了两年失业保险，没有考证", {"unemployment_insurance_months": 24}),  # a later 没 negates nothing
        ("失业保险交了，不知道多久", {"unemployment_insurance_months": None}),
        ("在石家庄厂里干了三年，保险一直交着", {"unemployment_insurance_months": 36}),
        ("属于急需紧缺工种", {"in_scarce_catalogue": True}),
        ("不是急需紧缺工种", {"in_scarce_catalogue": False}),
        ("公司工资总额2000万元，效益好", {"payroll_total": Decimal(20_000_000), "good_economic_performance": True}),
        ("一年工资总额两千万", {"payroll_total": Decimal(20_000_000)}),
        ("工资总额每月80万", {"payroll_total": Decimal(9_600_000)}),
        ("招了10个学徒，高级工，培训两年", {"apprentices": 10, "apprentice_level": "高级工", "years": 2}),
        ("在京工作4年，有技师证，交了社保，做出突出贡献",
         {"years_in_beijing": 4, "qualification": "技师", "social_insurance_paid": True,
          "outstanding_contribution": True}),
        ("在北京工作了五年，高级技师，没有交社保", {"qualification": "高级技师", "social_insurance_paid": False}),
        ("我是退伍军人", {"is_veteran": True, "target_group": "退役军人"}),
        ("我不是脱贫户、残疾人或退役军人", {"target_group": None}),  # a negation before a list denies every item
        ("我不是本地人，是退役军人", {"target_group": "退役军人"}),  # in another clause it denies nothing
        ("快退伍了", {"is_veteran": None, "retired_soon": True}),
        # a higher-education level and 毕业 say a graduate as 大学生 does; 中专毕业 is no 高校 graduate
        ("我前年大专毕业，一直没找到工作", {"target_group": "毕业学年高校毕业生"}),
        ("儿子今年本科毕业了", {"target_group": "毕业学年高校毕业生"}),
        ("我中专毕业两年了", {"target_group": None}),
        ("职工教育经费支出200万元，工资薪金总额2000万元",
         {"education_expense": Decimal(2_000_000), "salary_total": Decimal(20_000_000)}),
        ("3个首席技师工作室", {"studios": 3, "qualification": None}),
        ("培训费实际花了１８００元", {"actual_cost": Decimal(1800)}),
        ("带了3名中级工学徒和2名高级工学徒", {"apprentices_by_level": {"中级工": 3, "高级工": 2}}),
        ("中级工5人、高级工一人的学徒", {"apprentices_by_level": {"中级工": 5, "高级工": 1}}),
        ("6个学徒都按中级工", {"apprentices_by_level": None, "apprentices": 6}),
        # a category another is paid by names a standard, not the asker's own (the apprentices' level above is theirs)
        ("文件上写技师按高级工的标准补，我考了技师证", {"qualification": "技师", "certificate_level": None}),
        ("听说技师是按照高级工补的，我有技师证", {"qualification": "技师", "certificate_level": None}),
        ("我考了高级工，按高级工的标准能领多少", {"certificate_level": "高级", "qualification": "高级工"}),
        ("石家庄技能提升补贴标准是多少？", {"unemployment_insurance_months": None, "certificate_level": None}),
    ],
)
def test_facts(understander, question, expected) -> None:
    facts = understander.understand(question).facts
    assert {key: facts.get(key) for key in expected} == expected


def test_a_monthly_figure_for_a_yearly_input_is_stated_as_an_assumption(understander) -> None:
    understanding = understander.understand("工资总额每月80万，教育经费提多少")
    assert "×12" in understanding.assumptions["payroll_total"]


def test_topic_and_out_of_scope(understander) -> None:
    assert understander.understand("学徒补贴").topic == "apprenticeship"
    assert understander.understand("公积金怎么提取").out_of_scope == ["公积金"]


@pytest.mark.parametrize("question", ["外地户口的能在这边上公益性岗位吗", "我不是本地户口，能申请一次性创业补贴吗"])
def test_a_household_registration_said_as_a_condition_names_no_topic(understander, question) -> None:
    """户口 is a condition of nearly every benefit: said alone it does not make the question one about 引进落户."""
    assert understander.understand(question).topic != "talent_introduction"


@pytest.mark.parametrize(
    ("question", "out_of_scope"),
    [
        ("正在领失业金，这期间考了证，能申请技能提升补贴吗", []),  # the other field is the asker's situation
        ("医保断了几个月，还能领学徒补贴吗", []),
        ("医保报销比例是多少", ["医保"]),
        ("积分落户需要什么条件", ["积分落户"]),  # the topic word 落户 stands inside the other field's word
    ],
)
def test_another_fields_word_beside_a_library_topic_is_context(understander, question, out_of_scope) -> None:
    assert understander.understand(question).out_of_scope == out_of_scope


@pytest.mark.parametrize(
    ("question", "procedure"),
    [
        ("生活补助到哪里交材料？", True),  # an aspect's own asking words signal a procedure question
        ("申请补贴要带什么", True),
        ("我在一家新材料公司上班，考了证能申请补贴吗", False),  # 材料 inside 新材料 asks for nothing
        ("培训的材料费能报销吗", False),
        # a time limit asked of applying, said before the act
        ("结业以后几个月内得去申报生活补贴？", True), ("考完证多少天内要交申请", True),
        ("几个月内能领完", False),  # no act of applying
    ],
)
def test_how_to_apply_words_signal_a_procedure_question(understander, question, procedure) -> None:
    assert ("procedure" in understander.understand(question).intents) is procedure


@pytest.mark.parametrize(("question", "old"), [
    ("新出的办法跟2021年那个老通知比，每人补多少？", True),  # a year's old notice, set against the new measures
    ("旧办法规定每人补多少", True), ("养老政策有哪些", False),  # 养老 holds 老 but names no old document
])
def test_an_old_document_of_any_kind_is_the_earlier_policy(understander, question, old) -> None:
    assert ("old_policy" in understander.understand(question).intents) is old


TITLED = [
    _doc("job", "全国", "national", title="关于做好一次性求职创业补贴发放工作的通知"),
    _doc("hire", "吕梁市离石区", "district", title="关于加大吸纳就业支持力度的通知"),
    _doc("appr", "全国", "national", title="关于全面推行企业新型学徒制的意见"),
]


@pytest.mark.parametrize(
    ("question", "doc_ids"),
    [("离石区那个吸纳就业补贴的通知，文号是多少？", []),  # 业补贴 is no word of it: no title says 吸纳就业补贴
     ("学徒制那个文件还有效吗", ["appr"]),  # a three-character word names a title saying it whole
     ("求职创业补贴的通知是哪年发的", ["job"])],
)
def test_a_title_named_by_a_word_of_it(question: str, doc_ids: list[str]) -> None:
    assert QueryUnderstander(TITLED, Knowledge.load()).understand(question).doc_ids == doc_ids
