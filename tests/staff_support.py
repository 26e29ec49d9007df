"""Helpers for the staff-area tests: serve the real server (public page + staff area) with a chosen auth object."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from typing import Any

from pydantic import SecretStr
from support import free_port

from ui.auth import StaffAuth, parse_staff_accounts
from ui.services import Services

STAFF_USER, STAFF_PASSWORD = "staff", "s3cret-pw"


def with_staff(services: Services, auth: str = f"{STAFF_USER}:{STAFF_PASSWORD}", **settings: Any) -> Services:
    """The same heavy objects, with staff accounts (and any other settings) switched on."""
    updated = services.settings.model_copy(update={"ui_auth": SecretStr(auth), **settings})
    return dataclasses.replace(services, settings=updated, staff_accounts=parse_staff_accounts(auth))


@dataclasses.dataclass
class Served:
    url: str
    app: Any  # the FastAPI app (its state holds auth and the staff Blocks)
    services: Services


@contextlib.contextmanager
def serving_server(services: Services, *, auth: StaffAuth | None = None) -> Iterator[Served]:
    from ui.app import build_app, page_options
    from ui.server import build_server, run_server

    app = build_server(services, build_app(services), page_options=page_options(services), auth=auth)
    server = run_server(app, host="127.0.0.1", port=free_port(), background=True, quiet=True)
    try:
        yield Served(server.url, app, services)
    finally:
        server.close()


def logged_in_client(url: str, user: str = STAFF_USER, password: str = STAFF_PASSWORD):
    import httpx

    client = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
    response = client.post("/staff/login", data={"username": user, "password": password})
    assert response.status_code == 303, response.text
    return client
