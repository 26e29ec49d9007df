"""A list question naming a list by its name (急需工种都有哪些) is answered with that list's items (本区急需工种目录
包括以下职业：（1）…), not the items of the section the best-matching clause heads; one asking what a name a document
defines covers (哪几类人算就业困难人员) is answered with the clause defining it (本通知所称就业困难人员，是指…).

A fictional district document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

DISTRICT = """白银市平川区人力资源和社会保障局关于提高培训补贴标准的通知
平人社发〔2026〕3号
各乡镇人民政府、街道办事处：
一、提高培训补贴标准
（一）参加急需工种培训并取得中级工及以上证书的，培训补贴在省定标准基础上提高20%。
（二）急需工种目录实行年度管理。
1.本区2026年度急需工种目录包括以下职业（工种）：
（1）陶瓷烧成工
（2）光伏组件制造工
（3）家政服务员
2.急需工种目录每年1月发布。
（三）培训期间生活费补贴按省定标准执行。
二、就业困难人员
（一）本通知所称就业困难人员，是指经认定的大龄失业人员、残疾人和零就业家庭成员。
（二）就业困难人员参加培训的，优先安排培训名额。
三、补贴对象
下列人员参加就业技能培训的，可享受培训补贴：
（一）脱贫劳动力；
（二）农村转移劳动者；
（三）城镇登记失业人员。
四、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("list-by-name"), {"pingchuan-2026-training.txt": DISTRICT})


@pytest.mark.parametrize("question", ["平川区今年的急需工种都有哪些？", "平川那边急需工种目录里具体是哪几个工种？"])
def test_a_list_named_by_its_name_is_listed(engine, question):
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    cited = {c.clause for c in answer.citations}
    assert {"一、（二）1（1）", "一、（二）1（2）", "一、（二）1（3）"} <= cited, answer.answer
    assert all(w in answer.answer for w in ("陶瓷烧成工", "光伏组件制造工", "家政服务员")), answer.answer


def test_what_a_defined_name_covers_is_its_definition(engine):
    answer = engine.answer("平川这边哪几类人算就业困难人员？")
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].clause == "二、（一）", answer.answer
    assert "零就业家庭成员" in answer.answer.splitlines()[0], answer.answer
    assert "二、（二）" not in {c.clause for c in answer.citations}, answer.answer  # its sibling is no part of it


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("哪几类人算就业困难人员？", True),
        ("就业困难人员到底包括哪些人？", True),
        ("什么是就业困难人员", True),
        ("就业困难人员都能享受哪些补贴？", False),  # asks something else of the name
        ("招用就业困难人员的企业有哪些补贴？", False),
    ],
)
def test_asking_what_a_name_covers(engine, question, asks):
    assert engine.knowledge.answers.asks_defined(question, "就业困难人员") is asks
