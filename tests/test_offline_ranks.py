"""Places in a ranking (``assistant.offline.ranks``) and a table row that grants what the question asks about.

A fictional province's competition notice written for this test (no eval set has it, nothing was tuned on it): a
table of ranks by competition class and the skill level each may be promoted to. A question stating a place must be
answered from the row whose ranks cover it, however many words another row shares with it; a row granting the asked
level (or a higher one) is a 符合; a row granting a lower level is quoted, never judged (another rule may still raise
it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.ranks import covered_ranks, stated_rank

NOTICE = """贵州省人力资源和社会保障厅关于职业技能竞赛获奖选手晋升职业技能等级的通知
黔人社发〔2025〕15号
各市（州）人力资源社会保障局：
为发挥职业技能竞赛的引领作用，现就竞赛获奖选手晋升职业技能等级有关事项通知如下：
一、获奖选手可按附件1晋升相应职业技能等级。
二、办理程序
（一）获奖选手应自获奖之日起1年内，向竞赛主办单位或其委托的评价机构提出晋升申请。
（二）评价机构自受理之日起15个工作日内完成核验，核发职业技能等级证书。
三、本通知自2025年5月1日起施行。

附件1

竞赛获奖选手晋升对照表

序号\t竞赛类别及获奖名次\t可晋升职业技能等级

1\t省级一类竞赛职工组各职业前3名\t技师（二级）

2\t省级一类竞赛职工组各职业第4至10名\t高级工（三级）

3\t市级竞赛职工组各职业前3名\t高级工（三级）

4\t市级竞赛职工组各职业第4至8名\t中级工（四级）
"""

WORDS = {"冠军": 1, "亚军": 2, "季军": 3}


@pytest.mark.parametrize(("text", "rank"), [
    ("拿了第12名", 12), ("拿了第八名", 8), ("得了冠军", 1), ("第3名和第5名", None), ("没有名次", None),
])
def test_the_stated_place(text: str, rank: int | None) -> None:
    assert stated_rank(text, WORDS) == rank


@pytest.mark.parametrize(("text", "spans"), [
    ("职工组各职业前5名", [(1, 5)]),
    ("职工组各职业第6至20名", [(6, 20)]),
    ("获得第1名、第2至3名的", [(2, 3), (1, 1)]),
    ("第十一到第十五名", [(11, 15)]),
    ("职工组各职业获奖选手", []),
])
def test_the_ranks_a_row_covers(text: str, spans: list[tuple[int, int]]) -> None:
    assert covered_ranks(text) == spans


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("ranks"), {"guizhou-2025-competition-promotion.txt": NOTICE})


@pytest.mark.parametrize(("question", "row", "grants"), [
    ("贵州省级一类竞赛职工组拿了第二名，能晋升技师吗", "附件1 第1行", True),
    ("贵州市级竞赛职工组第五名能到中级工吗", "附件1 第4行", True),
    ("贵州省级一类竞赛职工组第6名能晋升技师吗", "附件1 第2行", False),  # a lower level: quoted, not judged
    ("贵州省级一类竞赛职工组季军，能晋升技师吗", "附件1 第1行", True),
])
def test_the_row_covering_the_stated_place_answers(engine: OfflineEngine, question: str, row: str,
                                                   grants: bool) -> None:
    answer = engine.answer(question)
    assert answer.citations[0].clause == row, answer.answer
    assert answer.answer.startswith("结论：符合") is grants, answer.answer
    assert "不符合" not in answer.answer


def test_whom_to_apply_to_and_how_long_are_both_answered(engine: OfflineEngine) -> None:
    """自受理之日起 says how long, not where: 向…提出晋升申请 answers 找谁申请."""
    answer = engine.answer("贵州技能竞赛拿奖了，晋升等级找谁申请，多久能办完")
    assert {c.clause for c in answer.citations} >= {"二、（一）", "二、（二）"}, answer.answer


def test_a_level_the_asker_already_has_is_not_a_level_asked_for(engine: OfflineEngine) -> None:
    """No 能晋升 / 能到 in the question: its 中级工 is the asker's own, never "达到您所问的中级工"."""
    answer = engine.answer("贵州市级竞赛职工组第5名，我本来就是中级工了，还能再申请吗")
    assert not answer.answer.startswith("结论：符合"), answer.answer


def test_the_level_asked_to_reach_is_the_one_after_the_asking_word(engine: OfflineEngine) -> None:
    """本来就是高级工 is the asker's own level; 能晋升技师吗 asks for 技师, which a row granting 高级工 does not
    reach."""
    answer = engine.answer("贵州省级一类竞赛职工组第8名，我本来就是高级工，能晋升技师吗")
    assert answer.citations[0].clause == "附件1 第2行", answer.answer
    assert not answer.answer.startswith("结论：符合"), answer.answer


def test_a_question_about_the_whole_procedure_gets_every_step(engine: OfflineEngine) -> None:
    answer = engine.answer("贵州竞赛获奖选手晋升等级，流程是怎样的")
    assert {"二、（一）", "二、（二）"} <= {c.clause for c in answer.citations}, answer.answer
    assert "共2项" in answer.answer.split("依据")[0]
