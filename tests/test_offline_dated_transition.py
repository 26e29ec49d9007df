"""A transitional rule dated in its own sentence (某日前取得证书的，按原规定标准执行，并应于某日前提出申请) and one
with no deadline (在某日之前签订见习协议的，见习期内仍按原规定标准执行): the question's months decide which document
pays, and the answer cites the sentence that decides it — also when the case was claimed too late.

Fictional documents written for this test, added beside the bundled library (no eval set has them, nothing was tuned
on them): a city's 2021 notice and 2025 measures on a certificate subsidy, and a county-level city's 2022 notice and
2024 measures on a traineeship subsidy.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CERT_OLD = """黑河市人力资源和社会保障局 黑河市财政局关于做好职业技能等级认定补贴工作的通知
黑河人社发〔2021〕9号
各县（市、区）人力资源和社会保障局、财政局：
现就职业技能等级认定补贴有关事项通知如下：
一、补贴对象
在本市参加失业保险的企业职工，自2021年3月1日起取得职业技能等级证书的，可申领职业技能等级认定补贴。
二、补贴标准
（一）取得初级工（五级）证书的，每人500元；
（二）取得中级工（四级）证书的，每人800元；
（三）取得高级工（三级）证书的，每人1200元。
三、申领程序
职工应在取得证书之日起12个月内，向参保地公共就业服务机构提出申请。
四、本通知自2021年3月1日起施行。
"""

CERT_NEW = """黑河市人力资源和社会保障局 黑河市财政局关于印发《黑河市职业技能等级认定补贴办法》的通知
黑河人社规〔2025〕2号
各县（市、区）人力资源和社会保障局、财政局：
现将《黑河市职业技能等级认定补贴办法》印发给你们，请遵照执行。
黑河市职业技能等级认定补贴办法
第一条 为鼓励劳动者提升技能水平，制定本办法。
第二条 在本市参加失业保险的企业职工取得职业技能等级证书的，可申领职业技能等级认定补贴。
第三条 补贴标准如下：
（一）取得初级工（五级）证书的，每人700元；
（二）取得中级工（四级）证书的，每人1000元；
（三）取得高级工（三级）证书的，每人1600元。
第四条 职工应在取得证书之日起24个月内，通过线上平台提出申请。
第五条 本办法自2025年6月1日起施行。原《黑河市人力资源和社会保障局 黑河市财政局关于做好职业技能等级认定补贴工作的\
通知》（黑河人社发〔2021〕9号）同时废止。
第六条 2025年6月1日前取得证书、尚未申领补贴的，按原规定标准执行，并应于2025年12月31日前提出申请，逾期不再受理。
"""

TRAINEE_OLD = """铁力市人力资源和社会保障局关于做好就业见习补贴发放工作的通知
铁人社发〔2022〕6号
各乡镇、各见习单位：
一、见习单位吸纳青年参加就业见习的，按每人每月1300元的标准给予见习补贴，见习期最长12个月。
二、本通知自2022年5月1日起施行。
"""

TRAINEE_NEW = """铁力市人力资源和社会保障局关于印发《铁力市就业见习管理办法》的通知
铁人社规〔2024〕3号
各乡镇、各见习单位：
现将《铁力市就业见习管理办法》印发给你们，请认真执行。
铁力市就业见习管理办法
第一条 为规范就业见习工作，制定本办法。
第二条 见习单位吸纳青年参加就业见习的，按每人每月1600元的标准给予见习补贴，见习期最长12个月。
第三条 本办法自2024年4月1日起施行，原《铁力市人力资源和社会保障局关于做好就业见习补贴发放工作的通知》\
（铁人社发〔2022〕6号）同时废止。
第四条 在2024年4月1日之前签订见习协议的，见习期内仍按原规定标准执行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    engine = offline_engine_beside_library(tmp_path_factory.mktemp("dated-transition"), {
        "heihe-2021-skill-certificate-subsidy-notice.txt": CERT_OLD,
        "heihe-2025-skill-certificate-subsidy-measures.txt": CERT_NEW,
        "tieli-2022-traineeship-subsidy-notice.txt": TRAINEE_OLD,
        "tieli-2024-traineeship-measures.txt": TRAINEE_NEW,
    })
    engine.today = lambda: date(2026, 12, 1)  # 去年 is 2025
    return engine


def _cited(answer) -> set[tuple[str, str]]:
    return {(c.doc_id, c.clause) for c in answer.citations}


CERT_RULE = ("heihe-2025-skill-certificate-subsidy-measures", "第六条")
TRAINEE_RULE = ("tieli-2024-traineeship-measures", "第四条")


@pytest.mark.parametrize(("question", "paid", "not_paid", "rule"), [
    # certificate before the dated start (2025-06-01), claimed by the deadline (2025-12-31): the notice's standard
    ("我2025年5月在黑河考了中级工证，去年11月申请的补贴，按多少钱给？", 800, 1000, CERT_RULE),
    ("黑河的，2025年4月拿的高级工证，当年8月申请的，能补多少？", 1200, 1600, CERT_RULE),  # 当年 is 2025, not today's
    # certificate on or after the start: the measures' standard
    ("2025年8月在黑河考的中级工证，能补多少钱？", 1000, 800, CERT_RULE),
    # no deadline: an agreement signed before the start keeps the old standard for the whole traineeship
    ("我们单位2024年2月在铁力签的见习协议，见习到今年1月，见习补贴每人每月给多少？", 1300, 1600, TRAINEE_RULE),
    ("铁力的见习单位，2024年6月签的见习协议，见习补贴每人每月多少？", 1600, 1300, TRAINEE_RULE),
])
def test_the_dates_decide_the_standard(engine: OfflineEngine, question: str, paid: int, not_paid: int,
                                       rule: tuple[str, str]) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert Decimal(paid) in figures(body), answer.answer
    assert Decimal(not_paid) not in figures(body.split("过渡安排")[0]), answer.answer
    assert rule in _cited(answer), answer.answer
    if paid < not_paid:  # the old standard still pays: never "the new document applies now" beside it
        assert "仍按该文件的标准执行" in body and "现以" not in body, answer.answer


def test_a_claim_after_the_deadline_is_answered_by_the_transitional_rule(engine: OfflineEngine) -> None:
    answer = engine.answer("2025年5月在黑河考的中级工证，今年3月才去申请补贴，窗口说不给办了，这是真的吗？")
    body = answer.answer.split("依据")[0]
    assert "2025年12月31日" in body and "逾期不再受理" in body, answer.answer
    assert CERT_RULE in _cited(answer), answer.answer
