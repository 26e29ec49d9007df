"""Follow-up resolution shared by both engines: "那石家庄呢？", "高级工呢？", "如果是急需紧缺工种呢？".

A conversation keeps the last stand-alone ("root") question and the facts gathered since. A short question
that names no new topic is a follow-up: it inherits the root's topic, region and facts; a new place replaces
the root's place ("石家庄技能提升补贴多少？" + "那北京呢？" → "北京技能提升补贴多少？").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from assistant.models import Answer, Conversation
from assistant.offline.topics import detect_topic
from assistant.understanding import KNOWN_PLACES, detect_regions, extract_facts
from ingest.models import DocumentMeta

_FOLLOW_UP_MARKERS = re.compile(r"^(那么?|如果|要是|假如|换成|改成|其中|那如果|还有|另外)|呢[？?。！!]*$")
_FOLLOW_UP_MAX_CHARS = 24
STATE_KEY = "dialogue"


class DialogueState(BaseModel):
    """What ``Conversation.state['dialogue']`` holds between turns."""

    root: str = Field(description="The last stand-alone question.")
    follow_ups: list[str] = Field(default_factory=list)
    facts: dict[str, Any] = Field(default_factory=dict)


class ResolvedQuestion(BaseModel):
    question: str = Field(description="What the user typed this turn.")
    text: str = Field(description="Stand-alone text used for analysis and retrieval.")
    facts: dict[str, Any] = Field(default_factory=dict, description="Facts merged over the dialogue (newest wins).")
    follow_up: bool = False
    new_root: bool = Field(False, description="A follow-up that moved to another place starts a new root.")


def _place_words(text: str, documents: list[DocumentMeta]) -> list[str]:
    names = {name for d in documents for name in (d.region, *d.aliases) if len(name) >= 2}
    names |= set(KNOWN_PLACES)
    return sorted((n for n in names if n in text), key=len, reverse=True)


def _core(question: str) -> str:
    """The follow-up without its connective framing: "那高级工呢？" → "高级工"."""
    core = re.sub(r"^(那么?|如果是?|要是|假如|换成|改成|那如果是?)", "", question.strip())
    return re.sub(r"呢?[？?。！!]*$", "", core).strip()


def is_follow_up(question: str, state: DialogueState | None, documents: list[DocumentMeta]) -> bool:
    if state is None or len(question) > _FOLLOW_UP_MAX_CHARS:
        return False
    if _FOLLOW_UP_MARKERS.search(question.strip()):
        return True
    mention = detect_regions(question, documents)
    return detect_topic(question) is None and not mention.regions and not mention.unknown


def load_state(conversation: Conversation | None) -> DialogueState | None:
    if conversation is None or STATE_KEY not in conversation.state:
        return None
    return DialogueState.model_validate(conversation.state[STATE_KEY])


def resolve(question: str, conversation: Conversation | None, documents: Iterable[DocumentMeta]) -> ResolvedQuestion:
    """Turn this turn's question into a stand-alone one, using the dialogue so far."""
    documents = list(documents)
    state = load_state(conversation)
    facts = extract_facts(question)
    if state is None or not is_follow_up(question, state, documents):
        return ResolvedQuestion(question=question, text=question, facts=facts)
    new_places = _place_words(question, documents)
    if new_places:
        text = state.root
        old_places = _place_words(text, documents)
        if old_places:
            text = re.sub("|".join(map(re.escape, old_places)), new_places[0], text, count=1)
            text = re.sub("|".join(map(re.escape, old_places)), "", text)
        else:
            text = f"{new_places[0]}{text}"
        # facts stated in the root about the old place still hold for the comparison
        return ResolvedQuestion(
            question=question, text=text, facts={**state.facts, **facts}, follow_up=True, new_root=True
        )
    text = " ".join([state.root, *state.follow_ups, _core(question)])
    return ResolvedQuestion(question=question, text=text, facts={**state.facts, **facts}, follow_up=True)


def remember(conversation: Conversation | None, resolved: ResolvedQuestion, answer: Answer) -> None:
    """Record the turn and the dialogue state for the next follow-up."""
    if conversation is None:
        return
    state = load_state(conversation)
    if resolved.new_root:
        state = DialogueState(root=resolved.text, facts=resolved.facts)
    elif resolved.follow_up and state is not None:
        state.follow_ups.append(_core(resolved.question))
        state.facts = resolved.facts
    else:
        state = DialogueState(root=resolved.question, facts=resolved.facts)
    conversation.state[STATE_KEY] = state.model_dump(mode="json")
    conversation.add(resolved.question, answer)

