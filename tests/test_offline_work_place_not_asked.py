"""Where the asker worked is not the place whose rules are asked about: a family of 广安 organised out to work in
宁波 and 苏州 asks what 广安's transport allowance pays them together — each person is answered by 广安's notice (the
62-year-old gets nothing: the clause is for 16 to 60), with no part for 宁波 or 苏州, which the library does not
cover (places.yaml work_words). A question naming the place of work outside its work clause asks about that place.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """广安市人力资源和社会保障局 广安市财政局关于做好农村劳动力有组织劳务输出补贴工作的通知
广人社发〔2026〕4号
各区（市、县）人力资源和社会保障局、财政局：
现就做好农村劳动力有组织劳务输出补贴工作通知如下：
一、一次性交通补贴
（一）补贴对象。广安市户籍的脱贫劳动力，年龄在16至60周岁，经有组织输出到市外务工且连续务工3个月以上的，可申请一次性交通补贴。
（二）补贴标准。每人每年给予一次性交通补贴500元。
（三）申领程序。每年11月1日至12月15日，由本人向户籍所在地乡镇（街道）劳动保障所申请。
二、本通知自2026年3月1日起施行。
"""

PROVINCE = """四川省人力资源和社会保障厅关于印发《四川省职业技能培训补贴管理办法》的通知
川人社规〔2025〕6号
各市（州）人力资源社会保障局：
第一条 为规范职业技能培训补贴管理，制定本办法。
第二条 参加职业技能培训并取得初级工证书的，每人补贴1000元。
第三条 本办法自2025年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("work-place"), {
        "guangan-2026-labour-export-notice.txt": CITY,
        "sichuan-2025-training-subsidy-measures.txt": PROVINCE,
    })


def test_a_family_working_elsewhere_is_answered_by_its_own_city_per_person(engine: OfflineEngine) -> None:
    answer = engine.answer("广安的脱贫户，我们两口子今年都是村里统一组织出去打工的：我五十岁，在宁波厂里干了五个月；"
                           "我老伴六十二岁，在苏州干了半年。交通补贴我家一共能领多少？")
    assert answer.status == "answered", answer.answer
    assert answer.answer.startswith("合计500元"), answer.answer  # 500 for the asker, nothing for the 62-year-old
    assert "【本人】" in answer.answer and "【老伴】" in answer.answer, answer.answer  # a part per person
    assert "本库没有收录" not in answer.answer and "宁波" not in answer.answer.split("【本人】")[1], answer.answer
    assert {c.doc_id for c in answer.citations} == {"guangan-2026-labour-export-notice"}, answer.answer


def test_one_worker_is_answered_by_the_city_he_comes_from(engine: OfflineEngine) -> None:
    answer = engine.answer("广安的脱贫户，今年跟着村里组织去宁波打工，在厂里干了五个月，一次性交通补贴能领多少？")
    assert answer.status == "answered", answer.answer
    assert "500元" in body(answer), answer.answer
    assert "本库没有收录" not in answer.answer and "宁波" not in answer.answer, answer.answer  # no part for 宁波


def test_the_place_of_work_asked_about_in_its_own_words_is_answered_for(engine: OfflineEngine) -> None:
    answer = engine.answer("老家广安的，在宁波打工，宁波有没有一次性交通补贴？")
    assert answer.status == "not_found", answer.answer
    assert "宁波" in answer.answer and "只适用于广安市" in answer.answer, answer.answer
