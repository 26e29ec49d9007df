"""Zones the documents name: a new area, a park or a bonded zone (江东新区, 某临空产业园区, 稀土高新区) that the
division dataset does not list, but that a document of the library writes — and so lies in that document's region.
A question naming one asks about that region (我们公司在江东新区 → the city whose notice names it), not the whole
library. A document added tomorrow brings its zones with it: they are read from its text, not listed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ingest.models import Chunk, DocumentMeta
from ingest.textnorm import fold, squeeze

MIN_STEM = 2  # characters before the zone word (江东 of 江东新区); a bare 新区 or 园区 names no zone
MAX_STEM = 8


class ZoneNames:
    """Every zone name the library's regional documents write, with the regions of the documents writing it."""

    def __init__(
        self, chunks: Iterable[Chunk], documents: Iterable[DocumentMeta], suffixes: Iterable[str],
        word_starts: Callable[[str], frozenset[int]] | None = None, local: Callable[[str], bool] = lambda r: True,
    ) -> None:
        self._regions: dict[str, set[str]] = {}
        self._longest_first: list[str] = []
        suffixes = sorted(set(suffixes), key=len, reverse=True)
        if not suffixes:
            return
        zone = re.compile(rf"[\u4e00-\u9fff]{{{MIN_STEM},{MAX_STEM}}}?(?:{'|'.join(map(re.escape, suffixes))})")
        regions = {d.doc_id: d.region for d in documents if local(d.region)}
        read: set[tuple[str, str]] = set()  # a heading is read once per document, not once per clause under it
        for chunk in chunks:
            region = regions.get(chunk.doc_id)
            for text in (chunk.text, *chunk.heading_path) if region is not None else ():
                if (chunk.doc_id, text) in read:
                    continue
                read.add((chunk.doc_id, text))
                text = squeeze(fold(text))
                matches = list(zone.finditer(text))
                starts = word_starts(text) if word_starts is not None and matches else None
                for match in matches:
                    suffix = next(s for s in suffixes if match.group(0).endswith(s))
                    for start in range(match.start(), match.end() - len(suffix) - MIN_STEM + 1):
                        if starts is None or start in starts:
                            self._regions.setdefault(text[start : match.end()], set()).add(region)
        self._longest_first = sorted(self._regions, key=len, reverse=True)

    def named(self, text: str) -> list[tuple[str, set[str]]]:
        """The zones ``text`` names (longest first, none inside another) with the regions of the documents naming
        each."""
        found: list[tuple[str, set[str]]] = []
        taken: list[tuple[int, int]] = []
        for name in self._longest_first:
            at = text.find(name)
            if at < 0 or any(a < at + len(name) and at < b for a, b in taken):
                continue
            taken.append((at, at + len(name)))
            found.append((name, self._regions[name]))
        return found
