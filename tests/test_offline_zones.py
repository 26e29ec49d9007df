"""A zone the division dataset does not list (a new area, a park) but a document names is in that document's region:
a question naming it is answered from that region's documents, never from another region's.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a city's skill-upgrade
notice that relaxes the contribution condition for firms in two named zones, and another province's measures on the
same benefit with its own figures.
"""

from __future__ import annotations

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from ingest.models import Chunk, DocumentMeta
from retriever.understanding.zones import ZoneNames

CITY = """南京市人力资源和社会保障局 南京市财政局关于做好企业职工技能提升补贴工作的通知
宁人社发〔2026〕8号
各区人力资源和社会保障局、财政局，江北新区管委会：
一、补贴条件
（一）企业职工累计缴纳失业保险费满12个月，取得职业技能等级证书的，可申领技能提升补贴。
（二）江北新区、南京白下高新区的企业职工累计缴纳失业保险费满6个月即可申领技能提升补贴。
二、补贴标准
（一）初级工每人1000元，中级工每人1500元，高级工每人2000元。
三、本通知自2026年3月1日起施行，有效期至2028年12月31日。
"""

OTHER_PROVINCE = """甘肃省人力资源和社会保障厅 甘肃省财政厅关于印发《甘肃省技能提升补贴办法》的通知
甘人社规〔2026〕2号
甘肃省技能提升补贴办法
第一条 企业职工累计缴纳失业保险费满12个月，取得职业技能等级证书的，可申领技能提升补贴。
第二条 补贴标准：初级工每人1200元，中级工每人1800元，高级工每人2400元。
第三条 本办法自2026年1月1日起施行，有效期5年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("zones"), {
        "nanjing-2026-skill-upgrade.txt": CITY, "gansu-2026-skill-upgrade.txt": OTHER_PROVINCE})


def test_zone_names_are_read_from_regional_documents_only() -> None:
    def chunk(doc_id: str, text: str) -> Chunk:
        return Chunk(id=doc_id, doc_id=doc_id, title="某通知", clause_path="一、", text=text, region="x", level="city")
    documents = [DocumentMeta(doc_id="a", title="甲通知", region="南京市", level="city"),
                 DocumentMeta(doc_id="n", title="国家通知", region="全国", level="national")]
    zones = ZoneNames([chunk("a", "江北新区的企业职工可申领。"), chunk("n", "国家级新区和临港新区的企业。")], documents,
                      ["新区", "高新区"], local=lambda region: region != "全国")
    assert ("江北新区", {"南京市"}) in zones.named("我们公司在江北新区")
    assert zones.named("公司在临港新区") == []  # only a national document names it: no region of its own
    assert zones.named("新区的企业能申请吗") == []  # a bare zone word names no zone


def test_a_firm_in_a_zone_a_citys_notice_names_gets_that_citys_rule(engine: OfflineEngine) -> None:
    understanding = engine.retriever.understand("我们公司在江北新区，失业保险交了8个月，刚考了中级工证，能申请吗？")
    assert [p.name for p in understanding.places] == ["南京市"], understanding.places
    answer = engine.answer("我们公司在江北新区，失业保险交了8个月，刚考了中级工证，能申请吗？能的话多少钱？")
    assert answer.status == "answered", answer.answer
    assert {c.doc_id for c in answer.citations} <= {"nanjing-2026-skill-upgrade"}, answer.answer
    assert 1800 not in figures(answer.answer) and "甘肃" not in answer.answer
