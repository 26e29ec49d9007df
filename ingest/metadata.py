"""Document metadata: the ``<stem>.meta.yaml`` sidecar wins; heuristics from the text fill the gaps.

Heuristics read only the header (title, 文号) and the closing (issuer, date) — never the body, which cites
other documents' 文号 (国发〔2010〕36号) and would mislead a regex over the whole text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ingest.models import DocumentMeta
from ingest.normalize import DATE_LINE, collapse_cjk_spaces, normalize_doc_number, parse_chinese_numeral

SIDECAR_SUFFIX = ".meta.yaml"
COMPUTED_FIELDS = ("doc_id", "source_path", "source_sha256", "metadata_source")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_NATIONAL = re.compile(r"国务院|中共中央|全国|^[\u4e00-\u9fff]{2,12}部(?:办公厅)?(?:关于|$)|社会保障部")
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_DISTRICT = re.compile(r"^([\u4e00-\u9fff]{1,4}?(?:区|县))")
_PROVINCE = re.compile(
    "(?:河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾)省"
    "|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区"
)
_CITY = re.compile(r"([\u4e00-\u9fff]{2,4}?市)(?:人民政府|政府|委|办公|人力|关于|[\u4e00-\u9fff]{0,2}局)")
_ISSUER_SUFFIX = re.compile(r"^(.{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|办公厅|办公室|委员会|部|局|厅))关于")


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


def build_meta(path: Path, clues: TextClues, sidecar: dict[str, Any] | None) -> DocumentMeta:
    """Heuristic values overlaid with the sidecar's; raises SidecarError when the merge does not validate."""
    base = heuristic_fields(path, clues)
    base.update(doc_id=path.stem, source_path=str(path), source_sha256=sha256_of(path))
    if sidecar is None:
        return DocumentMeta(**base)
    try:
        return DocumentMeta(**{**base, **sidecar, "metadata_source": "sidecar"})
    except ValidationError as exc:
        problems = "；".join(f"{'.'.join(map(str, err['loc'])) or '?'}: {err['msg']}" for err in exc.errors())
        name = sidecar_path(path).name
        raise SidecarError(
            f"元数据文件字段有误（{problems}）：{name}", f"invalid fields in {name}: {problems}"
        ) from exc


def heuristic_fields(path: Path, clues: TextClues) -> dict[str, Any]:
    title = guess_title(clues.header_lines) or path.stem
    issuer = guess_issuer(clues.closing_lines, title)
    region, province, level = guess_region(f"{issuer or ''} {title}", clues.body_text)
    return {
        "title": title,
        "issuer": issuer,
        "doc_number": guess_doc_number(clues.header_lines),
        "region": region,
        "province": province,
        "level": level,
        "publish_date": guess_date(clues.closing_lines),
        "metadata_source": "heuristic",
    }


def guess_title(header_lines: list[str]) -> str | None:
    """Header lines minus 文号/date lines, joined (Shijiazhuang's title spans three lines)."""
    parts = [line for line in header_lines if not _DOC_NUMBER.search(line) and not DATE_LINE.match(line)]
    title = collapse_cjk_spaces(" ".join(parts))
    title = re.sub(r"\s*([《》〈〉“”（）])\s*", r"\1", title)
    return title if len(title) >= 2 else None


def guess_doc_number(header_lines: list[str]) -> str | None:
    for line in header_lines:
        match = _DOC_NUMBER.search(line)
        if match:
            return normalize_doc_number(match.group(0))
    return None


def guess_issuer(closing_lines: list[str], title: str) -> str | None:
    """Issuer lines above the date in the closing; else the title's prefix before 关于."""
    issuers: list[str] = []
    for line in closing_lines:
        if DATE_LINE.match(line):
            break
        if not line.startswith(("抄送", "抄报")):
            issuers.append(line.strip())
    if issuers:
        return "、".join(issuers)
    match = _ISSUER_SUFFIX.match(title.replace(" ", ""))
    return match.group(1) if match else None


def guess_date(closing_lines: list[str]) -> date | None:
    """The signing date (`二〇一一年七月六日`, `2019 年 4 月 25 日`); a `…印发` date only as fallback."""
    found: list[tuple[bool, date]] = []
    for line in closing_lines:
        match = DATE_LINE.match(line.strip())
        if not match:
            continue
        if match.group(1):
            numbers = [int(match.group(i)) for i in (1, 2, 3)]
        else:
            numbers = [parse_chinese_numeral(match.group(i)) or 0 for i in (4, 5, 6)]
        try:
            found.append((bool(match.group(7)), date(*numbers)))
        except ValueError:
            continue
    found.sort(key=lambda item: item[0])  # signing dates before 印发 dates, stable otherwise
    return found[0][1] if found else None


def guess_region(issuer_and_title: str, body_text: str) -> tuple[str, str | None, str]:
    """(region, province, level) from issuer/title; the body only supplies a city's province (河北省)."""
    text = issuer_and_title.replace(" ", "")
    if _NATIONAL.search(text) and not any(name in text for name in _MUNICIPALITIES):
        return "全国", None, "national"
    for name in _MUNICIPALITIES:
        position = text.find(name)
        if position < 0:
            continue
        municipality = f"{name}市"
        after = text[position + len(name) :].removeprefix("市")
        district = _DISTRICT.match(after)
        if district and not district.group(1).endswith(("地区", "社区")) and "人民政府" not in district.group(1):
            return municipality + district.group(1), municipality, "district"
        return municipality, municipality, "municipality"
    city = _CITY.search(text)
    province_match = _PROVINCE.search(text)
    if city:
        province = province_match or _PROVINCE.search(body_text)
        return city.group(1), province.group(0) if province else None, "city"
    if province_match:
        return province_match.group(0), province_match.group(0), "province"
    return "未知", None, "city"
