"""Which items of a list the asker's people or things are.

A clause pays for whom or what a list names: its own items (招用下列人员…：（1）毕业年度及离校2年内未就业高校毕业生；
（2）16至24周岁登记失业青年…), or the items of a sibling's list it names by the list's noun (属于全州重点产业目录的
beside 本年度目录包括以下产业：（1）…（3）大数据及电子信息产业). An answer resting on it should say which of them the
question's people or things are, each cited. Pure over a document's chunks, the question and a judge of the asker's
facts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.offline.enumeration import lead_in_of, names_people, parent_path
from assistant.offline.support import positions
from ingest.knowledge import ExpansionRule
from ingest.models import Chunk
from ingest.textnorm import is_lead_in

LIST_NOUNS = ("目录", "名录", "名单", "清单")  # what a clause calls a list another clause of its section gives
NAME_CHARS = 4  # the fewest characters of a list's name a clause must say to name it (紧缺工种)
MAX_NAME_CHARS = 8  # the most characters before a list noun read as the list's name
NEGATED_CHARS = 3  # characters after a negation taken as what it denies (不是大学生 → 大学生 is not said)
PHRASE = re.compile(r"[^，,；;。！？!?\n]+")
NUMERAL = re.compile(r"[\d〇一二两三四五六七八九十百千万半]")  # 一年 of 登记失业一年以上: a threshold, judged apart


def lists_of(chunk: Chunk, chunks: Sequence[Chunk], people_words: Sequence[str]) -> list[tuple[str, list[Chunk]]]:
    """The lists ``chunk`` pays by: its own items when it leads in a list of people (招用下列人员…：), and the items of
    each sibling list whose lead-in says a list noun the clause says (属于…重点产业目录的 of 本年度目录包括以下产业：),
    and each list of its section whose lead-in names it as the clause does (``names_list``).
    A list's lead-in may have no chunk of its own (its line ends in ：): its items carry it in their headings. Each list
    with its lead-in's text."""
    nouns = [noun for noun in LIST_NOUNS if noun in chunk.text]
    own_parent = parent_path(chunk.clause_path)
    found: list[tuple[str, list[Chunk]]] = []
    for parent, items in _by_parent(chunks).items():
        if len(items) < 2 or any(item.id == chunk.id for item in items):
            continue
        if parent == chunk.clause_path:
            if is_lead_in(chunk.text) and all(names_people(item, people_words) for item in items):
                found.append((chunk.text, items))
        elif is_lead_in(lead := lead_in_of(items[0])) and (
                (nouns and own_parent is not None and parent_path(parent) == own_parent
                 and any(noun in lead for noun in nouns))
                or (parent.startswith(_top(chunk.clause_path)) and names_list(lead, chunk.text))):
            found.append((lead, items))
    return found


def _by_parent(chunks: Sequence[Chunk]) -> dict[str, list[Chunk]]:
    """The items of each list of a document, by the path of the clause they stand under."""
    by_parent: dict[str, list[Chunk]] = {}
    for item in chunks:
        parent = parent_path(item.clause_path) if item.kind == "clause" and item.part == 1 else None
        if parent is not None:
            by_parent.setdefault(parent, []).append(item)
    return by_parent


def named_lists(chunks: Sequence[Chunk], text: str) -> list[tuple[str, list[Chunk]]]:
    """(parent path, items) of each list of a document whose lead-in names it by a name ``text`` says (本市2026年度
    紧缺工种目录包括以下职业（工种）： of 紧缺工种都有哪些), in document order."""
    return [(parent, items) for parent, items in _by_parent(chunks).items()
            if len(items) >= 2 and is_lead_in(lead := lead_in_of(items[0])) and names_list(lead, text)]


def names_list(lead: str, text: str) -> bool:
    """A list's lead-in names it as the clause does: the name before its list noun (紧缺工种 of 本市2026年度紧缺工种
    目录包括以下职业：), NAME_CHARS characters of it or more, is said in the clause (参加紧缺工种培训的)."""
    for noun in LIST_NOUNS:
        for at in positions(lead, noun):
            before = lead[max(0, at - MAX_NAME_CHARS) : at]
            if any(before[start:] in text for start in range(len(before) - NAME_CHARS + 1)):
                return True
    return False


def _top(path: str) -> str:
    """The top section of a clause path (一、 of 一、（一）): lists anywhere in it may be the one a clause names."""
    return path.split("、", 1)[0] + "、" if "、" in path else path


def members(
    items: Sequence[Chunk], lead: str, question: str, rules: Sequence[ExpansionRule],
    words_of: Callable[[str], Sequence[str]], skip: Sequence[str], negations: Sequence[str],
    fails: Callable[[str], bool],
) -> list[Chunk]:
    """The items the question's people or things are. Each phrase of the question (its clauses) names the items it says
    most of: the item's words (``words_of``: the tokenizer's) it says as words — or a formal term of a colloquial word
    it says (大学生 → 高校毕业生), never a part of a longer word (动力 of 劳动力) — that the list's ``lead`` and every
    other item do not all say, no number, no word of ``skip`` (人员: every group is one), none with a negation right
    before (不是大学生); the longest words count, by characters. An item whose thresholds ``fails`` the asker's facts
    is none of them (a 23-year-old is no 登记失业半年以上的大龄失业人员（…年满40周岁）). Empty when every item is one:
    nothing is singled out."""
    words = {item.id: [word for word in words_of(item.text)
                       if len(word) >= 2 and word not in lead and word not in skip and not NUMERAL.search(word)
                       and not all(word in other.text for other in items if other.id != item.id)]
             for item in items}
    open_items = [item for item in items if words[item.id] and not fails(item.text)]
    found: dict[str, Chunk] = {}
    for phrase in PHRASE.findall(question):
        said = _said(phrase, rules, negations, words_of)
        scores = {item.id: _score([w for w in words[item.id] if w in said]) for item in open_items}
        best = max(scores.values(), default=0)
        found |= {item.id: item for item in open_items if best and scores[item.id] == best}
    chosen = [item for item in items if item.id in found]
    return chosen if len(chosen) < len(items) else []


def _said(phrase: str, rules: Sequence[ExpansionRule], negations: Sequence[str],
          words_of: Callable[[str], Sequence[str]]) -> set[str]:
    """The words of the phrase, each word a negation stands right before left out (不是大学生), and the formal terms
    of the colloquial words it still says, whole and word by word."""
    kept = phrase
    for negation in negations:
        for at in positions(phrase, negation):
            end = at + len(negation)
            kept = kept[:end] + "\0" * min(NEGATED_CHARS, len(phrase) - end) + kept[end + NEGATED_CHARS:]
    added = [term for rule in rules if any(trigger in kept for trigger in rule.triggers) for term in rule.terms]
    return {*words_of(kept.replace("\0", " ")), *added, *(w for term in added for w in words_of(term))}


def _score(words: Sequence[str]) -> int:
    """Characters said, each word once and none inside a longer one said (高校毕业生, not also 毕业生 and 高校)."""
    return sum(len(w) for w in set(words) if not any(w != other and w in other for other in words))

