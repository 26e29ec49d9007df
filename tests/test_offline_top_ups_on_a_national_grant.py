"""A local sum on top of a higher level's flat grant (在国家规定的补助标准基础上，市财政再给予N万元): the sum is added
to the grant of what the local clause names, read from the national notice's clause on the same thing (not from its
clause on another kind of project), and the clause answering the question calls for it.

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): a national notice
granting two kinds of project each a one-off sum, and a city notice topping up one of them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import assert_leads_with, clause_chunk, offline_engine_beside_library

from assistant.offline.adjustment import Levels, adjustments
from assistant.offline.engine import OfflineEngine
from assistant.rules.draft_text import added
from ingest.quantities import find_quantities

NATIONAL = """人力资源社会保障部 财政部关于支持国家级技能竞赛集训基地建设的通知
人社部发〔2025〕77号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
为加强技能竞赛集训保障，现就有关事项通知如下。
一、支持对象
（一）经人力资源社会保障部认定的国家级技能竞赛集训基地。
（二）经人力资源社会保障部认定的国家级职业技能培训示范机构。
二、支持标准
（一）中央财政对每个国家级技能竞赛集训基地给予一次性建设补助60万元。
（二）中央财政对每个国家级职业技能培训示范机构给予一次性补助20万元。
三、本通知自2025年7月1日起施行。
人力资源社会保障部 财政部
2025年6月20日
"""

CITY = """锦州市人力资源和社会保障局 锦州市财政局关于支持技能竞赛集训基地建设的通知
锦人社发〔2025〕9号
各县（市）区人力资源和社会保障局、财政局：
一、本市单位新获批国家级技能竞赛集训基地的，在国家规定的补助标准基础上，市财政再给予一次性奖补15万元。
二、本市单位新获批省级技能竞赛集训基地的，市财政给予一次性奖补8万元。
三、本通知自2025年8月1日起施行，有效期3年。
锦州市人力资源和社会保障局 锦州市财政局
2025年7月25日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("topup"), {
        "mohrss-2025-contest-bases.txt": NATIONAL, "jinzhou-2025-contest-bases.txt": CITY})


def test_a_sum_after_what_it_builds_on_is_added_to_it() -> None:
    sentence = "本市单位新获批国家级基地的，在国家规定的补助标准基础上，市财政再给予一次性奖补15万元。"
    [sum_] = [q for q in find_quantities(sentence) if q.kind == "money"]
    assert added(sentence, sum_)
    plain = "本市单位新获批省级基地的，市财政给予一次性奖补8万元。"
    assert not added(plain, next(q for q in find_quantities(plain) if q.kind == "money"))
    clause = clause_chunk("一、", sentence)
    [found] = adjustments(clause, Levels({"national": ("国家规定",)}))
    assert (found.reference, found.target, found.added) == ("level", "national", Decimal(150000))


def test_a_top_up_on_a_national_grant_adds_to_the_grant_of_the_same_project(engine: OfflineEngine) -> None:
    answer = engine.answer("锦州一家技工学校今年被评上了国家级技能竞赛集训基地，国家加上市里一共能拿多少钱？")
    assert_leads_with(answer.answer, Decimal(750000), Decimal(350000))  # never the other project's 20万
    cited = [(c.doc_id, c.clause) for c in answer.citations]
    assert ("jinzhou-2025-contest-bases", "一、") in cited and ("mohrss-2025-contest-bases", "二、（一）") in cited
