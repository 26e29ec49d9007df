"""Document metadata: the ``<stem>.meta.yaml`` sidecar wins; what the text says fills the gaps.

Title and 文号 come from the header, issuer and signing date from the closing (never from the body, which cites other
documents' 文号); the region from issuer, title, 文号 and body through the gazetteer (``ingest.doc_region``); effective
dates, status and repeals from the document's own 施行/有效期/废止 sentences (``ingest.validity``). A notice that issues
a 办法 keeps its own title and records the 办法's as ``wrapped_title`` (also an alias). ``link_supersessions`` runs
once over the parsed library: a document another one declares repealed becomes ``superseded``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol, Self, TypeVar

import yaml
from pydantic import ValidationError

from ingest.doc_region import guess_for_region, infer_region, split_title
from ingest.knowledge import DEFAULT_KNOWLEDGE_DIR
from ingest.models import UNKNOWN_REGION, Chunk, DocumentMeta
from ingest.normalize import DATE_LINE, collapse_cjk_spaces, normalize_doc_number
from ingest.places import Gazetteer
from ingest.textnorm import squeeze
from ingest.validity import DOC_NUMBER, parse_date, read_validity, status_on

SIDECAR_SUFFIX = ".meta.yaml"
COMPUTED_FIELDS = ("doc_id", "source_path", "source_sha256", "metadata_source", "region_code", "sidecar_fields")
REGION_NOTE = "地区未能从正文确定："
_WRAPPED = re.compile(
    r"(?:印发|转发|发布|颁布)(?P<bare>[^《》]{4,60}?)?(?P<quoted>(?:《[^》]{2,80}》[和及、与]?)+)?的(?:通知|决定|函)$"
)
_QUOTED = re.compile(r"《([^》]{2,80})》")


class SidecarError(ValueError):
    """The sidecar exists but cannot be used; message_zh names the file."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class TextClues:
    """What the header and closing lines say about the document."""

    header_lines: list[str]
    closing_lines: list[str]
    body_text: str

    @property
    def body_only(self) -> str:
        """The body without its header and closing lines (a title's own place never corroborates itself)."""
        skipped = {line.strip() for line in (*self.header_lines, *self.closing_lines)}
        return "\n".join(line for line in self.body_text.splitlines() if line.strip() not in skipped)


class _Parsed(Protocol):
    meta: DocumentMeta
    chunks: list[Chunk]

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Self: ...


D = TypeVar("D", bound=_Parsed)


def default_gazetteer() -> Gazetteer:
    return Gazetteer.load(DEFAULT_KNOWLEDGE_DIR / "places.yaml")


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_sidecar(path: Path) -> dict[str, Any] | None:
    """The sidecar's mapping, None when there is none; SidecarError when it is malformed."""
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return None
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SidecarError(
            f"元数据文件格式错误（不是有效的 YAML）：{sidecar.name}", f"invalid YAML in {sidecar.name}: {exc}"
        ) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise SidecarError(f"元数据文件应为“字段: 值”形式：{sidecar.name}", f"{sidecar.name} is not a mapping")
    computed = [key for key in data if key in COMPUTED_FIELDS]
    if computed:
        raise SidecarError(
            f"元数据文件含有自动生成的字段 {', '.join(map(str, computed))}，请删除：{sidecar.name}",
            f"{sidecar.name} sets computed fields {computed}",
        )
    return data


def build_meta(
    path: Path,
    clues: TextClues,
    sidecar: dict[str, Any] | None,
    *,
    gazetteer: Gazetteer | None = None,
    today: date | None = None,
) -> DocumentMeta:
    """Text values overlaid with the sidecar's; raises SidecarError when the merge does not validate.

    ``today`` decides in_force/expired from the effective dates (tests pass a fixed day)."""
    gazetteer = gazetteer or default_gazetteer()
    fields = heuristic_fields(path, clues, gazetteer)
    fields.update(doc_id=path.stem, source_path=str(path), source_sha256=sha256_of(path))
    given = sidecar or {}
    merged = {**fields, **given}
    if sidecar is not None:
        merged.update(metadata_source="sidecar", sidecar_fields=sorted(map(str, given)))
    if "region" in given:
        _place_sidecar_region(gazetteer, given, merged)
    wrapped = wrapped_titles(str(merged.get("title") or ""))
    if wrapped and "wrapped_title" not in given:
        merged["wrapped_title"] = wrapped[0]
    if isinstance(merged.get("aliases"), list):
        merged["aliases"] = list(dict.fromkeys([*merged["aliases"], *wrapped]))
    try:
        meta = DocumentMeta(**merged)
    except ValidationError as exc:
        if sidecar is None:
            raise
        problems = "；".join(f"{'.'.join(map(str, err['loc'])) or '?'}: {err['msg']}" for err in exc.errors())
        name = sidecar_path(path).name
        raise SidecarError(
            f"元数据文件字段有误（{problems}）：{name}", f"invalid fields in {name}: {problems}"
        ) from exc
    if "status" in given:
        return meta
    return meta.model_copy(update={"status": status_on(today or date.today(), meta.effective_from, meta.effective_to)})


def _place_sidecar_region(gazetteer: Gazetteer, given: dict[str, Any], merged: dict[str, Any]) -> None:
    """A sidecar's region decides province, level and code (unless it sets them); the text's region note goes."""
    placed = guess_for_region(gazetteer, str(given["region"]))
    merged["region_code"] = placed.code if placed else None
    if placed:
        merged.update({key: getattr(placed, key) for key in ("province", "level") if key not in given})
    if "note" not in given:
        merged["note"] = None


def heuristic_fields(path: Path, clues: TextClues, gazetteer: Gazetteer) -> dict[str, Any]:
    suffixes = gazetteer.knowledge.issuer_suffixes
    title = guess_title(clues.header_lines, suffixes) or path.stem
    issuer = guess_issuer(clues.closing_lines, title, suffixes)
    doc_number = guess_doc_number(clues.header_lines)
    body = clues.body_only
    region = infer_region(gazetteer, issuer=issuer, title=title, doc_number=doc_number, body=body)
    signed = guess_date(clues.closing_lines)
    validity = read_validity(body, signed)
    return {
        "title": title,
        "issuer": issuer,
        "doc_number": doc_number,
        "region": region.region,
        "region_code": region.code,
        "province": region.province,
        "level": region.level,
        "publish_date": signed,
        "effective_from": validity.effective_from,
        "effective_to": validity.effective_to,
        "supersedes": list(validity.supersedes),
        "aliases": [],
        "note": f"{REGION_NOTE}{region.reason}" if region.reason else None,
        "metadata_source": "heuristic",
    }


def guess_title(header_lines: list[str], suffixes: Sequence[str] = ()) -> str | None:
    """Header lines minus 文号/date lines, joined (Shijiazhuang's title spans three lines); layout spaces go, but
    joint issuers keep one space between them (``人力资源社会保障部 财政部关于…``)."""
    parts = [line for line in header_lines if not DOC_NUMBER.search(line) and not DATE_LINE.match(line)]
    head, rest = split_title(" ".join(parts))
    issuers = head.split()
    joint = len(issuers) > 1 and bool(suffixes) and all(part.endswith(tuple(suffixes)) for part in issuers)
    title = (" ".join(issuers) if joint else collapse_cjk_spaces(head)) + collapse_cjk_spaces(rest)
    title = re.sub(r"\s*([《》〈〉“”（）])\s*", r"\1", title).strip()
    return title if len(title) >= 2 else None


def guess_doc_number(header_lines: list[str]) -> str | None:
    for line in header_lines:
        match = DOC_NUMBER.search(line)
        if match:
            return normalize_doc_number(match.group(0))
    return None


def guess_issuer(closing_lines: list[str], title: str, suffixes: Sequence[str]) -> str | None:
    """Issuer lines above the signing date in the closing; else the title's head before 关于/印发/转发."""
    ending = tuple(suffixes)
    issuers: list[str] = []
    for line in closing_lines:
        if DATE_LINE.match(line.strip()):
            break
        text = line.strip()
        if not text.startswith(("抄送", "抄报")) and text.endswith(ending):
            parts = text.split()  # joint issuers on one line: 永州市人力资源和社会保障局    永州市财政局
            issuers.extend(parts if all(part.endswith(ending) for part in parts) else [text])
    if not issuers:
        head = split_title(title)[0]
        issuers = [part for part in head.split() if part.endswith(ending)] if head != title else []
    return "、".join(issuers) or None


def guess_date(closing_lines: list[str]) -> date | None:
    """The signing date (`二〇一一年七月六日`, `2019 年 4 月 25 日`); a `…印发` date only as fallback."""
    found: list[tuple[bool, date]] = []
    for line in closing_lines:
        match = DATE_LINE.match(line.strip())
        signed = parse_date(squeeze(line)) if match else None
        if match and signed:
            found.append((bool(match.group(7)), signed))
    found.sort(key=lambda item: item[0])  # signing dates before 印发 dates, stable otherwise
    return found[0][1] if found else None


def wrapped_titles(title: str) -> list[str]:
    """``关于印发《X办法》的通知`` → [X办法]; ``印发A和B的通知`` with 《》 → both; without 《》 the phrase itself."""
    match = _WRAPPED.search(title.replace(" ", ""))
    if not match:
        return []
    if match.group("quoted"):
        return _QUOTED.findall(match.group("quoted"))
    return [match.group("bare")] if match.group("bare") else []


def metadata_warnings(meta: DocumentMeta) -> list[tuple[str, str]]:
    """(zh, en) warnings about a document's metadata: a region the text could not settle."""
    if meta.region != UNKNOWN_REGION or "region" in meta.sidecar_fields:
        return []
    name = Path(meta.source_path).name or meta.doc_id
    reason = (meta.note or "").removeprefix(REGION_NOTE) if (meta.note or "").startswith(REGION_NOTE) else ""
    return [(
        f"无法确定 {name} 的适用地区（{reason or '正文线索不足'}），地区记为“未知”："
        f"请在 {meta.doc_id}{SIDECAR_SUFFIX} 中填写 region",
        f"region of {name} could not be settled from its text; set region in {meta.doc_id}{SIDECAR_SUFFIX}",
    )]


def _key(reference: str) -> str:
    return squeeze(reference).strip("《》")


def link_supersessions(documents: Sequence[D]) -> list[D]:
    """Documents that a later library document repeals (matched by 文号 or title) become ``superseded`` with
    ``superseded_by``; a status the sidecar sets is kept. Chunks follow their document's status."""
    names: dict[str, list[int]] = {}
    for index, document in enumerate(documents):
        meta = document.meta
        for name in (meta.doc_number, meta.title, meta.wrapped_title):
            if name:
                names.setdefault(_key(name), []).append(index)
    replaced_by: dict[int, list[str]] = {}
    for newer in documents:
        for reference in newer.meta.supersedes:
            for index in names.get(_key(reference), []):
                older = documents[index].meta
                if older.doc_id != newer.meta.doc_id and not _earlier(newer.meta, older):
                    replaced_by.setdefault(index, []).append(newer.meta.doc_id)
    result = list(documents)
    for index, newer_ids in replaced_by.items():
        document = result[index]
        if "status" in document.meta.sidecar_fields:
            continue
        meta = document.meta.model_copy(update={
            "status": "superseded",
            "superseded_by": list(dict.fromkeys([*document.meta.superseded_by, *newer_ids])),
        })
        chunks = [chunk.model_copy(update={"status": "superseded"}) for chunk in document.chunks]
        result[index] = document.model_copy(update={"meta": meta, "chunks": chunks})
    return result


def _earlier(newer: DocumentMeta, older: DocumentMeta) -> bool:
    """The repealing document is dated before the one it names (then it cannot be the one meant)."""
    first = newer.publish_date or newer.effective_from
    second = older.publish_date or older.effective_from
    return bool(first and second and first < second)
