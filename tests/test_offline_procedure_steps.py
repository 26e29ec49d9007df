"""A procedure written over neighbouring clauses (where and by when in one article, how long the review takes in the
next; a section's first and third items), asked step by step and set against the replaced document.

Two fictional documents written for this test, added beside the bundled library (no eval set has them, nothing was
tuned on them): a city's 2020 notice on a one-off hiring subsidy with its procedure in a section of three items (the
second a list of materials), and the 2025 measures that repeal it, whose procedure runs over two articles. Each step
the question names must be answered from the clause that says it, for now and for before; a question on applying
under the old rule gets the measures' transitional rule.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.models import Conversation
from assistant.offline.engine import OfflineEngine

OLD = """舟山市人力资源和社会保障局 舟山市财政局关于发放一次性扩岗补助的通知
舟人社发〔2020〕11号
各县（区）人力资源和社会保障局、财政局：
为稳定和扩大就业，现就发放一次性扩岗补助有关事项通知如下：
一、补助对象
在本市登记注册的中小微企业，招用登记失业人员并签订1年以上劳动合同、按月缴纳社会保险费的，可申领一次性扩岗补助。
二、补助标准
按每招用1人1000元的标准给予一次性扩岗补助。
三、申领程序
（一）企业应在劳动合同签订之日起6个月内，向企业所在县（区）公共就业服务机构窗口提出申请。
（二）申请时应提交下列材料：
1. 营业执照副本；
2. 劳动合同；
3. 社会保险缴费明细。
（三）县（区）公共就业服务机构自受理之日起25个工作日内完成审核，审核通过的公示5个工作日，公示无异议的拨付至企业对公账户。
四、执行期限
本通知自2020年4月1日起施行，有效期5年。
"""

NEW = """舟山市人力资源和社会保障局 舟山市财政局关于印发《舟山市一次性扩岗补助办法》的通知
舟人社规〔2025〕4号
各县（区）人力资源和社会保障局、财政局：
现将《舟山市一次性扩岗补助办法》印发给你们，请认真贯彻执行。
舟山市一次性扩岗补助办法
第一条 为稳定和扩大就业岗位，制定本办法。
第二条 本市登记注册的中小微企业招用登记失业人员、高校毕业生，签订1年以上劳动合同并按月缴纳社会保险费的，\
可申领一次性扩岗补助。
第三条 一次性扩岗补助标准为每招用1人1500元。
第四条 企业应在劳动合同签订之日起12个月内，通过“浙里办”在线提出申请，上传劳动合同和社会保险缴费明细。
第五条 县（区）公共就业服务机构应自受理之日起10个工作日内完成审核，审核通过的公示5个工作日，\
公示无异议的拨付至企业对公账户。
第六条 本办法自2025年5月1日起施行。原《舟山市人力资源和社会保障局 舟山市财政局关于发放一次性扩岗补助的通知》\
（舟人社发〔2020〕11号）同时废止。
第七条 本办法施行前已签订劳动合同、符合原政策规定条件且尚未申领的，可于2025年10月31日前按原政策标准申领；\
逾期未申领的，按本办法规定执行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    engine = offline_engine_beside_library(tmp_path_factory.mktemp("procedure-steps"), {
        "zhoushan-2020-hiring-subsidy-notice.txt": OLD,
        "zhoushan-2025-hiring-subsidy-measures.txt": NEW,
    })
    engine.today = lambda: date(2026, 12, 1)  # 去年 is 2025
    return engine


def test_each_named_step_now_and_before(engine: OfflineEngine) -> None:
    answer = engine.answer("舟山扩岗补助以前是去哪申请、审核要多久？现在改成什么样了？")
    body = answer.answer.split("依据")[0]
    for said in ("浙里办", "10个工作日", "窗口", "25个工作日"):
        assert said in body, answer.answer
    assert body.index("10个工作日") < body.index("25个工作日")  # the current rule first
    # the lead is the current document's clause on a step, not its clause repealing the old notice
    assert answer.citations[0].clause in ("第四条", "第五条"), answer.answer
    cited = {(c.doc_id, c.clause) for c in answer.citations}
    assert ("zhoushan-2025-hiring-subsidy-measures", "第五条") in cited, cited
    assert ("zhoushan-2020-hiring-subsidy-notice", "三、（三）") in cited, cited


def test_a_step_asked_of_today_alone_quotes_no_replaced_clause(engine: OfflineEngine) -> None:
    answer = engine.answer("舟山现在扩岗补助在哪申请？审核要多久？")
    body = answer.answer.split("依据")[0]
    assert "浙里办" in body and "10个工作日" in body, answer.answer
    assert "25个工作日" not in body


@pytest.mark.parametrize("question", [
    "我们厂2025年3月招了个登记失业人员，一直没申请扩岗补助，现在还能按老标准申请吗？",
    "舟山扩岗补助，原来的规定还能用吗？去年年初招的人还没申请",
])
def test_the_transitional_rule_answers_applying_under_the_old_one(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert "2025年10月31日" in body, answer.answer
    assert ("zhoushan-2025-hiring-subsidy-measures", "第七条") in {(c.doc_id, c.clause) for c in answer.citations}


@pytest.mark.parametrize(("question", "paid", "not_paid"), [
    # begun before the measures took effect (2025-05-01), claimed by the transitional deadline (2025-10-31): the old
    # notice's 1000元
    ("我们厂2025年3月招了一个登记失业人员，2025年9月提交的扩岗补助申请，按哪个标准给？能拿多少？", 1000, 1500),
    ("舟山的企业，去年3月份招了个登记失业的，去年9月份申请的扩岗补助，能拿多少？", 1000, 1500),
    # claimed after the deadline, or begun after the start: the measures' 1500元
    ("我们厂2025年3月招了一个登记失业人员，2025年12月才提交扩岗补助申请，每招用1人补多少钱？", 1500, 1000),
    ("舟山一家企业2025年6月招了一个登记失业人员，扩岗补助每招用1人补多少钱？", 1500, 1000),
])
def test_the_standard_a_dated_case_is_paid_by(engine: OfflineEngine, question: str, paid: int, not_paid: int) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert Decimal(paid) in figures(body), answer.answer
    if paid == 1000:  # the old standard, said to be by the transitional rule, which is cited
        assert "过渡安排" in body and Decimal(not_paid) not in figures(body.split("过渡安排")[0]), answer.answer
        assert ("zhoushan-2025-hiring-subsidy-measures", "第七条") in {(c.doc_id, c.clause) for c in answer.citations}


def test_a_follow_up_asking_which_standard_gets_the_old_figure(engine: OfflineEngine) -> None:
    # the months stand in the earlier turn; neither turn names the benefit or says an amount word of its clause
    conversation = Conversation()
    engine.answer("舟山的企业，去年3月份招了个登记失业的，去年9月份交的申请。", conversation)
    answer = engine.answer("那按哪个标准给？能拿多少？", conversation)
    body = answer.answer.split("依据")[0]
    assert Decimal(1000) in figures(body) and "过渡安排" in body, answer.answer
