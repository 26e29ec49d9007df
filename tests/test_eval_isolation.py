"""The product never imports the evaluation harness or the LangChain baseline's packages at run time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import importlib, json, pkgutil, sys
import assistant, retriever
names = ["ui.cli", "ui.app"]
for package in (assistant, retriever):
    names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
import ui.cli
ui.cli.build_app()  # registers every command, including `eval`
loaded = sorted(m for m in sys.modules if m == "eval" or m.startswith(("eval.", "langchain_community",
                "langchain_classic", "rank_bm25")))
print(json.dumps({"checked": names, "loaded": loaded}))
"""


def _probe(code: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_product_modules_do_not_import_the_eval_harness() -> None:
    result = _probe(PROBE)
    assert {"ui.cli", "ui.app", "assistant.factory", "retriever.factory"} <= set(result["checked"])
    assert result["loaded"] == []


def test_the_probe_would_see_a_harness_import() -> None:
    """The check can fail: importing the eval command's harness shows up in the same probe."""
    code = PROBE.replace('"ui.app"', "").replace("(assistant, retriever)", "()")
    result = _probe(code.replace("ui.cli.build_app()", "ui.cli.build_app(); import eval.runner, eval.baseline"))
    assert "eval.runner" in result["loaded"] and "langchain_community" not in result["loaded"]
