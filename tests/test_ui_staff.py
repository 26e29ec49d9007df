"""Staff document tools (ui/staff_docs.py): the metadata form, withdraw and delete, each followed by a re-index.

Fast tests check the form's validation and the permission/confirmation guards; the slow ones run the real ingest
over a writable copy of the five policies and check what the index (and so answers and lookup) sees afterwards.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pydantic import SecretStr
from support import BEIJING_2007, BEIJING_2011, MOHRSS, SHIJIAZHUANG

from ingest.errors import UserInputError
from ingest.settings import Settings
from ui import staff_docs, staff_form
from ui.services import Services, build_services

AUTH = "staff:s3cret"
GOOD_FORM = {
    "title": "北京市人民政府关于进一步加强职业培训工作的意见",
    "doc_number": "京政发〔2011〕33号",
    "region": "北京市",
    "level": "municipality",
    "publish_date": "2011-07-06",
    "effective_from": "",
    "effective_to": "",
    "status": "in_force",
    "superseded_by": [],
}
KNOWN = {BEIJING_2011, BEIJING_2007, SHIJIAZHUANG, MOHRSS}


@pytest.fixture
def offline_services(tmp_settings: Settings) -> Services:
    """The five policies on disk, no index loaded (fast: guards are checked before any ingest)."""
    settings = tmp_settings.model_copy(update={"ui_auth": SecretStr(AUTH)})
    return build_services(settings, retriever_factory=None, engine_factory=None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": " "}, "请填写标题"),
        ({"title": "标题\u202e反转"}, "标题含有不可见的控制字符"),
        ({"region": ""}, "请填写地区"),
        ({"doc_number": "号" * 61}, "文号过长"),
        ({"publish_date": "2019-13-45"}, "发布日期格式不对"),
        ({"effective_from": "昨天"}, "施行日期格式不对"),
        ({"effective_to": "2019-02-30"}, "有效期至格式不对"),
        ({"level": "galaxy"}, "请选择层级"),
        ({"status": None}, "请选择效力"),
        ({"superseded_by": ["no-such-doc"]}, "无效的文件：no-such-doc"),
        ({"superseded_by": [BEIJING_2011]}, "无效的文件"),  # a document cannot supersede itself
    ],
)
def test_metadata_form_rejects_bad_values_in_chinese(changes: dict, message: str) -> None:
    with pytest.raises(UserInputError) as info:
        staff_form.parse_form({**GOOD_FORM, **changes}, doc_id=BEIJING_2011, known_ids=KNOWN)
    assert message in info.value.zh


def test_metadata_form_reads_dates_as_people_write_them() -> None:
    form = staff_form.parse_form(
        {**GOOD_FORM, "publish_date": "2011年7月6日", "effective_from": "2011/8/1", "doc_number": "  ",
         "superseded_by": [BEIJING_2007]},
        doc_id=BEIJING_2011,
        known_ids=KNOWN,
    )
    assert form.publish_date.isoformat() == "2011-07-06" and form.effective_from.isoformat() == "2011-08-01"
    assert form.doc_number is None and form.superseded_by == [BEIJING_2007]


def test_staff_actions_refuse_anyone_not_logged_in(offline_services: Services) -> None:
    data_dir = offline_services.settings.data_dir
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    for username in (None, "", "intruder"):
        html = staff_docs.save_metadata(offline_services, username, BEIJING_2011, GOOD_FORM, None)
        assert staff_docs.NOT_STAFF_ZH in html
        assert staff_docs.NOT_STAFF_ZH in staff_docs.withdraw_document(offline_services, username, BEIJING_2011, None)
        html = staff_docs.delete_document(offline_services, username, BEIJING_2011, BEIJING_2011, None)
        assert staff_docs.NOT_STAFF_ZH in html
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


def test_delete_needs_the_document_id_typed_and_unknown_documents_are_named(offline_services: Services) -> None:
    html = staff_docs.delete_document(offline_services, "staff", MOHRSS, "yes", None)
    assert f"请在确认框中输入文件编号“{MOHRSS}”" in html
    assert (offline_services.settings.data_dir / f"{MOHRSS}.txt").exists()
    for doc_id in (None, "", "../../etc/passwd", "no-such-doc"):
        assert "政策目录中没有这份文件" in staff_docs.withdraw_document(offline_services, "staff", doc_id, None)


def test_regions_come_from_the_gazetteer(offline_services: Services) -> None:
    choices = staff_form.region_choices(offline_services)
    assert choices[0] == "全国" and "河北省石家庄市" in choices and "重庆市北碚区" in choices and len(choices) > 3000
    sidecar = offline_services.settings.data_dir / f"{BEIJING_2011}.meta.yaml"
    before = sidecar.read_text(encoding="utf-8")
    html = staff_docs.save_metadata(offline_services, "staff", BEIJING_2011, {**GOOD_FORM, "region": "火星市"}, None)
    assert "地区“火星市”不在行政区划表中" in html
    assert sidecar.read_text(encoding="utf-8") == before


def test_a_broken_sidecar_is_refused_before_anything_is_written(offline_services: Services) -> None:
    sidecar = offline_services.settings.data_dir / f"{BEIJING_2011}.meta.yaml"
    original = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(original + "province: 123\nlevel: galaxy\n", encoding="utf-8")
    # the form only sets its own fields; an invalid value it does not own must not be written back silently
    html = staff_docs.withdraw_document(offline_services, "staff", BEIJING_2011, None)
    assert "元数据无法保存" in html
    assert "withdrawn" not in sidecar.read_text(encoding="utf-8")


# ---------------------------------------------------------------- with the real index (slow)


@pytest.fixture(scope="module")
def indexed_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    from retriever.index import ingest_paths
    from tests.conftest import POLICIES_DIR

    root = tmp_path_factory.mktemp("staff-docs")
    shutil.copytree(POLICIES_DIR, root / "policies")
    settings = Settings(
        data_dir=root / "policies", index_dir=root / "index", state_dir=root / "state", ui_auth=SecretStr(AUTH),
        _env_file=None,
    )
    assert ingest_paths(settings).published
    yield build_services(settings, engine_factory=None)


def _search_doc_ids(services: Services, query: str) -> set[str]:
    return {hit["doc_id"] for hit in services.retriever.search(query, top_k=10).contract()["results"]}


@pytest.mark.slow
def test_metadata_form_writes_the_sidecar_and_the_index_follows(indexed_copy: Services) -> None:
    services = indexed_copy
    values = staff_docs.form_values(services, BEIJING_2011)
    assert values["doc_number"] == "京政发〔2011〕33号" and values["region"] == "北京市"
    assert values["publish_date"] == "2011-07-06" and values["status"] == "in_force"
    generation = services.index_generation
    html = staff_docs.save_metadata(
        services, "staff", BEIJING_2011, {**values, "doc_number": "京政发〔2011〕33号（修订）",
                                          "effective_from": "2011-08-01"}, None
    )
    assert "已保存" in html and "更新" in html, html
    sidecar = (services.settings.data_dir / f"{BEIJING_2011}.meta.yaml").read_text(encoding="utf-8")
    assert sidecar.startswith("# 文件元数据")  # the format is described at the top of the data file
    data = yaml.safe_load(sidecar)
    assert data["doc_number"] == "京政发〔2011〕33号（修订）" and str(data["effective_from"]) == "2011-08-01"
    assert data["aliases"] == ["北京", "京", "首都", "北京市"] and data["note"]  # fields the form does not own stay
    meta = next(m for m in services.retriever.documents() if m.doc_id == BEIJING_2011)
    assert meta.doc_number == "京政发〔2011〕33号（修订）" and meta.effective_from.isoformat() == "2011-08-01"
    assert services.index_generation == generation + 1


@pytest.mark.slow
def test_withdraw_takes_a_document_out_of_use_and_the_form_brings_it_back(indexed_copy: Services) -> None:
    services = indexed_copy
    assert BEIJING_2007 in _search_doc_ids(services, "高技能人才 首席技师 2007")
    html = staff_docs.withdraw_document(services, "staff", BEIJING_2007, None)
    assert "已撤回" in html and "移出索引" in html, html
    assert (services.settings.data_dir / f"{BEIJING_2007}.md").exists()  # the file stays
    assert BEIJING_2007 not in {m.doc_id for m in services.retriever.documents()}
    assert BEIJING_2007 not in _search_doc_ids(services, "高技能人才 首席技师 2007")
    listed = {doc.doc_id: doc for doc in staff_docs.staff_documents(services)}
    assert listed[BEIJING_2007].status == "withdrawn" and not listed[BEIJING_2007].indexed
    values = staff_docs.form_values(services, BEIJING_2007)
    assert values["status"] == "withdrawn" and values["title"]  # the sidecar still describes it
    back = staff_docs.save_metadata(services, "staff", BEIJING_2007, {**values, "status": "superseded"}, None)
    assert "新增" in back, back
    assert BEIJING_2007 in {m.doc_id for m in services.retriever.documents()}


@pytest.mark.slow
def test_delete_removes_file_sidecar_rules_and_index_entries(indexed_copy: Services) -> None:
    services = indexed_copy
    data_dir = services.settings.data_dir
    rules = data_dir / f"{MOHRSS}.rules.yaml"
    rules.write_text("rules: []\n", encoding="utf-8")
    html = staff_docs.delete_document(services, "staff", MOHRSS, MOHRSS, None)
    assert "已删除" in html and "移出索引" in html, html
    assert not any(p.name.startswith(MOHRSS) for p in data_dir.iterdir())
    assert MOHRSS not in {m.doc_id for m in services.retriever.documents()}
    assert MOHRSS not in {doc.doc_id for doc in staff_docs.staff_documents(services)}


@pytest.mark.slow
def test_the_last_document_in_use_cannot_be_withdrawn_or_deleted(tmp_path: Path) -> None:
    from retriever.index import ingest_paths
    from tests.conftest import POLICIES_DIR

    (tmp_path / "policies").mkdir()
    for name in (f"{MOHRSS}.txt", f"{MOHRSS}.meta.yaml"):
        shutil.copy(POLICIES_DIR / name, tmp_path / "policies" / name)
    settings = Settings(
        data_dir=tmp_path / "policies", index_dir=tmp_path / "index", state_dir=tmp_path / "state",
        ui_auth=SecretStr(AUTH), _env_file=None,
    )
    assert ingest_paths(settings).published
    services = build_services(settings, engine_factory=None)
    for html in (
        staff_docs.withdraw_document(services, "staff", MOHRSS, None),
        staff_docs.delete_document(services, "staff", MOHRSS, MOHRSS, None),
        staff_docs.save_metadata(
            services, "staff", MOHRSS, {**staff_docs.form_values(services, MOHRSS), "status": "withdrawn"}, None
        ),
    ):
        assert "唯一在用的文件" in html
    assert (tmp_path / "policies" / f"{MOHRSS}.txt").exists()
    assert [m.doc_id for m in services.retriever.documents()] == [MOHRSS]
