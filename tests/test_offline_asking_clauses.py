"""The asker's story told in clauses of the asking sentence itself (家在村里，老伴走得早，家里是低保户，……我能去干吗？)
shares few words with the clause that answers; when the whole question finds no support, its asking clauses alone are
judged — as the asking sentences already were when the story came in sentences of its own. Never for national text
answering a place no document covers: its bar stays the whole question's.

A fictional document written for this test (no eval set has it, nothing was tuned on it): a city's measures on
rural public-welfare posts.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.evidence import asking_clauses

CITY = """黄山市人力资源和社会保障局 黄山市财政局关于印发《黄山市乡村公益性岗位管理办法》的通知
黄人社规〔2026〕7号
各区县人力资源和社会保障局、财政局：
现将《黄山市乡村公益性岗位管理办法》印发给你们，请遵照执行。
第一条　为做好乡村公益性岗位开发管理，制定本办法。
第二条　乡村公益性岗位主要安置脱贫劳动力、农村低保对象和农村特困人员中有劳动能力的人员。
第三条　乡村公益性岗位包括护林、保洁、道路养护、水利设施看护等岗位。
第四条　乡村公益性岗位在岗人员每月实际工作时间不少于12天。
第五条　乡村公益性岗位岗位补贴按每人每月650元发放，由区县人力资源和社会保障部门按季度拨付。
第六条　本办法自2026年6月1日起施行，有效期3年。
黄山市人力资源和社会保障局 黄山市财政局
2026年5月10日
"""

DOC = "huangshan-2026-rural-posts"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("clauses"), {f"{DOC}.txt": CITY})


def test_asking_clauses_keep_the_ask_of_a_sentence_that_tells_first() -> None:
    assert asking_clauses("我家在村里，老伴走得早，家里是低保户，我能去干护林的岗位吗？一个月给多少？") == (
        "我能去干护林的岗位吗？一个月给多少？")
    assert asking_clauses("护林岗位一个月给多少？") == ""  # every clause asks: nothing to leave out


def test_a_story_in_clauses_before_the_ask_does_not_hide_the_answer(engine: OfflineEngine) -> None:
    answer = engine.answer("黄山市休宁县山里的，老伴走得早，儿子在外头打工，家里就剩我一个劳力，"
                           "我能去干护林那种公益性岗位吗？每个月补贴多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(650) in figures(answer.answer), answer.answer
    assert {c.doc_id for c in answer.citations} == {DOC}, answer.answer
