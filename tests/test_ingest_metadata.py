"""Metadata without a sidecar: the fixture documents in tests/fixtures/metadata/ (written for these tests in policy
style, one per situation) and the five bundled policies parsed without their sidecars."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from support import BEIBEI, BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG

from ingest.metadata import SIDECAR_SUFFIX
from ingest.models import DocumentMeta
from ingest.pipeline import ParsedCorpus, parse_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "metadata"
POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
TODAY = date(2024, 1, 1)
D = date

# doc_id: region, province, level, region_code, doc_number, wrapped_title, effective_from, effective_to, status
EXPECTED: dict[str, tuple] = {
    # province: issuer and 文号 (黑) agree; 全省
    "heilongjiang-2021-province": (
        "黑龙江省", "黑龙江省", "province", "230000", "黑人社规〔2021〕3号", None, D(2021, 5, 1), D(2025, 12, 31),
        "in_force"),
    # municipality, 文号-only: no issuer line, title without a place, 津 + 本市 (the real example)
    "tianjin-2022-municipality": (
        "天津市", "天津市", "municipality", "120000", "津人社规字〔2022〕5号", None, D(2022, 2, 28), D(2025, 2, 27),
        "in_force"),
    # prefecture city: 哈政办规 names no province, the issuer does
    "harbin-2020-city": (
        "哈尔滨市", "黑龙江省", "city", "230100", "哈政办规〔2020〕12号", None, D(2020, 9, 1), D(2022, 8, 31),
        "expired"),
    # district: issuer in the title head, a bare wrapped title (印发…的通知 without 《》)
    "tianhe-2021-district": (
        "广州市天河区", "广东省", "district", "440106", "穗天府办〔2021〕8号", "天河区促进技能人才发展若干措施",
        None, None, "unknown"),
    # county: 宁政办发 starts with 宁夏's 简称 but never overrules the issuer; repeals a library document by title
    "ningyuan-2021-county": (
        "永州市宁远县", "湖南省", "county", "431126", "宁政办发〔2021〕15号", "宁远县职业技能培训补贴实施细则",
        D(2021, 10, 1), D(2026, 9, 30), "in_force"),
    "ningyuan-2016-interim": (
        "永州市宁远县", "湖南省", "county", "431126", "宁政办发〔2016〕30号", "宁远县职业技能培训补贴暂行办法",
        None, None, "superseded"),
    # national: joint central issuers, 人社部发, 自印发之日起施行 (open-ended)
    "mohrss-2020-national": (
        "全国", None, "national", "000000", "人社部发〔2020〕10号", None, D(2020, 2, 20), None, "in_force"),
    # 文号-only with a place's short name (渝北), corroborated by the body (重庆市, 全区)
    "yubei-2021-number-only": (
        "重庆市渝北区", "重庆市", "district", "500112", "渝北府办发〔2021〕30号", None, None, None, "unknown"),
    # 文号-only, ambiguous (永宁 = 宁夏's 永宁县, or 永州 + 宁远): nothing corroborates → 未知, level from 全县
    "yongning-2021-ambiguous-number": (
        "未知", None, "county", None, "永宁政办发〔2021〕9号", None, None, None, "unknown"),
    # issuer-only: closing line; 证书有效期3年 is no validity of the document
    "shijiazhuang-2020-issuer-only": (
        "石家庄市", "河北省", "city", "130100", None, None, None, None, "unknown"),
    # conflicting signals: the title says 天津市, the closing says 北京市 → 未知, level from 全市
    "conflict-issuer-title": ("未知", None, "city", None, None, None, None, None, "unknown"),
    # wrapped 办法: the notice's title stays, the 办法's is recorded; 有效期5年; repeals 永人社发〔2018〕12号
    "yongzhou-2021-wrapped-measures": (
        "永州市", "湖南省", "city", "431100", "永人社发〔2021〕20号", "永州市职业技能提升补贴管理办法", D(2021, 7, 1),
        D(2026, 6, 30), "in_force"),
    "yongzhou-2018-measures": (
        "永州市", "湖南省", "city", "431100", "永人社发〔2018〕12号", "永州市职业技能提升补贴实施办法",
        D(2018, 5, 1), None, "superseded"),
    # autonomous region: 全区 names the region itself
    "guangxi-2022-autonomous-region": (
        "广西壮族自治区", "广西壮族自治区", "province", "450000", "桂人社发〔2022〕18号", None, D(2022, 4, 6),
        D(2022, 12, 31), "expired"),
    # 朝阳区 is in 北京 and in 长春: the body (北京市) settles it; 执行期限为…至…
    "chaoyang-2019-district": (
        "北京市朝阳区", "北京市", "district", "110105", None, None, D(2019, 6, 1), D(2021, 12, 31), "expired"),
}
TITLES = {
    "tianjin-2022-municipality": "关于做好2022年职业技能提升行动有关工作的通知",
    "yongzhou-2021-wrapped-measures":
        "永州市人力资源和社会保障局 永州市财政局关于印发《永州市职业技能提升补贴管理办法》的通知",
    "mohrss-2020-national": "人力资源社会保障部 财政部关于实施职业技能提升行动“互联网+职业技能培训计划”的通知",
    "ningyuan-2021-county": "宁远县人民政府办公室关于印发《宁远县职业技能培训补贴实施细则》的通知",
}


@pytest.fixture(scope="module")
def corpus() -> ParsedCorpus:
    return parse_corpus([FIXTURES], today=TODAY)


@pytest.fixture(scope="module")
def metas(corpus: ParsedCorpus) -> dict[str, DocumentMeta]:
    return {d.meta.doc_id: d.meta for d in corpus.documents}


def test_every_fixture_is_covered_and_has_no_sidecar(metas: dict[str, DocumentMeta]) -> None:
    assert sorted(metas) == sorted(EXPECTED)
    assert not list(FIXTURES.glob(f"*{SIDECAR_SUFFIX}"))
    assert all(m.metadata_source == "heuristic" and m.sidecar_fields == [] for m in metas.values())


@pytest.mark.parametrize("doc_id", list(EXPECTED))
def test_fixture_metadata(metas: dict[str, DocumentMeta], doc_id: str) -> None:
    meta = metas[doc_id]
    got = (meta.region, meta.province, meta.level, meta.region_code, meta.doc_number, meta.wrapped_title,
           meta.effective_from, meta.effective_to, meta.status)
    assert got == EXPECTED[doc_id]
    if doc_id in TITLES:
        assert meta.title == TITLES[doc_id]
    if meta.wrapped_title:
        assert meta.wrapped_title in meta.aliases and meta.title != meta.wrapped_title


def test_region_code_names_the_region(metas: dict[str, DocumentMeta]) -> None:
    from ingest.doc_region import guess_for_region
    from ingest.metadata import default_gazetteer

    gazetteer = default_gazetteer()
    for meta in metas.values():
        if meta.region_code is not None:
            placed = guess_for_region(gazetteer, meta.region)
            assert placed is not None and placed.code == meta.region_code, meta.doc_id


def test_unknown_region_warns_with_the_file_and_the_reason(corpus: ParsedCorpus) -> None:
    warnings = {Path(p.path).name: p for p in corpus.problems if "适用地区" in p.message_zh}
    assert sorted(warnings) == ["conflict-issuer-title.txt", "yongning-2021-ambiguous-number.txt"]
    conflict = warnings["conflict-issuer-title.txt"].message_zh
    assert "北京市" in conflict and "天津市" in conflict and "conflict-issuer-title.meta.yaml" in conflict
    assert "永宁县" in warnings["yongning-2021-ambiguous-number.txt"].message_zh
    assert all(p.severity == "warning" for p in warnings.values())


def test_repeals_mark_the_library_document_superseded(corpus: ParsedCorpus, metas: dict[str, DocumentMeta]) -> None:
    assert metas["yongzhou-2021-wrapped-measures"].supersedes == ["永人社发〔2018〕12号"]
    assert metas["yongzhou-2018-measures"].superseded_by == ["yongzhou-2021-wrapped-measures"]
    assert metas["ningyuan-2021-county"].supersedes == ["宁远县职业技能培训补贴暂行办法"]  # matched by wrapped title
    assert metas["ningyuan-2016-interim"].superseded_by == ["ningyuan-2021-county"]
    old = next(d for d in corpus.documents if d.meta.doc_id == "yongzhou-2018-measures")
    assert {chunk.status for chunk in old.chunks} == {"superseded"}


def test_status_follows_the_injected_day() -> None:
    early = {d.meta.doc_id: d.meta.status for d in parse_corpus([FIXTURES], today=date(2020, 1, 1)).documents}
    late = {d.meta.doc_id: d.meta.status for d in parse_corpus([FIXTURES], today=date(2027, 1, 1)).documents}
    assert (early["heilongjiang-2021-province"], late["heilongjiang-2021-province"]) == ("unknown", "expired")
    assert (early["yongzhou-2021-wrapped-measures"], late["yongzhou-2021-wrapped-measures"]) == ("unknown", "expired")
    assert early["yongzhou-2018-measures"] == late["yongzhou-2018-measures"] == "superseded"


# ---- the bundled policies without their sidecars -------------------------------------------------------------------
SAME_AS_SIDECAR = ("doc_number", "region", "region_code", "province", "level", "publish_date")
# Measured: what the text alone cannot give (curated aliases, notes, statuses, and the 2011 file's abridged title).
STILL_DIFFERENT = {
    BEIBEI: {"status", "aliases"},
    BEIJING_2007: {"status", "superseded_by", "aliases", "note"},
    BEIJING_2011: {"title", "issuer", "status", "aliases", "note"},
    MOHRSS: {"aliases", "note"},
    SHIJIAZHUANG: {"status", "aliases", "note"},
}


def test_bundled_policies_without_sidecars(tmp_path: Path) -> None:
    truth = {d.meta.doc_id: d.meta for d in parse_corpus([POLICIES], today=TODAY).documents}
    for path in POLICIES.iterdir():
        if not path.name.endswith(SIDECAR_SUFFIX):
            shutil.copy(path, tmp_path)
    guessed = {d.meta.doc_id: d.meta for d in parse_corpus([tmp_path], today=TODAY).documents}
    assert sorted(guessed) == sorted(truth) == sorted(STILL_DIFFERENT)
    ignored = {"source_path", "metadata_source", "sidecar_fields"}
    for doc_id, meta in guessed.items():
        expected = truth[doc_id]
        assert [getattr(meta, f) for f in SAME_AS_SIDECAR] == [getattr(expected, f) for f in SAME_AS_SIDECAR], doc_id
        differing = {f for f in DocumentMeta.model_fields if f not in ignored
                     and getattr(meta, f) != getattr(expected, f)}
        assert differing == STILL_DIFFERENT[doc_id], doc_id
    assert {m.region_code for m in truth.values()} == {"500109", "110000", "000000", "130100"}
