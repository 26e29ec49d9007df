"""The classifier on its development set (tests/security/trust_dev, written by whoever tunes it) and on every
clause of the bundled policies. The evaluation set it was *not* tuned on is measured in test_trust_eval.py.

Run with ``-s`` to see the numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trust_measure import Measurement, measure, read_jsonl

from ingest.pipeline import parse_corpus
from ingest.trust import TrustClassifier

DEV_DIR = Path(__file__).with_name("trust_dev")
POLICIES_DIR = Path(__file__).resolve().parents[2] / "data" / "policies"


@pytest.fixture(scope="module")
def dev() -> Measurement:
    instructions = [(r["text"], r["technique"]) for r in read_jsonl(DEV_DIR / "instructions.jsonl")]
    regulation = [(r["text"], bool(r.get("hard"))) for r in read_jsonl(DEV_DIR / "regulation.jsonl")]
    regulation += [(chunk.text, False) for chunk in parse_corpus([POLICIES_DIR]).chunks]
    result = measure(TrustClassifier.load(), instructions, regulation)
    print("\n" + result.summary("development set + bundled policies"))
    return result


def test_dev_set_is_big_and_bilingual() -> None:
    instructions = read_jsonl(DEV_DIR / "instructions.jsonl")
    regulation = read_jsonl(DEV_DIR / "regulation.jsonl")
    assert len(instructions) >= 150 and len(regulation) >= 150
    assert {"zh", "en"} <= {r["lang"] for r in instructions} and {"zh", "en"} <= {r["lang"] for r in regulation}
    assert len({r["id"] for r in instructions}) == len(instructions)
    assert {r["technique"] for r in instructions} >= {"plain", "spaced", "hyphen", "zero_width", "traditional",
                                                      "full_width", "homoglyph"}


def test_dev_recall(dev: Measurement) -> None:
    assert dev.recall >= 0.95, dev.missed


def test_dev_precision_and_no_false_positive_on_hard_negatives_or_real_clauses(dev: Measurement) -> None:
    assert dev.wrongly_flagged == []
    assert dev.precision == 1.0 and dev.hard_false_positive_rate == 0.0
