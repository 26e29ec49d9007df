"""Reading ``<stem>.rules.yaml`` files: one bad rule never stops the others, every problem in Chinese.

A malformed file (not YAML, not a mapping, wrong version) loses all its rules; inside a good file each rule is
validated on its own, so an unknown formula kind or a negative value rejects that rule only.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.rules.schema import FORMULA_KINDS, Rule

RULES_SUFFIX = ".rules.yaml"
MAX_FILE_BYTES = 1_000_000
TOP_KEYS = {"version", "status", "rules"}


class RuleProblem(BaseModel):
    """One problem of a rules file or of one rule in it (Chinese for staff, English for logs)."""

    model_config = ConfigDict(extra="forbid")

    path: str
    rule_id: str | None = None
    doc_id: str | None = None
    message_zh: str
    message_en: str = ""
    severity: Literal["error", "warning"] = "error"



class ParsedRulesFile(BaseModel):
    """The rules of one file that passed schema validation, and the problems of the rest."""

    path: str
    status: Literal["active", "draft"] = "active"
    rules: list[Rule] = []
    problems: list[RuleProblem] = []


def rules_path(policy: Path) -> Path:
    """``data/policies/x.txt`` → ``data/policies/x.rules.yaml``."""
    return policy.with_name(policy.stem + RULES_SUFFIX)


def policy_stem(path: Path) -> str:
    return path.name.removesuffix(RULES_SUFFIX)


def _location(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in FORMULA_KINDS:
            continue  # the discriminated union adds the kind to the path
        else:
            text += f".{part}" if text else str(part)
    return text


def _message(error: Mapping[str, Any]) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    simple = {
        "missing": "缺少必填项",
        "extra_forbidden": "是未知的键",
        "union_tag_not_found": "缺少 kind（计算方式）",
        "decimal_parsing": "应为数字",
        "decimal_type": "应为数字",
        "float_parsing": "应为数字",
        "int_parsing": "应为整数",
        "finite_number": "不能是 NaN 或无穷大",
        "string_too_short": "不能为空",
        "string_too_long": "过长",
        "too_short": "至少要有一项",
        "date_parsing": "应为日期（YYYY-MM-DD）",
        "date_from_datetime_parsing": "应为日期（YYYY-MM-DD）",
        "date_type": "应为日期（YYYY-MM-DD）",
        "bool_parsing": "应为 true 或 false",
        "bool_type": "应为 true 或 false",
        "string_type": "应为文字",
        "list_type": "应为列表",
        "dict_type": "应为键值对",
        "model_type": "应为键值对",
        "model_attributes_type": "应为键值对",
    }
    if kind in simple:
        return simple[kind]
    if kind == "union_tag_invalid":
        return f"未知的计算方式“{ctx.get('tag')}”，可用：{'、'.join(FORMULA_KINDS)}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "")
        return "应为以下之一：" + expected.replace(" or ", "、").replace(", ", "、")
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return "不能为负数" if str(bound) == "0" else f"不能小于{bound}"
    if kind == "string_pattern_mismatch":
        return "格式不对：只能用小写字母、数字和下划线，并以字母开头"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return f"取值无效（{kind}）"


def schema_problems(exc: ValidationError) -> tuple[str, str]:
    """Pydantic's errors as one Chinese sentence (key path + reason) and an English half."""
    zh = "；".join(
        f"{_location(e['loc'])}：{_message(e)}" if _location(e["loc"]) else _message(e) for e in exc.errors()
    )
    en = "; ".join(f"{_location(e['loc']) or 'rule'}: {e['type']}" for e in exc.errors())
    return zh, en


def read_rules_file(path: Path) -> ParsedRulesFile:
    """Parse and schema-check one rules file; never raises for bad content."""
    result = ParsedRulesFile(path=str(path))

    def problem(zh: str, en: str, rule_id: str | None = None) -> None:
        result.problems.append(RuleProblem(path=str(path), rule_id=rule_id, doc_id=policy_stem(path),
                                           message_zh=zh, message_en=en))

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problem(f"规则文件过大（超过{MAX_FILE_BYTES // 1000}KB）", "rules file too large")
            return result
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problem("规则文件不是 UTF-8 文本", "rules file is not UTF-8")
        return result
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark is not None else ""
        problem(f"YAML 格式错误{where}，整个文件未加载", f"malformed YAML {where}: {exc}".strip())
        return result
    except OSError as exc:
        problem("无法读取规则文件", f"cannot read: {exc}")
        return result
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list) or not data["rules"]:
        problem("规则文件应为包含 rules 列表的映射（见 README“Rules as data”）", "expected a mapping with a rules list")
        return result
    unknown = sorted(set(data) - TOP_KEYS)
    if unknown or data.get("version", 1) != 1 or data.get("status", "active") not in ("active", "draft"):
        found = "、".join(map(str, unknown)) or "取值无效"
        problem(f"文件顶层只能有 version（1）、status（active/draft）和 rules；发现：{found}", "bad top-level keys")
        return result
    result.status = data.get("status", "active")
    seen: set[str] = set()
    for index, raw in enumerate(data["rules"]):
        rule_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"第{index + 1}条"
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as exc:
            zh, en = schema_problems(exc)
            problem(zh, en, rule_id)
            continue
        if rule.id in seen:
            problem(f"规则编号重复：{rule.id}", f"duplicate rule id {rule.id}", rule.id)
            continue
        seen.add(rule.id)
        result.rules.append(rule)
    return result
