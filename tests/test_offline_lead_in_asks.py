"""A lead-in that itself states what is asked, and a verdict asked of today from a repealed document.

- 以前要持续经营多久…现在呢: the period stands in the lead-in (持续经营满6个月的下列人员，可申领…：), so its own
  sentence answers, not the list of people under it; the ask keeps its own kind beside another ask of a list
  (哪些人能申请).
- A lead-in whose figure is on another point (签订2年以上劳动合同的见习人员…标准如下：) is still answered by its
  items, and so is one whose figure stands in a sentence before it (备案时限为10个工作日。备案时提交以下材料：).
- 现在能申请吗, best matched by a notice another document repeals in so many words: the repealing document's clause on
  the same point judges, and the repealed one is named as earlier policy.
- 户口 in a question finds a clause that says 户籍.

Two fictional documents of one city written for this test (no eval set has them), no sidecars.
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.clauses import ClauseComposer
from assistant.offline.engine import OfflineEngine
from assistant.offline.evidence import Evidence, EvidenceFinder
from retriever.models import SearchHit

OLD = """遵义市人力资源和社会保障局 遵义市财政局关于做好企业职工技能提升补贴申领工作的通知
遵人社通〔2020〕8号
各县（市、区）人力资源和社会保障局、财政局：
为做好企业职工技能提升补贴申领工作，现就有关事项通知如下：
一、申领对象
依法参加失业保险、累计缴纳失业保险费满36个月的下列人员，可申领技能提升补贴：
（一）本市企业在职职工；
（二）在本市领取失业保险金的人员。
二、申领条件
（一）申请人须具有本市户籍。
（二）取得初级工、中级工或高级工职业技能等级证书。
三、补贴标准
初级工每人1000元，中级工每人1500元，高级工每人2000元。
四、在本市首次创办个体工商户，并持续经营满3个月的下列人员，可申领一次性创业补贴：
（一）毕业5年内的高校毕业生；
（二）返乡创业农民工。
五、离校2年内未就业的高校毕业生，须具有本市户籍或毕业于本市高校，方可参加就业见习。
六、本通知自2020年5月1日起施行。
遵义市人力资源和社会保障局　遵义市财政局
2020年4月10日
"""

NEW = """遵义市人力资源和社会保障局 遵义市财政局关于印发《遵义市技能提升补贴管理办法》的通知
遵人社规〔2025〕5号
各县（市、区）人力资源和社会保障局、财政局：
现将《遵义市技能提升补贴管理办法》印发给你们，请认真贯彻执行。
第一条　为鼓励劳动者提升职业技能，制定本办法。
第二条　依法参加失业保险、累计缴纳失业保险费满12个月的下列人员，可申领技能提升补贴，不受户籍限制：
（一）本市企业在职职工；
（二）在本市领取失业保险金的人员。
第三条　取得初级工证书的每人补贴1200元，中级工每人1800元，高级工每人2400元。
第四条　企业与新录用人员签订1年以上劳动合同的下列人员，企业可申领吸纳就业补贴：
（一）毕业年度高校毕业生；
（二）登记失业人员。
第五条　在本市首次创办个体工商户，并持续经营满6个月的下列人员，可申领一次性创业补贴：
（一）毕业5年内的高校毕业生；
（二）返乡创业农民工；
（三）退役军人。
第六条　离校未满3年且尚未就业的高校毕业生，均可参加见习，不受户籍限制。
第七条　见习单位应当在见习人员上岗后办理见习备案，备案时限为10个工作日。备案时提交以下材料：
（一）见习协议；
（二）见习人员身份证复印件。
第八条　见习期满后被见习单位留用、签订2年以上劳动合同的见习人员，按学历给予留用补贴，标准如下：
（一）本科学历每人每月500元，发放12个月；
（二）硕士研究生学历每人每月800元，发放24个月。
第九条　本办法自2025年3月1日起施行。原《遵义市人力资源和社会保障局 遵义市财政局关于做好企业职工技能提升补贴申领\
工作的通知》（遵人社通〔2020〕8号）同时废止。
遵义市人力资源和社会保障局　遵义市财政局
2025年2月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("lead-in-asks"), {
        "zunyi-2020-skill-upgrade-notice.txt": OLD, "zunyi-2025-skill-upgrade-measures.txt": NEW})


def test_a_period_asked_before_and_now_is_read_from_the_lead_in(engine):
    answer = engine.answer("遵义的一次性创业补贴，以前要持续经营多久、哪些人能申请？现在呢？")
    first = answer.answer.split("【")[1]  # the first ask's part
    lead = first.splitlines()[0]
    assert "6个月" in lead and "遵人社规〔2025〕5号" in lead, answer.answer
    assert "退役军人" not in lead and "共3项" not in lead, answer.answer  # not the people listed under it
    assert "3个月" in first and "：。" not in first, answer.answer  # the replaced notice's period, as earlier policy
    second = answer.answer.split("【")[2]  # the other ask, a list: the people
    assert "退役军人" in second and "技能提升补贴" not in second.splitlines()[0], answer.answer


def test_a_requirement_asked_by_its_colloquial_name_finds_the_formal_one(engine):
    """户口, which no document here says, is credited where a clause says 户籍 (and never by the words a guess of
    jieba's makes of the question: 人能 of 哪些人能申请 weighs nothing)."""
    vocabulary = engine.vocabulary()
    question = "遵义就业见习对户口有要求吗"
    terms = vocabulary.terms(question)
    alternatives = vocabulary.alternatives(question, terms)
    assert "户籍" in alternatives.get("户口", ()), alternatives
    clause = next(c for c in engine.chunks("zunyi-2025-skill-upgrade-measures") if c.clause_path == "第六条")
    assert vocabulary.coverage(["户口"], clause, alternatives) == 1.0
    assert "人能" not in vocabulary.terms("遵义的一次性创业补贴，哪些人能申请？")
    answer = engine.answer("遵义技能提升补贴，以前失业保险得交满多久、户口有没有什么要求？现在呢？")
    assert "12个月" in answer.answer.split("【")[1].splitlines()[0], answer.answer


def test_a_lead_in_whose_figure_is_on_another_point_is_answered_by_its_items(engine):
    answer = engine.answer("遵义企业吸纳就业补贴，招哪些人能领？")
    assert "毕业年度高校毕业生" in answer.answer and "登记失业人员" in answer.answer, answer.answer
    # 签订2年以上劳动合同 measures the contract, not how long the allowance is paid
    answer = engine.answer("遵义的留用补贴按学历怎么分，各自能发多久？")
    assert "12个月" in answer.answer and "24个月" in answer.answer, answer.answer


def test_a_figure_in_a_sentence_before_the_lead_in_leaves_the_list_to_the_items(engine):
    answer = engine.answer("遵义见习备案得在多长时间内办好？要交哪些材料？")
    assert "10个工作日" in answer.answer, answer.answer
    assert "见习协议" in answer.answer and "身份证复印件" in answer.answer, answer.answer


def test_a_verdict_asked_of_today_comes_from_the_repealing_document(engine):
    """Whichever clause a search ranks first: handed only the repealed notice's condition (须具有本市户籍), the composer
    judges by the repealing measures' clause on the same point, and names the notice as earlier policy."""
    scope = engine.knowledge.scope
    finder = EvidenceFinder(engine.retriever, engine.vocabulary, scope.benefit_nouns, scope.money_words,
                            engine.knowledge.facts.facts, scope.benefit_lead_words)
    old = next(c for c in engine.chunks("zunyi-2020-skill-upgrade-notice") if c.clause_path == "五、")
    question = "外省户籍，离校两年了一直没工作，现在还能参加遵义的就业见习吗？"
    u = engine.retriever.understand(question)
    answer = ClauseComposer(engine, finder).answer(
        question, question, u, [Evidence(SearchHit(chunk=old, score=1.0, rank=1), 1.0, 1.0)], kind="eligibility",
        old_wanted=False, named_place=True)
    lead = answer.answer.splitlines()[0]
    assert "遵人社规〔2025〕5号" in lead and "不受户籍限制" in lead, answer.answer
    assert answer.citations[0].clause == "第六条" and "遵人社通〔2020〕8号" in answer.answer, answer.answer


def test_a_verdict_asked_of_today_is_read_from_the_newer_clause(engine):
    answer = engine.answer("我是外省户口，在遵义一家厂里上班，失业保险交了两年了，现在能领技能提升补贴吗？")
    lead = answer.answer.splitlines()[0]
    assert "不符合" not in lead and "遵人社规〔2025〕5号" in lead, answer.answer
    assert "第二条" in {c.clause for c in answer.citations if c.doc_id == "zunyi-2025-skill-upgrade-measures"}
