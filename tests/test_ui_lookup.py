"""条款检索 on the real index: honest 未找到, chips, uncovered places, every filter, 在原文中定位."""

from __future__ import annotations

from datetime import date

import pytest
from support import BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG

from ingest.errors import UserInputError
from ui import tab_docs, tab_lookup
from ui.services import Services


def _docs(result: dict) -> set[str]:
    return {r["doc_id"] for r in result["results"]}


def test_nonsense_says_not_found_and_labels_the_nearest_as_suggestions(ui_services: Services) -> None:
    html, chips = tab_lookup.search_view(ui_services, "今天天气怎么样", 5)
    assert "未找到相关条款" in html and "找到 5 条" not in html
    assert "可能相关（相关度低，仅供参考）" in html and chips == []
    api = tab_lookup.run_search(ui_services, "今天天气怎么样", 5)
    assert api["results"] == [] and api["suggestions"]  # the API contract: results: [] for nonsense


def test_the_query_own_filters_are_chips_and_can_be_removed(ui_services: Services) -> None:
    result = tab_lookup.page_search(ui_services, "北京 职工教育经费", 10)
    assert _docs(result) <= {BEIJING_2011, BEIJING_2007, MOHRSS}
    assert tab_lookup.query_chips(result, {}) == [("region", "地区：北京市")]
    dropped = tab_lookup.page_search(ui_services, "北京 职工教育经费", 10, dropped=["region"])
    assert dropped["filters"]["regions"] is None  # the place no longer restricts the search
    named = tab_lookup.page_search(ui_services, "33号文 职业培训", 10)
    chips = tab_lookup.query_chips(named, {BEIJING_2011: "北京市人民政府关于进一步加强职业培训工作的意见"})
    assert ("doc", "文件：北京市人民政府关于进一步加强职业培训工作的意见（优先）") in chips
    assert named["results"][0]["doc_id"] == BEIJING_2011  # the named document comes first
    freed = tab_lookup.page_search(ui_services, "33号文 职业培训", 10, dropped=["doc"])
    assert freed["analysis"]["documents"] == [] and tab_lookup.query_chips(freed, {}) == []


def test_uncovered_place_is_said_before_the_national_rules(ui_services: Services) -> None:
    html, _ = tab_lookup.search_view(ui_services, "上海 百城技能振兴专项活动 名单", 5)
    assert "本库没有上海市的文件，以下为全国性规定。" in html
    assert html.index("本库没有上海市") < html.index("找到")
    result = tab_lookup.page_search(ui_services, "上海 百城技能振兴专项活动 名单", 5)
    assert _docs(result) == {MOHRSS}


def test_status_level_date_and_typed_doc_number_filters(ui_services: Services) -> None:
    superseded = tab_lookup.page_search(ui_services, "高技能人才 培训", 10, status="superseded")
    assert _docs(superseded) == {BEIJING_2007}
    national = tab_lookup.page_search(ui_services, "技能振兴", 10, level="national")
    assert _docs(national) == {MOHRSS}
    recent = tab_lookup.page_search(ui_services, "职业技能培训 补贴", 10, since="2019", until="2019-12-31")
    assert _docs(recent) and all(r["publish_date"].startswith("2019") for r in recent["results"])
    typed = tab_lookup.page_search(ui_services, "职业培训", 10, doc_number="京政发[2011]33号")
    assert _docs(typed) == {BEIJING_2011}
    loose = tab_lookup.page_search(ui_services, "职业培训", 10, doc_number="33号文")
    assert _docs(loose) == {BEIJING_2011}
    nothing = tab_lookup.page_search(ui_services, "职业培训", 10, level="national", doc_number="京政发〔2011〕33号")
    assert nothing["results"] == []  # filters combine: no national document has that 文号


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [("昨天", None, "日期格式不对"), ("2019-13", None, "日期不存在"), ("2020", "2019", "开始日期晚于结束日期")],
)
def test_bad_dates_are_inline_chinese_messages(ui_services: Services, since, until, message: str) -> None:
    html, _ = tab_lookup.search_view(ui_services, "培训", 5, since=since, until=until)
    assert 'class="pa-error"' in html and message in html


def test_unknown_doc_number_is_rejected_in_chinese(ui_services: Services) -> None:
    with pytest.raises(UserInputError):
        tab_lookup.page_search(ui_services, "培训", 5, doc_number="沪府发〔2030〕99号")


def test_parse_day_covers_whole_years_and_months() -> None:
    assert tab_lookup.parse_day("2019", end=False) == date(2019, 1, 1)
    assert tab_lookup.parse_day("2019", end=True) == date(2019, 12, 31)
    assert tab_lookup.parse_day("2020-02", end=True) == date(2020, 2, 29)
    assert tab_lookup.parse_day("2019年10月15日", end=False) == date(2019, 10, 15)
    assert tab_lookup.parse_day("  ", end=True) is None


def test_documents_listed_with_doc_number(ui_services: Services) -> None:
    _, docs = tab_lookup.filter_choices(ui_services)
    labels = dict((value, label) for label, value in docs)
    assert labels[BEIJING_2011] == "北京市人民政府关于进一步加强职业培训工作的意见（京政发〔2011〕33号）"
    assert "（" not in labels[SHIJIAZHUANG][-3:]  # no 文号: the title alone


def test_table_rows_show_their_table_caption(ui_services: Services) -> None:
    html, _ = tab_lookup.search_view(ui_services, "重庆 百城技能振兴 城市名单", 5)
    assert "全国第二批百城技能振兴专项活动城市名单" in html and "附件2 第22行" in html


def test_locate_opens_the_document_at_the_clause_highlighted(ui_services: Services) -> None:
    result = tab_lookup.page_search(ui_services, "北京 首席技师工作室 资助", 5)
    chunk_id = result["results"][0]["id"]
    doc_id, html = tab_docs.locate(ui_services, chunk_id)
    assert doc_id == BEIJING_2011
    assert html.count("pa-target") == 1 and "已定位到 四、（二）" in html
    section = html[html.index("pa-target") :]
    assert "首席技师" in section[: section.index("</section>")]
    assert "找不到这条条款" in tab_docs.locate(ui_services, "no-such-chunk")[1]
    assert "pa-target" not in tab_docs.view_document(ui_services, SHIJIAZHUANG, chunk_id)  # another document
