"""Heads counted together and a group of them set apart (招了4个应届毕业生，其中1个是低保家庭的): each group is worked
out at its own rate — the group set apart with what is said of it, the rest without — and the total is their sum;
the count of the group set apart is never taken for everyone's.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a county's internship rules
with a higher rate for graduates of low-income families.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.groups import groups

COUNTY = """渭源县就业见习补贴实施办法
渭人社发〔2026〕11号
一、见习补贴标准
（一）见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，按每人每月1600元的标准给予见习补贴，\
补贴期限最长12个月。
（二）见习人员为低保家庭、脱贫家庭高校毕业生的，见习补贴按每人每月1900元的标准执行。
二、申领程序
见习单位按季度向县就业服务中心申领见习补贴。
三、本办法自2026年4月1日起施行，有效期3年。
渭源县人力资源和社会保障局
2026年3月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("groups"),
                                         {"weiyuan-2026-internship-rules.txt": COUNTY})


def test_a_group_set_apart_is_worked_out_at_its_own_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("我们单位在渭源，今年接收了4个应届高校毕业生见习，其中1个是低保家庭的，"
                           "4个人都见习满了6个月。见习补贴一共能领多少？")
    assert answer.status == "answered", answer.answer
    # 1 × 1900 × 6 + 3 × 1600 × 6
    assert Decimal("40200") in figures(lead(answer.answer)), answer.answer
    assert Decimal("11400") in figures(answer.answer) and Decimal("28800") in figures(answer.answer), answer.answer


def test_the_count_set_apart_is_not_everyones(engine: OfflineEngine) -> None:
    answer = engine.answer("渭源一家企业招了五名应届大学生见习，这里面有两名是脱贫家庭的，都见习了3个月，"
                           "企业总共能拿多少见习补贴？")
    assert answer.status == "answered", answer.answer
    # 2 × 1900 × 3 + 3 × 1600 × 3
    assert Decimal("25800") in figures(lead(answer.answer)), answer.answer


SUBSET_WORDS = ("其中", "这里面", "里面", "当中")


@pytest.mark.parametrize("text", [
    "招了4个应届毕业生见习，都见习满了6个月，能领多少？",  # no group set apart
    "招了2个应届毕业生，其中3个是低保家庭的，能领多少？",  # more set apart than counted
    "招了26个大学生。其中3个干了不到俩月就走了，能领多少？",  # counted in an earlier sentence
    "招了4个大学生，其中1个，能领多少？",  # nothing said of the group
    "",
])
def test_no_group_is_set_apart_without_heads_a_smaller_count_and_what_sets_it_apart(text: str) -> None:
    assert groups(text, SUBSET_WORDS) is None


def test_every_mention_of_the_heads_is_the_groups_own() -> None:
    found = groups("招了５名大学生，这里面有两名是脱贫家庭的，5名都见习了3个月，能拿多少？", SUBSET_WORDS)
    assert found is not None
    assert found.apart == "招了2名大学生，是脱贫家庭的，2名都见习了3个月，能拿多少？"
    assert found.rest == "招了3名大学生，3名都见习了3个月，能拿多少？"
    assert found.labels == ("其中2名（是脱贫家庭的）", "其余3名")
