"""Now against before: a question about the current rule that mentions the old one (现在还是50%吗, 以前…现在呢) is
answered from the newer document with the older one's clause cited; a 文号 the library does not hold, which a library
document repeals, is answered through the repealing clause.

Two fictional documents of one city written for this test (no eval set has them): a 2018 plan and the 2024 measures
that repeal it and a 2015 document the library never had. Nothing sets the link by hand: no sidecars.
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

OLD = """南宁市人力资源和社会保障局 南宁市财政局关于印发《南宁市企业新型学徒制工作方案》的通知
南人社发〔2018〕21号
各县（区）人力资源和社会保障局、财政局：
现将《南宁市企业新型学徒制工作方案》印发给你们，请认真贯彻执行。
一、补贴标准
（一）企业新型学徒制培训补贴按中级工每人每年4000元的标准给予企业，补贴期限最长不超过2年。
（二）学徒培训备案后，企业可申请预支50%的补贴资金。
二、本方案自2018年6月1日起施行。
南宁市人力资源和社会保障局　南宁市财政局
2018年5月20日
"""

NEW = """南宁市人力资源和社会保障局 南宁市财政局关于印发《南宁市企业新型学徒制实施办法》的通知
南人社规〔2024〕2号
各县（区）人力资源和社会保障局、财政局：
现将《南宁市企业新型学徒制实施办法》印发给你们，请认真贯彻执行。
第一条　为全面推行企业新型学徒制，制定本办法。
第二条　企业新型学徒制培训补贴按中级工每人每年4800元的标准给予企业，补贴期限最长不超过3年。
第三条　学徒培训备案后，企业可申请预支不超过60%的补贴资金。
第四条　本办法自2024年3月1日起施行。原《南宁市企业新型学徒制工作方案》（南人社发〔2018〕21号）和\
《南宁市职业培训补贴办法》（南人社发〔2015〕9号）同时废止。
南宁市人力资源和社会保障局　南宁市财政局
2024年2月10日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("old-and-new"), {
        "nanning-2018-apprenticeship-plan.txt": OLD, "nanning-2024-apprenticeship-measures.txt": NEW})


@pytest.mark.parametrize(
    ("question", "now", "before"),
    [
        ("南宁学徒补贴预支比例现在还是50%吗", "60%", "50%"),
        ("南宁学徒制补贴以前中级工每年4000，现在每年多少", "4800元", "4000元"),
    ],
)
def test_now_is_answered_from_the_newer_document_with_the_older_cited(engine, question, now, before):
    answer = engine.answer(question)
    lead = answer.answer.splitlines()[0]
    assert now in lead and "南人社规〔2024〕2号" in lead, answer.answer
    cited = {c.doc_id for c in answer.citations}
    assert cited == {"nanning-2024-apprenticeship-measures", "nanning-2018-apprenticeship-plan"}, answer.answer
    assert before in answer.answer.split("依据")[-1]  # the older figure is quoted from its clause, as earlier policy


def test_a_repealed_document_the_library_lacks_is_answered_through_its_repeal(engine):
    answer = engine.answer("南宁那个南人社发〔2015〕9号文件现在还管用吗")
    assert answer.status == "answered"
    lead = answer.answer.splitlines()[0]
    assert "本库未收录南人社发〔2015〕9号" in lead and "废止" in lead and "南人社规〔2024〕2号" in lead, answer.answer
    assert [c.clause for c in answer.citations] == ["第四条"]


def test_a_document_number_nobody_repeals_gets_no_repeal_answer(engine):
    answer = engine.answer("南人社发〔2010〕3号文件还有效吗")
    assert "同时废止[" not in answer.answer
    assert "南人社发〔2010〕3号" not in answer.answer.split("。")[0] or "本库未收录" not in answer.answer


def test_a_validity_question_quotes_the_documents_own_words(engine):
    """自…起施行 / 有效期 in the document's own words, cited, beside the status read from them."""
    answer = engine.answer("南宁的企业新型学徒制实施办法什么时候开始施行？现在还有效吗")
    assert "文件原文：“" in answer.answer and "2024年3月1日起施行" in answer.answer.split("依据")[0], answer.answer
    assert "第四条" in [c.clause for c in answer.citations]
