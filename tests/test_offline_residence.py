"""Conditions on where one's household is registered, judged by the place the asker says theirs is.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a city's notice granting a
rent allowance to interns not registered in the city and a settling-in grant to graduates registered in it.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library, verdict

from assistant.offline.engine import OfflineEngine

CITY = """蚌埠市人力资源和社会保障局 蚌埠市财政局关于做好青年见习人员住房和安家补贴工作的通知
蚌人社发〔2026〕8号
各县、区人力资源和社会保障局、财政局：
为吸引青年来我市见习就业，现就有关事项通知如下：
一、见习人员租房补贴。非蚌埠市户籍且本人在本市无自有住房的见习人员，在本市见习期间每人每月给予400元租房补贴，最长6个月。
二、高校毕业生安家补贴。具有本市户籍、毕业2年内来蚌就业并签订2年以上劳动合同的高校毕业生，给予一次性安家补贴5000元。
三、本通知自2026年5月1日起施行，有效期2年。
蚌埠市人力资源和社会保障局 蚌埠市财政局
2026年4月15日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("residence"), {
        "bengbu-2026-intern-housing.txt": CITY})


def test_a_registration_inside_the_city_fails_a_condition_of_not_being_registered_there(engine: OfflineEngine
                                                                                         ) -> None:
    # 怀远县 lies inside 蚌埠市: a 怀远 户口 is a 蚌埠 one
    first, text = verdict(engine, "我是怀远县农村户口，在蚌埠一家公司见习，在市区租的房子，能申请见习人员租房补贴吗？")
    assert "不符合" in first and "非蚌埠市户籍" in text, text


def test_a_registration_elsewhere_meets_it(engine: OfflineEngine) -> None:
    first, text = verdict(engine, "我是阜阳农村户口，在蚌埠一家公司见习，在市区租的房子，能申请见习人员租房补贴吗？")
    assert "不符合" not in first, text


def test_a_registration_elsewhere_fails_a_condition_of_being_registered_here(engine: OfflineEngine) -> None:
    # 本市户籍 of a 蚌埠 notice: a 阜阳 户口 fails it
    first, text = verdict(engine, "我是阜阳户口，去年本科毕业，来蚌埠工作签了3年合同，能领高校毕业生安家补贴吗？")
    assert "不符合" in first and "本市户籍" in text, text


@pytest.mark.parametrize("question", [
    "我户口不在蚌埠，是外地的，在蚌埠一家公司见习，在市区租的房子，能申请见习人员租房补贴吗？",
    "外地户口的见习人员在蚌埠租房，能申请见习人员租房补贴吗？",
])
def test_a_registration_said_to_be_elsewhere_is_not_the_place_named(engine: OfflineEngine, question: str) -> None:
    # 户口不在蚌埠 names 蚌埠 as where the asker is *not* registered: never read as a 蚌埠 户口 failing 非蚌埠市户籍
    first, text = verdict(engine, question)
    assert "不符合" not in first and "您的情况为蚌埠市户籍" not in text, text


@pytest.mark.parametrize("question", [
    "我不是蚌埠户口，去年本科毕业，来蚌埠工作签了3年合同，能领高校毕业生安家补贴吗？",
    "外地户口，去年本科毕业来蚌埠工作签了3年合同，能领高校毕业生安家补贴吗？",
])
def test_a_registration_said_to_be_elsewhere_fails_a_condition_of_being_registered_here(
        engine: OfflineEngine, question: str) -> None:
    first, text = verdict(engine, question)
    assert "不符合" in first and "非蚌埠市户籍" in text, text
