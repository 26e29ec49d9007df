"""Amounts worked out from a clause's own rate when no reviewed rule covers it (``assistant.offline.arithmetic``).

A fictional city notice written for this test (no eval set has it, nothing was tuned on it): rates per person per
year by level with an uplift in the same sentence, a daily allowance with a longest period, and a table by level.
Questions state the figures (heads, years, days, the level) in several wordings; the answer must multiply the
clause's own figures, cap at the clause's longest period, say it was worked out from the text, and never compute when
the question does not pick the figure. A rules file made active for the same document takes over (no caveat).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from support import figures, offline_engine_for

from assistant.offline.arithmetic import category, shared_run
from assistant.offline.engine import OfflineEngine
from assistant.rules.drafting import draft_from_chunks
from ingest.pipeline import parse_document

CITY = """兰州市人力资源和社会保障局 兰州市财政局关于印发《兰州市技能人才培养补贴办法》的通知
兰人社发〔2025〕7号
各县（区）人力资源和社会保障局、财政局：
现将《兰州市技能人才培养补贴办法》印发给你们，请认真贯彻执行。
一、学徒培训补贴
（一）补贴标准。企业开展新型学徒制培训的，按中级工每人每年4000元、高级工每人每年5500元、技师每人每年7000元给予补贴，\
吸纳脱贫劳动力当学徒的提高20%。
（二）补贴期限。学徒培训期限一般为1至2年。
二、培训生活补贴
（一）就业困难人员参加就业技能培训的，培训期间按每人每天50元给予生活补贴，最长不超过20天。
三、技能提升补贴
（一）企业职工取得职业技能等级证书的，按附件1所列标准给予技能提升补贴。
四、本办法自2025年5月1日起施行。
附件1
技能提升补贴标准表
等级\t补贴标准（元/人）
初级工\t900
中级工\t1300
高级工\t1800
兰州市人力资源和社会保障局　兰州市财政局
2025年4月15日
"""

STEM = "lanzhou-2025-skills-training-subsidy"
CAVEAT = "尚无经人工审核的计算规则"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("arithmetic"), {f"{STEM}.txt": CITY})



@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("兰州我们公司带了3个高级工学徒，培训两年，一共能拿多少学徒补贴？", Decimal(33000)),
        ("兰州的企业，4名中级工学徒学了一年，学徒培训补贴多少钱", Decimal(16000)),
        ("兰州就业困难人员参加就业技能培训12天，生活补贴能拿多少", Decimal(600)),
        ("我是兰州的就业困难人员，培训了三十天，生活补贴最多多少", Decimal(1000)),  # 30 days → the 20-day cap
    ],
)
def test_the_clause_rate_is_worked_out_with_the_questionfigures(engine, question, total):
    answer = engine.answer(question)
    assert answer.status == "answered"
    lead = answer.answer.splitlines()[0]
    assert total in figures(lead), answer.answer
    assert "计算过程" in answer.answer and CAVEAT in answer.answer
    assert answer.citations and answer.citations[0].doc_id == STEM


def test_an_uplift_counts_only_when_the_question_names_its_condition(engine):
    named = engine.answer("兰州的企业吸纳脱贫劳动力当学徒，2个中级工学徒培训一年，补贴多少")
    assert Decimal(9600) in figures(named.answer.splitlines()[0]), named.answer  # 4000 × 120% × 2
    unnamed = engine.answer("兰州的企业2个中级工学徒培训一年，补贴多少")
    assert Decimal(8000) in figures(unnamed.answer.splitlines()[0]), unnamed.answer
    assert "未计入" in unnamed.answer  # the uplift left out is said, not hidden


def test_a_table_row_is_picked_by_the_level_the_question_states(engine):
    answer = engine.answer("兰州企业职工考了高级工证书，技能提升补贴多少钱")
    lead = answer.answer.splitlines()[0]
    assert Decimal(1800) in figures(lead) and not figures(lead) & {Decimal(900), Decimal(1300)}, answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "兰州学徒培训补贴标准是多少？",  # nothing to multiply or pick: the clause is quoted
        "兰州的企业带了学徒，培训两年，补贴一共多少",  # the level is not stated: no figure is picked for the user
    ],
)
def test_nothing_is_worked_out_when_the_question_does_not_pick_the_figure(engine, question):
    answer = engine.answer(question)
    assert CAVEAT not in answer.answer
    assert "计算过程" not in answer.answer


def test_a_sibling_city_gets_no_worked_amount(engine):
    answer = engine.answer("天水的企业带了3个高级工学徒，培训两年，一共能拿多少学徒补贴？")
    assert CAVEAT not in answer.answer
    assert not figures(answer.answer) & {Decimal(33000), Decimal(5500)}


def test_an_active_rules_file_takes_over_from_the_clause(tmp_path: Path):
    corpus = tmp_path / "policies"
    corpus.mkdir()
    (corpus / f"{STEM}.txt").write_text(CITY, encoding="utf-8")
    document = parse_document(corpus / f"{STEM}.txt")
    draft = draft_from_chunks(document.meta.doc_id, document.meta.region, document.chunks)
    draft["status"] = "active"  # as staff would after review: say how a question states the head count
    for rule in draft["rules"]:
        for spec in rule["inputs"]:
            if spec["name"] == "people":
                spec["cues"] = ["学徒", "名", "个", "人"]
    (corpus / f"{STEM}.rules.yaml").write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    engine = offline_engine_for(tmp_path, {}, corpus)
    assert engine.router.rules, "the drafted rules should verify and load once active"
    answer = engine.answer("兰州我们公司带了3个高级工学徒，培训两年，一共能拿多少学徒补贴？")
    assert Decimal(33000) in figures(answer.answer), answer.answer
    assert CAVEAT not in answer.answer
    assert answer.tool_calls, "a verified rule answers through the calculator"


@pytest.mark.parametrize(
    ("options", "facts", "text", "expected"),
    [
        (["中级工", "高级工", "技师"], {}, "带了3个高级工学徒", "高级工"),
        (["技师", "高级技师"], {}, "取得高级技师证书", "高级技师"),  # 技师 inside 高级技师 yields
        (["初级工（五级）", "高级工（三级）", "高级技师（一级）"], {"level": "高级工"}, "考了高级工", "高级工（三级）"),
        (["中级工", "高级工"], {}, "中级工和高级工各两个", None),  # two named: not chosen for the user
        (["中级工", "高级工"], {}, "学徒补贴多少", None),
    ],
)
def test_category_is_the_one_the_question_names(options, facts, text, expected):
    from retriever.understanding import Understanding

    understanding = Understanding(text=text, normalized=text, facts=facts)
    assert category(options, understanding) == expected


def test_a_word_of_the_ordinary_tier_names_the_option_written_with_another():
    from ingest.knowledge import Knowledge
    from retriever.understanding import Understanding

    general = Knowledge.load().answers.general_words
    options = ["经备案的一般培训机构", "市级家政服务示范基地", "省级家政服务示范基地"]
    asked = "一家普通的培训机构培训家政从业人员，每人补多少"
    understanding = Understanding(text=asked, normalized=asked)
    assert category(options, understanding, general=general) == "经备案的一般培训机构"
    assert category(options, understanding) is None  # 培训机构 alone is too little of the name
    tiers = Understanding(text="市级示范基地每人补多少", normalized="市级示范基地每人补多少")
    assert category(options, tiers, general=general) == "市级家政服务示范基地"  # a named tier stays named


def test_shared_run_is_the_longest_common_stretch():
    assert shared_run("吸纳脱贫劳动力当学徒的", "企业吸纳脱贫劳动力当学徒") == 10
    assert shared_run("毕业年度高校毕业生", "今年刚毕业的大学生") == 2
    assert shared_run("", "任何") == 0
