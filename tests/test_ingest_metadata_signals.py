"""The mechanisms behind sidecar-less metadata, one at a time: region signals through the real gazetteer, validity
sentences, wrapped titles, the supersession post-pass, sidecar interplay and bad input."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from ingest.doc_region import EVIDENCE_CHARS, infer_region
from ingest.metadata import TextClues, build_meta, default_gazetteer, link_supersessions, wrapped_titles
from ingest.models import DocumentMeta
from ingest.pipeline import parse_corpus, parse_document
from ingest.places import Gazetteer
from ingest.validity import add_months, parse_date, read_validity, repealed, status_on


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def region(gazetteer: Gazetteer, issuer: str | None = None, title: str = "关于做好培训工作的通知",
           doc_number: str | None = None, body: str = "") -> tuple[str, str | None, str]:
    guess = infer_region(gazetteer, issuer=issuer, title=title, doc_number=doc_number, body=body)
    return guess.region, guess.province, guess.level


# ---- region ----------------------------------------------------------------------------------------------------------
def test_traditional_characters_resolve(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, issuer="石家莊市人力資源和社會保障局") == ("石家庄市", "河北省", "city")


def test_issuer_chain_gives_the_deepest_unit(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, issuer="湖南省永州市宁远县人民政府办公室") == ("永州市宁远县", "湖南省", "county")


def test_province_abbreviation_alone_needs_a_suitable_body(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, doc_number="冀人社字〔2020〕88号", body="全省各设区市要抓好落实。全省统一标准。") == (
        "河北省", "河北省", "province")
    # 本市 under a provincial prefix: the city of 河北 the body names most
    body = "本市企业职工。石家庄市人社局负责。石家庄市财政局配合。保定市参照执行。本市统一受理。"
    assert region(gazetteer, doc_number="冀人社字〔2020〕88号", body=body)[:2] == ("石家庄市", "河北省")
    assert region(gazetteer, doc_number="冀人社字〔2020〕88号", body="本市企业职工均可申请。")[0] == "未知"


def test_abbreviation_never_overrules_the_issuer(gazetteer: Gazetteer) -> None:
    # 宁 is 宁夏's 简称, and also the first character of 宁远's 文号
    assert region(gazetteer, issuer="宁远县人民政府办公室", doc_number="宁政办发〔2021〕15号")[0] == "永州市宁远县"
    assert region(gazetteer, doc_number="宁政办发〔2021〕15号", body="全县劳动者均可参加。")[0] == "未知"
    assert region(gazetteer, doc_number="宁政发〔2021〕1号", body="全区各市要高度重视。")[0] == "宁夏回族自治区"


def test_short_name_prefix_needs_the_body(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, doc_number="北碚府发〔2019〕21号", body="根据重庆市有关规定，结合我区实际。")[0] == (
        "重庆市北碚区")
    assert region(gazetteer, doc_number="北碚府发〔2019〕21号", body="结合我区实际。")[0] == "未知"


def test_national_bodies(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, issuer="国务院办公厅") == ("全国", None, "national")
    assert region(gazetteer, doc_number="国办发〔2019〕24号") == ("全国", None, "national")
    # a ministry's reply naming a province in its subject is still a national document
    assert region(gazetteer, title="人力资源社会保障部关于同意河北省开展试点的复函")[0] == "全国"


def test_disagreeing_or_mixed_signals_give_unknown(gazetteer: Gazetteer) -> None:
    guess = infer_region(gazetteer, issuer="天津市人民政府办公厅、河北省人民政府办公厅", title="关于协同发展的通知",
                         doc_number=None, body="")
    assert guess.region == "未知" and "多个地区" in guess.reason
    guess = infer_region(gazetteer, issuer="国务院", title="天津市人民政府关于…的通知", doc_number=None, body="")
    assert guess.region == "未知" and "全国" in guess.reason and "天津市" in guess.reason


def test_topic_places_inside_the_title_are_weak(gazetteer: Gazetteer) -> None:
    title = "关于做好对口支援新疆职业培训工作的通知"
    assert region(gazetteer, issuer="天津市人力资源和社会保障局", title=title)[0] == "天津市"
    assert region(gazetteer, title=title, body="本市各区要选派骨干教师。")[0] == "未知"


def test_ambiguous_district_settled_by_the_body(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, issuer="朝阳区人民政府", body="吉林省长春市有关规定")[0] == "长春市朝阳区"
    assert region(gazetteer, issuer="朝阳区人民政府", body="")[0] == "未知"


def test_nothing_named_gives_unknown_with_the_level_of_local_words(gazetteer: Gazetteer) -> None:
    assert region(gazetteer, body="全县各乡镇") == ("未知", None, "county")
    assert region(gazetteer, body="我省各地") == ("未知", None, "province")
    assert region(gazetteer) == ("未知", None, "unknown")


@pytest.mark.parametrize("text", ["", "\x00\x07\x1b", "〔〕号", "NaN", "-1", "市" * 50])
def test_bad_input_never_raises(gazetteer: Gazetteer, text: str) -> None:
    guess = infer_region(gazetteer, issuer=text, title=text, doc_number=text, body=text)
    assert guess.region == "未知" and guess.code is None


def test_huge_body_is_bounded(gazetteer: Gazetteer) -> None:
    body = "各有关单位要认真落实技能提升补贴政策。" * 20_000
    assert len(body) > 10 * EVIDENCE_CHARS
    started = time.perf_counter()
    assert region(gazetteer, doc_number="北碚府发〔2019〕21号", body=body)[0] == "未知"
    assert time.perf_counter() - started < 5


# ---- validity --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("2021年4月1日", date(2021, 4, 1)),
    ("二〇二一年四月一日", date(2021, 4, 1)),
    ("二〇二一年十二月三十一日", date(2021, 12, 31)),
    ("2022年1月", date(2022, 1, 1)),
    ("2021年2月30日", None),
    ("2021年13月1日", None),
    ("去年", None),
])
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2021, 4, 1), 36) == date(2024, 4, 1)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("第九条　本办法自2021年4月1日起施行，有效期3年。", date(2021, 4, 1), date(2024, 3, 31)),
    ("本办法自二〇二一年四月一日起施行。有效期两年。", date(2021, 4, 1), date(2023, 3, 31)),
    ("本通知自印发之日起实施，有效期至2025年12月31日。", date(2020, 6, 15), date(2025, 12, 31)),
    ("本意见自2021年1月1日起执行，至2023年12月31日止。", date(2021, 1, 1), date(2023, 12, 31)),
    ("本政策执行期限为2021年1月1日至2023年12月31日。", date(2021, 1, 1), date(2023, 12, 31)),
    ("有效期至2025年12月31日。", None, date(2025, 12, 31)),
    ("职业技能等级证书有效期3年。活动实施期为2015年3月至2016年12月。", None, None),
    ("自2020年1月1日起实施企业新型学徒制培训。", None, None),
    # a part running until a date is no end of the whole document
    ("本通知自2026年7月1日起施行。其中，一次性扩岗补助政策执行至2027年12月31日。", date(2026, 7, 1), None),
    ("", None, None),
])
def test_read_validity(text: str, start: date | None, end: date | None) -> None:
    validity = read_validity(text, signed=date(2020, 6, 15))
    assert (validity.effective_from, validity.effective_to) == (start, end)


def test_the_last_statement_wins() -> None:
    text = "本通知自印发之日起施行。\n附件\n第十条　本办法自2021年7月1日起施行，有效期5年。"
    assert read_validity(text, signed=date(2021, 6, 1)).effective_from == date(2021, 7, 1)


def test_repeals() -> None:
    text = "原《甲市技能补贴办法》（甲人社发〔2018〕12号）和《乙市培训办法》同时废止。乙人社发[2017]3号文件停止执行。"
    assert repealed(text) == ["甲人社发〔2018〕12号", "乙市培训办法", "乙人社发〔2017〕3号"]
    assert repealed("《甲市技能补贴办法》第五条同时废止。") == []  # one article, not the document
    assert repealed("根据《甲市技能补贴办法》（甲人社发〔2018〕12号）执行。") == []


@pytest.mark.parametrize(("today", "expected"), [
    (date(2021, 3, 31), "unknown"),
    (date(2021, 4, 1), "in_force"),
    (date(2024, 3, 31), "in_force"),
    (date(2024, 4, 1), "expired"),
])
def test_status_on_the_window_edges(today: date, expected: str) -> None:
    assert status_on(today, date(2021, 4, 1), date(2024, 3, 31)) == expected


def test_status_without_dates() -> None:
    assert status_on(date(2024, 1, 1), None, None) == "unknown"
    assert status_on(date(2024, 1, 1), None, date(2025, 1, 1)) == "in_force"
    assert status_on(date(2024, 1, 1), date(2020, 1, 1), None) == "in_force"


# ---- titles ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("title", "expected"), [
    ("关于印发《X市技能提升补贴管理办法》的通知", ["X市技能提升补贴管理办法"]),
    ("某局关于印发《甲办法》和《乙细则》的通知", ["甲办法", "乙细则"]),
    ("关于印发天津市职业技能提升行动实施方案的通知", ["天津市职业技能提升行动实施方案"]),
    ("关于转发《人力资源社会保障部关于做好补贴工作的通知》的通知", ["人力资源社会保障部关于做好补贴工作的通知"]),
    ("关于做好2022年职业技能提升行动有关工作的通知", []),
    ("", []),
])
def test_wrapped_titles(title: str, expected: list[str]) -> None:
    assert wrapped_titles(title) == expected


# ---- sidecars and the post-pass -------------------------------------------------------------------------------------
NOTICE = (
    "关于做好补贴工作的通知\n\n津人社规字〔2022〕5号\n\n一、本市劳动者可以申请。\n\n"
    "二、本通知自2020年1月1日起施行，有效期2年。\n\n2019年12月20日\n"
)


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return path


def test_sidecar_region_sets_code_level_and_province(notice: Path) -> None:
    notice.with_name("notice.meta.yaml").write_text("region: 永州市宁远县\n", encoding="utf-8")
    meta = parse_document(notice, today=date(2024, 1, 1)).meta
    assert (meta.region, meta.region_code, meta.level, meta.province) == ("永州市宁远县", "431126", "county", "湖南省")
    assert meta.sidecar_fields == ["region"] and meta.note is None
    assert meta.status == "expired"  # the text's window still decides, the sidecar set no status


def test_sidecar_status_wins_over_the_text(notice: Path) -> None:
    notice.with_name("notice.meta.yaml").write_text("status: in_force\n", encoding="utf-8")
    meta = parse_document(notice, today=date(2024, 1, 1)).meta
    assert (meta.status, meta.region, meta.region_code) == ("in_force", "天津市", "120000")


@pytest.mark.parametrize(("content", "expected"), [
    ("region_code: '110000'\n", "region_code"),
    ("sidecar_fields: [title]\n", "sidecar_fields"),
    ("effective_to: 不是日期\n", "effective_to"),
    ("supersedes: 7\n", "supersedes"),
])
def test_bad_sidecar_fields_are_reported(notice: Path, content: str, expected: str) -> None:
    notice.with_name("notice.meta.yaml").write_text(content, encoding="utf-8")
    corpus = parse_corpus([notice.parent])
    assert any(expected in p.message_zh and p.severity == "warning" for p in corpus.problems)
    assert corpus.documents[0].meta.region == "天津市"


def test_unknown_sidecar_region_keeps_the_name_without_a_code(notice: Path) -> None:
    notice.with_name("notice.meta.yaml").write_text("region: 样例市\nlevel: city\n", encoding="utf-8")
    corpus = parse_corpus([notice.parent])
    meta = corpus.documents[0].meta
    assert (meta.region, meta.region_code, meta.level) == ("样例市", None, "city")
    assert not any("适用地区" in p.message_zh for p in corpus.problems)


def _meta(doc_id: str, **fields) -> DocumentMeta:
    return DocumentMeta(doc_id=doc_id, title=fields.pop("title", f"{doc_id}的通知"), region="全国", level="national",
                        **fields)


class _Doc:
    """The post-pass only needs .meta, .chunks and model_copy: a plain stand-in keeps this test about the pass."""

    def __init__(self, meta: DocumentMeta) -> None:
        self.meta, self.chunks = meta, []

    def model_copy(self, *, update: dict | None = None, deep: bool = False) -> _Doc:
        return _Doc(update["meta"])


def test_post_pass_respects_sidecars_dates_and_itself() -> None:
    documents = [
        _Doc(_meta("new", publish_date=date(2021, 1, 1), supersedes=["甲〔2018〕1号", "乙的通知", "new的通知"])),
        _Doc(_meta("old", doc_number="甲〔2018〕1号", publish_date=date(2018, 1, 1))),
        _Doc(_meta("kept", title="乙的通知", status="in_force", sidecar_fields=["status"])),
        _Doc(_meta("later", doc_number="丙〔2022〕1号", publish_date=date(2022, 1, 1))),
        _Doc(_meta("earlier", publish_date=date(2019, 1, 1), supersedes=["丙〔2022〕1号"])),
    ]
    result = {d.meta.doc_id: d.meta for d in link_supersessions(documents)}
    assert (result["old"].status, result["old"].superseded_by) == ("superseded", ["new"])
    assert result["kept"].status == "in_force" and result["kept"].superseded_by == []
    assert result["later"].status == "unknown"  # a 2019 document cannot repeal a 2022 one
    assert result["new"].status == "unknown"


def test_build_meta_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty-header.txt"
    path.write_text("正文", encoding="utf-8")
    meta = build_meta(path, TextClues(header_lines=[], closing_lines=[], body_text=""), None, today=date(2024, 1, 1))
    assert (meta.title, meta.region, meta.level, meta.status) == ("empty-header", "未知", "unknown", "unknown")


@pytest.mark.parametrize(("name", "code"), [
    ("全国", "000000"), ("北京", "110000"), ("重庆市北碚区", "500109"), ("石家庄", "130100"),
    ("永州市宁远县", "431126"), ("宁远市", None), ("样例市", None), ("", None),
])
def test_sidecar_region_names(gazetteer: Gazetteer, name: str, code: str | None) -> None:
    from ingest.doc_region import guess_for_region

    placed = guess_for_region(gazetteer, name)
    assert (placed.code if placed else None) == code
