"""A follow-up naming another benefit (职业培训补贴呢？ after 培训期间生活费补贴能拿吗), in a turn of its own or after
the first ask of one question, asks the root's question of that benefit: the root's benefit is replaced, the situation
kept (a question so asking twice is answered in a part per benefit) — and a sentence barring a group from one benefit
(领取失业保险金期间的人员不享受培训期间生活费补贴) bars them from no other benefit asked about, while one barring them
from the document's own (不属于本通知补贴对象) bars them from every one.

A fictional county document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_for

from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

COUNTY = """静宁县人力资源和社会保障局关于职业培训补贴和生活费补贴的通知
静人社发〔2026〕2号
一、参加就业技能培训取得初级工证书的，给予职业培训补贴每人1000元。
二、脱贫劳动力参加就业技能培训期间，给予培训期间生活费补贴每人每天30元。
三、领取失业保险金期间的人员不享受培训期间生活费补贴。
四、机关事业单位在编人员不属于本通知补贴对象。
五、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("another-benefit"), {"jingning-2026-training.txt": COUNTY})


def test_the_bar_on_one_benefit_is_not_the_other_asked_next(engine):
    conversation = Conversation()
    first = engine.answer("静宁县的，正在领失业保险金，参加培训了，培训期间生活费补贴能拿吗？", conversation)
    assert first.answer.startswith("结论：不符合"), first.answer
    second = engine.answer("职业培训补贴呢？", conversation)
    assert second.status == "answered", second.answer
    assert "不符合" not in second.answer and Decimal(1000) in figures(second.answer), second.answer
    assert [c.clause for c in second.citations][:1] == ["一、"], second.answer


def test_the_bar_stands_for_the_benefit_it_names(engine):
    answer = engine.answer("静宁县的，正在领失业保险金，报了培训班，培训期间的生活费补贴能领吗？")
    assert answer.answer.startswith("结论：不符合"), answer.answer


def test_a_second_ask_of_another_benefit_in_one_question_is_answered_apart(engine):
    answer = engine.answer("静宁县的，正在领失业保险金，参加培训了。培训期间生活费补贴能拿吗？职业培训补贴呢？")
    assert answer.status == "answered", answer.answer
    first, second = answer.answer.split("【职业培训补贴】")
    assert first.startswith("【培训期间生活费补贴】结论：不符合"), answer.answer
    assert "不符合" not in second and "1000元" in second, answer.answer


def test_a_bar_from_the_documents_own_benefits_bars_each(engine):
    answer = engine.answer("静宁县的，我是事业单位在编人员，参加培训考了初级证，职业培训补贴能拿吗？")
    assert answer.answer.startswith("结论：不符合"), answer.answer
