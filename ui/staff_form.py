"""The staff metadata form: what staff may set, read from the form's strings with a Chinese message per field, and
the regions it offers (every administrative division from the gazetteer, ``ingest.places``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ingest.errors import UserInputError
from ingest.models import LEVEL_LABELS, STATUS_LABELS, Level, Status
from ui.services import Services

FIELD_LABELS = {
    "title": "标题",
    "doc_number": "文号",
    "region": "地区",
    "level": "层级",
    "publish_date": "发布日期",
    "effective_from": "施行日期",
    "effective_to": "有效期至",
    "status": "效力",
    "superseded_by": "被以下文件取代",
}
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


class MetadataForm(BaseModel):
    """What staff may set; everything else in the sidecar (issuer, aliases, note…) is kept as it was."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=2, max_length=200)
    doc_number: str | None = Field(None, max_length=60)
    region: str = Field(min_length=2, max_length=60)
    level: Level
    publish_date: date | None = None
    effective_from: date | None = None
    effective_to: date | None = None
    status: Status
    superseded_by: list[str] = Field(default_factory=list, max_length=50)


def parse_date(value: object, field: str) -> date | None:
    text = str(value or "").strip()
    if not text:
        return None
    match = _DATE.match(text)
    try:
        if match is None:
            raise ValueError(text)
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise UserInputError(
            f"{FIELD_LABELS[field]}格式不对：“{text[:30]}”，请写作 2019-10-15。", f"bad date for {field}"
        ) from None


def _clean_text(value: object, field: str, *, required: bool, limit: int) -> str | None:
    text = " ".join(str(value or "").split())
    if any(ord(ch) < 32 or 0x200B <= ord(ch) <= 0x200F or 0x202A <= ord(ch) <= 0x202E for ch in str(value or "")):
        raise UserInputError(f"{FIELD_LABELS[field]}含有不可见的控制字符，请删除后重试。", f"control chars in {field}")
    if len(text) > limit:
        raise UserInputError(f"{FIELD_LABELS[field]}过长（最多 {limit} 字）。", f"{field} too long")
    if required and len(text) < 2:
        raise UserInputError(f"请填写{FIELD_LABELS[field]}。", f"{field} required")
    return text or None


def parse_form(raw: Mapping[str, Any], *, doc_id: str, known_ids: set[str]) -> MetadataForm:
    """Form strings → a validated ``MetadataForm``; every problem is a Chinese message naming the field."""
    if raw.get("level") not in LEVEL_LABELS:
        raise UserInputError("请选择层级。", "level required")
    if raw.get("status") not in STATUS_LABELS:
        raise UserInputError("请选择效力。", "status required")
    superseded_by = [str(v) for v in raw.get("superseded_by") or []]
    unknown = [v for v in superseded_by if v not in known_ids or v == doc_id]
    if unknown:
        raise UserInputError(f"“被以下文件取代”中有无效的文件：{'、'.join(unknown)[:80]}", "bad superseded_by")
    return MetadataForm(
        title=_clean_text(raw.get("title"), "title", required=True, limit=200),
        doc_number=_clean_text(raw.get("doc_number"), "doc_number", required=False, limit=60),
        region=_clean_text(raw.get("region"), "region", required=True, limit=60),
        level=raw["level"],
        publish_date=parse_date(raw.get("publish_date"), "publish_date"),
        effective_from=parse_date(raw.get("effective_from"), "effective_from"),
        effective_to=parse_date(raw.get("effective_to"), "effective_to"),
        status=raw["status"],
        superseded_by=superseded_by,
    )


def _gazetteer(services: Services) -> Any:
    from ingest.knowledge import Knowledge

    return Knowledge.load(services.settings.knowledge_dir).gazetteer()  # cached per knowledge directory


@functools.cache
def _division_names(gazetteer: Any) -> tuple[str, ...]:
    """Every administrative division as its chain of full names (河北省石家庄市长安区), in code order."""
    from ingest.places import NATION_CODE, describe

    codes = sorted(code for code in gazetteer._by_code if code != NATION_CODE)
    return tuple(describe(gazetteer, code) for code in codes)


def region_choices(services: Services) -> list[str]:
    """Regions offered in the metadata form: 全国, the regions documents already use, then every division."""
    documents = services.retriever.documents() if services.retriever else []
    used = sorted({meta.region for meta in documents} - {"全国"})
    return list(dict.fromkeys(["全国", *used, *_division_names(_gazetteer(services))]))


def check_region(services: Services, region: str) -> None:
    """A region the gazetteer knows (``石家庄市``, ``河北省石家庄市``, ``重庆市北碚区``, ``全国``), else an error."""
    if _gazetteer(services).resolve(region) is None:
        raise UserInputError(
            f"地区“{region[:30]}”不在行政区划表中，请从列表中选择（如 河北省石家庄市、重庆市北碚区、全国）。",
            f"unknown region {region!r}",
        )
