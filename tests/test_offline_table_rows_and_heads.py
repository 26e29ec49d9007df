"""Amounts read from an attachment's table: a per-head column read as the row's sum (not a 学时 column beside it),
heads multiplying a per-head row, a share of one named row (按附件第2行所列标准的N%), and a share of the row the asker's
case falls in (按附件所列相应标准的N%), heads counted per category (3个人考了甲证，2个人考了乙证), and the steps of
a procedure asked as a list (要经过哪些环节).

A fictional city document written for this test (no eval set has it, nothing was tuned on it): a notice wrapping a
办法 with 第X条, an attachment table whose amount column is written 500元/人 beside a 最低学时 column, a raise for
new hires with a disability set against one row, a share for online training set against the asker's row, and the
review and payment times.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, clause_chunk, figures, lead, offline_engine_beside_library

from assistant.offline.adjustment import Levels, adjustments
from assistant.offline.arithmetic import ClauseArithmetic, named_options
from assistant.offline.engine import OfflineEngine
from assistant.offline.verdicts import Stated, stated_checks
from assistant.rules.drafting import draft_from_chunks
from ingest.models import Chunk
from ingest.quantities import find_quantities
from ingest.tables import table_rows

CITY = """阜新市人力资源和社会保障局 阜新市财政局关于印发《阜新市企业职工岗位技能培训补贴办法》的通知
阜人社发〔2025〕11号
各县区人力资源和社会保障局、财政局，各有关企业：
现将《阜新市企业职工岗位技能培训补贴办法》印发给你们，请认真贯彻执行。
阜新市企业职工岗位技能培训补贴办法
第一条　本市行政区域内依法登记的企业组织本企业职工开展岗位技能培训，经考核合格的，按本办法给予企业培训补贴。
第二条　企业职工岗位技能培训补贴标准见附件。
第三条　企业组织新招用的残疾人开展适岗培训的，按附件第2行所列标准的120%给予补贴。
第四条　企业采取网络培训方式，网络培训学时超过总学时60%的，按附件所列相应标准的80%给予补贴。
第五条　县区人社部门自受理之日起12个工作日内完成审核，审核通过的公示7个工作日，
公示期满后8个工作日内将补贴资金拨付至企业基本账户。
第六条　本办法自2025年3月1日起施行，有效期至2028年2月28日。

附件

阜新市企业职工岗位技能培训补贴标准

序号\t培训类别\t补贴标准\t最低学时
1\t安全生产培训（取得培训合格证明）\t300元/人\t16学时
2\t适岗培训（取得培训合格证明）\t500元/人\t30学时
3\t初级工（五级）职业技能等级证书\t1000元/人\t90学时
4\t中级工（四级）职业技能等级证书\t1500元/人\t130学时
5\t高级工（三级）职业技能等级证书\t2100元/人\t170学时
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("rows"), {"fuxin-2025-job-training.txt": CITY})


def _row(number: int, text: str) -> Chunk:
    return clause_chunk(f"附件1 第{number}行", text, kind="table_row", heading_path=["附件1", "某市培训补贴标准"])


def test_a_sum_per_head_is_the_rows_amount_not_a_column_in_another_unit() -> None:
    rows = table_rows([["序号", "培训类别", "补贴标准", "最低学时"], ["1", "适岗培训", "500元/人", "30学时"]])
    assert rows[0].text == "适岗培训：500元/人（最低学时：30学时）"


def test_a_table_of_per_head_rates_counts_heads() -> None:
    rows = [_row(1, "甲类培训：16学时（补贴标准：300元/人）"), _row(2, "乙类培训：30学时（补贴标准：500元/人）")]
    [rule] = draft_from_chunks("d", "某市", rows)["rules"]
    assert [p["value"] for p in rule["parameters"].values()] == [300, 500]  # never the 学时 column
    assert rule["formula"]["count"] == "people"
    mixed = [_row(1, "甲类培训：补贴标准300元/人"), _row(2, "乙类培训：补贴标准2000元/班")]
    per_head, per_class = draft_from_chunks("d", "某市", mixed)["rules"]  # amounts per different things: a rule each
    assert (list(per_head["formula"]["rates"]), per_head["formula"]["count"]) == (["甲类培训"], "people")
    assert list(per_class["formula"]["rates"]) == ["乙类培训"] and "count" not in per_class["formula"]  # no heads


def test_a_reference_to_one_row_of_an_attachment_targets_that_row() -> None:
    clause = clause_chunk("第三条", "第三条　企业组织新招用的残疾人开展适岗培训的，按附件第2行所列标准的120%给予补贴。")
    [found] = adjustments(clause, Levels({}))
    assert (found.reference, found.target, found.percent) == ("attachment", "附件1 第2行", 120)


def test_heads_multiply_a_per_head_row(engine: OfflineEngine) -> None:
    answer = engine.answer("阜新一家机械厂，九个职工参加培训都考到了中级工（四级）证，企业能拿多少培训补贴？")
    assert_leads_with(answer.answer, Decimal(13500), Decimal(1500))


def test_a_share_of_a_named_row_is_worked_out_from_that_row(engine: OfflineEngine) -> None:
    answer = engine.answer("阜新的企业，新招了6个残疾人，组织了适岗培训，都拿到了培训合格证明，补贴一共多少？")
    assert_leads_with(answer.answer, Decimal(3600), Decimal(3000))
    cited = [c.clause for c in answer.citations]
    assert "第三条" in cited and "附件1 第2行" in cited, answer.answer


def test_a_share_of_the_corresponding_standard_takes_the_askers_row(engine: OfflineEngine) -> None:
    answer = engine.answer("阜新一家公司5个员工考了高级工（三级）证，不过课程七成是网上学的，企业能补多少？")
    assert_leads_with(answer.answer, Decimal(8400), Decimal(10500))


def test_a_count_of_certificates_is_no_head_count(engine: OfflineEngine) -> None:
    answers = engine.knowledge.answers
    counted = (answers.counted_things, answers.counted_people)

    def heads(said: str) -> int | None:
        return ClauseArithmetic._count(engine.retriever.understand(said), people=True, counted=counted)

    for said in ("阜新的职工，考了电工和焊工两个证，两个一共能补多少？", "考了两个工种的中级证，企业能补多少？",
                 "焊工和育婴员两个中级证一共补多少？"):
        assert heads(said) is None, said
    assert heads("阜新的企业，两个职工考了中级证，能补多少？") == 2
    assert heads("5个师傅考下了技师证，厂里能领多少？") == 5
    assert heads("招了3个离校一年还没工作的大学生，能补多少？") == 3  # 一年 describes them
    # 其中1个 is a part of the 4 said first: four heads (a clause paying that group apart is worked out by groups)
    assert heads("新招了4个，其中1个是残疾人，能补多少？") == 4
    # a bare count in a yes/no ask is of the things asked about (两个能都拿吗: both benefits), not of heads
    assert heads("考了个中级证，技能提升补贴和培训补贴哪个多？两个能都拿吗？") is None
    assert heads("招了两个，都签了一年合同，能补多少？") == 2


def test_a_word_the_window_around_a_bound_cuts_still_stands_near_it() -> None:
    sentence = "企业采取网络培训方式，网络培训学时超过总学时60%的，按附件所列相应标准的80%给予补贴。"
    [share] = [q for q in find_quantities("课程七成是网上学的") if q.kind == "percent"]
    [check] = stated_checks(sentence, [Stated(share, ("网络培训",), False)])
    assert check.met is True and check.threshold.value == 60
    assert stated_checks(sentence, [Stated(share, ("课程",), False)]) == []  # a word the sentence does not say


def test_the_steps_of_a_procedure_asked_as_a_list_are_found_in_procedure_words(engine: OfflineEngine) -> None:
    answer = engine.answer("阜新的企业，培训补贴材料已经交上去了，一般多久能到账？中间要经过哪些环节？")
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].clause == "第五条", answer.answer
    assert all(f in answer.answer for f in ("12个工作日", "7个工作日", "8个工作日")), answer.answer


@pytest.mark.parametrize(("question", "amount", "wrong"), [
    ("阜新一家企业，3个人考了初级工（五级）证，2个人考了高级工（三级）证，一共补多少？", Decimal(7200), Decimal(3100)),
    ("阜新的厂，2个中级工（四级）证、4个初级工（五级）证，企业一共能拿多少？", Decimal(7000), Decimal(2500)),
])
def test_each_category_is_paid_for_its_own_heads(engine: OfflineEngine, question: str, amount: Decimal,
                                                 wrong: Decimal) -> None:
    answer = engine.answer(question)
    assert_leads_with(answer.answer, amount, wrong)


def test_a_name_said_only_inside_a_longer_one_names_no_row_of_its_own(engine: OfflineEngine) -> None:
    options = ["技师（二级）", "高级技师（一级）", "中级工（四级）"]
    u = engine.retriever.understand("3个人拿了高级技师证，4个人拿了中级工证，能补多少？")
    assert named_options(options, u) == ["高级技师（一级）", "中级工（四级）"]
    both = engine.retriever.understand("2个技师证，1个高级技师证，能补多少？")
    assert named_options(options, both) == options[:2]


def test_categories_are_added_up_only_when_a_total_is_asked(engine: OfflineEngine) -> None:
    # 去年的初级工 are the asker's background: the question asks about this year's 高级工, not the sum of both
    answer = engine.answer("阜新的企业，去年有2人考了初级工（五级）证，今年3人考了高级工（三级）证，高级工补多少？")
    assert Decimal(8300) not in figures(lead(answer.answer)), answer.answer
