"""A running engine follows an ingest made elsewhere (e.g. the CLI while the page is up) without being rebuilt."""

from __future__ import annotations

import pytest

from assistant.factory import build_engine
from ingest.settings import Settings
from retriever.factory import open_retriever
from retriever.index import ingest_paths

NEW_POLICY = """宁远市人民政府关于职业技能培训补贴的通知
宁远政发〔2021〕5号
一、培训补贴
参加政府补贴性职业技能培训并取得职业技能等级证书的，每人给予800元培训补贴。
宁远市人民政府
2021年3月1日
"""
NEW_SIDECAR = """title: 宁远市人民政府关于职业技能培训补贴的通知
issuer: 宁远市人民政府
doc_number: 宁远政发〔2021〕5号
region: 宁远市
province: 虚构省
level: city
publish_date: 2021-03-01
status: in_force
aliases: [宁远, 宁远市]
"""


@pytest.mark.slow
def test_engine_sees_documents_ingested_after_it_was_built(tmp_settings: Settings) -> None:
    assert ingest_paths(tmp_settings).published
    engine = build_engine(tmp_settings, open_retriever(tmp_settings))
    question = "宁远市政府补贴性培训给多少补贴？"
    before = engine.answer(question)
    assert "800元" not in before.answer and "ningyuan-2021-training-subsidy" not in [c.doc_id for c in before.citations]

    (tmp_settings.data_dir / "ningyuan-2021-training-subsidy.txt").write_text(NEW_POLICY, encoding="utf-8")
    (tmp_settings.data_dir / "ningyuan-2021-training-subsidy.meta.yaml").write_text(NEW_SIDECAR, encoding="utf-8")
    assert ingest_paths(tmp_settings).published

    after = engine.answer(question)  # same engine object: no restart, no services.reload()
    assert after.status == "answered" and "800元" in after.answer
    assert [c.doc_id for c in after.citations] == ["ningyuan-2021-training-subsidy"]
    # 宁远市 is now a covered region: a rule only 石家庄 has is refused for it, never answered with 石家庄's amounts
    trap = engine.answer("宁远市技能提升补贴多少钱？")
    assert trap.status == "not_found" and not trap.tool_calls
    assert not any(amount in trap.answer.split("本库目前收录")[0] for amount in ("1000元", "1500元", "2000元"))
