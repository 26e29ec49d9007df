"""Two things compared in one place (开网店和开实体店差多少): each is asked about on its own — the other left out — and
the answer leads with their difference. The joined things are read from the question's words (answers.yaml
`compared_joiners`), not from a list of known categories, so they can be anything a document distinguishes.

A fictional county's rules written for this test (no eval set has them; nothing was tuned on them), and wordings
written for it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.conjuncts import Conjuncts, compared
from assistant.offline.engine import OfflineEngine
from ingest.knowledge import Knowledge
from retriever.lexical import ChineseTokenizer

RULES = """云和县人力资源和社会保障局 云和县财政局关于印发《云和县一次性创业补贴实施细则》的通知
云人社规〔2026〕2号
各乡镇人民政府、街道办事处，县级有关单位：
现将《云和县一次性创业补贴实施细则》印发给你们，请认真贯彻执行。
第一条　在本县首次创办创业实体、正常经营6个月以上的创业人员，可申请一次性创业补贴。
第二条　一次性创业补贴按创业实体类型分档发放：创办农民专业合作社的，每户补贴5000元；创办个体工商户的，每户补贴3000元。
第三条　一次性创业补贴每人只能享受一次。
第四条　本细则自2026年2月1日起施行，有效期3年。
云和县人力资源和社会保障局 云和县财政局
2026年1月10日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("conjuncts"), {"yunhe-2026-startup.txt": RULES})


@pytest.fixture(scope="module")
def split():
    knowledge = Knowledge.load()
    tokenizer = ChineseTokenizer(knowledge)
    stops = knowledge.question_words | knowledge.stopwords | set(knowledge.answers.difference_words)

    def read(text: str, places: set[str] = frozenset()) -> tuple[str, str, str, str] | None:
        pair = compared(text, tokenizer.words(text), knowledge.answers.compared_joiners, stops, places)
        return None if pair is None else (pair.first, pair.second, pair.asking_first(), pair.asking_second())

    return read


def test_the_two_things_joined_are_each_asked_with_the_other_left_out(split) -> None:
    first, second, asking_first, asking_second = split("城关区开网店和开实体店，一次性创业补贴差多少？", {"城关区"})
    assert (first, second) == ("开网店", "开实体店")
    assert asking_first == "城关区开网店，一次性创业补贴差多少？"
    assert asking_second == "城关区开实体店，一次性创业补贴差多少？"


def test_the_second_thing_is_parallel_to_the_first_so_what_follows_is_said_of_both(split) -> None:
    first, second, asking_first, asking_second = split("农民专业合作社跟家庭农场的以工代训补贴每月差多少")
    assert (first, second) == ("农民专业合作社", "家庭农场")
    assert asking_first == "农民专业合作社的以工代训补贴每月差多少"
    assert asking_second == "家庭农场的以工代训补贴每月差多少"


@pytest.mark.parametrize("question, places", [
    ("青田县和云和县的一次性创业补贴一样吗？", {"青田县", "云和县"}),  # places: the parts are the places
    ("以工代训补贴标准和期限分别是多少？", set()),  # two asks about one thing, not two things
    ("一次性创业补贴差多少？", set()),
])
def test_no_two_things_no_split(split, question: str, places: set[str]) -> None:
    assert split(question, places) is None


@pytest.mark.parametrize("question", [
    "云和县办合作社和办个体户，一次性创业补贴差多少？",
    "在云和县，开个体户跟办合作社的一次性创业补贴相差多少钱？",
])
def test_each_thing_gets_its_own_figure_and_the_difference_leads(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered"
    assert "两者相差2000元" in lead(answer.answer)
    assert {Decimal(5000), Decimal(3000)} <= figures(lead(answer.answer))
    assert all(c.clause == "第二条" for c in answer.citations)


def test_a_thing_kept_may_be_said_by_another_name() -> None:
    """A benefit called by its short name (生活费) is asked about by the name the documents give it (生活费补贴): the
    side kept is said so, the rest of the question as it was."""
    text = "培训补贴跟生活费加一块儿能领多少？"
    pair = Conjuncts(text, start=0, split=4, resume=5, end=8)
    assert (pair.first, pair.second) == ("培训补贴", "生活费")
    assert pair.asking_second("生活费补贴") == "生活费补贴加一块儿能领多少？"
    assert pair.asking_first("职业培训补贴") == "职业培训补贴加一块儿能领多少？"
    assert pair.asking_first() == "培训补贴加一块儿能领多少？"
