"""``policy-assistant ui [--host H] [--port P]``: serve the public page at ``/`` and the staff area at ``/staff``."""

from __future__ import annotations

import typer

from ingest.errors import PolicyAssistantError
from ui.cli_common import fail, fail_from, load_settings

HOST_HELP = "监听地址 / bind address"
PORT_HELP = "端口 / port"


def serve(host: str, port: int) -> None:
    from ui.app import build_app, launch_app
    from ui.services import build_services

    if not 1 <= port <= 65535:
        fail(f"端口无效：{port}（应为 1–65535）", f"invalid port {port}")
    settings = load_settings()
    try:
        services = build_services(settings)
    except PolicyAssistantError as exc:
        fail_from(exc)
    if services.index_problem and services.retriever is None:
        typer.echo(f"警告：{services.index_problem}（检索和咨询暂不可用，计算器可用）", err=True)
    elif services.index_problem:
        typer.echo(f"警告：{services.index_problem}", err=True)
    if not services.staff_enabled:
        typer.echo("提示：未设置 POLICY_UI_AUTH，工作人员区（上传、元数据、反馈与未解决问题报告）未启用。", err=True)
    app = build_app(services)
    try:
        launch_app(app, services, host=host, port=port)
    except OSError as exc:
        fail(f"无法在 {host}:{port} 启动网页服务（端口被占用？）", f"cannot listen on {host}:{port}: {exc}")


def register(app: typer.Typer) -> None:
    @app.command("ui", help="启动网页（咨询 · 条款检索 · 补贴计算 · 政策文件；工作人员区 /staff） / serve the page")
    def ui_command(
        host: str = typer.Option("127.0.0.1", "--host", help=HOST_HELP),
        port: int = typer.Option(7860, "--port", help=PORT_HELP),
    ) -> None:
        serve(host, port)
