"""Every quoted clause is verbatim in its document, under the clause path it claims; titles/文号 match sidecars.

The quotes are no longer typed: each rule's quote is derived at verification from the sentences holding its
verified phrases. The golden test below pins them to the quotes the hand-written calculators used.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.rules_support import POLICIES, bundled_book, run_calculator

ALL_CLAUSES = tuple({ref: None for rule in bundled_book().list() for ref in rule.verified.sources})
# The quotes of the hand-written calculators (assistant/calculators/sources.py before rules as data).
GOLDEN_QUOTES = {
    (item["rule"], item["clause"]): item["quote"]
    for item in json.loads((Path(__file__).parent / "data" / "rules" / "golden_quotes.json").read_text("utf-8"))
}
LEVEL_PATTERNS = (
    r"[一二三四五六七八九十]+、",  # 三、
    r"（[一二三四五六七八九十]+）",  # （一）
    r"\d+",  # 2 (written 2、 in the text)
)


def document_text(doc_id: str) -> str:
    path = next(POLICIES.glob(f"{doc_id}.*[!l]"))  # .txt / .md, not the .meta.yaml sidecar
    return path.read_text(encoding="utf-8")


def headings(text: str) -> list[tuple[int, str]]:
    """(offset, heading marker) for every line that starts a clause; half-width parens read as full-width."""
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip("#* ").replace("(", "（").replace(")", "）")
        for pattern in LEVEL_PATTERNS:
            match = re.match(pattern + ("、" if pattern == r"\d+" else ""), stripped)
            if match:
                found.append((offset, match.group(0).removesuffix("、") if pattern == r"\d+" else match.group(0)))
                break
        offset += len(line)
    return found


def path_levels(clause_path: str) -> list[str]:
    return re.findall("|".join(LEVEL_PATTERNS), clause_path)


def level_of(marker: str) -> int:
    return next(i for i, pattern in enumerate(LEVEL_PATTERNS) if re.fullmatch(pattern, marker))


@pytest.mark.parametrize("ref", ALL_CLAUSES, ids=lambda ref: f"{ref.doc_id}:{ref.clause_path}:{ref.text[:8]}")
def test_quote_is_verbatim_in_document(ref) -> None:
    text = document_text(ref.doc_id)
    assert ref.text in text.replace("\n", "")


@pytest.mark.parametrize("ref", ALL_CLAUSES, ids=lambda ref: f"{ref.doc_id}:{ref.clause_path}:{ref.text[:8]}")
def test_quote_sits_under_its_clause_path(ref) -> None:
    text = document_text(ref.doc_id)
    position = text.index(ref.text[:30])
    before = [(offset, marker) for offset, marker in headings(text) if offset <= position]
    # The innermost heading at each level before the quote must spell the clause path.
    current: dict[int, str] = {}
    for _, marker in before:
        level = level_of(marker)
        current[level] = marker
        for deeper in [key for key in current if key > level]:
            del current[deeper]
    assert [current[level] for level in sorted(current)] == path_levels(ref.clause_path)


def test_derived_quotes_are_the_golden_quotes() -> None:
    derived = {(rule.name, ref.clause_path): ref.text for rule in bundled_book().list()
               for ref in rule.verified.sources}
    assert derived == GOLDEN_QUOTES


@pytest.mark.parametrize("ref", ALL_CLAUSES, ids=lambda ref: f"{ref.doc_id}:{ref.clause_path}:{ref.text[:8]}")
def test_titles_and_numbers_match_sidecars(ref) -> None:
    sidecar = yaml.safe_load((POLICIES / f"{ref.doc_id}.meta.yaml").read_text(encoding="utf-8"))
    assert (ref.title, ref.doc_number, ref.status) == (sidecar["title"], sidecar["doc_number"], sidecar["status"])


SAMPLE_ARGUMENTS = {
    "sjz_employment_training_subsidy": {"actual_cost": 1800},
    "sjz_apprenticeship_subsidy": {"apprentice_level": "中级工", "apprentices": 2, "years": 1},
    "sjz_skill_upgrade_subsidy": {"unemployment_insurance_months": 12, "certificate_level": "初级"},
    "bj_staff_education_fund": {"payroll_total": 100000},
    "beibei_education_fund_deduction": {"salary_total": 100000, "education_expense": 100},
    "bj_chief_technician_studio_grant": {},
    "bj_direct_introduction_check": {},
    "sjz_free_training_check": {"target_group": "退役军人"},
    "beibei_veteran_training_check": {"is_veteran": True},
}


def test_registry_lists_the_contracted_calculators() -> None:
    assert set(bundled_book().rules) == set(SAMPLE_ARGUMENTS)
    for spec in bundled_book().list():
        assert spec.title and spec.description and spec.keywords
        assert spec.region in {"石家庄市", "北京市", "重庆市北碚区"}
        for name, info in spec.input_model.model_fields.items():
            assert info.title and info.description, f"{spec.name}.{name} lacks a Chinese title/description"


@pytest.mark.parametrize("name", sorted(SAMPLE_ARGUMENTS))
def test_every_result_cites_a_known_verbatim_clause_of_its_region(name: str) -> None:
    result = run_calculator(name, SAMPLE_ARGUMENTS[name])
    assert result.sources, name
    assert all(ref in ALL_CLAUSES for ref in result.sources)
    first = yaml.safe_load((POLICIES / f"{result.sources[0].doc_id}.meta.yaml").read_text(encoding="utf-8"))
    assert first["region"] == result.region and first["status"] == "in_force"
