"""Places compared by whether they pay alike (在张掖领和在武威领补贴一样吗): each place's part gives what it pays —
the city's raise worked out on the province's standard, the city without a document of its own paid the province's
— and a raise for a case the question says is not the asker's (不在重点产业企业名录里) does not answer; a comparison
asking more (申请流程一样吗) states no worked sum.

Fictional documents written for this test (no eval set has them; nothing was tuned on them): a province's measures
with a rate per level and one of its cities' notices raising it. Written while trying to make such a comparison an
amount question in the understanding (+1 eval item): that turned the city's part into the amount search, which put the
denied raise first and answered 不符合 — so the change was dropped and this test guards the behaviour it would break.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省职业技能提升补贴实施办法》的通知
甘人社规〔2026〕1号
各市（州）人力资源和社会保障局、财政局：
现将《甘肃省职业技能提升补贴实施办法》印发给你们，请认真贯彻执行。
甘肃省职业技能提升补贴实施办法
第一条 为提升劳动者技能水平，制定本办法。
第二条 参加失业保险累计满12个月的企业职工，取得职业技能等级证书的，可申领技能提升补贴。
第三条 技能提升补贴标准为：初级工（五级）每人1000元，中级工（四级）每人1500元，高级工（三级）每人2000元。
第四条 职工应在取得证书之日起12个月内，通过甘肃人社网上服务大厅提出申请。
第五条 本办法自2026年1月1日起施行。
"""

CITY = """张掖市人力资源和社会保障局 张掖市财政局关于提高职业技能提升补贴标准的通知
张人社发〔2026〕3号
各县（区）人力资源和社会保障局、财政局：
为加快技能人才队伍建设，结合我市实际，现就提高职业技能提升补贴标准通知如下：
一、本市技能提升补贴在省定标准基础上每人再增加300元，所需资金由市级财政承担。
二、重点产业企业职工取得技师（二级）及以上证书的，按省定标准的120%给予补贴。本通知所称重点产业企业，是指列入\
《张掖市重点产业企业名录》的工业企业。
三、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("alike"), {
        "gansu-2026-skill-upgrade-subsidy-measures.txt": PROVINCE,
        "zhangye-2026-skill-upgrade-raise-notice.txt": CITY,
    })


@pytest.mark.parametrize("question", [
    "高级工证，在张掖领和在武威领技能提升补贴一样吗？两边公司都不在重点产业企业名录里。",
    "同样是高级工证书，张掖和武威两边的技能提升补贴有区别吗？公司都不是重点产业企业。",
])
def test_whether_places_pay_alike_is_what_each_pays(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    body = "\n".join(line for line in answer.answer.splitlines() if not line.startswith("["))
    paid = figures(body)
    assert Decimal(2300) in paid and Decimal(2000) in paid, answer.answer  # 2000 + 300 in 张掖; 2000 in 武威


def test_a_comparison_asking_more_is_not_an_amount(engine: OfflineEngine) -> None:
    answer = engine.answer("张掖和武威的技能提升补贴，申请流程一样吗？")
    assert Decimal(2300) not in figures(answer.answer), answer.answer
