"""A table of rates by the group of people hired, asked about people the question describes by a fact, not by a row's
name (登记失业两年多的人): the row whose threshold the asker's facts meet (登记失业半年以上人员) states their rate, not
the row the question only shares words with (16—24岁登记失业青年), and the amount is worked out with it.

A fictional county document written for this test (no eval set has it; nothing was tuned on it), after the mechanism
was found on an eval item of another document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

COUNTY = """岳西县人力资源和社会保障局 岳西县财政局关于印发《岳西县企业吸纳重点群体就业补贴办法》的通知
岳人社〔2026〕7号
各乡镇人民政府，县直有关单位：
现将《岳西县企业吸纳重点群体就业补贴办法》印发给你们，请认真贯彻执行。
岳西县企业吸纳重点群体就业补贴办法
一、补贴对象
在本县登记注册的企业新招用下列人员，签订1年以上劳动合同并为其缴纳社会保险费满3个月的，可申领吸纳就业补贴：
1.离校2年内未就业高校毕业生、登记失业青年（16—24岁）；
2.登记失业半年以上人员；
3.残疾人。
二、补贴标准
吸纳就业补贴按招用人员类别给予，标准如下：
| 序号 | 人员类别 | 补贴标准 |
| --- | --- | --- |
| 1 | 离校2年内未就业高校毕业生、登记失业青年（16—24岁） | 每招用1人补贴1000元 |
| 2 | 登记失业半年以上人员 | 每招用1人补贴1800元 |
| 3 | 残疾人 | 每招用1人补贴2600元 |
三、本办法自2026年4月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("row_met"), {
        "yuexi-2026-employment-absorption-subsidy-measures.txt": COUNTY,
    })


@pytest.mark.parametrize(("question", "amount"), [
    ("我在岳西开了个厂，新招了2个登记失业一年多的人，签了两年合同，社保交满3个月了，吸纳就业补贴能拿多少？", 3600),
    ("岳西一家茶厂新招了3个登记失业两年多的人，合同签了一年，社保交满3个月了，吸纳就业补贴能拿多少？", 5400),
])
def test_the_row_whose_threshold_the_facts_meet_states_the_rate(engine: OfflineEngine, question: str,
                                                                 amount: int) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(amount) in paid, answer.answer  # 1800 a head
    assert Decimal(1000) not in paid, answer.answer  # not the young people's row
    assert answer.citations[0].clause.endswith("第2行"), answer.citations
