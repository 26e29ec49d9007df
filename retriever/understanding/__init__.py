"""Query understanding: one record per question (places and applicable rules, documents, intents, facts,
sub-questions) used by retrieval, both answer engines, the CLI and the page."""

from retriever.understanding.jurisdiction import NATIONAL_REGION, Jurisdiction
from retriever.understanding.record import GENERAL_KIND, DocRef, PlaceRef, SubQuestion, Understanding
from retriever.understanding.understander import QueryUnderstander

__all__ = [
    "GENERAL_KIND",
    "NATIONAL_REGION",
    "DocRef",
    "Jurisdiction",
    "PlaceRef",
    "QueryUnderstander",
    "SubQuestion",
    "Understanding",
]
