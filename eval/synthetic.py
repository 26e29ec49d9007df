"""Synthetic policy corpora for the benchmark, generated from the real clauses so tokens stay realistic.

Sentences of the real clause chunks are shuffled across clauses, their numbers varied and their place names
swapped; each synthetic document is a structured ``.txt`` (一、/（一） clauses) with a sidecar, so it goes through
the real ingest pipeline. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ingest.models import Chunk

CLAUSES_PER_SECTION = 10
SECTIONS_PER_DOCUMENT = 10  # → about 100 clause chunks per synthetic document
CHINESE_NUMERALS = "一二三四五六七八九十"
PLACES = [
    ("北京市", "北京市", "municipality"),
    ("石家庄市", "河北省", "city"),
    ("重庆市北碚区", "重庆市", "district"),
    ("天津市", "天津市", "municipality"),
    ("保定市", "河北省", "city"),
    ("成都市", "四川省", "city"),
    ("杭州市", "浙江省", "city"),
    ("西安市", "陕西省", "city"),
]
_PLACE_WORDS = re.compile(r"北京|石家庄|北碚|重庆|首都|本市|我市|我区|全市|全区")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SENTENCE = re.compile(r"[^。；！？]+[。；！？]")
_LABEL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+、)")


@dataclass(frozen=True)
class SyntheticCorpus:
    directory: Path
    documents: int
    clauses: int


def sentence_pool(chunks: list[Chunk]) -> list[str]:
    """Every sentence of the real clause chunks, without its clause label."""
    pool = []
    for chunk in chunks:
        if chunk.kind not in ("clause", "preamble"):
            continue
        for sentence in _SENTENCE.findall(chunk.text.replace("\n", "")):
            sentence = _LABEL.sub("", sentence).strip()
            if 8 <= len(sentence) <= 200:
                pool.append(sentence)
    return pool


def _vary(sentence: str, place: str, rng: random.Random) -> str:
    short = [part for part in place.split("市") if part][-1].removesuffix("区")  # 重庆市北碚区 → 北碚
    sentence = _PLACE_WORDS.sub(short, sentence)
    return _NUMBER.sub(lambda m: str(max(1, round(float(m.group()) * rng.uniform(0.5, 1.8)))), sentence)


def _clause(pool: list[str], place: str, rng: random.Random, max_chars: int = 420) -> str:
    text = ""
    for sentence in rng.sample(pool, k=min(6, len(pool))):
        varied = _vary(sentence, place, rng)
        if text and len(text) + len(varied) > max_chars:
            break
        text += varied
    return text


def write_corpus(chunks: list[Chunk], target_clauses: int, directory: Path, seed: int = 7) -> SyntheticCorpus:
    """Write about ``target_clauses`` clauses as structured documents (+ sidecars) into ``directory``."""
    rng = random.Random(seed)
    pool = sentence_pool(chunks)
    if not pool:
        raise ValueError("no sentences to build a synthetic corpus from")
    directory.mkdir(parents=True, exist_ok=True)
    per_document = CLAUSES_PER_SECTION * SECTIONS_PER_DOCUMENT
    documents = max(1, -(-target_clauses // per_document))
    written = 0
    for number in range(documents):
        place, province, level = PLACES[number % len(PLACES)]
        year = 2008 + number % 16
        stem = f"synthetic-{number:05d}"
        lines = [f"{place}关于职业技能培训工作的实施意见（合成第{number}号）", "", _clause(pool, place, rng), ""]
        for section in range(SECTIONS_PER_DOCUMENT):
            if written >= target_clauses:
                break
            lines.append(f"{CHINESE_NUMERALS[section]}、{_vary(rng.choice(pool)[:14], place, rng).rstrip('。；！？')}")
            for item in range(CLAUSES_PER_SECTION):
                if written >= target_clauses:
                    break
                lines.append(f"（{CHINESE_NUMERALS[item]}）{_clause(pool, place, rng)}")
                written += 1
        (directory / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        sidecar = {
            "title": f"{place}关于职业技能培训工作的实施意见（合成第{number}号）",
            "issuer": f"{place}人民政府",
            "doc_number": None,
            "region": place,
            "province": province,
            "level": level,
            "publish_date": f"{year}-06-01",
            "status": "in_force",
            "aliases": [],
        }
        (directory / f"{stem}.meta.yaml").write_text(yaml.safe_dump(sidecar, allow_unicode=True), encoding="utf-8")
    return SyntheticCorpus(directory=directory, documents=documents, clauses=written)
