"""Questions setting a rule before against now (以前…现在改成…; 现在跟2019年那会儿比涨了多少).

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): a city's 2019
apprenticeship notice and the 2024 measures that repeal it, with a different rate per level and a different filing
deadline. A question that says both a before and a now must be answered from the current document, state what the
replaced one said in the answer itself (its figure worked out with the question's facts) and, when it asks how much
changed, the difference.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_for

from assistant.offline.engine import OfflineEngine

OLD = """黄冈市人力资源和社会保障局 黄冈市财政局关于开展企业新型学徒制试点工作的通知
黄人社〔2019〕7号
各县（市、区）人力资源和社会保障局、财政局：
现就开展企业新型学徒制试点工作通知如下：
一、补贴标准
（一）试点企业按中级工每人每年3000元、高级工每人每年4000元的标准申领学徒培训补贴。
二、备案要求
（一）试点企业应在学徒培训开班之日起45日内，向市人力资源社会保障局备案学徒名册和培训计划。
三、本通知自2019年5月1日起施行。
"""

NEW = """黄冈市人力资源和社会保障局 黄冈市财政局关于印发《黄冈市企业新型学徒制培训补贴办法》的通知
黄人社规〔2024〕2号
各县（市、区）人力资源和社会保障局、财政局：
现将《黄冈市企业新型学徒制培训补贴办法》印发给你们，请认真贯彻执行。
黄冈市企业新型学徒制培训补贴办法
第一条　为推进企业新型学徒制，制定本办法。
第二条　学徒培训补贴标准为：中级工每人每年4500元，高级工每人每年5500元。
第三条　企业应在学徒培训开班之日起20日内，通过网上办事大厅办理培训备案。
第四条　本办法自2024年6月1日起施行。原《黄冈市人力资源和社会保障局 黄冈市财政局关于开展企业新型学徒制试点工作的通知》\
（黄人社〔2019〕7号）同时废止。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("before-now"), {
        "huanggang-2019-apprenticeship-trial.txt": OLD,
        "huanggang-2024-apprenticeship-measures.txt": NEW,
    })


def test_a_deadline_before_and_now(engine: OfflineEngine) -> None:
    answer = engine.answer("黄冈学徒制，原来开班后多少天内要备案？现在改成多少天了？")
    body = answer.answer.split("依据")[0]
    assert "20日" in body and "45日" in body, answer.answer
    assert body.index("20日") < body.index("45日")  # the current rule first
    assert {c.doc_id for c in answer.citations} >= {"huanggang-2019-apprenticeship-trial",
                                                    "huanggang-2024-apprenticeship-measures"}


@pytest.mark.parametrize(("question", "change"), [
    ("黄冈的学徒补贴，现在跟2019年那会儿比，高级工每人每年涨了多少？", Decimal(1500)),
    ("以前黄冈高级工学徒一年补多少，现在呢，增加了多少", Decimal(1500)),
    # the now side named as the current document (新办法, 新标准), before or after the earlier one
    ("黄冈学徒补贴新办法和以前比，高级工每年涨了多少？", Decimal(1500)),
    ("黄冈学徒补贴原来跟新标准相比，高级工每人每年差多少", Decimal(1500)),
])
def test_an_amount_before_and_now_with_the_change(engine: OfflineEngine, question: str, change: Decimal) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert {Decimal(5500), Decimal(4000), change} <= figures(body), answer.answer
    assert "增加" in body


def test_a_question_about_now_alone_does_not_restate_the_old_figure(engine: OfflineEngine) -> None:
    answer = engine.answer("黄冈现在高级工学徒每人每年补多少")
    body = answer.answer.split("依据")[0]
    assert Decimal(5500) in figures(body) and Decimal(4000) not in figures(body), answer.answer


def test_a_figure_the_asker_heard_is_set_against_the_current_rule(engine: OfflineEngine) -> None:
    answer = engine.answer("同事说黄冈学徒培训开班后45天内备案就行，现在还是这样吗？")
    body = answer.answer.split("依据")[0]
    assert "20日" in body and "45日" in body, answer.answer
    assert body.index("20日") < body.index("45日")


def test_a_step_compared_with_before_is_answered_now_and_then(engine: OfflineEngine) -> None:
    # 跟老政策比…了还是…了 compares the asked step with the replaced rule: today's time limit, then the old one
    answer = engine.answer("黄冈学徒制开班以后要在多少天内备案？跟老政策比是宽了还是严了？")
    body = answer.answer.split("依据")[0]
    assert "20日" in body and "45日" in body, answer.answer
    assert body.index("20日") < body.index("45日")
