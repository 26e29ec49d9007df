"""The asked place's own documents rank first only when they regulate what is asked: a province notice full of
money clauses on another benefit must not crowd out the national notice that regulates the benefit named, for a
city of that province with no document of its own on it.

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's
measures on hiring subsidies (many clauses, amounts, none on 创业培训) and a national notice on 创业培训补贴.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省企业扩岗补助实施办法》的通知
甘人社规〔2025〕6号
各市（州）人力资源社会保障局、财政局：
现将《甘肃省企业扩岗补助实施办法》印发给你们，请认真贯彻执行。
第一条　为鼓励企业扩大就业岗位，结合我省实际，制定本办法。
第二条　企业招用毕业年度高校毕业生并签订1年以上劳动合同的，按每人1500元给予一次性扩岗补助。
第三条　企业招用登记失业的16至24岁青年并签订1年以上劳动合同的，按每人1500元给予一次性扩岗补助。
第四条　企业招用脱贫人口并按月足额缴纳社会保险费满3个月的，按每人2000元给予一次性吸纳就业补助。
第五条　企业招用就业困难人员的，按其实际缴纳的社会保险费给予社会保险补贴，每人每月不超过800元。
第六条　每户企业每年享受的扩岗补助总额最高不超过30万元。
第七条　企业应在招用人员缴费满3个月后12个月内，通过甘肃人社网上服务大厅提出申请。
第八条　本办法自2025年6月1日起施行，有效期5年。
甘肃省人力资源和社会保障厅 甘肃省财政厅
2025年5月20日
"""

NATIONAL = """人力资源社会保障部 财政部关于加强创业培训工作的通知
人社部发〔2025〕61号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
为提升劳动者创业能力，现就加强创业培训工作通知如下。
一、培训对象
（一）有创业意愿的城乡劳动者均可参加创业培训。
二、补贴标准
（一）参加创业意识培训并取得合格证书的，按每人600元给予创业培训补贴。
（二）参加创办企业培训并取得合格证书的，按每人1200元给予创业培训补贴。
三、本通知自2025年3月1日起施行。
人力资源社会保障部 财政部
2025年2月10日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("boost"), {
        "gansu-2025-job-expansion.txt": PROVINCE, "mohrss-2025-startup-training.txt": NATIONAL})


def test_a_city_without_its_own_rule_on_the_benefit_is_answered_by_the_national_notice(engine: OfflineEngine) -> None:
    question = "我在天水，参加了创办企业培训，拿到了合格证书，创业培训补贴一个人能补多少钱？"
    hits = engine.retriever.search(question, top_k=3).hits
    assert hits and hits[0].chunk.doc_id == "mohrss-2025-startup-training", [h.chunk.doc_id for h in hits]
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    assert Decimal(1200) in figures(lead(answer.answer)), answer.answer
    assert {c.doc_id for c in answer.citations} == {"mohrss-2025-startup-training"}


def test_the_places_own_document_still_comes_first_on_its_own_benefit(engine: OfflineEngine) -> None:
    hits = engine.retriever.search("天水的企业招了脱贫人口，一次性吸纳就业补助每人多少？", top_k=3).hits
    assert hits[0].chunk.doc_id == "gansu-2025-job-expansion" and hits[0].chunk.clause_path == "第四条"


def test_a_document_writing_a_name_with_words_inside_names_it() -> None:
    from retriever.hybrid import _says_name

    assert _says_name("见习期满留用奖励在省定标准基础上提高50%", "见习留用奖励")  # 期满 inside
    assert _says_name("给予一次性创业补贴", "一次性创业补贴")
    assert not _says_name("见习单位在见习期内的岗位留用情况另行奖励", "见习留用奖励")  # too far apart
    assert not _says_name("创业带动就业补贴", "创业补贴")  # a short name must be said as written
