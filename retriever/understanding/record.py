"""The query-understanding record: one per question, shared by the retriever, both answer engines, the CLI and the
page, so every layer agrees on which places, documents, intents and facts a question names."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.quantities import Quantity

GENERAL_KIND = "general"  # the kind of a reading asking nothing of its own (那北京呢？)
PlaceKind = Literal["national", "province", "prefecture", "county", "unknown"]


class PlaceRef(BaseModel):
    """A place the question names, and which documents' regions apply to it."""

    model_config = ConfigDict(frozen=True)

    surface: str = Field(description="As written in the question (北京, 海淀, 宁远市).")
    name: str = Field(description="Full name of the unit (海淀区); the surface for a place not in the gazetteer.")
    code: str | None = Field(None, description="Division code; None for a place-shaped name the gazetteer lacks.")
    level: PlaceKind
    chain: list[str] = Field(default_factory=list, description="Full names widest first: 北京市 > 海淀区.")
    regions: list[str] = Field(
        default_factory=list,
        description="Document regions whose rules apply here: its own, then its parents', then national ones.",
    )
    inside: list[str] = Field(default_factory=list, description="Covered regions lying inside it (河北 → 石家庄市).")
    readings: list[str] = Field(default_factory=list, description="Other units the name may mean (when ambiguous).")

    @property
    def covered(self) -> bool:
        """Some local (non-national) document applies to this place."""
        return any(region != "全国" for region in self.regions)

    @property
    def label(self) -> str:
        return "".join(self.chain) if self.chain else self.name


class DocRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc_id: str
    by: Literal["doc_number", "short_number", "alias", "title", "year"]


class SubQuestion(BaseModel):
    """One part of a question with several asks or several places: answered (and cited) on its own."""

    text: str = Field(description="The part as a stand-alone question.")
    kind: str = Field(description="amount · eligibility · procedure · list · general · old_policy …")
    place: PlaceRef | None = None
    ask: str = Field("", description="The ask this part answers, when the question lists several (补多少、交多久).")


class Understanding(BaseModel):
    text: str = Field(description="The question as given (validated).")
    normalized: str = Field(description="Simplified, width-folded form every matcher reads.")
    places: list[PlaceRef] = Field(default_factory=list, description="Places asked about (context parents dropped).")
    regions: list[str] = Field(
        default_factory=list,
        description="Document regions that apply to the places asked about (+ national); [] when no place is named.",
    )
    uncovered: list[PlaceRef] = Field(default_factory=list, description="Places no local document applies to.")
    ambiguous: list[PlaceRef] = Field(default_factory=list, description="Names whose readings differ in rules.")
    national: bool = Field(False, description="The question asks for national rules.")
    documents: list[DocRef] = Field(default_factory=list, description="Documents named (文号, title, year…).")
    years: list[int] = Field(default_factory=list)
    intents: list[str] = Field(default_factory=list)
    kind: str = Field(GENERAL_KIND,
                      description="The main ask: comparison, list, amount, eligibility, procedure, general.")
    topic: str | None = None
    topic_title: str | None = None
    topic_core: list[str] = Field(default_factory=list, description="Words of a document regulating the topic.")
    benefits: list[str] = Field(default_factory=list, description="Benefits named as the library names them.")
    benefit_words: list[str] = Field(
        default_factory=list, description="The topic's words said in a benefit's name (培训补贴 of 职业培训补贴).")
    out_of_scope: list[str] = Field(default_factory=list, description="Subjects of other fields named (公积金…).")
    facts: dict[str, Any] = Field(default_factory=dict, description="Inputs read from the question (facts.yaml).")
    assumptions: dict[str, str] = Field(default_factory=dict, description="How a fact was read (每月 → 全年).")
    quantities: list[Quantity] = Field(default_factory=list, description="Every quantity in the question.")
    fact_kinds: dict[str, str] = Field(default_factory=dict, description="The type of each fact (months, money…).")
    loose_quantities: list[Quantity] = Field(default_factory=list, description="Quantities no fact claimed.")
    sub_questions: list[SubQuestion] = Field(default_factory=list)

    def has(self, intent: str) -> bool:
        return intent in self.intents

    @property
    def doc_ids(self) -> list[str]:
        return [ref.doc_id for ref in self.documents]

    @property
    def local_regions(self) -> list[str]:
        return [region for region in self.regions if region != "全国"]

    def summary(self) -> dict[str, Any]:
        """What the page and the CLI show as "what the question was read as"."""
        return {
            "places": [p.label for p in self.places],
            "regions": self.regions,
            "uncovered": [p.label for p in self.uncovered],
            "documents": self.doc_ids,
            "intents": self.intents,
            "topic": self.topic_title,
            "facts": self.facts,
        }
