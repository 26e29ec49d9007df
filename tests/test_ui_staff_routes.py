"""Staff functions are unreachable without a session through every route; the public mount takes no upload.

The route list is read from the mounted staff Gradio app itself, so a route a future Gradio adds is tried too.
Each is requested without a session (GET/POST/…, path parameters filled in): none may answer 2xx, and nothing
may be written to Gradio's upload directory.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from staff_support import Served, logged_in_client, serving_server, with_staff

from ingest.settings import Settings
from ui.services import Services, build_services
from ui.staff import STAFF_PREFIX


def _flatten(routes: list, prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    for route in routes:
        if hasattr(route, "original_router"):  # FastAPI's included routers (gradio_api/…)
            yield from _flatten(route.original_router.routes, prefix + route.include_context.prefix)
        elif hasattr(route, "path"):
            yield prefix + route.path, set(getattr(route, "methods", None) or {"GET"})


def staff_routes(served: Served) -> list[tuple[str, str]]:
    mount = next(r for r in served.app.routes if getattr(r, "path", "") == STAFF_PREFIX)
    found = []
    for path, methods in _flatten(mount.app.routes):
        concrete = re.sub(r"\{path_or_url:path\}", "/etc/passwd", path)
        concrete = re.sub(r"\{[^}]+\}", "x", concrete)
        found += [(method, STAFF_PREFIX + concrete) for method in sorted(methods - {"HEAD", "OPTIONS"})]
    return found


def _files(directory: Path) -> set[Path]:
    return {p for p in directory.rglob("*") if p.is_file()} if directory.exists() else set()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("routes")
    settings = Settings(data_dir=root / "policies", index_dir=root / "index", state_dir=root / "state", _env_file=None)
    services = with_staff(build_services(settings, retriever_factory=None, engine_factory=None))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GRADIO_TEMP_DIR", str(root / "gradio-uploads"))  # read when the apps are mounted
        with serving_server(services) as running:
            running.upload_dir = root / "gradio-uploads"
            yield running


def test_every_staff_route_refuses_a_request_without_session(served: Served) -> None:
    routes = staff_routes(served)
    paths = {path for _, path in routes}
    # the routes that matter most are among those tried
    for needed in ("/gradio_api/upload", "/gradio_api/queue/join", "/config", "/gradio_api/info", "/gradio_api/file="):
        assert any(path.startswith(STAFF_PREFIX + needed) for path in paths), needed
    assert len(routes) > 40
    before = _files(served.upload_dir)
    client = httpx.Client(base_url=served.url.rstrip("/"), follow_redirects=False, timeout=10)
    opened = []
    for method, path in routes:
        # streamed: an event stream that opened would otherwise never finish; only the status matters
        with client.stream(method, path, json={"data": [], "fn_index": 0, "session_hash": "x"}) as response:
            to_login = response.status_code == 303 and response.headers["location"].startswith("/staff/login")
            if response.status_code < 400 and not to_login:
                opened.append((method, path, response.status_code))
    assert opened == []
    assert _files(served.upload_dir) == before


@pytest.mark.parametrize(
    "path",
    [
        "/staff/gradio_api/upload",
        "//staff/gradio_api/upload",
        "/STAFF/gradio_api/upload",
        "/x/../staff/gradio_api/upload",
    ],
)
def test_anonymous_staff_upload_writes_nothing(served: Served, path: str) -> None:
    before = _files(served.upload_dir)
    response = httpx.post(served.url.rstrip("/") + path, files={"files": ("ceshi.txt", b"x" * 4096)})
    assert response.status_code in (401, 404) and "true" not in response.text.lower()
    assert _files(served.upload_dir) == before


def test_anonymous_queue_join_for_a_staff_event_is_refused(served: Served) -> None:
    staff = served.app.state.staff
    upload_fn = next(fn_id for fn_id, fn in staff.fns.items() if fn.name == "on_upload")
    body = {"data": [[{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}]], "fn_index": upload_fn,
            "session_hash": "anon"}
    response = httpx.post(served.url + "staff/gradio_api/queue/join", json=body)
    assert response.status_code == 401 and "需要工作人员登录" in response.json()["detail"]
    assert not (served.services.settings.data_dir / "passwd").exists()


def test_staff_session_reaches_the_staff_routes(served: Served) -> None:
    client = logged_in_client(served.url)
    assert client.get("/staff/config").status_code == 200
    info = client.get("/staff/gradio_api/info")
    assert info.status_code == 200 and info.json()["named_endpoints"] == {}  # every staff event is private
    assert client.get("/staff").status_code == 307  # the bare prefix goes to the page


@pytest.mark.parametrize(
    ("path", "files", "headers"),
    [
        ("gradio_api/upload", {"files": ("a.txt", b"x" * 100)}, {}),
        ("gradio_api/upload?upload_id=abc", {"files": ("a.txt", b"x" * 100)}, {}),
        ("gradio_api/component_server", {"files": ("a.txt", b"x" * 100)}, {}),
        ("gradio_api/process_recording", {"files": ("a.wav", b"x" * 100)}, {}),
        ("//gradio_api/upload", {"files": ("a.txt", b"x" * 100)}, {}),
    ],
)
def test_public_mount_accepts_no_upload(served: Served, path: str, files: dict, headers: dict) -> None:
    before = _files(served.upload_dir)
    response = httpx.post(served.url + path, files=files, headers=headers)
    assert response.status_code == 403 and "不接受上传" in response.json()["detail"]
    assert _files(served.upload_dir) == before


def test_public_mount_refuses_huge_and_unsized_bodies(served: Served) -> None:
    huge = httpx.post(served.url + "gradio_api/queue/join", content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
                      headers={"content-type": "application/json"})
    assert huge.status_code == 413

    def chunks() -> Iterator[bytes]:
        yield b'{"data": [], '
        yield b'"fn_index": 0}'

    unsized = httpx.post(served.url + "gradio_api/queue/join", content=chunks(),
                         headers={"content-type": "application/json"})
    assert unsized.status_code == 411


def test_public_api_stays_public_while_staff_login_is_configured(ui_services: Services) -> None:
    from gradio_client import Client

    with serving_server(with_staff(ui_services)) as running:
        client = Client(running.url, verbose=False)
        assert set(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == {"/ask", "/search"}
        answer = client.predict("石家庄技能提升补贴是多少？", api_name="/ask")
        assert answer["status"] in ("answered", "needs_info") and answer["citations"]
        hits = client.predict("职工教育经费", 3, "", "", api_name="/search")
        assert hits["results"]
        assert httpx.get(running.url).status_code == 200  # the page itself needs no login


def test_files_the_staff_area_holds_are_not_served_by_the_public_mount(served: Served) -> None:
    client = logged_in_client(served.url)
    (uploaded,) = client.post("/staff/gradio_api/upload", files={"files": ("ceshi.txt", "内部文件".encode())}).json()
    assert client.get(f"/staff/gradio_api/file={uploaded}").content == "内部文件".encode()  # staff can read it
    for path in (f"gradio_api/file={uploaded}", f"gradio_api/file/{uploaded}", f"gradio_api/file={uploaded}/../"
                 f"{Path(uploaded).name}", "gradio_api/file=" + uploaded.replace("/", "//")):
        response = httpx.get(served.url + path)
        assert response.status_code == 403 and "内部文件" not in response.text, path
    assert httpx.get(f"{served.url}staff/gradio_api/file={uploaded}").status_code == 401
