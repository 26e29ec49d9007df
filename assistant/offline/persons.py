"""People described one by one in a question asking what they get together (我五十岁，在省外干了四个月；我老伴五十五岁，
在省内干了半年。我家一共能领多少？): the clauses said of each person and those said of them all, so each person can be
asked about on their own. Pure over the question's text and the words of answers.yaml (``person_words``,
``together_words``, ``total_words``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?\n]*")
_CLAUSE = re.compile(r"[^，,；;：:。！？!?\n]+[，,；;：:。！？!?\n]*")
SELF = "本人"  # how the asker is titled
OWN = ("我的", "我家", "我")  # 我老伴: the asker's relative, one person
MAX_PEOPLE = 6


@dataclass(frozen=True)
class People:
    """The statement clauses of a question, each with the person it is said of (None: said of them all), and the ask
    that follows them."""

    clauses: tuple[tuple[str, str | None], ...]
    ask: str
    people: tuple[str, ...]

    def asking(self, person: str, words: Sequence[str]) -> str:
        """The question as ``person`` alone would ask it: what is said of them and of everyone, then the ask without
        ``words`` (the total and together words: 一共, 我家)."""
        said = "".join(clause for clause, owner in self.clauses if owner in (None, person)).rstrip("，,；;：:")
        ask = self.ask
        for word in sorted(words, key=len, reverse=True):
            ask = ask.replace(word, "")
        return f"{said}。{ask}" if said and not said.endswith(("。", "！", "？", "!", "?")) else f"{said}{ask}"


def person_pattern(person_words: Sequence[str], together_words: Sequence[str]) -> re.Pattern[str]:
    """A person named in a clause: a relative (老伴, with the asker's 我/我的/我家 before it), or a pronoun not
    opening a together word (我 of 我们, 我俩 is none)."""
    relatives = sorted((w for w in person_words if w not in ("我", SELF)), key=len, reverse=True)
    together = sorted((w for w in together_words if w.startswith("我")), key=len, reverse=True)
    own = "|".join(OWN)
    not_together = "".join(f"(?!{re.escape(w[1:])})" for w in together if len(w) > 1)
    return re.compile(rf"(?:{own})?(?P<relative>{'|'.join(map(re.escape, relatives))})"
                      rf"|(?P<self>{SELF}|我{not_together})")


def people(text: str, person_words: Sequence[str], together_words: Sequence[str],
           total_words: Sequence[str]) -> People | None:
    """The people a question describes one by one, when its last sentence saying a total word also says a together
    word (我家一共, 我俩加起来) and two to MAX_PEOPLE people each have a clause of their own. A clause naming one person
    is theirs, as are the clauses after it that name none; one naming two or more, or a together word, is said of
    them all (我跟我老婆都是登记失业人员). None otherwise."""
    sentences = _SENTENCE.findall(text)
    asks = [i for i, s in enumerate(sentences) if any(w in s for w in total_words)
            and any(w in s for w in together_words)]
    if not asks:
        return None
    pattern = person_pattern(person_words, together_words)
    clauses: list[tuple[str, str | None]] = []
    owner: str | None = None
    for clause in (c for s in sentences[: asks[-1]] for c in _CLAUSE.findall(s)):
        named = list(dict.fromkeys(m.group("relative") or SELF for m in pattern.finditer(clause)))
        if len(named) > 1 or any(w in clause for w in together_words):
            owner = None
        elif named:
            owner = named[0]
        clauses.append((clause, owner))
    persons = tuple(dict.fromkeys(o for _, o in clauses if o is not None))
    if not 2 <= len(persons) <= MAX_PEOPLE:
        return None
    return People(tuple(clauses), "".join(sentences[asks[-1]:]), persons)
