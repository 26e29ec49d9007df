"""A word saying what is done with a benefit (代领补贴) is no benefit the clauses must name, a question told as a story
then asked is judged by its ask, and a repealed document's clause never answers ahead of the one that replaced it.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a national notice on
training subsidies paid through the training institution, and a city's old and new entrepreneurship-training rules
(the new one repeals the old, raises the amount and limits students to their graduation year). The national notice
has a filing rule for classes.
"""

from __future__ import annotations

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

NATIONAL = """人力资源社会保障部 财政部关于做好新职业培训补贴工作的通知
人社部发〔2026〕23号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
一、补贴标准
（一）参加新职业培训并取得职业技能等级证书的，初级每人1000元，中级每人1500元。
二、申领方式
（一）学员个人申领的，应在培训结业之日起30日内提出申请；由培训机构代为申领的，开班备案审核通过后预拨补贴资金的40%，学员取得证书后拨付其余60%。
三、组织实施
（一）培训机构应当在开班前3个工作日报送开班备案，每班学员原则上不超过40人。
四、本通知自2026年2月1日起施行，有效期至2028年12月31日。
"""

OLD_CITY = """常州市人力资源和社会保障局 常州市财政局关于做好创业培训补贴工作的通知
常人社发〔2021〕16号
各辖市区人力资源和社会保障局、财政局：
一、补贴对象
（一）有创业意愿的城乡劳动者和在校大学生。
二、补贴标准
（一）参加创办企业培训（SYB）并取得培训合格证书的，每人补贴1100元。
三、本通知自2021年5月1日起施行。
"""

NEW_CITY = """常州市人力资源和社会保障局 常州市财政局关于印发《常州市创业培训补贴办法》的通知
常人社规〔2025〕6号
常州市创业培训补贴办法
第一条 为规范创业培训补贴管理，制定本办法。
第二条 在本市有创业意愿、年满16周岁的劳动者可参加创业培训并享受补贴，在校大学生仅限毕业学年内参加创业培训并享受补贴。
第三条 创办企业培训（SYB）每人1400元。
第四条 本办法自2025年3月1日起施行，原《常州市人力资源和社会保障局 常州市财政局关于做好创业培训补贴工作的通知》\
（常人社发〔2021〕16号）同时废止。
"""


DOCUMENTS = {"mohrss-2026-new-occupations.txt": NATIONAL, "changzhou-2021-startup-training.txt": OLD_CITY,
             "changzhou-2025-startup-training.txt": NEW_CITY}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("actions"), DOCUMENTS)


def _answered(engine: OfflineEngine, question: str, doc_id: str) -> str:
    """The answer's text, after checking it answers and cites ``doc_id`` first."""
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].doc_id == doc_id, answer.answer
    return answer.answer


def test_helping_trainees_claim_is_answered_by_the_clause_on_claims_through_the_institution(
        engine: OfflineEngine) -> None:
    text = _answered(engine, "我们是曲靖的一家培训学校，想办新职业培训班、帮学员代领补贴，这个钱是怎么拨给我们的？",
                     "mohrss-2026-new-occupations")
    assert "40%" in text and "60%" in text


def test_a_repealed_notices_figure_does_not_answer_before_the_replacing_measures(engine: OfflineEngine) -> None:
    text = _answered(engine, "在常州读大二，想参加学校组织的SYB创业培训，能享受补贴吗？",
                     "changzhou-2025-startup-training")
    assert "毕业学年" in lead(text) and 1100 not in figures(lead(text))


def test_a_story_told_in_its_own_sentence_does_not_hide_the_clause_that_answers_the_ask(engine: OfflineEngine) -> None:
    answer = engine.answer("我们是曲靖一家职业培训机构，下个月准备招一批返乡青年来上新职业的课，大多是附近村里的。"
                           "开班要提前几天报备？每个班人数有上限吗？")
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].clause == "三、（一）", answer.answer
    assert "3个工作日" in answer.answer and "40人" in answer.answer


def test_the_new_measures_set_against_a_year_s_old_notice_give_both_figures(engine: OfflineEngine) -> None:
    text = _answered(engine, "常州的创业培训补贴，新出的办法跟2021年那个老通知比，创办企业培训（SYB）每人能补多少钱？",
                     "changzhou-2025-startup-training")
    assert 1400 in figures(lead(text)) and 1100 in figures(text), text
