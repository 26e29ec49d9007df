"""A question describing several people, each with facts of their own, and asking what they get together (我五十岁，
在省外干了四个月；我老伴…在省内干了半年。我家一共能领多少？) is answered per person — each asked with only what is said
of them and of everyone — and led by the total; a person the rule does not cover adds nothing.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a county's transport
grant for migrant workers by where they work, and a sibling county's grant by certificate level.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.persons import SELF, people
from ingest.knowledge import Knowledge

TRANSPORT = """泸溪县人力资源和社会保障局 泸溪县财政局关于做好劳务输出一次性交通补贴工作的通知
泸人社发〔2026〕5号
各乡镇人民政府，县直有关单位：
一、补贴对象。本县户籍脱贫人口和农村低收入人口，年龄在16至60周岁，经有组织外出务工连续3个月以上的，可申请一次性交通补贴。
二、补贴标准。到省外务工的，每人每年补贴500元；在省内县外务工的，每人每年补贴200元。
三、每人每年只能享受一次。
四、本通知自2026年3月1日起施行，有效期3年。
泸溪县人力资源和社会保障局 泸溪县财政局
2026年2月20日
"""

LEVELS = """花垣县人力资源和社会保障局关于职业技能等级证书补贴的通知
花人社发〔2026〕2号
各乡镇人民政府，县直有关单位：
一、本县登记失业人员取得职业技能等级证书的，按以下标准给予一次性补贴：
（一）初级工（五级）每人300元；
（二）中级工（四级）每人500元；
（三）高级工（三级）每人800元。
二、本通知自2026年4月1日起施行，有效期2年。
花垣县人力资源和社会保障局
2026年3月25日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("persons"), {
        "luxi-2026-transport-grant.txt": TRANSPORT, "huayuan-2026-certificate-grant.txt": LEVELS,
    })


def lead(text: str) -> str:
    return text.split("\n", 1)[0]


def test_each_person_is_worked_out_on_their_own_and_the_total_leads(engine: OfflineEngine) -> None:
    answer = engine.answer("泸溪的脱贫户，我跟我老伴今年都出去打工了：我五十岁，在省外干了四个月；我老伴五十五岁，"
                           "在省内县外干了半年。交通补贴我家一共能领多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(700) in figures(lead(answer.answer)), answer.answer
    assert {Decimal(500), Decimal(200)} <= figures(answer.answer), answer.answer


def test_a_person_the_rule_does_not_cover_adds_nothing(engine: OfflineEngine) -> None:
    answer = engine.answer("泸溪县农村低收入户，我六十三岁，在省外干了五个月；我儿子三十岁，也在省外干了五个月。"
                           "交通补贴我们家加起来能领多少？")
    assert answer.status == "answered", answer.answer
    first = lead(answer.answer)
    assert first.startswith("合计") and "不符合" in first and Decimal(500) in figures(first), answer.answer
    assert Decimal(1000) not in figures(answer.answer), answer.answer


def test_each_person_gets_their_own_level(engine: OfflineEngine) -> None:
    answer = engine.answer("花垣县的，我和我爱人都是登记失业人员。我今年考了中级工证，她考了初级工证。"
                           "我俩证书补贴加起来能领多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(800) in figures(lead(answer.answer)), answer.answer


def test_one_person_with_a_relative_named_is_not_split(engine: OfflineEngine) -> None:
    answer = engine.answer("泸溪的脱贫户，我五十岁，在省外干了四个月，我老伴在家带孙子。交通补贴一共能领多少？")
    assert answer.status == "answered", answer.answer
    assert "合计" not in answer.answer, answer.answer
    assert Decimal(500) in figures(answer.answer), answer.answer


@pytest.fixture(scope="module")
def words() -> tuple[tuple[str, ...], ...]:
    answers = Knowledge.load().answers
    return answers.person_words, answers.together_words, answers.total_words


def test_clauses_go_to_the_person_they_name_and_the_rest_to_all(words: tuple[tuple[str, ...], ...]) -> None:
    found = people("某县的，我跟我老婆都是登记失业人员。今年8月我考了电工证，她10月考了育婴员证，还考了个专项证书。"
                   "我们俩补贴加起来能领多少？", *words)
    assert found is not None and found.people == (SELF, "她")
    theirs = found.asking("她", [*words[2], *words[1]])
    assert "我跟我老婆都是登记失业人员" in theirs and "专项证书" in theirs and "电工" not in theirs
    assert theirs.endswith("补贴能领多少？") and "俩" not in theirs


def test_a_relative_after_the_askers_my_is_one_person(words: tuple[tuple[str, ...], ...]) -> None:
    found = people("我五十岁，干了四个月；我老伴五十五岁，干了半年；儿子干了五个月。我家一共能领多少？", *words)
    assert found is not None and found.people == (SELF, "老伴", "儿子")
    assert "五十五岁" in found.asking("老伴", words[2]) and "五十岁" not in found.asking("老伴", words[2])


@pytest.mark.parametrize("question", [
    "我五十岁，在省外干了四个月，我老伴在家。交通补贴一共能领多少？",  # no together word in the ask
    "我们厂招了3个人，一共能领多少？",  # no person described
    "我五十岁，在省外干了四个月。我家一共能领多少？",  # one person
])
def test_no_people_described_one_by_one(words: tuple[tuple[str, ...], ...], question: str) -> None:
    assert people(question, *words) is None
