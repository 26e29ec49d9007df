"""Precision, recall and the false-positive rate of the content-trust classifier on a labelled set."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.trust import TrustClassifier


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Measurement:
    """Counts over instructions (positives) and regulation clauses (negatives; some marked hard)."""

    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0
    true_negatives: int = 0
    hard_negatives: int = 0
    hard_false_positives: int = 0
    missed: list[str] = field(default_factory=list)
    wrongly_flagged: list[str] = field(default_factory=list)
    recall_by_group: Counter[str] = field(default_factory=Counter)
    total_by_group: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 1.0

    @property
    def false_positive_rate(self) -> float:
        negatives = self.false_positives + self.true_negatives
        return self.false_positives / negatives if negatives else 0.0

    @property
    def hard_false_positive_rate(self) -> float:
        return self.hard_false_positives / self.hard_negatives if self.hard_negatives else 0.0

    def summary(self, name: str) -> str:
        positives = self.true_positives + self.false_negatives
        negatives = self.false_positives + self.true_negatives
        lines = [
            f"{name}: {positives} instructions, {negatives} regulation clauses ({self.hard_negatives} hard negatives)",
            f"  precision {self.precision:.3f}  recall {self.recall:.3f} ({self.true_positives}/{positives})  "
            f"false-positive rate {self.false_positive_rate:.3f} ({self.false_positives}/{negatives})  "
            f"on hard negatives {self.hard_false_positive_rate:.3f} "
            f"({self.hard_false_positives}/{self.hard_negatives})",
        ]
        for group in sorted(self.total_by_group):
            lines.append(f"  recall[{group}] {self.recall_by_group[group]}/{self.total_by_group[group]}")
        return "\n".join(lines)


def measure(
    classifier: TrustClassifier,
    instructions: list[tuple[str, str]],
    regulation: list[tuple[str, bool]],
) -> Measurement:
    """``instructions``: (text, group); ``regulation``: (text, is_hard_negative)."""
    result = Measurement()
    for text, group in instructions:
        hit = classifier.classify(text).addressed_to == "reader"
        result.total_by_group[group] += 1
        if hit:
            result.true_positives += 1
            result.recall_by_group[group] += 1
        else:
            result.false_negatives += 1
            result.missed.append(text)
    for text, hard in regulation:
        hit = classifier.classify(text).addressed_to == "reader"
        result.hard_negatives += hard
        if hit:
            result.false_positives += 1
            result.hard_false_positives += hard
            result.wrongly_flagged.append(text)
        else:
            result.true_negatives += 1
    return result
