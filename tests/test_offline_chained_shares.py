"""A share of what another item works out (按本条第（一）项计算后补贴金额的N%), groups given a name in a sentence of
their own (甲、乙和丙为优先对象), a condition listing groups said by one of them, a period capped by its clause, and a
clause on another benefit of the same chapter.

A fictional county document written for this test (no eval set has it, nothing was tuned on it): an amount table in
an attachment, shares of it for priority and other trainees in one item of an article, and a share of that item's
result for trainees who only got a training certificate in the next item; a daily living allowance with a most-days
cap, and a one-off travel allowance for the same group in the next article.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, offline_engine_beside_library

from assistant.offline.adjustment import Levels, adjustments, alternatives, defined_names
from assistant.offline.engine import OfflineEngine
from ingest.models import Chunk

COUNTY = """固阳县人力资源和社会保障局 固阳县财政局关于印发《固阳县农牧民职业技能培训补贴实施办法》的通知
固人社发〔2025〕4号
各苏木镇人民政府，县直各有关单位：
现将《固阳县农牧民职业技能培训补贴实施办法》印发给你们，请遵照执行。
固阳县农牧民职业技能培训补贴实施办法
第一条　具有本县户籍、年龄在16周岁至60周岁之间的农牧民，参加本县定点培训机构组织的职业技能培训，可按本办法享受培训补贴。
第二条　脱贫人口、农村低保对象和返乡创业人员为优先对象，优先安排培训。
第三条　培训补贴标准见附件1。
第四条　补贴比例按下列规定执行：
（一）优先对象按附件1所列标准的100%给予补贴，其他农牧民按附件1所列标准的70%给予补贴；
（二）结业考核合格但未取得职业技能等级证书，仅取得培训合格证书的，按本条第（一）项计算后补贴金额的60%给予补贴。
第五条　参加集中培训的优先对象，按每人每天50元给予职业培训生活费补贴，每期培训最多补贴15天。
第六条　脱贫人口在户籍所在县以外参加集中培训的，另给予一次性交通补贴，每人每期150元。
第七条　本办法自2025年6月1日起施行。

附件1

固阳县农牧民职业技能培训补贴标准表

序号\t培训项目\t补贴标准（元/人）
1\t焊工（初级工）职业技能培训\t2000
2\t育婴员（初级工）职业技能培训\t1500
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("chained"), {"guyang-2025-training.txt": COUNTY})


def _chunk(path: str, text: str) -> Chunk:
    return Chunk(id=path, doc_id="d", title="某办法", clause_path=path, text=text, region="某县", level="county")


def test_a_list_of_groups_given_a_name_used_elsewhere_is_a_defined_name() -> None:
    chunks = [_chunk("第二条", "第二条　脱贫人口、农村低保对象和返乡创业人员为优先对象，优先安排培训。"),
              _chunk("第四条（一）", "（一）优先对象按附件1所列标准的100%给予补贴。"),
              _chunk("第五条", "第五条　补贴期限为3个月，最长为半年。")]
    names = defined_names(chunks)
    assert names["优先对象"] == "脱贫人口、农村低保对象和返乡创业人员"
    assert "半年" not in names  # 最长为半年: a list-less sentence names nothing


def test_a_condition_listing_groups_is_split_into_them() -> None:
    assert alternatives("优先对象，脱贫人口（含监测对象）、农村低保对象和返乡创业人员") == [
        "优先对象", "脱贫人口", "农村低保对象", "返乡创业人员"]
    assert alternatives("取得职业技能等级证书的企业职工") == []


def test_a_share_of_another_items_result_refers_to_that_item_and_is_no_instalment() -> None:
    item = _chunk("第四条（二）", "（二）仅取得培训合格证书的，按本条第（一）项计算后补贴金额的60%给予补贴。")
    found = adjustments(item, Levels({}))
    assert [(a.reference, a.target, a.percent, a.paid) for a in found] == [("article", "第四条（一）", 60, False)]
    paid = adjustments(_chunk("第六条", "第六条　审核通过后先拨付应补贴总额的70%。"), Levels({}))
    assert [a.paid for a in paid] == [True]


def test_a_share_of_a_share_is_worked_out_through_both(engine: OfflineEngine) -> None:
    answer = engine.answer("我是固阳县的脱贫户，参加了焊工初级培训，结业考核过了，等级证没考下来，"
                           "只拿到培训合格证，能补多少？")
    assert_leads_with(answer.answer, Decimal(1200), Decimal(2000))
    cited = [c.clause for c in answer.citations]
    assert "第四条（二）" in cited and "第四条（一）" in cited, answer.answer


def test_one_group_of_a_listed_condition_said_calls_for_it(engine: OfflineEngine) -> None:
    answer = engine.answer("固阳县的脱贫户，学育婴员初级，考到了等级证，培训补贴能拿多少？")
    assert_leads_with(answer.answer, Decimal(1500), Decimal(1050))


def test_a_period_beyond_the_clauses_cap_is_paid_up_to_the_cap(engine: OfflineEngine) -> None:
    # 一天都没落下 states no period (not a single day missed), and negates nothing the clause says
    answer = engine.answer("我是固阳县的脱贫户，参加了线下集中培训，一共上了20天课，一天都没落下，生活费补贴能拿多少？")
    assert_leads_with(answer.answer, Decimal(750), Decimal(1000))
    assert "最多补贴15天" in answer.answer and answer.citations[0].clause == "第五条", answer.answer


def test_a_clause_on_another_benefit_does_not_answer_the_one_asked(engine: OfflineEngine) -> None:
    # the travel allowance's clause shares more of these words; the living allowance is what is asked
    answer = engine.answer("固阳县脱贫户，去户籍所在县以外集中培训了10天，生活费补贴多少？")
    assert_leads_with(answer.answer, Decimal(500), Decimal(150))
    travel = engine.answer("固阳县脱贫户去县外集中培训，一次性交通补贴给多少？")
    assert "150元" in travel.answer.split("\n", 1)[0], travel.answer


def test_a_negation_in_another_clause_of_the_question_negates_no_condition() -> None:
    from assistant.offline.adjustment import Adjustment, negated

    condition = "参加线下集中培训的人员，职业培训生活费补贴"
    adjustment = Adjustment(chunk=_chunk("二、", "x"), sentence="x", phrase="x", percent=Decimal(0), raises=True,
                            reference="level", target="province", condition=condition)
    assert not negated(adjustment, "一天都没落下，生活费补贴能拿多少", 4, ["没", "不"])
    assert negated(adjustment, "没参加线下集中培训的能拿吗", 4, ["没", "不"])


def test_an_offline_course_asks_no_procedure_but_applying_offline_does(engine: OfflineEngine) -> None:
    assert engine.retriever.understand("参加线下培训的生活费补贴每天多少钱？").kind == "amount"
    assert engine.retriever.understand("生活费补贴线下去哪办？").kind == "procedure"
