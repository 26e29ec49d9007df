"""Query analysis over the real corpus metadata: regions, unknown places, documents by 文号/year/title."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import BEIBEI, BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG

from ingest.models import DocumentMeta
from ingest.pipeline import parse_corpus
from retriever.analysis import QueryAnalyzer, _shingles, _title_shingles, short_forms

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
BJ2011, BJ2007, SJZ = BEIJING_2011, BEIJING_2007, SHIJIAZHUANG


def sidecar_documents() -> list[DocumentMeta]:
    return [document.meta for document in parse_corpus([POLICIES]).documents]


@pytest.fixture(scope="module")
def analyzer() -> QueryAnalyzer:
    return QueryAnalyzer(sidecar_documents())


@pytest.mark.parametrize(
    ("query", "regions"),
    [
        ("北京市职工教育经费按多少比例提取", ["北京市"]),
        ("来京务工人员怎么直接引进", ["北京市"]),
        ("石家庄技能提升补贴", ["石家庄市"]),
        ("河北省学徒制补贴", ["石家庄市"]),
        ("重庆退役军人培训", ["重庆市北碚区"]),
        ("北碚区税前扣除", ["重庆市北碚区"]),
        ("北京和石家庄哪里补贴高", ["北京市", "石家庄市"]),
        ("职业技能等级证书有什么用", []),
        ("国家职业资格目录", []),  # 国家 is too generic to be a jurisdiction
    ],
)
def test_regions(analyzer: QueryAnalyzer, query: str, regions: list[str]) -> None:
    assert analyzer.analyze(query).regions == regions


def test_jing_inside_nanjing_is_not_beijing(analyzer: QueryAnalyzer) -> None:
    result = analyzer.analyze("南京的就业技能培训补贴是多少")
    assert result.regions == []
    assert result.unknown_regions == ["南京"]


def test_beijing_and_nanjing_together(analyzer: QueryAnalyzer) -> None:
    result = analyzer.analyze("北京和南京")
    assert result.regions == ["北京市"]
    assert result.unknown_regions == ["南京"]


@pytest.mark.parametrize(
    ("query", "unknown"),
    [("上海有培训补贴吗", ["上海"]), ("深圳市和广州的政策", ["深圳", "广州"]), ("天津、杭州", ["天津", "杭州"])],
)
def test_places_not_covered_are_unknown(analyzer: QueryAnalyzer, query: str, unknown: list[str]) -> None:
    result = analyzer.analyze(query)
    assert result.unknown_regions == unknown
    assert result.regions == []


@pytest.mark.parametrize(
    ("query", "doc_ids"),
    [
        ("京政发〔2011〕33号规定了什么", [BJ2011]),
        ("京政发[2011]33号", [BJ2011]),
        ("京政发（2011）33号 首席技师", [BJ2011]),
        ("33号文里首席技师工作室资助多少", [BJ2011]),
        ("京办发文件里高级技师的规定", [BJ2007]),
        ("北碚府发〔2019〕21号", [BEIBEI]),
        ("人社部函〔2015〕67号", [MOHRSS]),
        ("2007年那个文件说了什么", [BJ2007]),
        ("2011年的政策", [BJ2011]),
        ("百城技能振兴活动有哪些城市", [MOHRSS]),
        ("关于进一步加强高技能人才工作的实施意见", [BJ2007]),
        ("推行终身职业技能培训制度的实施意见", [BEIBEI, SJZ]),
        ("技能提升补贴", []),
    ],
)
def test_documents_named(analyzer: QueryAnalyzer, query: str, doc_ids: list[str]) -> None:
    assert sorted(analyzer.analyze(query).doc_ids) == sorted(doc_ids)


def test_doc_number_prefix_does_not_count_as_region(analyzer: QueryAnalyzer) -> None:
    assert analyzer.analyze("京政发〔2011〕33号").regions == []


def test_plain_year_is_recorded_but_names_no_document(analyzer: QueryAnalyzer) -> None:
    result = analyzer.analyze("我2019年参加了培训")
    assert result.years == [2019]
    assert result.doc_ids == []


def test_unknown_number_names_nothing(analyzer: QueryAnalyzer) -> None:
    assert analyzer.analyze("99号文").doc_ids == []


def test_user_added_document_is_recognised() -> None:
    extra = DocumentMeta(
        doc_id="shanghai-2024-subsidy",
        title="上海市职业技能提升行动补贴办法",
        doc_number="沪人社规〔2024〕5号",
        region="上海市",
        province="上海市",
        level="municipality",
        aliases=["上海", "沪"],
    )
    analyzer = QueryAnalyzer([*sidecar_documents(), extra])
    result = analyzer.analyze("上海的补贴")
    assert result.regions == ["上海市"]
    assert result.unknown_regions == []
    assert analyzer.analyze("沪人社规〔2024〕5号").doc_ids == ["shanghai-2024-subsidy"]
    assert analyzer.resolve_region("沪") == "上海市"


def test_short_forms() -> None:
    assert short_forms("北京市") == {"北京市", "北京"}
    assert short_forms("内蒙古自治区") == {"内蒙古自治区", "内蒙古"}
    assert short_forms("新疆维吾尔自治区") == {"新疆维吾尔自治区", "新疆"}
    assert short_forms("全国") == {"全国"}


@pytest.mark.parametrize(
    ("query", "years"),
    [("07年那个高技能人才文件", [2007]), ("北京07年的规定和2011年的", [2007, 2011]), ("工作满10年能引进吗", [])],
)
def test_short_years_only_for_00_to_09(analyzer: QueryAnalyzer, query: str, years: list[int]) -> None:
    assert analyzer.analyze(query).years == years


def test_short_year_before_a_document_word_names_it(analyzer: QueryAnalyzer) -> None:
    assert analyzer.analyze("北京07年那个文件").doc_ids == [BJ2007]


@pytest.mark.parametrize(
    ("query", "earlier"),
    [("老政策里高级技师怎么引进", True), ("原来的规定是多少", True), ("以前的文件怎么说", True), ("现行政策", False)],
)
def test_questions_about_old_policy(analyzer: QueryAnalyzer, query: str, earlier: bool) -> None:
    assert analyzer.analyze(query).wants_earlier is earlier


@pytest.mark.parametrize(
    ("query", "current", "about_document"),
    [
        ("07年那个文件现在还执行吗", True, True),
        ("这个文件是哪个部门印发的", False, True),
        ("北碚的文件依据哪个文件制定", False, True),
        ("目前技能提升补贴标准", True, False),
        ("职工教育经费按多少提取", False, False),
    ],
)
def test_current_and_document_questions(
    analyzer: QueryAnalyzer, query: str, current: bool, about_document: bool
) -> None:
    analysis = analyzer.analyze(query)
    assert (analysis.wants_current, analysis.about_document) == (current, about_document)


@pytest.mark.parametrize(
    ("query", "regions"),
    [("国家层面对破格考评怎么规定", ["全国"]), ("人社部的文件怎么说", ["全国"]), ("国家职业资格证书有什么用", [])],
)
def test_national_level_questions_name_the_national_region(
    analyzer: QueryAnalyzer, query: str, regions: list[str]
) -> None:
    assert analyzer.analyze(query).regions == regions


def _reference_overlap(a: str, b: str) -> int:
    """Longest common substring length, the quadratic way (what the shingle lookup must agree with)."""
    best = 0
    previous = [0] * (len(b) + 1)
    for char_a in a:
        current = [0] * (len(b) + 1)
        for j, char_b in enumerate(b, start=1):
            if char_a == char_b:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


@settings(max_examples=200, deadline=None)
@given(query=st.text(alphabet="职业技能培训补贴意见通知北京市关于", max_size=30))
def test_title_pieces_agree_with_longest_common_substring(query: str) -> None:
    titles = {"a": "关于加强职业技能培训工作的意见", "b": "北京市职业技能培训补贴通知"}
    owners = _title_shingles(titles, 8)
    found = set().union(*(owners.get(piece, set()) for piece in _shingles(query, 8)))
    assert found == {doc_id for doc_id, title in titles.items() if _reference_overlap(query, title) >= 8}
