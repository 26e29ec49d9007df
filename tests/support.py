"""Plain test helpers: a free loopback port, and the real Gradio page served for a block of code."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

from ui.services import Services

# The five bundled policies (doc_id = file stem under data/policies/).
BEIJING_2011 = "beijing-2011-vocational-training"
BEIJING_2007 = "beijing-2007-high-skilled-talent"
SHIJIAZHUANG = "shijiazhuang-2019-lifelong-skills-training"
BEIBEI = "beibei-2019-lifelong-skills-training"
MOHRSS = "mohrss-2015-hundred-cities-skills"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]



@contextlib.contextmanager
def serving(services: Services) -> Iterator[str]:
    """The real page for ``services`` on a free loopback port; yields its URL and closes it after."""
    from ui.app import build_app, launch_app

    app = build_app(services)
    server = launch_app(app, services, host="127.0.0.1", port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        yield server.url
    finally:
        server.close()
