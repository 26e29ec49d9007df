"""The load test's traffic, read from ``data/eval/load_workload.yaml`` (what is asked is data, how it is sent is code).

Read when a run starts, never at import.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WORKLOAD = REPO_ROOT / "data" / "eval" / "load_workload.yaml"


class Workload(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    mix: tuple[tuple[Literal["ask", "search"], str], ...] = Field(min_length=1)
    session_searches: tuple[str, ...] = Field(min_length=1)


@cache
def load_workload(path: Path = DEFAULT_WORKLOAD) -> Workload:
    return Workload.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
