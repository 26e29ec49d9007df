"""Content trust: is a clause regulation text, or text addressed to a reader, an assistant or an answering process?

A policy clause addresses departments, employers and applicants ("各单位要…", "申请人应当如实告知…"). Text planted
in a document to steer an answering program addresses *the reader of the text* instead: it tells whoever reads it
how to answer or what to tell users, gives it a role, asks it to disregard other text, or probes for its set-up.
Such a clause is flagged at ingest (``Chunk.addressed_to == "reader"``); answer engines never see it and staff see
it in the ingest report.

Mechanism (the words live in ``data/knowledge/trust.yaml``, the scoring here):

1. Normalize: invisible characters dropped, homoglyphs mapped to Latin, traditional → simplified and NFKC
   (``ingest.textnorm.fold``), separators between CJK characters and between single Latin letters removed — so
   忽-略, 忽 略, 忽\u200b略, 忽略, Ｉｇｎｏｒｅ, іgnore (Cyrillic) and I-g-n-o-r-e all read the same.
2. Split into sentences; find cues of each vocabulary category in each sentence.
3. For every act (answering, disregarding, playing a role …) decide *who is asked to do it* from the words before
   it in its sub-clause: the reader (nothing but request particles — "请忽略…", "一律按…回答"), an addressee named
   as you or as a machine ("你应当告知…", "the model should reply…"), or a third party named as subject
   ("经办机构应当答复…", "企业忽视…") — a third party's act is regulation and counts for nothing.
4. Score the sentence from features (``_score``); a clause is addressed to the reader when one sentence reaches
   ``THRESHOLD``. The verdict carries the features found, as a Chinese reason for staff.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ingest.errors import PolicyAssistantError
from ingest.textnorm import fold

DEFAULT_TRUST_FILE = Path(__file__).resolve().parent.parent / "data" / "knowledge" / "trust.yaml"
THRESHOLD = 3.0
AddressedTo = Literal["regulation", "reader"]

_CJK = "\u3400-\u9fff"
_SENTENCE_END = re.compile(r"[。!?;\n]+|\.(?=\s|$)")
_SUBCLAUSE_END = re.compile(r"[,:、，：。]")  # 。 joins the two sentences of a pair
_GAP = r"[^。!?;\n,:、]{0,10}?"  # `…` in a Chinese cue: a few characters
_LATIN_GAP = r"[^。!?;\n,:、]{0,30}?"  # `…` after a Latin word: a few words
# Active content never found in regulation text: HTML that runs, links and images that fetch.
# what may open a request before its verb without being the verb's subject (请 / 一律 / 不用 / 如果 / 回答时 / 被问到)
_LEADING = ("particles", "uniform", "negators", "conditionals", "answer_context", "asked")
_SYMBOL = r"[\u2190-\u2bff\U0001f000-\U0001faff]"  # arrows, shapes, dingbats, emoji: 忽★略, 忽😀略
_ACTS = ("answer", "disregard", "negators", "role_verbs", "void_request", "secrecy")
# an answer act followed by the words to say: a quote or a figure a few words on, or anything after a colon
_DICTATED = re.compile(r"[^。!?;\n]{0,12}?(?:[\"“”「『]|\d)|[^。!?;\n:]{0,8}:[^。!?;\n]*?(?:[\"“”「『]|\d)")
_DICTATED_LATIN = re.compile(r"[^。!?;\n]{0,40}?(?:[\"“”「『]|\d)|[^。!?;\n:]{0,20}:[^。!?;\n]*?(?:[\"“”「『]|\d)")
_MARKUP = re.compile(
    r"<\s*/?\s*(?:script|img|iframe|svg|object|embed|style|link|meta|a\s)|\bon(?:error|load|click)\s*=|javascript:"
    r"|!?\[[^\]\n]{0,200}\]\(\s*(?:https?:|data:|javascript:|www\.)",
    re.IGNORECASE,
)
# Chinese text written in another script's letters never reaches us; letters from other scripts inside Latin words do.


class TrustVocabulary(BaseModel):
    """``data/knowledge/trust.yaml`` (see the format comment at its top)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    homoglyphs: dict[Literal["from", "to"], str]
    separators: str
    you: tuple[str, ...]
    you_official: tuple[str, ...]
    machine: tuple[str, ...]
    vocative: tuple[str, ...]
    particles: tuple[str, ...]
    coverbs: tuple[str, ...]
    answer: tuple[str, ...]
    received: tuple[str, ...]
    audience: tuple[str, ...]
    asked: tuple[str, ...]
    answer_context: tuple[str, ...]
    uniform: tuple[str, ...]
    disregard: tuple[str, ...]
    negators: tuple[str, ...]
    heed: tuple[str, ...]
    prohibitions: tuple[str, ...]
    text_deictics: tuple[str, ...]
    other_text: tuple[str, ...]
    prompt_nouns: tuple[str, ...]
    void: tuple[str, ...]
    void_request: tuple[str, ...]
    self_fragment: tuple[str, ...]
    precedence: tuple[str, ...]
    role_verbs: tuple[str, ...]
    pretend: tuple[str, ...]
    role_statements: tuple[str, ...]
    passive: tuple[str, ...]
    conditionals: tuple[str, ...]
    probe: tuple[str, ...]
    secrecy: tuple[str, ...]
    citation: tuple[str, ...]
    chat_markup: tuple[str, ...]


def _cue_pattern(cue: str) -> str:
    """One cue → regex: Latin words whole (``*`` = any ending), ``…`` = a short gap, Chinese as a substring."""
    pattern, previous = "", ""
    for piece in cue.split("…"):
        if previous:
            pattern += _LATIN_GAP if previous[-1].isascii() else _GAP
        body = re.escape(piece.rstrip("*")).replace(r"\ ", r"\s*")
        if piece[:1].isascii() and piece[:1].isalpha():
            body = r"(?<![a-z])" + body
        if piece.endswith("*"):
            body += "[a-z]*"
        elif piece[-1:].isascii() and piece[-1:].isalpha():
            body += r"(?![a-z])"
        pattern, previous = pattern + body, piece
    return pattern


def _lone_char(piece: str) -> bool:
    return len(piece) == 1 and bool(re.fullmatch(f"[{_CJK}]", piece))


@dataclass(frozen=True)
class Hit:
    category: str
    start: int
    end: int
    text: str


@dataclass
class Evidence:
    """Cue hits of one sentence, by category."""

    sentence: str
    hits: dict[str, list[Hit]] = field(default_factory=dict)

    def of(self, category: str) -> list[Hit]:
        return self.hits.get(category, [])

    def has(self, category: str) -> bool:
        return bool(self.hits.get(category))


@dataclass(frozen=True)
class TrustVerdict:
    addressed_to: AddressedTo
    score: float
    reason: str | None = None
    sentence: str = ""


# Chinese labels of the features, for the reason shown to staff (worded so they never read as instructions).
FEATURE_LABELS: dict[str, str] = {
    "disregard_other": "要求不理会其他文字",
    "void_instructions": "宣称指令或设定失效",
    "self_priority": "要求以这段文字为准",
    "role": "给读者指定角色",
    "probe": "打听程序的隐藏设定",
    "secrecy": "要求对提问者隐瞒",
    "markup": "含有代码、链接或对话标记",
    "no_citation": "要求不注明出处",
    "addressed_act": "以“你”或AI程序为对象的要求",
    "machine_vocative": "称呼AI或问答程序",
    "answer_act": "指示如何回答",
    "answer_context": "涉及回答过程",
    "audience": "涉及提问的用户",
    "asked": "涉及被提问的情形",
    "uniform": "要求一律如此回答",
    "dictated": "规定回答的原话或数字",
    "machine": "提到AI或问答程序",
    "self_fragment": "提到“本段”等片段",
    "role_verb": "要求扮演某种角色",
    "prompt_noun": "提到程序的指令或规则",
    "claims_precedence": "宣称优先于其他文字",
}


class TrustClassifier:
    """Classifies text as ``regulation`` or ``reader`` (addressed to a reader/assistant/answering process)."""

    def __init__(self, vocabulary: TrustVocabulary) -> None:
        self.vocabulary = vocabulary
        glyphs = vocabulary.homoglyphs
        if len(glyphs.get("from", "")) != len(glyphs.get("to", "")):
            raise ValueError("homoglyphs: 'from' and 'to' must have the same length")
        self._glyphs = str.maketrans(glyphs.get("from", ""), glyphs.get("to", ""))
        seps = re.escape(vocabulary.separators)
        self._cjk_gap = re.compile(rf"(?<=[{_CJK}])(?:[{seps}\s]|{_SYMBOL}){{1,3}}(?=[{_CJK}])")
        self._spelled = re.compile(rf"(?<![a-z])(?:[a-z][{seps}\s]){{2,}}[a-z](?![a-z])")
        self._seps = re.compile(rf"[{seps}\s]")
        self._patterns: dict[str, re.Pattern[str]] = {}
        for name in TrustVocabulary.model_fields:
            if name in ("homoglyphs", "separators"):
                continue
            cues = sorted(set(getattr(vocabulary, name)), key=len, reverse=True)
            if cues:
                self._patterns[name] = re.compile("|".join(_cue_pattern(c) for c in cues))
        self._cues = {name: [(cue, re.compile(_cue_pattern(cue))) for cue in sorted(set(getattr(vocabulary, name)),
                                                                               key=len, reverse=True)]
                      for name in self._patterns}
        self._tokenizer = None

    @classmethod
    def load(cls, path: Path | None = None) -> TrustClassifier:
        return _load(str((path or DEFAULT_TRUST_FILE).resolve()))

    # ------------------------------------------------------------------ normalization

    def normalize(self, text: str) -> str:
        visible = "".join(
            " " if ch in "\t\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029" else ch
            for ch in text
            if ch == "\n" or unicodedata.category(ch) not in ("Cf", "Cc", "Mn", "Co", "Cs")
        )
        folded = fold(visible.translate(self._glyphs)).translate(self._glyphs)
        joined = self._cjk_gap.sub("", folded)
        return self._spelled.sub(lambda m: self._seps.sub("", m.group()), joined)

    def sentences(self, text: str) -> list[str]:
        return [s.strip() for s in _SENTENCE_END.split(self.normalize(text)) if s and s.strip()]

    # ------------------------------------------------------------------ evidence

    def _bounds(self, category: str, text: str) -> tuple[bool, bool]:
        """Whether a hit must start / end on a word boundary: when the cue begins / ends with a lone character."""
        for cue, pattern in self._cues[category]:
            if pattern.fullmatch(text):
                pieces = cue.split("…")
                return _lone_char(pieces[0]), _lone_char(pieces[-1])
        return False, False

    def _tokens(self, sentence: str) -> tuple[set[int], set[int]]:
        if self._tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            self._tokenizer = jieba.Tokenizer()
        starts, ends, position = set(), set(), 0
        for token in self._tokenizer.lcut(sentence):
            starts.add(position)
            position += len(token)
            ends.add(position)
        return starts, ends

    def evidence(self, sentence: str) -> Evidence:
        found = Evidence(sentence)
        tokens: tuple[set[int], set[int]] | None = None
        official = [m.span() for m in self._patterns["you_official"].finditer(sentence)]
        for name, pattern in self._patterns.items():
            for match in pattern.finditer(sentence):
                start, end = match.span()
                if end == start:
                    continue
                bounds = self._bounds(name, match.group())
                if any(bounds):
                    tokens = tokens if tokens is not None else self._tokens(sentence)
                    if (bounds[0] and start not in tokens[0]) or (bounds[1] and end not in tokens[1]):
                        continue  # 别 in 分别, 管 in 主管, 以 in 可以: a character of another word
                if name == "you" and any(s <= start < e for s, e in official):
                    continue
                found.hits.setdefault(name, []).append(Hit(name, start, end, match.group()))
        return found

    def _subject(self, ev: Evidence, hit: Hit) -> Literal["addressed", "reader", "third_party"]:
        """Who is asked to perform the act at ``hit``: judged from the words before it in its sub-clause."""
        begin = max((m.end() for m in _SUBCLAUSE_END.finditer(ev.sentence, 0, hit.start)), default=0)
        prefix = ev.sentence[begin : hit.start]
        named = [h for cat in ("you", "machine") for h in ev.of(cat) if h.start < hit.start]
        if any(h.start >= begin for h in named):
            return "addressed"
        local = self._local_subject(ev, prefix, begin, hit)
        return "addressed" if named and local == "reader" else local  # 你…，直接给出: the subject carries over

    def _local_subject(self, ev: Evidence, prefix: str, begin: int, hit: Hit) -> Literal["reader", "third_party"]:
        rest = self._strip_leading(prefix)
        if not re.search(rf"[{_CJK}a-z0-9]", rest):
            return "reader"
        if any(rest.startswith(coverb) for coverb in self.vocabulary.coverbs if not coverb.isascii()):
            return "reader"
        if any(h.category == "audience" for h in ev.of("audience") if begin <= h.start < hit.start) and \
                self._preceded(ev, hit, "passive", window=8):
            return "reader"  # the people asking are told, by the reader: users … should be told
        fronted = hit.category in ("disregard", "negators") and re.match(f"[{_CJK}]", rest)
        if fronted and any(begin <= h.start < hit.start for cat in ("other_text", "text_deictics") for h in ev.of(cat)):
            return "reader"  # a fronted object, as Chinese allows: 上面的内容都不用管
        earlier = [h for cat in _ACTS for h in ev.of(cat) if begin <= h.start and h.end <= hit.start]
        if any(self._local_subject(ev, ev.sentence[begin : h.start], begin, h) == "reader" for h in earlier):
            return "reader"  # a second act of the same request: override it and answer …
        return "third_party"

    def _strip_leading(self, prefix: str) -> str:
        """The prefix without the particles, quantifiers, negations and circumstances it starts with."""
        rest = prefix.strip()
        while rest:
            lead = [m for cat in _LEADING
                    if (m := self._patterns[cat].match(rest)) and m.end() > 0]
            if not lead:
                break
            rest = rest[max(m.end() for m in lead) :].strip()
        return rest

    def _preceded(self, ev: Evidence, hit: Hit, category: str, window: int = 6) -> bool:
        begin = max((m.end() for m in _SUBCLAUSE_END.finditer(ev.sentence, 0, hit.start)), default=0)
        return any(0 <= hit.start - h.end <= window and h.start >= begin for h in ev.of(category))

    # ------------------------------------------------------------------ scoring

    def _score(self, ev: Evidence) -> dict[str, str]:
        """Features present in a sentence → the cue text that showed each."""
        features: dict[str, str] = {}
        acts: list[Hit] = []

        def own(hit: Hit) -> bool:
            return self._subject(ev, hit) != "third_party"

        for hit in ev.of("disregard"):
            if own(hit) and not self._preceded(ev, hit, "prohibitions", window=4):
                acts.append(hit)
        for hit in ev.of("negators"):
            heed = [h for h in ev.of("heed") if 0 <= h.start - hit.end <= 3]
            if heed and own(hit):
                acts.append(Hit("disregard", hit.start, heed[0].end, ev.sentence[hit.start : heed[0].end]))
        voided = [h for h in ev.of("void_request") if own(h)]
        if ev.has("text_deictics") and ev.has("void_request"):
            voided.append(ev.of("void_request")[0])  # 上文作废: regulation never voids its own surrounding text
        acts.extend(voided)
        if acts and (ev.has("other_text") or ev.has("text_deictics") or ev.has("prompt_nouns")):
            features["disregard_other"] = acts[0].text
        if ev.has("void") and ev.has("prompt_nouns"):
            features["void_instructions"] = f"{ev.of('prompt_nouns')[0].text}…{ev.of('void')[0].text}"
        if ev.has("self_fragment"):
            if ev.has("precedence"):
                features["self_priority"] = f"{ev.of('self_fragment')[0].text}…{ev.of('precedence')[0].text}"
            else:
                features["self_fragment"] = ev.of("self_fragment")[0].text
        roles = [h for h in ev.of("pretend") if own(h)]
        roles += [h for h in ev.of("role_statements") if not self._preceded(ev, h, "conditionals", window=2)]
        roles += [h for h in ev.of("role_verbs") if self._subject(ev, h) == "addressed"]
        if roles:
            features["role"] = roles[0].text
            acts.extend(roles)
        else:  # 扮演好…角色 is also said of people in regulation: a role for the reader only with other evidence
            plays = [h for h in ev.of("role_verbs") if own(h)]
            if plays:
                features["role_verb"] = plays[0].text
                acts.extend(plays)
        if (ev.has("void") or ev.has("precedence")) and (ev.has("other_text") or ev.has("text_deictics")):
            features["claims_precedence"] = (ev.of("void") or ev.of("precedence"))[0].text
        if ev.has("prompt_nouns"):
            features["prompt_noun"] = ev.of("prompt_nouns")[0].text
        if ev.has("probe"):
            features["probe"] = ev.of("probe")[0].text
        if ev.has("secrecy") and (ev.has("self_fragment") or ev.has("prompt_nouns") or ev.has("audience")):
            features["secrecy"] = ev.of("secrecy")[0].text
            acts.append(ev.of("secrecy")[0])
        cites = [h for h in ev.of("citation")
                 if ev.sentence[h.start - 1 : h.start] == "不" or any(0 <= h.start - n.end <= 12 for n in ev.of("negators"))]
        if cites:
            features["no_citation"] = cites[0].text
            acts.extend(cites)
        spoken = [h for h in ev.of("answer") if not self._preceded(ev, h, "received", window=12)]
        dictated = [a for a in spoken if (_DICTATED_LATIN if a.text.isascii() else _DICTATED).match(ev.sentence, a.end)]
        if dictated:
            features["dictated"] = dictated[0].text
        answers = [h for h in spoken if own(h)]
        if answers:
            features["answer_act"] = answers[0].text
            acts.extend(answers)
        if ev.has("answer_context"):
            features["answer_context"] = ev.of("answer_context")[0].text
        for category in ("audience", "asked"):
            if ev.has(category):
                features[category] = ev.of(category)[0].text
        if answers and ev.has("uniform"):
            features["uniform"] = ev.of("uniform")[0].text
        addressed = [a for a in acts if self._subject(ev, a) == "addressed"]
        if addressed:
            features["addressed_act"] = addressed[0].text
        vocatives = [m for m in ev.of("machine") if self._vocative(ev, m)]
        if vocatives:
            features["machine_vocative"] = vocatives[0].text
        elif ev.has("machine"):
            features["machine"] = ev.of("machine")[0].text
        return features

    def _vocative(self, ev: Evidence, machine: Hit) -> bool:
        """作为AI / dear AI / 致…助手 / AI助手请注意: / assistant, please …"""
        if self._preceded(ev, machine, "vocative", window=8):
            return True
        after = ev.sentence[machine.end : machine.end + 4]
        if re.match(r"\s*(?:[,:]|请注意|注意|们?请|,? please)", after):
            return True
        heading = _SUBCLAUSE_END.search(ev.sentence, machine.end)  # "AI systems processing this page: …"
        return heading is not None and heading.group() in ":："

    @staticmethod
    def weigh(features: dict[str, str]) -> float:
        weights = {
            "disregard_other": 3, "void_instructions": 3, "self_priority": 3, "role": 3, "probe": 3, "secrecy": 3,
            "markup": 3, "no_citation": 2, "role_verb": 2, "prompt_noun": 1, "claims_precedence": 1, "addressed_act": 2, "machine_vocative": 2, "answer_act": 1, "dictated": 1,
            "answer_context": 2, "uniform": 1, "machine": 0.5, "self_fragment": 1,
        }
        answering = "answer_act" in features or "answer_context" in features
        total = sum(weights.get(name, 0) for name in features)
        for name in ("audience", "asked"):  # who is asked only matters when there is an answer to give
            if name in features:
                total += 1.5 if answering else 0.5
        return float(total)

    # ------------------------------------------------------------------ verdicts

    def markup(self, text: str) -> str | None:
        """Chat-template markers or active HTML/markdown anywhere in the text (checked before sentence splitting)."""
        light = unicodedata.normalize("NFKC", text.translate(self._glyphs)).lower()
        light = "".join(ch for ch in light if unicodedata.category(ch) not in ("Cf", "Cc") or ch == "\n")
        chat = self._patterns["chat_markup"].search(light)
        if chat:
            return chat.group()
        active = _MARKUP.search(light)
        return active.group() if active else None

    def classify(self, text: str) -> TrustVerdict:
        """The verdict for one clause: the best-scoring sentence, or pair of adjacent sentences, decides."""
        sentences = self.sentences(text)
        units = sentences + [f"{one}。{two}" for one, two in zip(sentences, sentences[1:], strict=False)]
        candidates = [(unit, self._score(self.evidence(unit))) for unit in units]
        marker = self.markup(text)
        if marker:
            candidates.append((marker, {"markup": marker}))
        best_sentence, best_features, best_score = "", {}, 0.0
        for sentence, features in candidates:
            score = self.weigh(features)
            if score > best_score:
                best_sentence, best_features, best_score = sentence, features, score
        if best_score < THRESHOLD:
            return TrustVerdict("regulation", best_score, sentence=best_sentence)
        reason = "；".join(f"{FEATURE_LABELS[name]}（{cue}）" for name, cue in best_features.items())
        return TrustVerdict("reader", best_score, reason, best_sentence)


@cache
def _load(path: str) -> TrustClassifier:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        return TrustClassifier(TrustVocabulary.model_validate(data))
    except (OSError, ValueError, ValidationError, yaml.YAMLError, re.error) as exc:
        raise PolicyAssistantError(
            f"内容可信度词表无法读取或格式有误：{path}（{str(exc).splitlines()[0][:200]}）",
            f"trust vocabulary {path} is unreadable or malformed",
        ) from exc
