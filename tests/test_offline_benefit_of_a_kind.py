"""A clause naming the asked benefit by a longer name of its kind is about that benefit, not another.

A notice calls its benefit 青年留川补贴 in the title and 留川生活补贴 in its clauses. Asked when and where to apply
for the 留川补贴, the clause saying so (留川生活补贴每年3月1日至20日集中受理…) answers: a name holding the asked one's
words before the same noun (``EvidenceFinder.same_kind``) is the same benefit — while a clause on another benefit of
the notice (一次性交通补贴) still is not.

A fictional county's rules written for this test (no eval set has them; nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

HUACHUAN = """桦川县人力资源和社会保障局 桦川县财政局关于印发《桦川县青年留川补贴实施细则》的通知
桦人社发〔2026〕8号
各乡镇人民政府，县直有关单位：
现将《桦川县青年留川补贴实施细则》印发给你们，请认真贯彻执行。
一、补贴标准
（一）在县内企业就业的全日制高校毕业生，按每人每月600元发放留川生活补贴，最长发放24个月。
（二）从县外返回县内就业的，给予一次性交通补贴500元，于每年12月集中发放。
二、申领程序
（一）留川生活补贴每年3月1日至20日集中受理，申领人员通过“桦川人社”微信公众号或者到县政务服务中心就业服务窗口提交申请。
（二）县人力资源和社会保障局自集中受理截止之日起7个工作日内完成审核，审核通过的在局门户网站公示5个工作日。
三、本细则自2026年1月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("kind"), {"huachuan-2026-youth-retention.txt": HUACHUAN})


def test_a_longer_name_of_the_asked_benefit_answers_when_and_where(engine: OfflineEngine) -> None:
    answer = engine.answer("桦川的留川补贴一年什么时候能申请？在哪儿办？")
    assert answer.status == "answered", answer.answer
    body = answer.answer.split("依据：", 1)[0]
    assert "3月1日至20日" in body and "12月" not in body, answer.answer


def test_another_benefit_of_the_notice_is_still_another(engine: OfflineEngine) -> None:
    answer = engine.answer("桦川的一次性交通补贴什么时候发？")
    assert answer.status == "answered", answer.answer
    first = answer.answer.split("\n", 1)[0]
    assert "12月" in first and "3月1日至20日" not in first, answer.answer
