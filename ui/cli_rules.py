"""``policy-assistant rules draft PATH`` / ``rules check [PATH ...] [--json]`` / ``rules status [--json]``.

- ``draft`` prints a proposed rules file (YAML, ``status: draft``) for one policy file;
- ``check`` validates rules files without ingesting: schema, then every rule against its policy's clauses (a
  PATH may be a data folder, a policy file or a ``.rules.yaml``; default: the data dir). Exit 0 valid, 2 invalid;
- ``status`` shows each document's rules and their verification status as the runtime loaded them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ui.cli_common import fail, fail_from, load_settings, print_json

JSON_HELP = "输出 JSON / print JSON"


def _targets(paths: list[Path]) -> tuple[list[Path], set[Path] | None]:
    """(folders to parse, rules files wanted — None = every rules file in those folders)."""
    from assistant.rules.loader import RULES_SUFFIX, rules_path

    folders: list[Path] = []
    wanted: set[Path] = set()
    everything = False
    for path in paths:
        if not path.exists():
            fail(f"路径不存在：{path}", f"no such path: {path}")
        if path.is_dir():
            folders.append(path)
            everything = True
            continue
        folders.append(path.parent)
        wanted.add(path if path.name.endswith(RULES_SUFFIX) else rules_path(path))
    return list(dict.fromkeys(folders)), None if everything else {p.resolve() for p in wanted}


def check_paths(paths: list[Path]) -> dict:
    """The check report: one entry per rules file, ``valid`` false when any rule or file failed."""
    from assistant.rules.loader import RULES_SUFFIX
    from assistant.rules.store import verify_corpus
    from ingest.pipeline import parse_corpus

    folders, wanted = _targets(paths)
    corpus = parse_corpus(folders)
    ruleset = verify_corpus(((d.meta, d.chunks) for d in corpus.documents), check_drafts=True)

    def selected(path: str | None) -> bool:
        return bool(path) and (wanted is None or Path(path).resolve() in wanted)

    files = []
    for document in ruleset.documents:
        if not selected(document.rules_file):
            continue
        files.append({
            "path": document.rules_file, "doc_id": document.doc_id, "status": document.file_status,
            "rules": [{"id": r.id, "title": r.title, "ok": r.ok, "reason": r.reason_zh} for r in document.rules],
            "problems": document.problems,
        })
    known = {f["path"] for f in files}
    for problem in ruleset.problems:  # rules files with no policy beside them
        if problem.rule_id is None and selected(problem.path) and problem.path not in known:
            files.append({"path": problem.path, "doc_id": problem.doc_id, "status": "invalid", "rules": [],
                          "problems": [problem.message_zh]})
    if wanted is not None:
        found = {Path(f["path"]).resolve() for f in files}
        for missing in sorted(wanted - found):
            note = "规则文件不存在" if not missing.exists() else "找不到对应的政策文件"
            files.append({"path": str(missing), "doc_id": missing.name.removesuffix(RULES_SUFFIX),
                          "status": "invalid", "rules": [], "problems": [f"{missing.name}：{note}"]})
    valid = all(f["status"] != "invalid" and all(r["ok"] for r in f["rules"]) for f in files)
    return {"valid": valid, "files": files}


def _print_check(report: dict) -> None:
    if not report["files"]:
        typer.echo("没有需要核验的规则文件。")
    for item in report["files"]:
        name = Path(item["path"]).name
        ok = [r for r in item["rules"] if r["ok"]]
        bad = [r for r in item["rules"] if not r["ok"]]
        draft = "（草稿）" if item["status"] == "draft" else ""
        mark = "✓" if not bad and item["status"] != "invalid" else "✗"
        typer.echo(f"{mark} {name}{draft}：{len(ok)} 条规则核验通过，{len(bad)} 条未通过")
        for problem in item["problems"]:
            typer.echo(f"    {problem}")
        for rule in bad:
            typer.echo(f"    ✗ {rule['id']}：{rule['reason']}")


def _print_status(documents: list) -> None:
    for document in documents:
        if document.rules_file is None:
            typer.echo(f"{document.title}（{document.region}）：无规则文件")
            continue
        loaded = sum(rule.ok for rule in document.rules)
        typer.echo(f"{document.title}（{document.region}）：{Path(document.rules_file).name}，"
                   f"已启用 {loaded} 条，未启用 {len(document.rules) - loaded} 条")
        for problem in document.problems:
            typer.echo(f"    {problem}")
        for rule in document.rules:
            mark = "✓ 已核验" if rule.ok else f"✗ {rule.reason_zh}"
            typer.echo(f"    {rule.id} {rule.title}：{mark}")


def register(app: typer.Typer) -> None:
    rules = typer.Typer(help="计算规则：起草、核验与启用状态 / rules as data", no_args_is_help=True)

    @rules.command("draft", help="根据政策文件的条款起草规则文件（YAML，status: draft） / propose a rules file")
    def draft(path: Annotated[Path, typer.Argument(help="政策文件 / policy file (.txt .md .docx .pdf)")]) -> None:
        from assistant.rules.drafting import draft_rules
        from ingest.errors import PolicyAssistantError

        if not path.is_file():
            fail(f"文件不存在：{path}", f"no such file: {path}")
        try:
            typer.echo(draft_rules(path), nl=False)
        except PolicyAssistantError as error:
            fail_from(error)

    @rules.command("check", help="核验规则文件（不导入）：0 通过，2 未通过 / validate rules files")
    def check(
        paths: Annotated[list[Path] | None, typer.Argument(help="目录、政策文件或 .rules.yaml")] = None,
        as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
    ) -> None:
        report = check_paths(paths or [load_settings().data_dir])
        if as_json:
            print_json(report)
        else:
            _print_check(report)
        if not report["valid"]:
            raise typer.Exit(2)

    @rules.command("status", help="各文件的规则及核验状态 / rules per document and their status")
    def status(as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False) -> None:
        from assistant.rules.store import load_rulebook

        documents = load_rulebook(load_settings()).documents
        if as_json:
            print_json({"documents": [d.model_dump(mode="json") for d in documents]})
        else:
            _print_status(documents)

    app.add_typer(rules, name="rules")
