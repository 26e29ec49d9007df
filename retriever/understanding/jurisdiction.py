"""Which documents' rules apply to a place: its own, its parents', the nation's — never a sibling's.

Each document's region is mapped onto the gazetteer once per index generation (from ``DocumentMeta.region_code``,
else by resolving the region name), so a document a user adds for any province, city or county takes part with no
code change.
"""

from __future__ import annotations

from collections.abc import Iterable

from ingest.models import DocumentMeta
from ingest.places import NATION_CODE, Gazetteer, Place, PlaceMention, describe
from retriever.understanding.record import PlaceRef

NATIONAL_REGION = "全国"
_SUFFIX_LEVEL = {"省": "province", "自治区": "province", "市": "prefecture", "州": "prefecture", "盟": "prefecture",
                 "县": "county", "区": "county", "旗": "county"}


def region_code(gazetteer: Gazetteer, document: DocumentMeta) -> str | None:
    if document.level == "national" or document.region in (NATIONAL_REGION, "国家"):
        return NATION_CODE
    code = getattr(document, "region_code", None)
    if code and gazetteer.get(code) is not None:
        return code
    place = gazetteer.resolve(document.region, strict=True)  # an index built before region codes were recorded
    return place.code if place else None


class Jurisdiction:
    """Document regions placed on the divisions (pure; one per index generation)."""

    def __init__(self, gazetteer: Gazetteer, documents: Iterable[DocumentMeta]) -> None:
        self.gazetteer = gazetteer
        self.codes: dict[str, str] = {}  # region name → code
        # Regions the divisions do not list (a new zone, a name the dataset lacks): named by the document itself —
        # its region, that name without its suffix, and its aliases — and covering only themselves.
        self.custom: dict[str, str] = {}
        for document in documents:
            code = region_code(gazetteer, document)
            if code is not None:
                self.codes.setdefault(document.region, code)
            elif document.region not in ("未知", "") and document.level != "unknown":
                stem = document.region.rstrip("市区县省")
                for name in (document.region, stem, *document.aliases):
                    if len(name) >= 2 and not gazetteer.is_generic(name):
                        self.custom.setdefault(name, document.region)
        self.national = [region for region, code in self.codes.items() if code == NATION_CODE]

    def applicable(self, code: str) -> list[str]:
        """Regions whose rules hold at ``code``: the most specific first, national last."""
        chain = [place.code for place in self.gazetteer.ancestors(code)]
        local = sorted(
            (region for region, c in self.codes.items() if c != NATION_CODE and c in chain),
            key=lambda region: chain.index(self.codes[region]),
        )
        return [*local, *self.national]

    def inside(self, code: str) -> list[str]:
        """Covered regions lying strictly inside ``code`` (a province named alone: its covered cities)."""
        return [r for r, c in self.codes.items() if c not in (code, NATION_CODE) and self.gazetteer.within(c, code)]

    def region_of(self, region: str) -> str | None:
        return self.codes.get(region)

    def place_ref(self, mention: PlaceMention) -> tuple[PlaceRef, bool]:
        """The reference for a mention and whether its readings disagree on which rules apply."""
        readings = [self.gazetteer.place(code) for code in mention.candidates]
        applicable = [tuple(self.applicable(p.code)) for p in readings]
        chosen = readings[0]
        ambiguous = len(set(applicable)) > 1
        return self._ref(mention.surface, chosen, [describe(self.gazetteer, p.code) for p in readings[1:]]), ambiguous

    def _ref(self, surface: str, place: Place, readings: list[str]) -> PlaceRef:
        chain = [p.name for p in reversed(self.gazetteer.ancestors(place.code))]
        return PlaceRef(
            surface=surface, name=place.name, code=place.code, level=place.level, chain=chain,
            regions=self.applicable(place.code), inside=self.inside(place.code), readings=readings,
        )

    def zone_ref(self, surface: str, regions: Iterable[str]) -> PlaceRef | None:
        """A zone the documents of ``regions`` name (江东新区 in a city's notice, and perhaps its province's): it lies
        in the most specific of them — None unless they all lie on one chain (a zone two cities name is neither's)."""
        codes = [self.codes[r] for r in regions if r in self.codes and self.codes[r] != NATION_CODE]
        deepest = next((c for c in codes if all(self.gazetteer.within(c, other) for other in codes)), None)
        if deepest is None:
            return None
        return self._ref(surface, self.gazetteer.place(deepest), [])

    def custom_ref(self, surface: str, region: str) -> PlaceRef:
        """A place only a document's own metadata knows: its rules and the nation's apply."""
        return PlaceRef(surface=surface, name=region, level="unknown", chain=[region],
                        regions=[region, *self.national])

    def unknown_ref(self, surface: str, suffix: str) -> PlaceRef:
        """A place-shaped name the gazetteer lacks (宁远市 when no such city exists): only national rules apply."""
        return PlaceRef(surface=surface, name=surface, level=_SUFFIX_LEVEL.get(suffix, "unknown"),
                        regions=list(self.national))

    def nation_ref(self) -> PlaceRef:
        return PlaceRef(surface=NATIONAL_REGION, name=NATIONAL_REGION, code=NATION_CODE, level="national",
                        regions=list(self.national))
