"""A question asking whether in a question of its own and how much in another (我能去干吗？补贴多少？) is answered in
two parts: whether, from the clause saying who may have the benefit, then the amount. And neither part is answered
from a clause paying another benefit than the one named: a county whose only clause on carers is a training top-up has
no monthly 岗位补贴, so "有没有岗位补贴？一个月多少钱？" is not answered with the top-up.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a county's village-post
measures, a sibling county's training top-up for carers, and a third county's monthly carer post subsidy.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

POSTS = """郎溪县人力资源和社会保障局 郎溪县财政局关于印发《郎溪县乡村公益性岗位管理办法》的通知
郎人社发〔2026〕4号
各乡镇人民政府，县直有关单位：
现将《郎溪县乡村公益性岗位管理办法》印发给你们，请遵照执行。
第一条　本办法所称乡村公益性岗位，是指在行政村开发的护路、保洁、护林等公益性岗位。
第二条　乡村公益性岗位安置对象为脱贫人口、防止返贫监测对象和农村低收入人口。
第三条　乡村公益性岗位补贴按每人每月650元发放，由乡镇按月申报。
第四条　本办法自2026年5月1日起施行，有效期3年。
郎溪县人力资源和社会保障局 郎溪县财政局
2026年4月10日
"""

TOP_UP = """广德市人力资源和社会保障局关于养老护理员培训补贴的通知
广人社发〔2026〕7号
各乡镇人民政府，市直有关单位：
一、劳动者参加养老护理员培训并取得初级工及以上职业技能等级证书的，按每人200元给予一次性培训补贴。
二、本通知自2026年6月1日起施行，有效期2年。
广德市人力资源和社会保障局
2026年5月20日
"""

CARERS = """宁国市人力资源和社会保障局关于养老护理员岗位补贴的通知
宁人社发〔2026〕3号
各乡镇人民政府，市直有关单位：
一、在本市养老机构从事护理工作并持有职业技能等级证书的养老护理员，岗位补贴按每人每月260元发放。
二、本通知自2026年7月1日起施行，有效期3年。
宁国市人力资源和社会保障局
2026年6月15日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("whether"), {
        "langxi-2026-village-posts.txt": POSTS, "guangde-2026-carer-training.txt": TOP_UP,
        "ningguo-2026-carer-posts.txt": CARERS,
    })


def test_whether_asked_apart_is_a_part_of_its_own_from_the_clause_saying_who(engine: OfflineEngine) -> None:
    answer = engine.answer("郎溪县村里的，家里是农村低收入户，不是脱贫户，我能去干乡村公益性岗位吗？补贴多少？")
    assert answer.status == "answered", answer.answer
    whether, _, how_much = answer.answer.partition("【补贴标准】")
    assert "【申领条件】" in whether and how_much, answer.answer
    assert "农村低收入人口" in whether, answer.answer  # the clause saying who, not the amount restated
    assert Decimal(650) in figures(how_much), answer.answer
    assert {c.clause for c in answer.citations} >= {"第二条", "第三条"}, answer.citations
    assert answer.answer.count("下一步：") <= 1, answer.answer  # the same next step is said once, by the last part
    assert "规定：第" not in answer.answer, answer.answer  # a lead sentence without its article number



def test_one_question_asking_both_stays_one_answer(engine: OfflineEngine) -> None:
    answer = engine.answer("郎溪县的农村低收入人口干乡村公益性岗位，能领多少补贴？")
    assert answer.status == "answered", answer.answer
    assert "【申领条件】" not in answer.answer and Decimal(650) in figures(answer.answer), answer.answer


def test_another_benefits_clause_answers_neither_whether_nor_how_much(engine: OfflineEngine) -> None:
    answer = engine.answer("我在广德的养老院当护理员，有中级证，每个月有没有岗位补贴？一个月多少钱？")
    assert not {Decimal(200), Decimal(260)} & figures(answer.answer), answer.answer
    assert all(c.doc_id != "guangde-2026-carer-training" for c in answer.citations), answer.citations
    assert answer.status == "not_found", answer.answer
    assert "【" not in answer.answer and answer.answer.count("不能套用") == 1, answer.answer  # one refusal, said once
