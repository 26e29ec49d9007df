"""What changed on a point, asked naming both documents (新办法跟2020年那个老通知比，社保要交多久).

The question's words that name the documents (2020年, 老通知, 新办法) match best the newer document's clause saying it
repeals the older one (本办法自…起施行。原《…》（…号）同时废止) — a clause that says no point. The answer must
rest on the newer document's clause on the point asked, set against the older document's clause on the same point
(not its clause that happens to say the same year: 自2020年3月1日起取得证书), with the repeal still cited. So too
when the question's words match best the transitional rule (本办法施行前…申请期限按原通知规定计算): it is cited as
the 过渡安排, the point answered from each document's own clause. A question
asking whether the old notice still holds is still answered by the repeal.

A question asking how claiming changed (多久申领一次、怎么申领) is answered, on each side, by the clause describing the
asked steps best, the older one found by the newer clause's words (not by its number: 第四条 is no content).

Two fictional pairs of documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

OLD = """宜宾市人力资源和社会保障局 宜宾市财政局关于做好企业职工技能提升补贴工作的通知
宜人社发〔2020〕9号
各区县人力资源和社会保障局、财政局：
现就做好企业职工技能提升补贴工作通知如下：
一、补贴对象
（一）在本市依法参加失业保险，连续缴纳失业保险费满24个月（含）以上的企业职工。
（二）自2020年3月1日起取得初级工、中级工、高级工职业技能等级证书。
二、补贴标准
（一）取得中级工证书的，每人补贴1200元。
（二）职工应当自取得证书之日起6个月内，到参保地失业保险经办机构窗口提出申请。
三、本通知自2020年3月1日起施行。
"""

NEW = """宜宾市人力资源和社会保障局 宜宾市财政局关于印发《宜宾市职业技能提升补贴管理办法》的通知
宜人社规〔2025〕3号
各区县人力资源和社会保障局、财政局：
现将《宜宾市职业技能提升补贴管理办法》印发给你们，请认真贯彻执行。
宜宾市职业技能提升补贴管理办法
第一条　为扩大技能提升补贴受益范围，制定本办法。
第二条　在本市依法参加失业保险、累计缴纳失业保险费满12个月（含）以上的企业职工，取得职业技能等级证书的，可以按本办法\
申领职业技能提升补贴。
第三条　补贴标准：中级工每人1600元。
第四条　申领人应当自证书核发之日起12个月内，通过“宜宾人社”APP在线提出申请。
第五条　本办法施行前已取得证书的，按原通知规定的条件和标准执行，申请期限按原通知规定计算。
第六条　本办法自2025年5月1日起施行，有效期5年。原《宜宾市人力资源和社会保障局 宜宾市财政局关于做好企业职工技能提升\
补贴工作的通知》（宜人社发〔2020〕9号）同时废止。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("point-beside-repeal"), {
        "yibin-2020-skill-upgrade-notice.txt": OLD,
        "yibin-2025-skill-upgrade-measures.txt": NEW,
    })


def cited(answer) -> set[tuple[str, str]]:
    return {(c.doc_id, c.clause) for c in answer.citations}


@pytest.mark.parametrize("question", [
    "宜宾技能提升补贴新出的办法跟2020年那个老通知比，社保要交多久，变了没有？",
    "宜宾的技能提升补贴，2020年那个老通知和现在的办法比，失业保险得交多长时间？",
])
def test_the_point_asked_is_answered_from_both_documents_not_from_the_repeal(engine: OfflineEngine,
                                                                            question: str) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert "12个月" in body and "24个月" in body, answer.answer
    assert {("yibin-2025-skill-upgrade-measures", "第二条"), ("yibin-2020-skill-upgrade-notice", "一、（一）")} \
        <= cited(answer), answer.citations
    assert body.index("12个月") < body.index("24个月")  # what holds now first


@pytest.mark.parametrize("question", [
    "宜宾技能提升补贴的新办法和2020年那个老通知比，申请期限有啥变化？",
    "宜宾技能提升补贴新办法和2020年的老通知比，什么时候去申请，有啥变化？",  # asked as a procedure
])
def test_the_point_asked_is_not_answered_by_the_transitional_rule(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert "12个月内" in body and "6个月内" in body, answer.answer
    assert {("yibin-2025-skill-upgrade-measures", "第四条"), ("yibin-2020-skill-upgrade-notice", "二、（二）")} \
        <= cited(answer), answer.citations
    assert body.index("12个月内") < body.index("6个月内")
    assert "过渡安排" in body  # the transitional rule is still said, as such


def test_whether_the_old_notice_still_holds_is_answered_by_the_repeal(engine: OfflineEngine) -> None:
    answer = engine.answer("宜宾2020年那个技能提升补贴的老通知现在还有效吗？")
    body = answer.answer.split("依据")[0]
    assert "废止" in body and "宜人社规〔2025〕3号" in body, answer.answer


OLD_INTERNSHIP = """株洲市人力资源和社会保障局 株洲市财政局关于做好就业见习工作的通知
株人社发〔2021〕5号
各县市区人力资源和社会保障局、财政局：
现就做好就业见习工作通知如下：
一、见习对象
（一）离校2年内未就业高校毕业生和16—24岁失业青年。
二、补贴标准
（一）见习补贴按每人每月1300元标准发放。
三、申领程序
（一）见习单位按季度申领补贴，于每季度首月10日前向所在县市区公共就业服务机构窗口报送上季度申领材料。
（二）公共就业服务机构在15个工作日内完成审核。
四、本通知自2021年3月1日起施行。
"""

NEW_INTERNSHIP = """株洲市人力资源和社会保障局 株洲市财政局关于印发《株洲市就业见习管理办法》的通知
株人社规〔2025〕4号
各县市区人力资源和社会保障局、财政局：
现将《株洲市就业见习管理办法》印发给你们，请认真贯彻执行。
株洲市就业见习管理办法
第一条　为做好就业见习工作，制定本办法。
第二条　见习对象为离校2年内未就业高校毕业生和16—24岁失业青年。
第三条　见习补贴按每人每月1800元发放。
第四条　见习单位按月申领补贴，于次月15日前通过“株洲人社”微信公众号上传上月考勤和补贴发放凭证，不再到窗口报送纸质\
材料。
第五条　本办法施行前已报送但尚未审核的季度补贴申请，按原规定标准审核拨付。
第六条　本办法自2025年7月1日起施行。《株洲市人力资源和社会保障局 株洲市财政局关于做好就业见习工作的通知》\
（株人社发〔2021〕5号）同时废止。
"""


@pytest.fixture(scope="module")
def internship(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("claiming-changed"), {
        "zhuzhou-2021-internship-notice.txt": OLD_INTERNSHIP,
        "zhuzhou-2025-internship-measures.txt": NEW_INTERNSHIP,
    })


def test_how_claiming_changed_is_answered_by_each_documents_claiming_clause(internship: OfflineEngine) -> None:
    answer = internship.answer("株洲就业见习的新办法，和2021年那个老通知比，见习补贴多久申领一次、怎么申领，有啥变化？")
    body = answer.answer.split("依据")[0]
    assert all(w in body for w in ("按月", "按季度")), answer.answer
    assert {("zhuzhou-2025-internship-measures", "第四条"), ("zhuzhou-2021-internship-notice", "三、（一）")} \
        <= cited(answer), answer.citations
