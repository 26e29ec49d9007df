"""Answer metrics on hand-made Answer objects, and the history replay with a scripted engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

from assistant.models import Answer, Citation, Conversation, ToolCall
from eval.answer_eval import (
    AnswerCheck,
    ask_with_history,
    check_answer,
    citation_is_gold,
    reported_amounts,
    run_answer_eval,
    score_answers,
    score_by,
    score_by_category,
)
from eval.gold import GoldItem, parse_gold_lines
from eval.matching import fact_present
from tests.test_eval_gold import BB, BB_TAX, BJ11, EDU_FUND, gold_line, v2_line

SJZ = "shijiazhuang-2019-lifelong-skills-training"
SJZ_TITLE = "石家庄市人民政府办公室关于推行终身职业技能培训制度加快技能强市建设的实施意见"
CLAUSE_TEXT = (
    "累计缴纳失业保险费12个月以上的企业职工取得初、中、高级职业资格证书或职业技能等级证书的,"
    "分别给予1000元、1500元、2000元的技能提升补贴"
)


def _item(**overrides: object) -> GoldItem:
    (item,) = parse_gold_lines([gold_line(**overrides)])
    return item


TRAP = {
    "id": "trap-001",
    "question": "北京的技能提升补贴是多少",
    "type": "cross_region_trap",
    "region": "北京市",
    "gold_doc": None,
    "gold_clause": None,
    "gold_text": None,
    "expected_status": "not_found",
    "required_facts": [],
    "forbidden_facts": ["1000元", "1500元", "2000元"],
    "expected_amount": None,
}


def _citation(clause: str = "三、（一）3", doc_id: str = SJZ, text: str = CLAUSE_TEXT, n: int = 1) -> Citation:
    return Citation(n=n, doc_id=doc_id, title=SJZ_TITLE, clause=clause, text=text)


def _answer(text: str, status: str = "answered", citations: list[Citation] | None = None, **kw: object) -> Answer:
    return Answer(question="q", status=status, answer=text, citations=citations or [], **kw)


def test_correct_answer_passes_every_metric() -> None:
    answer = _answer("可领取 1,500 元技能提升补贴[1]。", citations=[_citation()])
    check = check_answer(_item(), answer)
    assert check.model_dump(include={"category", "answer_ok", "wrong_region", "also_gold_ok", "got_amounts"}) == {
        "category": "calculation",
        "answer_ok": True,
        "also_gold_ok": None,
        "got_amounts": ["1500"],
    }
    assert check.model_dump(
        exclude={
            "item_id",
            "question",
            "type",
            "category",
            "expected_status",
            "status",
            "answer_ok",
            "also_gold_ok",
            "got_amounts",
            "expected_amount",
            "cited",
            "answer_excerpt",
            "missing_also_gold",
        }
    ) == {
        "status_ok": True,
        "facts_ok": True,
        "missing_facts": [],
        "forbidden_found": [],
        "citation_hit": True,
        "citation_precision": 1.0,
        "amount_ok": True,
    }
    assert check.cited == [f"{SJZ} 三、（一）3"] and not check.wrong_region


def test_missing_and_forbidden_facts_and_wrong_citation() -> None:
    wrong = _citation(clause="三、（一）2", text="培训补贴金额每人最高不超过2200元")
    answer = _answer("最高2200元。", citations=[wrong, _citation(n=2)])
    check = check_answer(_item(forbidden_facts=["2200元"]), answer)
    assert check.missing_facts == ["1500元"]
    assert check.forbidden_found == ["2200元"]
    assert not check.facts_ok
    assert check.citation_hit is True
    assert check.citation_precision == 0.5
    assert check.amount_ok is False


def test_required_fact_may_come_from_citation_label_but_forbidden_only_from_text() -> None:
    item = _item(required_facts=["三、（一）3"], forbidden_facts=["2000元"], expected_amount=None)
    check = check_answer(item, _answer("见下列条款。", citations=[_citation()]))
    assert check.facts_ok  # the clause text holds 2000元, but that is a quote, not the answer's claim
    assert check.amount_ok is None


def test_citation_matches_by_text_when_clause_paths_differ() -> None:
    item = _item()
    assert citation_is_gold(_citation(clause="三、(一)3"), item)
    assert not citation_is_gold(_citation(clause="三、(一)3", text="别的内容"), item)
    assert not citation_is_gold(_citation(doc_id="beijing-2011-vocational-training"), item)


def test_amounts_prefer_calculator_results_then_text() -> None:
    with_tool = _answer(
        "约1600元", tool_calls=[ToolCall(name="sjz_skill_upgrade_subsidy", result={"amount": "1650.00"})]
    )
    assert reported_amounts(with_tool) == {Decimal("1650")}
    assert reported_amounts(_answer("资助30万元，另有1,650.5元")) == {Decimal("300000"), Decimal("1650.5")}
    assert reported_amounts(_answer("没有金额")) == set()


def test_abstention_scores_for_traps() -> None:
    (trap,) = parse_gold_lines([json.dumps(TRAP, ensure_ascii=False)])
    good = check_answer(trap, _answer("语料中没有北京市技能提升补贴的规定。", status="not_found"))
    leaky = check_answer(trap, _answer("北京可以参考石家庄的1500元标准。"))
    assert good.status_ok and good.facts_ok and good.citation_hit is None
    assert not leaky.status_ok and leaky.forbidden_found == ["1500元"]
    wrongly_declined = check_answer(_item(), _answer("没找到。", status="not_found"))
    scores = score_answers([good, leaky, wrongly_declined])
    assert scores.count == 3
    assert scores.abstention_accuracy == 0.5
    assert scores.false_abstention_rate == 1.0
    assert scores.status_accuracy == round(1 / 3, 4)
    assert scores.key_fact_accuracy == round(1 / 3, 4)
    assert scores.citation_hit_rate == 0.0
    assert scores.amount_exactness == 0.0
    per_type = score_by([good, leaky, wrongly_declined], key=lambda c: c.type)
    assert list(per_type) == ["amount", "cross_region_trap"]
    assert per_type["cross_region_trap"].citation_hit_rate is None


def test_empty_scores_are_zero_or_not_applicable() -> None:
    scores = score_answers([])
    assert scores.count == 0 and scores.key_fact_accuracy == 0.0 and scores.amount_exactness is None


class ScriptedEngine:
    """Answers from a script keyed by question; records the conversation it was given."""

    name = "scripted"

    def __init__(self, script: dict[str, Answer]) -> None:
        self.script = script
        self.seen: list[tuple[str, int]] = []

    def answer(self, question: str, conversation: Conversation | None = None) -> Answer:
        assert conversation is not None
        self.seen.append((question, len(conversation.turns)))
        answer = self.script[question]
        conversation.add(question, answer)
        return answer

    def stream(self, question: str, conversation: Conversation | None = None) -> Iterator[str | Answer]:
        yield self.answer(question, conversation)


def test_follow_up_history_is_replayed_in_one_conversation() -> None:
    item = _item(
        type="follow_up",
        question="那高级工呢？",
        history=["石家庄技能提升补贴多少？"],
        required_facts=["2000元"],
        expected_amount=None,
        forbidden_facts=[],
    )
    engine = ScriptedEngine(
        {
            "石家庄技能提升补贴多少？": _answer("初级1000元、中级1500元、高级2000元。"),
            "那高级工呢？": _answer("高级工2000元[1]。", citations=[_citation()]),
        }
    )
    assert ask_with_history(engine, item).answer == "高级工2000元[1]。"
    assert engine.seen == [("石家庄技能提升补贴多少？", 0), ("那高级工呢？", 1)]
    (check,) = run_answer_eval(engine, [item])
    assert check.facts_ok and check.citation_hit


# ---- v2: answer accuracy, also_gold, wrong-region answers, categories ---------------------------------------------


def _bj_citation(doc_id: str = BJ11, clause: str = "九、", text: str = EDU_FUND, n: int = 1) -> Citation:
    return Citation(n=n, doc_id=doc_id, title="标题", clause=clause, text=text)


def test_comparison_needs_every_also_gold_clause_cited() -> None:
    (item,) = parse_gold_lines([v2_line()])
    text = "北京按工资总额1.5%提取；北碚税前扣除不超过8%。"
    one_side = check_answer(item, _answer(text, citations=[_bj_citation()]))
    both = check_answer(item, _answer(text, citations=[_bj_citation(), _bj_citation(BB, "五、（十九）", BB_TAX, 2)]))
    assert one_side.facts_ok and one_side.status_ok and not one_side.answer_ok
    assert one_side.also_gold_ok is False and one_side.missing_also_gold == [f"{BB} 五、（十九）"]
    assert both.answer_ok and both.also_gold_ok is True and both.missing_also_gold == []
    declined = check_answer(item, _answer("没找到。", status="not_found"))
    assert not declined.answer_ok and declined.also_gold_ok is False


def test_wrong_region_answers_are_counted_and_fail_answer_accuracy() -> None:
    (trap,) = parse_gold_lines([json.dumps(TRAP, ensure_ascii=False)])
    leak = check_answer(trap, _answer("本库没有北京的规定。石家庄为1500元。", status="not_found"))
    clean = check_answer(trap, _answer("本库没有北京的规定；石家庄市有此项补贴。", status="not_found"))
    assert leak.status_ok and leak.wrong_region and not leak.answer_ok
    assert clean.answer_ok and not clean.wrong_region
    scores = score_answers([leak, clean])
    assert scores.wrong_region_answers == 1 and scores.answer_accuracy == 0.5 and scores.abstention_accuracy == 1.0


def test_amount_and_percentage_facts_compare_by_value() -> None:
    assert fact_present("640000元", "当年可扣除64万元")
    assert fact_present("64万元", "可扣除640,000 元")
    assert not fact_present("500元", "补贴1500元")
    assert not fact_present("8%", "比例为18%") and fact_present("8%", "不超过 ８％")
    assert not fact_present("1.5%", "按2.5%提取") and fact_present("1.5%", "按1.5%提取")
    assert fact_present("职业培训补贴", "给予职业培训补贴") and not fact_present("12333", "拨打12345")


def test_categories_follow_report_order_and_skip_empty_ones() -> None:
    def check(category: str, ok: bool) -> AnswerCheck:
        return AnswerCheck(
            item_id="x-001",
            type=category,
            category=category,
            expected_status="answered",
            status="answered",
            status_ok=ok,
            facts_ok=ok,
            missing_facts=[],
            forbidden_found=[],
            citation_hit=None,
            citation_precision=None,
            amount_ok=None,
            answer_ok=ok,
        )

    groups = score_by_category([check("abstention", True), check("calculation", False), check("calculation", True)])
    assert list(groups) == ["calculation", "abstention"]
    assert groups["calculation"].answer_accuracy == 0.5 and groups["calculation"].count == 2
