"""A rate a document states for a group of its own (见习人员为脱贫家庭、低保家庭高校毕业生的，见习补贴按每人每月N元)
answers only an asker the question places in that group: an ordinary graduate (应届大学生, read as 高校毕业生) gets
the document's rate for all, also as the standard a lower level raises; an asker naming the group (低保家庭的) gets
its rate.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a prefecture city's
internship measures with a rate for all and a higher one for some graduates, and a county's raise on the city's
standard.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """邵阳市人力资源和社会保障局 邵阳市财政局关于印发《邵阳市就业见习管理办法》的通知
邵人社发〔2026〕8号
各县市区人力资源和社会保障局、财政局：
现将《邵阳市就业见习管理办法》印发给你们，请认真贯彻执行。
邵阳市就业见习管理办法
第一条　为做好就业见习工作，制定本办法。
第二条　见习对象为毕业学年高校毕业生和离校2年内未就业高校毕业生。
第三条　见习期限为3至12个月。
第四条　见习单位应为见习人员购买人身意外伤害保险。
第五条　见习补贴按每人每月1600元的标准，根据实际见习月数拨付给见习单位。
第六条　见习人员为脱贫家庭、低保家庭高校毕业生或残疾青年的，见习补贴按每人每月1900元的标准执行。
第七条　本办法自2026年2月1日起施行，有效期5年。
邵阳市人力资源和社会保障局 邵阳市财政局
2026年1月20日
"""

COUNTY = """洞口县就业见习补贴实施细则
洞人社发〔2026〕3号
一、县内见习单位的见习补贴在市级标准基础上每人每月增加100元。
二、本细则自2026年5月1日起施行，有效期3年。
洞口县人力资源和社会保障局
2026年4月12日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("group-rate"), {
        "shaoyang-2026-internship-measures.txt": CITY, "dongkou-2026-internship-rules.txt": COUNTY,
    })


def test_an_ordinary_graduate_gets_the_rate_for_all(engine: OfflineEngine) -> None:
    answer = engine.answer("邵阳一家公司招了个应届大学生见习，每个月见习补贴多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1600) in figures(answer.answer) and Decimal(1900) not in figures(answer.answer), answer.answer


def test_an_asker_naming_the_group_gets_its_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("邵阳一家公司招了个低保家庭的应届大学生见习，每个月见习补贴多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1900) in figures(answer.answer), answer.answer


def test_a_lower_level_raises_the_rate_for_all(engine: OfflineEngine) -> None:
    answer = engine.answer("洞口县一家公司招了个应届大学生见习，每个月见习补贴多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1700) in figures(answer.answer), answer.answer  # 1600 + 100
    assert Decimal(2000) not in figures(answer.answer), answer.answer
