"""The offline engine on real retrieval over the real corpus: one or more questions of every type.

Every answered answer is also run through ``verify_answer``: its [n] markers resolve and its numbers come
from the quoted clauses or the calculator result.
"""

from __future__ import annotations

import pytest

from assistant.models import Answer, Conversation
from assistant.offline.engine import OfflineEngine
from assistant.protocols import collect
from assistant.verify import verify_answer


@pytest.fixture(scope="module")
def engine(retriever, rules) -> OfflineEngine:
    return OfflineEngine(retriever, rules)


def assert_grounded(answer: Answer) -> None:
    sources = {c.n: c.text for c in answer.citations}
    report = verify_answer(answer.answer, sources, [t.result for t in answer.tool_calls])
    assert report.ok, report.feedback()
    assert "依据：" in answer.answer


@pytest.mark.parametrize(
    ("question", "amount", "calculator"),
    [
        ("我在石家庄交了15个月失业保险，考了中级工证书，能领多少补贴？", "1500元", "sjz_skill_upgrade_subsidy"),
        ("石家庄这边，失业险交了两年了，刚拿到高级工证书，工种在急需紧缺目录里，能领多少？", "2200元",
         "sjz_skill_upgrade_subsidy"),
        ("我们厂在石家庄，今年招了5个学徒走新型学徒制，都按中级工培养，一年下来企业能拿多少补贴？", "20000元",
         "sjz_apprenticeship_subsidy"),
        ("我们公司在北京，一年工资总额两千万，职工教育经费最少得提多少钱？", "300000元", "bj_staff_education_fund"),
        ("我们公司在北碚，一年工资薪金500万，职工教育经费花了50万，今年能扣除多少？", "400000元",
         "beibei_education_fund_deduction"),
    ],
)
def test_amount_questions_use_the_calculator(
    engine: OfflineEngine, question: str, amount: str, calculator: str
) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered" and amount in answer.answer
    assert [t.name for t in answer.tool_calls] == [calculator]
    assert_grounded(answer)


def test_eligibility_not_met_explains_the_condition(engine: OfflineEngine) -> None:
    answer = engine.answer("石家庄失业保险才交了8个月，考下来中级证，能领补贴吗？")
    assert answer.status == "answered" and "12个月" in answer.answer
    assert answer.tool_calls[0].result["status"] == "not_eligible"
    assert answer.citations[0].clause == "三、（一）3"
    assert_grounded(answer)


@pytest.mark.parametrize(
    ("question", "asks_about"),
    [("石家庄考中级证的补贴我能领吗", "失业保险"), ("我考了个中级证能补多少钱？", "石家庄"),
     ("我在北京干了四年，有技师证，社保一直交着，能调进北京吗？", "突出贡献")],
)
def test_missing_facts_are_asked_for(engine: OfflineEngine, question: str, asks_about: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "needs_info" and asks_about in answer.answer


@pytest.mark.parametrize(
    ("question", "clause", "facts"),
    [
        ("石家庄对培训机构的培训质量怎么考核", "三、（二）7", ["培训合格率"]),  # procedure
        ("石家庄哪些人能参加免费的技能培训？", "三、（一）2", ["农村转移就业劳动者", "退役军人"]),  # list
        ("北碚企业花在职工教育上的钱，税前能扣多少？", "五、（十九）", ["8%"]),  # number
        ("重庆有哪几个区参加了第二批百城技能振兴？", "附件2 第22行", ["江北区", "九龙坡区", "北碚区"]),  # table
    ],
)
def test_clause_answers_quote_the_right_clause(engine: OfflineEngine, question: str, clause: str, facts: list) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered" and answer.citations[0].clause == clause
    assert all(fact in answer.answer for fact in facts)
    assert answer.citations[0].text in engine.chunks(answer.citations[0].doc_id)[0].text or answer.citations[0].chunk_id
    assert_grounded(answer)


def test_newer_document_wins_and_older_is_mentioned(engine: OfflineEngine) -> None:
    answer = engine.answer("北京企业职工教育经费按多少比例提取？")
    assert answer.status == "answered" and "1.5%" in answer.answer
    assert answer.citations[0].doc_number == "京政发〔2011〕33号"
    assert "京办发〔2007〕14号" in answer.answer and "早期政策" in answer.answer


@pytest.mark.parametrize(
    ("question", "forbidden"),
    [("北京的技能提升补贴是多少", ["1000元", "1500元", "2000元"]), ("北碚学徒制补贴标准", ["4000元", "6000元"]),
     ("石家庄企业职工教育经费要按工资总额的百分之几提取", ["1.5%", "2.5%"]),
     ("保定的技能提升补贴标准是多少", ["1000元"])],
)
def test_cross_region_trap_is_not_found_without_the_other_regions_numbers(
    engine: OfflineEngine, question: str, forbidden: list
) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.citations and not answer.tool_calls
    assert not any(number in answer.answer for number in forbidden)
    assert "本库目前收录" in answer.answer


@pytest.mark.parametrize(
    ("question", "place", "forbidden"),
    [
        ("河北唐山的朋友，失业险缴了三年，考下高级工证书，补贴怎么算？", "唐山", ["2000元", "2200元"]),
        ("保定这边学徒制，企业带了3个中级工学徒，一年能领多少？", "保定", ["4000元", "12000元"]),
        ("我在河北邯郸，失业保险交满一年，拿了初级证能领多少", "邯郸", ["1000元", "1100元"]),
        ("重庆江北区的退役军人参加培训有生活补助吗", "江北", ["元"]),
        ("重庆渝中区企业职工教育经费能税前扣除多少", "渝中", ["8%"]),
        # a province named alone is not the one city/district the corpus covers inside it
        ("河北这边考了高级工证书，技能提升补贴给多少？", "河北", ["2000元", "2200元"]),
        ("在河北任丘干活，企业带中级工学徒一年补多少", "任丘", ["4000元"]),
        ("重庆企业职工教育经费超过8%的部分怎么办", "重庆", ["结转"]),
    ],
)
def test_uncovered_place_never_gets_a_covered_regions_rule(
    engine: OfflineEngine, question: str, place: str, forbidden: list
) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.tool_calls
    assert all(c.region == "全国" for c in answer.citations)
    assert f"本库没有收录适用于{place}" in answer.answer and "不能套用" in answer.answer
    assert not any(number in answer.answer.split("本库目前收录")[0] for number in forbidden)


@pytest.mark.parametrize(
    ("question", "amount"),
    [("我们公司在北京市海淀区，一年工资总额一千万，职工教育经费最少提多少？", "150000元"),
     ("丰台的企业首席技师工作室能拿多少资助", "30万")],
)
def test_district_of_a_covered_municipality_gets_its_rules(engine: OfflineEngine, question: str, amount: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered" and amount in answer.answer
    assert {c.region for c in answer.citations} == {"北京市"}


def test_national_clause_still_applies_to_an_uncovered_district(engine: OfflineEngine) -> None:
    answer = engine.answer("重庆江北区在不在百城技能振兴的城市名单里")
    assert answer.status == "answered"
    assert {c.region for c in answer.citations} == {"全国"}


@pytest.mark.parametrize(
    ("question", "clause", "word"),
    [("北京的技术工人退休后养老金会不会有优待", "四、（十二）", "养老金"),
     ("北京的公司给高级技师上补充医疗保险，政策上有要求吗", "四、（十四）", "补充医疗保险")],
)
def test_out_of_scope_word_used_by_the_regions_own_clause_is_answered(
    engine: OfflineEngine, question: str, clause: str, word: str
) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered" and answer.citations[0].clause == clause and word in answer.answer
    assert_grounded(answer)


@pytest.mark.parametrize("question", ["北京医保报销比例是多少", "石家庄养老金什么时候涨", "北碚的住房公积金能提吗"])
def test_out_of_scope_word_absent_from_the_regions_clauses_is_not_found(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.citations


@pytest.mark.parametrize(
    ("question", "region", "clause", "phrase"),
    [("石家庄的公司办职工培训中心，钱可以从职工教育经费里列支吗", "石家庄市", "三、（三）12", "职工教育经费列支"),
     ("退伍回到北京想学创业，能享受创业培训补贴吗", "北京市", "九、", "创业培训补贴")],
)
def test_topic_word_does_not_hide_the_asked_regions_own_rule(
    engine: OfflineEngine, question: str, region: str, clause: str, phrase: str
) -> None:
    """A calculator topic regulated elsewhere (职工教育经费 rate, 退役军人 training) is no trap when the asked region's
    own clause answers a yes/no question on the same words; its own rule is quoted, never the other region's."""
    answer = engine.answer(question)
    assert answer.status == "answered" and not answer.tool_calls
    assert (answer.citations[0].region, answer.citations[0].clause) == (region, clause)
    assert phrase in answer.answer
    assert_grounded(answer)


@pytest.mark.parametrize(
    ("question", "forbidden"),
    [("北京退役军人免费培训的生活补助多少钱", "元"), ("石家庄企业的职工教育经费最低按多大比例提", "1.5%")],
)
def test_amount_questions_on_a_topic_regulated_elsewhere_stay_traps(
    engine: OfflineEngine, question: str, forbidden: str
) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.tool_calls
    assert forbidden not in answer.answer.split("本库目前收录")[0]


def test_trap_names_where_the_rule_exists(engine: OfflineEngine) -> None:
    answer = engine.answer("北京的技能提升补贴是多少")
    assert "只有石家庄市" in answer.answer


@pytest.mark.parametrize(
    "question",
    ["上海职业技能培训补贴怎么申请", "住房公积金怎么提取", "个税专项附加扣除里继续教育能扣多少", "电工证过期了怎么复审",
     "2024年新出的技能补贴政策有啥变化", "北京积分落户要多少分", "杭州技能大师工作室补助多少钱", "今天天气怎么样"],
)
def test_out_of_corpus_is_not_found_and_lists_the_corpus(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.citations
    assert "石家庄市" in answer.answer and "北碚府发〔2019〕21号" in answer.answer


@pytest.mark.parametrize(
    ("history", "question", "status", "expected"),
    [
        (["石家庄技能提升补贴多少？"], "那高级工呢？", "answered", "2000元"),
        (["石家庄技能提升补贴多少？", "那高级工呢？"], "如果是急需紧缺工种呢？", "answered", "2200元"),
        (["石家庄技能提升补贴多少？"], "那北京呢？", "not_found", "北京"),
        (["北京企业职工教育经费按多少比例提取？"], "效益好的企业呢？", "answered", "2.5%"),
        (["我在石家庄，考了中级证，能补多少？"], "失业保险交了10个月，够吗？", "answered", "12个月"),
        (["在北京工作的外地技师怎么才能直接引进？"], "老文件是怎么规定的？", "answered", "高级技师"),
    ],
)
def test_follow_ups_resolve_against_previous_turns(
    engine: OfflineEngine, history: list, question: str, status: str, expected: str
) -> None:
    conversation = Conversation()
    for turn in history:
        engine.answer(turn, conversation)
    answer = engine.answer(question, conversation)
    assert (answer.status, expected in answer.answer) == (status, True), answer.answer
    assert len(conversation.turns) == len(history) + 1
    if status == "not_found":
        assert "1000元" not in answer.answer


def test_stream_yields_text_then_the_answer(engine: OfflineEngine) -> None:
    items = list(engine.stream("石家庄学徒制补贴标准"))
    assert isinstance(items[-1], Answer) and all(isinstance(i, str) for i in items[:-1])
    streamed, final = collect(items)
    assert streamed == final.answer and final.status == "answered"


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "不能为空"), ("   \n ", "不能为空"), ("？？？！！", "文字"), ("石家庄" * 2000, "过长"), ("补贴\x00多少", "")],
)
def test_bad_input_is_rejected_with_a_chinese_message(engine: OfflineEngine, question: str, message: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "rejected" and message in answer.answer and answer.answer


class _BrokenRetriever:
    def documents(self):
        raise RuntimeError("index vanished")


def test_internal_errors_become_an_error_id_not_a_traceback(tmp_path, rules) -> None:
    answer = OfflineEngine(_BrokenRetriever(), rules, log_dir=tmp_path).answer("石家庄技能提升补贴多少？")  # type: ignore[arg-type]
    assert answer.status == "not_found" and answer.error_id and answer.error_id in answer.answer
    assert answer.error_id in (tmp_path / "errors.jsonl").read_text(encoding="utf-8")


def test_asking_whether_another_regions_subsidy_exists_is_a_trap_too(engine: OfflineEngine) -> None:
    answer = engine.answer("北碚有学徒补贴吗")
    assert answer.status == "not_found" and "只有石家庄市" in answer.answer and "4000" not in answer.answer


# ---- support judgement robust to paraphrase, strict on benefits the corpus never names -----------------------


def test_synonyms_credit_only_words_the_corpus_never_uses(engine: OfflineEngine) -> None:
    vocabulary = engine.vocabulary()
    colloquial = "我当兵回来想学门手艺"
    assert "退役军人" in vocabulary.alternatives(colloquial, vocabulary.terms(colloquial))["当兵"]
    formal = "北碚办培训学校"  # 学校 is a corpus word: a clause without it is evidence, not a paraphrase
    assert vocabulary.alternatives(formal, vocabulary.terms(formal)) == {}


@pytest.mark.parametrize(
    ("question", "subjects"),
    [("石家庄应届生的租房补贴怎么领", ["租房"]), ("北京的人才公寓补贴怎么申请", ["公寓"]), ("考了个证有补贴吗", []),
     # a run jieba guessed across words (证拿过 of 考了中级证拿过补贴) is no word, so no benefit's name
     ("前年考了焊工中级证拿过补贴，今年又考了个初级证，还能再补吗", [])],
)
def test_unknown_benefit_names_are_found(engine: OfflineEngine, question: str, subjects: list) -> None:
    vocabulary = engine.vocabulary()
    assert vocabulary.unknown_subjects(question, vocabulary.terms(question)) == subjects


@pytest.mark.parametrize(
    ("question", "region", "clause"),
    [("北碚的培训学校能不能找工厂师傅兼职讲课", "重庆市北碚区", "四、（十五）")],
)
def test_colloquial_paraphrase_is_answered(engine: OfflineEngine, question: str, region: str, clause: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered"
    assert (answer.citations[0].region, answer.citations[0].clause) == (region, clause)
    assert_grounded(answer)


@pytest.mark.parametrize(
    "question", ["石家庄应届生的租房补贴怎么领", "北碚区搞创业担保贷款能贷多少", "北京的人才公寓补贴怎么申请"]
)
def test_benefit_the_corpus_never_names_is_not_found(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "not_found" and not answer.citations


# ---- several levels in one calculator question -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "parts", "total"),
    [("石家庄一家机械厂参加新型学徒制，带了3名中级工学徒和2名高级工学徒，培训一年，企业能拿多少补贴？",
      ["12000元", "12000元"], "24000元"),
     ("石家庄企业学徒制，中级工5人、高级工1人，补贴多少", ["20000元", "6000元"], "26000元")],
)
def test_mixed_levels_are_calculated_per_level_and_summed(
    engine: OfflineEngine, question: str, parts: list, total: str
) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered"
    assert [c.name for c in answer.tool_calls] == ["sjz_apprenticeship_subsidy"] * 3
    assert answer.tool_calls[-1].result["amount"] == total.removesuffix("元") + ".00"
    assert f"合计：{' + '.join(parts)} = {total}" in answer.answer
    assert [c.clause for c in answer.citations] == ["三、（一）3"]  # the clause is cited once
    assert_grounded(answer)


def test_mixed_levels_without_the_training_years_ask_for_them(engine: OfflineEngine) -> None:
    answer = engine.answer("我们在石家庄，学徒里中级工2个、高级工3个，能领多少")
    assert answer.status == "needs_info" and "几年" in answer.answer
