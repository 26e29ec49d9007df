"""A benefit's name whose last word starts the benefit's own phrase is written with that word twice
(公益性岗位岗位补贴: the 岗位补贴 of 公益性岗位) and said with it once (公益性岗位补贴). Both are one name: the clause
writing it twice grants the benefit asked about, and its document is about that benefit.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a county's measures for
public-welfare posts, and its earlier notice at a lower rate that the measures replace.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import engine_finder, figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from ingest.textnorm import undoubled

MEASURES = """岢岚县人力资源和社会保障局 岢岚县财政局关于印发《岢岚县公益性岗位开发管理办法》的通知
岚人社规〔2026〕1号
各乡（镇）人民政府，县直各有关单位：
第一条 为规范公益性岗位开发管理，制定本办法。
第二条 公益性岗位安置对象为本县登记失业的就业困难人员和农村脱贫劳动力。
第三条 城镇公益性岗位岗位补贴按每人每月1350元发放；乡村公益性岗位岗位补贴按每人每月650元发放。
第四条 用人单位按季度向乡（镇）人力资源和社会保障服务站提交补贴申请，经县人力资源和社会保障局审核后拨付。
第五条 本办法自2026年6月1日起施行，有效期5年。《岢岚县公益性岗位管理暂行办法》（岚人社发〔2022〕6号）同时废止。
"""

NOTICE = """岢岚县人力资源和社会保障局关于印发《岢岚县公益性岗位管理暂行办法》的通知
岚人社发〔2022〕6号
各乡（镇）人民政府：
一、公益性岗位安置对象为本县登记失业的就业困难人员。
二、公益性岗位人员岗位补贴按每人每月1100元标准发放。
三、本办法自2022年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("word_said_twice"), {
        "kelan-2026-public-welfare-post-measures.txt": MEASURES,
        "kelan-2022-public-welfare-post-notice.txt": NOTICE})


def test_a_word_said_twice_in_a_row_is_said_once() -> None:
    assert undoubled("城镇公益性岗位岗位补贴") == "城镇公益性岗位补贴"
    assert undoubled("岗位补贴") == "岗位补贴"
    assert undoubled("人人享有") == "人人享有"  # one character said twice is a word of its own
    assert undoubled("第12条12元") == "第12条12元"  # digits are no words


def test_the_clause_writing_the_word_twice_grants_the_benefit_said_once(engine: OfflineEngine) -> None:
    finder = engine_finder(engine)
    asked = engine.retriever.understand("岢岚县的公益性岗位补贴每人每月多少？")
    assert asked.benefits[:1] == ["公益性岗位补贴"]
    rates = next(c for c in engine.chunks("kelan-2026-public-welfare-post-measures") if c.clause_path == "第三条")
    assert finder.grants_asked_benefit(rates, asked)  # it grants 城镇/乡村公益性岗位岗位补贴
    assert finder.regulates(rates, asked)  # and its document is about the benefit asked about


def test_the_name_written_with_its_word_twice_answers_the_name_said_once(engine: OfflineEngine) -> None:
    answer = engine.answer("我们村委会今年开发了几个岗位，安置了两个脱贫户，一直在等审批下来。"
                           "在岢岚上乡村公益性岗位的，公益性岗位补贴每人每月多少？")
    assert answer.status == "answered"
    assert Decimal("650") in figures(answer.answer)
    assert all(c.doc_id.startswith("kelan") for c in answer.citations)
