"""Follow-up resolution shared by both engines: "那石家庄呢？", "高级工呢？", "要是只交了十一个月呢".

A conversation keeps the last stand-alone ("root") question, the facts gathered since, and where it was about. A short
question that names no new topic is a follow-up: it inherits the root's topic, places and facts, and a new fact
replaces the old one (so the answer is recomputed); a new place replaces the root's place ("那北京呢？"). A follow-up
with nothing to attach to (a new conversation) is asked what it means.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from assistant.models import Answer, Conversation
from ingest.textnorm import AFTER_CLAUSE
from retriever.protocols import Retriever
from retriever.understanding import GENERAL_KIND, Understanding

_FOLLOW_UP_MARKERS = re.compile(
    r"^(那么?|如果|要是|假如|换成|改成|其中|那如果|还有|另外|那要是|那假如)|呢[？?。！!]*$|^[^，,。？?！!]{1,10}呢[？?，,]"
)
# what makes a turn ask something; a turn without any only tells the asker's situation
_ASKS = re.compile(
    r"[？?]|吗|呢|多少|多久|多长|怎么|怎样|如何|什么|哪|谁|啥|咋|是否|能否|有没有|能不能|可不可以|行不行")
_LEADING = re.compile(r"^(那么?|如果是?|要是|假如|换成|改成|那如果是?|那要是|那假如)")
_TRAILING = re.compile(r"呢?[？?。！!]*$")
_FOLLOW_UP_MAX_CHARS = 40
_DANGLING_CORE = 10  # "那高级工呢？" with nothing before it: too little to answer on its own
_FOLLOW_UP_BENEFIT_CHARS = 12  # the longest follow-up read as naming only another benefit (一次性创业补贴)
BENEFIT_NOUN_CHARS = 2  # the benefit noun two names of benefits end with alike (补贴, 奖励, 贷款)
STATE_KEY = "dialogue"
MAX_FOLLOW_UPS = 6


class DialogueState(BaseModel):
    """What ``Conversation.state['dialogue']`` holds between turns."""

    root: str = Field(description="The last stand-alone question.")
    follow_ups: list[str] = Field(default_factory=list)
    facts: dict[str, Any] = Field(default_factory=dict)
    fact_kinds: dict[str, str] = Field(default_factory=dict)
    places: list[str] = Field(default_factory=list, description="Surfaces of the places the root asks about.")


class ResolvedQuestion(BaseModel):
    question: str = Field(description="What the user typed this turn.")
    text: str = Field(description="Stand-alone text used for understanding and retrieval.")
    understanding: Understanding
    facts: dict[str, Any] = Field(default_factory=dict, description="Facts merged over the dialogue (newest wins).")
    follow_up: bool = False
    new_root: bool = Field(False, description="A follow-up that moved to another place starts a new root.")
    dangling: bool = Field(False, description="Reads as a follow-up, but there is nothing before it.")


def core(question: str) -> str:
    """The follow-up without its connective framing: "那高级工呢？" → "高级工"."""
    return _TRAILING.sub("", _LEADING.sub("", question.strip())).strip()


def load_state(conversation: Conversation | None) -> DialogueState | None:
    if conversation is None or STATE_KEY not in conversation.state:
        return None
    return DialogueState.model_validate(conversation.state[STATE_KEY])


def _states_only(text: str) -> bool:
    """The turn tells something and asks nothing (我是太原的，家里是脱贫户，打算报个电工培训。)."""
    return _ASKS.search(text) is None


def looks_like_follow_up(question: str, understanding: Understanding) -> bool:
    """Short, and either framed as one (那…呢, 如果…) or naming neither a place, a topic nor a document."""
    if len(question) > _FOLLOW_UP_MAX_CHARS:
        return False
    if _FOLLOW_UP_MARKERS.search(question.strip()):
        return True
    return not (understanding.places or understanding.topic or understanding.documents or understanding.national)


def resolve(question: str, conversation: Conversation | None, retriever: Retriever) -> ResolvedQuestion:
    """Turn this turn's question into a stand-alone one, using the dialogue so far."""
    understanding = retriever.understand(question)
    state = load_state(conversation)
    if state is not None and understanding.places and state.places \
            and _only_background(question, state.places, retriever):
        understanding = understanding.model_copy(update={"places": []})  # 要是他跳槽去了乙市: still the root's place
    follows = looks_like_follow_up(question, understanding)
    if state is None:
        dangling = (
            conversation is not None and _FOLLOW_UP_MARKERS.search(question.strip()) is not None
            and not (understanding.places or understanding.documents) and len(core(question)) <= _DANGLING_CORE
        )
        return ResolvedQuestion(question=question, text=question, understanding=understanding,
                                facts=understanding.facts, dangling=dangling)
    if not follows:
        same_place = all(p.surface in state.places for p in understanding.places)
        if _states_only(state.root) and same_place and not understanding.documents and not understanding.benefits:
            # "我们企业今年搞了企业自主评价，评价费是企业掏的。" then "过了六十个高级工，企业能拿多少？": the first
            # turn told the background the question is about; read them together (a question naming the benefit it
            # asks about by its own name stands alone)
            text = f"{state.root} {question}"
            merged = retriever.understand(text)
            return ResolvedQuestion(question=question, text=text, understanding=merged, facts=merged.facts,
                                    new_root=True)
        if understanding.places or understanding.documents or not state.places:
            return ResolvedQuestion(question=question, text=question, understanding=understanding,
                                    facts=understanding.facts)
        # a new question in the same conversation stays where the conversation is (the region carries over); after
        # turns that only told the background (今年有个徒弟拿到了技师证。), what they stated carries over too
        text = f"{''.join(state.places)}{question}"
        merged = retriever.understand(text)
        facts = {**state.facts, **merged.facts} if _states_only(state.root) else understanding.facts
        return ResolvedQuestion(question=question, text=text, understanding=_with_facts(merged, facts),
                                facts=facts, new_root=True)
    facts = {**state.facts, **_changed_facts(state, understanding), **understanding.facts}
    if understanding.places:  # "那北京呢？": the root's question about the new place
        text = _replace_places(state.root, state.places, [p.surface for p in understanding.places])
        extra = core(question)
        if not any(p.surface == extra for p in understanding.places):
            text = f"{text} {extra}"
        merged = retriever.understand(text)
        return ResolvedQuestion(question=question, text=text, understanding=_with_facts(merged, facts),
                                facts=facts, follow_up=True, new_root=True)
    swapped = _with_benefit(state.root, retriever.understand(state.root).benefits, core(question))
    if swapped is not None:  # "培训补贴呢？" after 培训期间的生活费补贴我能拿吗: the root asked of that benefit
        merged = retriever.understand(swapped[0])
        return ResolvedQuestion(question=question, text=swapped[0], understanding=_with_facts(merged, facts),
                                facts=facts, follow_up=True)
    earlier, restated = _without_restated(" ".join([state.root, *state.follow_ups[-MAX_FOLLOW_UPS:]]), state,
                                          understanding, retriever)
    facts = {name: value for name, value in facts.items() if name not in restated or name in understanding.facts}
    text = f"{earlier} {core(question)}"
    if state.places and not any(p in text for p in state.places):
        text = f"{''.join(state.places)}{text}"
    merged = retriever.understand(text)
    # 还能再领一次吗 after 能拿多少: the follow-up's own ask, on the root's point
    if understanding.kind != GENERAL_KIND:
        merged = merged.model_copy(update={"kind": understanding.kind})
    return ResolvedQuestion(question=question, text=text, understanding=_with_facts(merged, facts), facts=facts,
                            follow_up=True)


def asked_of_another_benefit(question: str, retriever: Retriever) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """A question asking, after a first ask, the same of another benefit (培训期间的生活费补贴我能拿吗？培训补贴呢？):
    ((the first ask with all before it, its benefit), (that text asked of the other benefit, that benefit)); None
    otherwise. The second ask is read as a follow-up of the first (``_with_benefit``)."""
    asks = [ask for ask in re.split(r"(?<=[？?])", question) if ask.strip()]
    if len(asks) < 2 or not _FOLLOW_UP_MARKERS.search(asks[-1].strip()):
        return None
    first = "".join(asks[:-1])
    said = core(asks[-1])
    benefits = retriever.understand(first).benefits
    swapped = _with_benefit(first, benefits, said)
    if swapped is None:
        return None
    text, named = swapped
    return (first, named), (text, said)


def _with_benefit(root: str, benefits: list[str], said: str) -> tuple[str, str] | None:
    """(the root with the benefit it names replaced by the one the follow-up names instead, the benefit replaced)
    (培训补贴 for 培训期间的生活费补贴: another name ending in the same benefit noun, BENEFIT_NOUN_CHARS characters),
    or None when the follow-up names no other benefit so."""
    if not said or len(said) > _FOLLOW_UP_BENEFIT_CHARS:
        return None
    for benefit in benefits:
        if benefit in root and said != benefit and said not in benefit and benefit not in said \
                and said[-BENEFIT_NOUN_CHARS:] == benefit[-BENEFIT_NOUN_CHARS:]:
            return root.replace(benefit, said, 1), benefit
    return None


# A quantity a follow-up states without its cue changes the earlier fact of that type ("要是只交了十一个月呢").
_FACT_KIND_OF = {("duration", "月"): ("months", "years"), ("money", "元"): ("money",), ("number", ""): ("money",),
                 ("count", None): ("count",), ("percent", "%"): ("percent",)}


def _changed_facts(state: DialogueState, understanding: Understanding) -> dict[str, Any]:
    changed: dict[str, Any] = {}
    for quantity in understanding.loose_quantities:
        kinds = _FACT_KIND_OF.get((quantity.kind, quantity.unit)) or _FACT_KIND_OF.get((quantity.kind, None), ())
        for name, kind in state.fact_kinds.items():
            if kind in kinds and name not in understanding.facts and name not in changed:
                value = quantity.value / 12 if kind == "years" else quantity.value
                changed[name] = int(value) if value == value.to_integral_value() else value
    return changed


def _without_restated(earlier: str, state: DialogueState, understanding: Understanding,
                      retriever: Retriever) -> tuple[str, set[str]]:
    """The earlier turns without the clauses telling a category the follow-up states anew (考了五级初级工 when
    "那要是考的是二级技师呢" follows), and the names of the facts those clauses told: the new category replaces the
    old one, and no other fact read from the old words (初级 beside 初级工) stays. A clause that asks is kept."""
    changed = {name for name, value in understanding.facts.items()
               if isinstance(value, str) and state.facts.get(name) not in (None, value)}
    if not changed:
        return earlier, set()
    kept, restated = [], set()
    for clause in AFTER_CLAUSE.split(earlier):
        told = retriever.understand(clause).facts if clause.strip() else {}
        if changed & told.keys() and not _ASKS.search(clause):
            restated |= {name for name, value in told.items() if isinstance(value, str)}
            continue
        kept.append(clause)
    return "".join(kept), restated


def _only_background(question: str, places: list[str], retriever: Retriever) -> bool:
    """Every place the follow-up names is background beside the conversation's own (要是他第二年跳槽去了乙市，还接着发
    吗？ asked about an allowance of 甲市; places.yaml: background_words): read with the conversation's place, it names
    no other place asked about."""
    asked = retriever.understand(f"{''.join(places)}。{question}").places
    return all(p.surface in places for p in asked)


def _replace_places(text: str, old: list[str], new: list[str]) -> str:
    if not old:
        return f"{''.join(new)}{text}"
    for index, surface in enumerate(sorted(old, key=len, reverse=True)):
        text = text.replace(surface, "".join(new) if index == 0 else "", 1)
    return text


def _with_facts(understanding: Understanding, facts: dict[str, Any]) -> Understanding:
    """The merged reading keeps the dialogue's facts, the newest value of each (a new fact recomputes)."""
    return understanding.model_copy(update={"facts": facts})


def remember(conversation: Conversation | None, resolved: ResolvedQuestion, answer: Answer) -> None:
    """Record the turn and the dialogue state for the next follow-up."""
    if conversation is None:
        return
    state = load_state(conversation)
    places = [p.surface for p in resolved.understanding.places]
    kinds = {**(state.fact_kinds if state else {}), **resolved.understanding.fact_kinds}
    if resolved.new_root:
        state = DialogueState(root=resolved.text, facts=resolved.facts, places=places, fact_kinds=kinds)
    elif resolved.follow_up and state is not None:
        state.follow_ups.append(core(resolved.question))
        state.facts = resolved.facts
        state.fact_kinds = kinds
    elif not resolved.dangling:
        state = DialogueState(root=resolved.question, facts=resolved.facts, places=places,
                              fact_kinds=resolved.understanding.fact_kinds)
    if state is not None:
        conversation.state[STATE_KEY] = state.model_dump(mode="json")
    conversation.add(resolved.question, answer)
