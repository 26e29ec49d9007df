"""Domain knowledge as data: the files in ``data/knowledge/`` (one file per concern, a format comment at the top).

Code holds mechanisms; these files hold what the mechanisms know — place abbreviations, question words, intents,
facts, topics, synonyms, the scope of the library. ``Knowledge.load`` reads them once at the edge (the CLI, the
page, the eval runners) and the object is passed down; nothing here is read at import time.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ingest.errors import PolicyAssistantError
from ingest.places import Gazetteer, PlacesKnowledge
from ingest.textnorm import alternation, is_lead_in

DEFAULT_KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "data" / "knowledge"
RULE_ARROW = "=>"

FactType = Literal["months", "years", "money", "count", "percent", "yes_no", "choice", "count_by_choice"]


def compiled(patterns: tuple[str, ...]) -> tuple[str, ...]:
    """The patterns, each checked to compile (a bad one is a clear load error naming the file)."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"pattern {pattern!r} does not compile: {error}") from error
    return patterns


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IntentSpec(_Strict):
    words: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    # words that also signal the intent but keep their meaning as content (材料 asks how to apply and is what the
    # clause must say): filled at load from answers.yaml, never excluded from a question's content terms
    content_cues: tuple[str, ...] = ()
    # words that signal the intent only when none of `yields_to` holds: 申报 in 怎么申报 asks how, in 能申报…吗 whether
    weak_words: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()
    # intents whose longer words swallow this one's (哪些 in 哪些材料 asks for a procedure's materials, no list)
    inside: tuple[str, ...] = ()

    _compiles = field_validator("patterns")(classmethod(lambda cls, patterns: compiled(patterns)))

    def matches(self, text: str, swallowing: tuple[str, ...] = (), swallowing_patterns: tuple[str, ...] = ()
                ) -> bool:
        """One of its words or patterns is in the text — a word only where no longer word of ``swallowing`` holds
        it whole (哪些 of 哪些材料; not 哪些 of 用在哪些, which 在哪 only overlaps), nor a longer match of one of
        ``swallowing_patterns`` (几天 of 几天内交)."""
        covers = [(m.start(), m.end()) for w in swallowing if w in text for m in re.finditer(re.escape(w), text)]
        covers += [(m.start(), m.end()) for p in swallowing_patterns for m in re.finditer(p, text)]
        for word in self.all_words():
            if word not in text:
                continue
            for m in re.finditer(re.escape(word), text):
                if not any(a <= m.start() and m.end() <= b and b - a > len(word) for a, b in covers):
                    return True
        return any(re.search(p, text) for p in self.patterns)

    def all_words(self) -> tuple[str, ...]:
        return (*self.words, *self.content_cues)

    def weakly_matches(self, text: str) -> bool:
        return any(word in text for word in self.weak_words)


class IntentsFile(_Strict):
    kinds: tuple[str, ...]
    intents: dict[str, IntentSpec]
    several_after: tuple[str, ...] = Field(
        (), description="Characters after which 几 says 'several', not 'how many': 好 of 好几年, 十 of 十几个月.")
    colloquial: dict[str, str] = Field(
        default_factory=dict, description="Spoken question words → the written ones intents list: 啥 → 什么.")

    def asking_text(self, normalized: str) -> str:
        """The question as its intents are read: spoken question words in their written form (准备啥材料 → 准备什么
        材料), and 几 after a ``several_after`` character written 多 (好几年 → 好多年, 十几个月 → 十多个月), so a count
        the asker states about themselves asks for no number."""
        for spoken, written in self.colloquial.items():
            normalized = normalized.replace(spoken, written)
        if not self.several_after:
            return normalized
        return re.sub(f"(?<=[{re.escape(''.join(self.several_after))}])几", "多", normalized)


class FactSpec(_Strict):
    """One fact a question may state (see the comment at the top of facts.yaml)."""

    name: str
    type: FactType
    cues: tuple[str, ...] = ()
    exclude_cues: tuple[str, ...] = ()
    continuous: tuple[str, ...] = ()
    continuous_cues: tuple[str, ...] = Field((), description="Cues for `continuous` (default: `cues`).")
    period: Literal["年", "月"] | None = None
    options: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    not_words: tuple[str, ...] = ()
    order: tuple[str, ...] = Field(
        (), description="A choice's options, lowest to highest (初级 < 中级 < 高级): a clause's 中级及以上 bounds it.")
    requires: tuple[str, ...] = ()
    scope: Literal["clause", "question"] = Field(
        "clause", description="clause: the quantity shares a clause with a cue; question: anywhere in the question."
    )
    choice_input: str | None = Field(None, description="count_by_choice: the input that takes one option.")
    count_input: str | None = Field(None, description="count_by_choice: the input that takes its count.")


class FactsFile(_Strict):
    negations: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    references: tuple[str, ...] = Field((), description=(
        "Words before a category naming the standard something is paid by, not the asker's own (按高级工的标准)."))
    facts: tuple[FactSpec, ...] = ()


class TopicSpec(_Strict):
    name: str
    title: str
    terms: tuple[str, ...]
    core: tuple[str, ...] = Field((), description="Words that mean a document regulates the topic (default: title).")

    @property
    def core_words(self) -> tuple[str, ...]:
        return self.core or (self.title,)


class TopicsFile(_Strict):
    topics: tuple[TopicSpec, ...] = ()

    def named(self, name: str | None) -> TopicSpec | None:
        """The topic of that name (a question's ``topic``), or None."""
        return next((t for t in self.topics if t.name == name), None) if name else None


class ScopeFile(_Strict):
    out_of_scope: tuple[str, ...] = ()
    benefit_nouns: tuple[str, ...] = ()
    benefit_lead_words: tuple[str, ...] = ()
    money_words: tuple[str, ...] = ()


class Aspect(_Strict):
    asked: tuple[str, ...]
    words: tuple[str, ...]
    forms: tuple[str, ...] = Field(
        (), description="Patterns a clause states the aspect in beyond its words (N日内，向…提交: a deadline to "
                        "apply, where 日内 alone is as often a review's time limit).")

    _compiles = field_validator("forms")(classmethod(lambda cls, patterns: compiled(patterns)))


class Exclusions(_Strict):
    asked: tuple[str, ...] = ()
    asked_forms: tuple[str, ...] = Field(
        (), description="Patterns of a question asking who or what is left out: 哪些情况招的人不给补.")
    words: tuple[str, ...] = ()
    leading: tuple[str, ...] = Field((), description="Excluding words the group follows: 且不处于领取失业保险金期间.")
    situations: tuple[str, ...] = Field(
        (), description="Patterns of a question stating who the asker is (group <x>): 在事业单位上班 → 事业单位.")

    @field_validator("situations")
    @classmethod
    def _named_group(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            if "x" not in re.compile(pattern).groupindex:
                raise ValueError(f"situation pattern needs a group named x: {pattern}")
        return patterns

    _compiles = field_validator("asked_forms")(classmethod(lambda cls, patterns: compiled(patterns)))

    def asks(self, normalized: str) -> bool:
        """The question asks who or what a benefit leaves out."""
        return any(word in normalized for word in self.asked) or any(
            re.search(pattern, normalized) for pattern in self.asked_forms)


class Beneficiaries(_Strict):
    """A list question asking who may have a benefit (哪几类人可以申请, 哪些毕业生能领) is answered by the items under
    the lead-in naming its beneficiaries (补贴对象为下列人员：)."""

    asked_forms: tuple[str, ...] = Field((), description="Patterns of a question asking who may have it.")
    lead_forms: tuple[str, ...] = Field((), description="Patterns of a lead-in naming who may have it: 下列人员.")
    query_words: tuple[str, ...] = Field((), description="Words added to the question to look for such a lead-in.")
    people_words: tuple[str, ...] = Field((), description="How an item naming people ends: 人员, 毕业生, 退役军人.")

    _compiles = field_validator("asked_forms", "lead_forms")(classmethod(lambda cls, patterns: compiled(patterns)))

    def asks(self, normalized: str) -> bool:
        return any(re.search(pattern, normalized) for pattern in self.asked_forms)

    def names_them(self, lead_in: str) -> bool:
        """A lead-in (ending in ：) naming who may have the benefit (…的下列人员，可按本办法申领…：)."""
        return is_lead_in(lead_in) and any(re.search(p, lead_in) for p in self.lead_forms)


class Repeats(_Strict):
    """A question asking whether or how often a benefit may be had again (一年能领几次, 今年还能再领一次吗) is answered
    by the clause limiting how often (每人每个自然年度最多申领一次, 限享受一次, 不得重复享受)."""

    asked_forms: tuple[str, ...] = Field((), description="Patterns of a question asking how often: 还能再领一次吗.")
    words: tuple[str, ...] = Field((), description="Words of a clause limiting how often: 自然年度, 最多申领.")

    _compiles = field_validator("asked_forms")(classmethod(lambda cls, patterns: compiled(patterns)))

    def asks(self, normalized: str) -> bool:
        return any(re.search(pattern, normalized) for pattern in self.asked_forms)

    def limits(self, text: str) -> bool:
        """The clause says how often the benefit may be had."""
        return any(word in text for word in self.words)


class Transition(_Strict):
    """How a document replacing an earlier one treats cases begun under it (本办法施行前已取得营业执照…的，可于某日前
    按原政策标准申领): a sentence saying one of ``before`` (the new rule's start) and one of ``earlier`` (the old
    rule)."""

    before: tuple[str, ...] = Field((), description="Words of the time before the new rule: 施行前, 印发前.")
    earlier: tuple[str, ...] = Field((), description="Words naming the old rule: 原政策, 原规定, 原标准.")
    relative_years: dict[str, int] = Field(default_factory=dict,
                                           description="A year named from today's: 去年 → -1.")
    applied_words: tuple[str, ...] = Field((), description="Words saying a month is when one applied: 申请.")
    same_year: tuple[str, ...] = Field((), description="Words naming the year named last: 当年8月, 同年.")
    deadline_words: tuple[str, ...] = Field((), description="Words before a last day to claim: 截止时间为.")

    def says(self, sentence: str) -> bool:
        return any(w in sentence for w in self.before) and any(w in sentence for w in self.earlier)


class Elapsed(_Strict):
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


class HowToApply(_Strict):
    words: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()


class PartMonths(_Strict):
    """How a document counts a month begun but not finished (见习了8个半月): a sentence saying a part month short of
    one month (``short_of`` 1个月) is not paid (``unpaid``: 不足1个月的不计发, whole months only), or, once half of it
    is reached (``half_reached``), is paid as half (``half_paid``: 满半个月不满1个月的按半个月计发)."""

    short_of: tuple[str, ...] = Field((), description="Words before 1个月 saying short of it: 不满, 不足.")
    unpaid: tuple[str, ...] = Field((), description="Words saying the part month is not paid: 不计发.")
    half_reached: tuple[str, ...] = Field((), description="Words saying half a month is reached: 满半个月.")
    half_paid: tuple[str, ...] = Field((), description="Words saying it is paid as half a month: 按半个月.")

    def step(self, sentence: str) -> tuple[Decimal, str] | None:
        """(the part of a month paid for, the phrase saying so) of a sentence: 0.5 for half months, 1 for whole
        months only; None when it says neither."""
        for step, pattern in _part_month_ways(self.short_of, self.unpaid, self.half_reached, self.half_paid):
            match = pattern.search(sentence)
            if match is not None:
                return step, match.group(0)
        return None


@cache
def _part_month_ways(short_of: tuple[str, ...], unpaid: tuple[str, ...], half_reached: tuple[str, ...],
                     half_paid: tuple[str, ...]) -> tuple[tuple[Decimal, re.Pattern[str]], ...]:
    """(the part of a month paid for, the pattern saying so) of ``PartMonths``' words, half months first — built once
    per set of words, not per sentence read (no words: an alternation never matching)."""
    short = rf"(?:{alternation(short_of)})\s*(?:1|一)\s*个?月的?[，,]?"  # 不足1个月的，不予计发
    return ((Decimal("0.5"), re.compile(rf"(?:{alternation(half_reached)})(?:但|而)?[，,]?{short}[^，,。；;]{{0,4}}?"
                                        rf"(?:{alternation(half_paid)})")),
            (Decimal(1), re.compile(rf"{short}[^，,。；;]{{0,4}}?(?:{alternation(unpaid)})")))


class AnswersFile(_Strict):
    aspects: dict[str, Aspect]
    exclusions: Exclusions = Field(default_factory=Exclusions)
    beneficiaries: Beneficiaries = Field(default_factory=Beneficiaries)
    repeats: Repeats = Field(default_factory=Repeats)
    how_to_apply: HowToApply = Field(default_factory=lambda: HowToApply())
    transition: Transition = Field(default_factory=Transition)
    procedure_headings: tuple[str, ...] = ()
    amount_words: tuple[str, ...] = ()
    worked_out: str
    condition_chars: int = Field(ge=2)
    asker_roles: tuple[str, ...] = Field((), description="Roles a condition's holder may name that are the asker's "
                                                        "own (申请人, 借款人): the holder of any other role is someone "
                                                        "else (领办人具有技师以上 judges no worker's certificate).")
    difference_words: tuple[str, ...] = ()
    compared_joiners: tuple[str, ...] = Field((), description="Words joining two things compared: 和, 跟, 与.")
    whole_procedure: tuple[str, ...] = ()
    preliminary_steps: tuple[str, ...] = Field((), description="Steps taken before a benefit is claimed: 备案.")
    claim_words: tuple[str, ...] = Field((), description="Words a clause on claiming a benefit says: 申领, 申请.")
    grant_words: tuple[str, ...] = ()
    elapsed: Elapsed = Field(default_factory=Elapsed)
    part_months: PartMonths = Field(default_factory=PartMonths)
    rank_words: dict[str, int] = Field(default_factory=dict)
    per_instalment: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    paid_words: tuple[str, ...] = ()
    hearsay_words: tuple[str, ...] = ()
    first_paid_words: tuple[str, ...] = ()
    higher_words: tuple[str, ...] = ()
    stacking_words: tuple[str, ...] = Field((), description="Words saying raises stack: 叠加 (unless negated).")
    silent_levels: tuple[str, ...] = Field((), description="Words a clause says its document applies with where a "
                                                            "lower level made no rule: 未另行规定.")
    lower_raises: tuple[str, ...] = Field((), description="Words a clause lets a lower level raise the document's "
                                                          "standard with: 可在本办法规定标准基础上提高.")
    full_rate_words: tuple[str, ...] = ()
    withheld_raise_words: tuple[str, ...] = ()
    not_negations: tuple[str, ...] = ()
    condition_boilerplate: tuple[str, ...] = ()
    maximum_words: tuple[str, ...] = ()
    defined_before: tuple[str, ...] = Field((), description="Words asking what a defined name covers, said right "
                                                             "before it: 算 (哪几类人算就业困难人员).")
    defined_after: tuple[str, ...] = Field((), description="Words asking what a defined name covers, said right "
                                                            "after it: 包括哪些 (就业困难人员包括哪些人).")
    counted_things: tuple[str, ...] = ()
    total_words: tuple[str, ...] = ()
    person_words: tuple[str, ...] = Field((), description="Words naming one person described: 我, 她, 老伴.")
    together_words: tuple[str, ...] = Field((), description="Words saying several people together: 我家, 我俩.")
    all_words: tuple[str, ...] = Field((), description="Words after a count saying it is all of an earlier one: "
                                                        "期满2个都留下了.")
    subset_words: tuple[str, ...] = Field((), description="Words setting a group apart from heads counted: 其中.")
    term_words: tuple[str, ...] = Field((), description="Words a term paid for is said after: 培养期, 学制.")
    reached_words: tuple[str, ...] = Field((), description="Words a duration reached is said after: 满.")
    counted_people: tuple[str, ...] = ()
    last_paid_words: tuple[str, ...] = ()
    paid_ordinals: tuple[str, ...] = Field((), description="First/last words asking of a payment only before a "
                                                           "paid verb: 首次 (首次创业 asks nothing of it).")
    paid_verbs: tuple[str, ...] = ()
    paid_between: tuple[str, ...] = ()
    tier_words: tuple[str, ...] = ()
    general_words: tuple[str, ...] = Field((), description="Words naming a thing's ordinary tier: 一般, 普通.")
    tier_ranges: tuple[str, ...] = ()  # 及以上 in 省级及以上示范基地: the range still names the tier before it
    standard_levels: dict[Literal["national", "province", "city", "district", "county"], tuple[str, ...]] = Field(
        default_factory=dict)
    heads_joiners: tuple[str, ...] = Field((), description="Words joining heads counted in a row: 和, 还, 另外.")
    time_words: tuple[str, ...] = Field((), description="Words naming when a rule held, before or now: 以前, 现在.")
    summed_joiners: tuple[str, ...] = Field((), description="Words joining benefits asked as one total: 加上, 和.")
    level_roots: dict[Literal["national", "province", "city", "district", "county"], tuple[str, ...]] = Field(
        default_factory=dict, description="A level's root opening a reference to its standard: 国家, 自治区, 市.")
    standard_nouns: tuple[str, ...] = Field((), description="What such a reference ends on: 标准, 补贴, 奖励.")
    document_nouns: tuple[str, ...] = Field(
        (), description="A level's document before an article of it (按自治区办法第五条所列标准): 办法, 通知.")
    no_procedure: str
    next_steps: str
    verdicts: dict[Literal["eligible", "not_eligible", "needs_info"], str]
    asked_action: str = Field("", description="Pattern of the action a yes/no question asks about (group verb).")

    @field_validator("asked_action")
    @classmethod
    def _action_pattern(cls, pattern: str) -> str:
        if pattern and "verb" not in re.compile(pattern).groupindex:
            raise ValueError(f"asked_action needs a group named verb: {pattern}")
        return pattern

    def asks_most(self, text: str) -> bool:
        """The question asks for the most one may get (一年最多能拿多少, 有没有封顶): says a ``maximum_words`` word."""
        return any(word in text for word in self.maximum_words)

    def asks_defined(self, text: str, name: str, gap: int = 2) -> bool:
        """The question asks what ``name`` covers: a ``defined_before`` word right before it, or a ``defined_after``
        word right after it, at most ``gap`` characters apart (就业困难人员到底包括哪些)."""
        for at in (i for i in range(len(text)) if text.startswith(name, i)):
            before, after = text[:at], text[at + len(name) :]
            if any(0 <= len(before) - before.rfind(w) - len(w) <= gap for w in self.defined_before if w in before) \
                    or any(0 <= after.find(w) <= gap for w in self.defined_after):
                return True
        return False


class ExpansionRule(_Strict):
    """``trigger|trigger => term, term``: colloquial words → the formal terms policies use."""

    triggers: tuple[str, ...]
    terms: tuple[str, ...]


class Knowledge(_Strict):
    """Everything in ``data/knowledge/``."""

    directory: str
    places: PlacesKnowledge
    intents: IntentsFile
    facts: FactsFile
    topics: TopicsFile
    scope: ScopeFile
    answers: AnswersFile
    synonyms: tuple[ExpansionRule, ...]
    question_words: frozenset[str]
    function_words: frozenset[str]
    policy_terms: tuple[tuple[str, int | None], ...]
    stopwords: frozenset[str]

    @classmethod
    def load(cls, directory: Path | None = None) -> Knowledge:
        return _load(str((directory or DEFAULT_KNOWLEDGE_DIR).resolve()))

    def gazetteer(self) -> Gazetteer:
        return Gazetteer.load(Path(self.directory) / "places.yaml")


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def parse_synonyms(lines: list[str]) -> tuple[ExpansionRule, ...]:
    """``trigger|trigger => term, term``; blank lines and ``#`` comments are skipped, bad lines raise ValueError."""
    from ingest.textnorm import fold

    rules = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        left, arrow, right = line.partition(RULE_ARROW)
        triggers = tuple(fold(t.strip()) for t in left.split("|") if t.strip())
        terms = tuple(t.strip() for t in right.replace("，", ",").split(",") if t.strip())
        if not arrow or not triggers or not terms:
            raise ValueError(f"synonym rule {number} must look like 'a|b => X, Y': {line!r}")
        rules.append(ExpansionRule(triggers=triggers, terms=terms))
    return tuple(rules)


MIN_CUE_CHARS = 3


def _with_application_words(intents: IntentsFile, answers: AnswersFile) -> IntentsFile:
    """One list per concept: the words that ask how to apply (answers.yaml ``how_to_apply``: its words and the
    ``asked`` words of its aspects of three characters or more, 到哪里 · 带什么) signal the procedure intent too — as
    content cues, so they still count as what the question is about."""
    spec = intents.intents.get("procedure")
    unknown = [a for a in answers.how_to_apply.aspects if a not in answers.aspects]
    if unknown:
        raise ValueError(f"how_to_apply names unknown aspects: {unknown}")
    if spec is None:
        return intents
    # two characters are too few to signal the intent on their own: 材料 in 新材料公司, 窗口 in 窗口期
    asked = [w for a in answers.how_to_apply.aspects for w in answers.aspects[a].asked if len(w) >= MIN_CUE_CHARS]
    cues = tuple(dict.fromkeys(w for w in (*answers.how_to_apply.words, *asked) if w not in spec.words))
    return intents.model_copy(update={"intents": {**intents.intents, "procedure": spec.model_copy(
        update={"content_cues": cues})}})


def _yaml(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError("the file must be a mapping")
    return data


@cache
def _load(directory: str) -> Knowledge:
    folder = Path(directory)
    current = folder
    try:
        current = folder / "places.yaml"
        places = PlacesKnowledge.model_validate(_yaml(current))
        current = folder / "intents.yaml"
        intents = IntentsFile.model_validate(_yaml(current))
        current = folder / "facts.yaml"
        facts = FactsFile.model_validate(_yaml(current))
        current = folder / "topics.yaml"
        topics = TopicsFile.model_validate(_yaml(current))
        current = folder / "scope.yaml"
        scope = ScopeFile.model_validate(_yaml(current))
        current = folder / "answers.yaml"
        answers = AnswersFile.model_validate(_yaml(current))
        intents = _with_application_words(intents, answers)
        current = folder / "synonyms.txt"
        synonyms = parse_synonyms(current.read_text(encoding="utf-8").splitlines())
        current = folder / "question_words.txt"
        question_words = frozenset(word for line in _lines(current) for word in line.split())
        current = folder / "policy_terms.txt"
        terms = []
        for line in _lines(current):
            word, _, freq = line.partition(" ")
            terms.append((word, int(freq) if freq.strip() else None))
        current = folder / "stopwords.txt"
        stopwords = frozenset(_lines(current))
        function_words = _function_words()
    except (OSError, ValueError, ValidationError, yaml.YAMLError, re.error) as exc:
        raise PolicyAssistantError(
            f"知识文件无法读取或格式有误：{current}（{str(exc).splitlines()[0][:200]}）",
            f"knowledge file {current} is unreadable or malformed",
        ) from exc
    return Knowledge(
        directory=directory, places=places, intents=intents, facts=facts, topics=topics, scope=scope, answers=answers,
        synonyms=synonyms, question_words=question_words, function_words=function_words, policy_terms=tuple(terms),
        stopwords=stopwords,
    )


def _function_words() -> frozenset[str]:
    """Chinese function words (这些, 我们, 如果, 以便 …) from the maintained stopwords-iso list: they carry no
    content, whatever the corpus's frequency of them makes their weight."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("zh"))
