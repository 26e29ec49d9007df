"""Records shared by every layer: document metadata and chunks.

A chunk is one clause (or one table row, or one sentence-bounded part of a long clause) with everything an
answer needs to cite it: document title, 文号, region, date, the human-readable clause path (``三、（一）2``)
and the verbatim clause text.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.textnorm import fold

_DOC_NUMBER = re.compile(r"^(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<num>\d+)号$")


def doc_number_parts(number: str | None) -> re.Match[str] | None:
    """A 文号's prefix, year and number (某人社规〔2023〕3号 → 某人社规, 2023, 3), brackets folded; None if not one."""
    return _DOC_NUMBER.match(fold(number or ""))


Level = Literal["national", "province", "municipality", "city", "district", "county", "unknown"]
# withdrawn: staff took the document out of use (sidecar status); it stays on disk but leaves the index
Status = Literal["in_force", "superseded", "expired", "unknown", "withdrawn"]
INACTIVE: tuple[Status, ...] = ("superseded", "expired")  # replaced or lapsed: no longer the rule in force
ChunkKind = Literal["clause", "preamble", "table_row", "paragraph", "closing"]
AddressedTo = Literal["regulation", "reader"]

LEVEL_LABELS: dict[str, str] = {
    "national": "国家",
    "province": "省级",
    "municipality": "直辖市",
    "city": "地级市",
    "district": "区级",
    "county": "县级",
    "unknown": "层级未知",
}
STATUS_LABELS: dict[str, str] = {
    "in_force": "现行有效",
    "superseded": "已被新政策取代",
    "expired": "已过有效期",
    "unknown": "效力未知",
    "withdrawn": "已撤回（不再使用）",
}
UNKNOWN_REGION = "未知"


class DocumentMeta(BaseModel):
    """One policy document. Sidecar values win over heuristics."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str = Field(description="Stable slug, the file stem (e.g. shijiazhuang-2019-lifelong-skills-training).")
    title: str = Field(min_length=2, description="Official title (标题).")
    issuer: str | None = Field(None, description="Issuing body (发文机关).")
    doc_number: str | None = Field(None, description="文号, e.g. 京政发〔2011〕33号; None when the document has none.")
    region: str = Field(description="Jurisdiction, e.g. 北京市, 石家庄市, 重庆市北碚区, 全国; 未知 when unsure.")
    region_code: str | None = Field(
        None, description="Division code of the region (000000 = 全国); computed from region, never in a sidecar."
    )
    province: str | None = Field(None, description="Province-level unit the region belongs to (河北省, 重庆市...).")
    level: Level
    publish_date: date | None = None
    status: Status = "unknown"
    effective_from: date | None = Field(None, description="施行日期: 自2021年4月1日起施行.")
    effective_to: date | None = Field(
        None, description="Last day of validity: 有效期至…, or 施行日期 + 有效期N年 - 1 day."
    )
    superseded_by: list[str] = Field(default_factory=list, description="doc_ids of newer documents on the same points.")
    supersedes: list[str] = Field(
        default_factory=list, description="文号 (else titles) of documents this one repeals: 原《…》（…）同时废止."
    )
    wrapped_title: str | None = Field(
        None, description="Title of the document a notice issues: 关于印发《X办法》的通知 → X办法 (also in aliases)."
    )
    aliases: list[str] = Field(default_factory=list, description="Extra names a user may use for the region/document.")
    note: str | None = None
    source_path: str = ""
    source_sha256: str = ""
    metadata_source: Literal["sidecar", "heuristic"] = "heuristic"
    sidecar_fields: list[str] = Field(
        default_factory=list, description="Fields the sidecar set (computed); every other field was read from the text."
    )

    @property
    def year(self) -> int | None:
        """The publish year, else the year of the 文号 (某人社规〔2023〕3号 → 2023)."""
        if self.publish_date:
            return self.publish_date.year
        parts = doc_number_parts(self.doc_number)
        return int(parts.group("year")) if parts else None

    def citation_title(self) -> str:
        return f"《{self.title}》"


class Chunk(BaseModel):
    """One retrievable, citable unit."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Content hash of (doc_id, clause_path, part, text).")
    doc_id: str
    title: str
    doc_number: str | None = None
    region: str
    level: Level
    publish_date: str | None = Field(None, description="ISO date of the document.")
    status: Status = "unknown"
    kind: ChunkKind = "clause"
    clause_path: str = Field(description="Human-readable path, e.g. 三、（一）2 — empty for the preamble.")
    clause_heading: str = Field("", description="The clause's own heading/lead sentence, e.g. 深入实施就业技能培训.")
    heading_path: list[str] = Field(default_factory=list, description="[document title, 一级标题, 二级标题, ...].")
    text: str = Field(description="Verbatim clause text as shown to users (original characters).")
    order: int = Field(0, description="Position in the document (reading order).")
    part: int = Field(1, ge=1, description="1-based part number when a long clause is split.")
    parts: int = Field(1, ge=1)
    addressed_to: AddressedTo | None = Field(
        None,
        description="Content trust, computed at ingest (ingest.trust): regulation text, or text addressed to a "
        "reader, an assistant or an answering process (kept out of answers). None: not classified (an older index).",
    )
    trust_reason: str | None = Field(None, description="Why the clause was flagged (Chinese, for staff).")

    @property
    def citation(self) -> str:
        """E.g. 《石家庄市…实施意见》三、（一）2."""
        return f"《{self.title}》{self.clause_path}"

    def embed_text(self) -> str:
        """Heading path prefix + text: what embedding and BM25 see (not what users see)."""
        prefix = " › ".join(p for p in self.heading_path if p)
        return f"{prefix}\n{self.text}" if prefix else self.text


def content_id(doc_id: str, clause_path: str, part: int, text: str) -> str:
    """Stable id: same content → same id; any edit → new id."""
    digest = hashlib.sha256(f"{doc_id}\x1f{clause_path}\x1f{part}\x1f{text}".encode()).hexdigest()
    return digest[:32]
