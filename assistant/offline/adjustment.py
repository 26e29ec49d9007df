"""Rates set against a standard stated elsewhere: 按省定标准的N%给予补贴 · 按本办法第X条规定标准提高N% ·
按附件1所列标准的N%给予补贴 · 补贴标准提高N% · 企业可申请预支不超过N%的补贴资金 · 在省定标准基础上每人增加N元.

Policies rarely restate a figure they adjust. An adjustment names its base in one of four ways, read here from the
words before its percentage or added sum (按…, 在…基础上): an article of the same document (第七条), an attachment of
it (附件1, or a named row of it: 附件1所列初级（五级）标准), the standard of a higher level (省定, 国家规定的 — words
in ``answers.yaml: standard_levels``, resolved through the document's own province and the places the question
applies), or nothing (补贴标准提高N%: the document's own standard). The base is worked out with the question's facts
by ``ClauseArithmetic`` (every figure a verbatim phrase, verified), then the adjustment is applied: ``的P%`` takes
that share, ``提高P%`` adds it, ``增加N元`` adds the sum. A share of a higher level's standard its sentence says is paid
besides that standard (在国家奖励标准基础上按1:R的比例给予配套奖励; a table row 按国家规定补贴标准的P% ·
在国家补贴基础上另行增加) is added to it, and the share and the sum are both shown. The clause stating the adjustment
and the one stating the base are both cited.

An adjustment applies only when the clause that found the asker eligible states it, when the question names its
condition (``condition_chars`` characters in a row shared with it or with a group its facts name, 大学生 read as
高校毕业生 — never only part of a longer word of it; a named catalogue 列入《…目录》 by its noun and a word of its
name; the category of the base row it lists), or when the question says most of the words that set its condition
apart from its base clause (预支 asked of 企业可申请预支不超过N%, IDF-weighted). Where a document grants only the
higher of two (就高), the one giving more is applied.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import cn2an

from assistant.offline import memberships
from assistant.offline.arithmetic import HEADS, TOTAL, ClauseArithmetic, Worked, shared_run
from assistant.offline.conjuncts import PARTICLE
from assistant.offline.denials import denial, denied_words, without_denied
from assistant.offline.enumeration import parent_path
from assistant.offline.evidence import (
    SAME_KIND_CHARS,
    EvidenceFinder,
    amount_query,
    stated_categories,
    states_amount,
)
from assistant.offline.instalments import PaidAsks
from assistant.offline.memberships import LIST_NOUNS
from assistant.offline.stacking import (
    CEILING,
    SHARE_BEFORE,
    TIMES,
    StackRule,
    bound_phrase,
    sentence_part_start,
    stacked_cap,
    stacking_rule,
    times,
)
from assistant.offline.support import squeeze
from assistant.offline.verdicts import GROUP_BREAK, Stated, applies_to, every_check, ranked_checks, stated_checks
from assistant.rules.draft_text import BASIS, LEAD_WORDS, TRAIL_WORDS, UPLIFT_WORDS, added
from assistant.rules.drafting import GRID_JOIN, SENTENCE, TABLE_ROW, draft_from_chunks, labels_row
from assistant.rules.results import money, plain_number, yuan
from ingest.models import Chunk, DocumentMeta
from ingest.normalize import label_number
from ingest.quantities import Quantity, find_quantities, percent_text
from ingest.textnorm import CLAUSE_MARK
from retriever.expansion import QueryExpander
from retriever.understanding import NATIONAL_REGION, Understanding

if TYPE_CHECKING:
    from assistant.offline.engine import OfflineEngine
    from ingest.knowledge import AnswersFile

ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条")
LEVEL_DOCUMENT_CHARS = 8  # a level's document named right before an article of it (省办法, 自治区实施办法)
ARTICLE_NUMBER = re.compile(r"第(?P<n>[一二三四五六七八九十百零〇]+)条")  # an article named in Chinese numerals
# 附件 alone: a document's one attachment (附件1); 附件1第1行: one row of its table
ATTACHMENT = re.compile(r"附件\s*([一二三四五六七八九十\d]*)(?:\s*第\s*([一二三四五六七八九十\d]+)\s*行)?")
SHARE_SAID = re.compile(r"(?<=[%％])|(?<=比例)")  # where a share's reference ends: 按国家规定补贴标准的P% | 给予…
SHARE_AFTER = re.compile(r"^\s*的?\s*(?:补贴资金|补贴|资金)")  # 预支不超过N%的补贴资金
# a sum added per head counted outside the most in all (增加部分不计入州定每年最高限额)
OUTSIDE_CAP = re.compile(r"(?:增加|提高|增发|加发|新增)(?:的)?部分(?:不计入|不纳入|不占用|不占|不受)")
STANDARD_WORD = "标准"  # what a per-head, per-period rate is called (not 补贴总额, 补贴资金)
STANDARD_LEAD = re.compile(r"^(?:所列|所定|规定的?|确定的?|表中的?|的)+")  # 附件1所列…标准, 第八条规定的…标准
# an instalment: 备案审核通过后预拨N%, 取得证书后拨付剩余N% (a share of the whole amount, paid on an event)
PAID_BEFORE = re.compile(r"(?:预拨|拨付|拨|发放|支付|兑现|兑付)(?:剩余|其余)?(?:资金|补贴|部分)?(?:的)?\s*$")
APPLY_WORD = re.compile(r"(?:按照|按)")
NAMED_LIST = re.compile(rf"《(?P<name>[^》]{{2,40}}?)(?P<noun>{'|'.join(LIST_NOUNS)})》")  # 列入《…紧缺职业目录》的
ROW_EXTRAS = re.compile(r"（[^（）]*）\s*$")  # a table row's other columns: 中级工：补贴标准N元/人（备注：…）
# a name a document defines for a list it has just given: …、城镇登记失业人员（以下简称“五类人员”）
DEFINED_NAME = re.compile(r"[（(]以下(?:简称|统称|称)[“\"「]?(?P<name>[^”\"」）)]{2,12})[”\"」]?[）)]")
# a condition for everyone a sibling condition of its clause leaves out: 其他农村劳动力, 其余人员, 除…以外的
COMPLEMENT = re.compile(r"^\s*(?:其他|其它|其余|除[^，,。；;]{1,20}(?:以外|之外|外))")
# a name a document says what it means (本通知所称国家级一类职业技能大赛，是指甲和乙；国家级二类职业技能大赛，是指丙):
# what follows 是指 up to the part's end
DEFINED_MEANS = re.compile(r"(?:所称|(?<=[；;]))\s*(?P<name>[\u4e00-\u9fff（）()]{2,24}?)[，,]?\s*(?:是指|系指)"
                           r"(?P<what>[^。；;]{2,120})")
DEFINED_ITEM_CHARS = 4  # the shortest thing a defined name stands for that a question may say it by
# a name a list is given in a sentence of its own: 甲、乙和丙为重点对象 (a defined name only when the document uses it
# elsewhere)
DEFINED_AS = re.compile(r"(?:统称为|称为|列为|为)(?P<name>[\u4e00-\u9fff]{2,8}?)(?=[，,。；;]|$)")
# 按上表对应标准的N%, 按表列标准的N%: the table just before the clause
NEAREST_TABLE = re.compile(r"(?:上|前|上述|前述)表|表列|表中所列")
# an item of the clause's own article or section: 按本条第（二）项计算后补贴金额的N%
THIS_ITEM = re.compile(r"本(?:条|款|项)第?(?P<n>[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+)项")
# what an item is called, before what it is given (铜牌 of 3.铜牌（三等奖）每人N万元; 优胜奖 of 优胜奖每人N元)
ITEM_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}?(?=[（(：:，,；;]|每|按|给予)")
LIST_LEAD = re.compile(r"^[^，,；;]*?(?:为|是|属于)(?=[^，,；;为是]{2,}$)")  # 申领人为 of 申领人为脱贫人口
# a rule for askers meeting several items at once: 同时符合本条第（一）项、第（二）项的，先按第（二）项上浮后再增加N元
BOTH = re.compile(r"同时(?:符合|满足|具备|属于)")
ITEM_REFS = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]项")
# an item of a list before the clause named by its number (招用上述第（3）类人员的, 前款第（二）项人员): its text
LISTED_ITEM = re.compile(r"(?:上述|前述|前款|本款|本条|以上)第?[（(](?P<n>[一二三四五六七八九十\d]+)[）)](?:类|项)")
ITEM_NUMBER = re.compile(r"[（(](?P<n>[一二三四五六七八九十\d]+)[）)]$")
FIRST_BY = re.compile(r"先按(?:本条)?第?[（(](?P<n>[一二三四五六七八九十]+)[）)]项")
# a share of a standard first, then a sum added to it, in one sentence (先按省定对应标准的120%计算，再增加200元)
SHARE_THEN_ADDED = re.compile(
    r"先按(?P<head>[^，,；;。]{1,20}?)的(?P<percent>\d+(?:\.\d+)?)%计算[，,]?\s*再(?:增加|增发|加发|多补)\s*$")
# a higher level's share first, then a raise of the document's own item (先按省办法第三条规定的比例计算，再按本条
# 第（一）项上浮20%)
SHARE_FIRST = re.compile(
    r"先按(?P<first>[^，,；;。]{1,30}?)计算[，,]?\s*再按(?P<then>[^，,；;。]{1,20}?)(?:上浮|提高|增加|上调)")
# a condition naming rows by a range (中级工及以上) or by exception (不在…范围内)
RANGE_OR_EXCEPT = re.compile(r"以上|以下|以内|之外|不在|不含|不包括|除")
PARENTHESIZED = re.compile(r"[（(][^（）()]*[）)]")
LIST_SEPARATOR = re.compile(r"[、，,；;]|或者|或|以及|及|和")
# a condition's last part naming only what its subject gets (…的见习单位，其当期见习补贴): said by any question on the
# benefit, it names no condition
# what a raise says it leaves as it is: 一次性留用奖励不适用提高比例, …不提高, …不享受上浮
NOT_RAISED = re.compile(r"(?P<what>[^，,；;。：:]{2,20}?)(?:不适用|不予|不再|不)[^，,；;。]{0,4}?"
                        r"(?:提高|上浮|增加|上调)")
SUBJECT_GETS = re.compile(r"[，,]\s*其[^，,；;。]*$")
NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十百零〇\d]+条\s*|[（(][一二三四五六七八九十\d]+[）)]\s*|"
                       r"\d+[.．、]\s*|[一二三四五六七八九十]+、\s*)")


@dataclass(frozen=True)
class Levels:
    """How a clause names a higher level's standard (``answers.yaml``): a word of ``standard_levels`` anywhere in the
    reference (省定, 国家规定的), or a root of ``level_roots`` opening it before a noun of ``standard_nouns``
    (按国家规定补贴标准的, 在自治区补贴基础上; 在省、市补贴基础上 names the most local, the last)."""

    words: Mapping[str, Sequence[str]]
    roots: Mapping[str, Sequence[str]] = field(default_factory=dict)
    nouns: Sequence[str] = ()
    documents: Sequence[str] = ()  # 办法 of 按自治区办法第五条: a level's document before an article of it

    @classmethod
    def of(cls, answers: AnswersFile) -> Levels:
        return cls(answers.standard_levels, answers.level_roots, answers.standard_nouns, answers.document_nouns)

    def _opening(self, nouns: Sequence[str]) -> re.Pattern[str] | None:
        if not self.roots or not nouns:
            return None
        root = "|".join(sorted((re.escape(r) for rs in self.roots.values() for r in rs), key=len, reverse=True))
        said = "|".join(re.escape(n) for n in nouns)
        return re.compile(rf"^(?:按照|按|在)\s*((?:{root})(?:\s*[、和及与]\s*(?:{root}))*)"
                          rf"(?:级|定|里|规定的?)?[\u4e00-\u9fff]{{0,6}}?(?:{said})")

    @cached_property
    def opening(self) -> re.Pattern[str] | None:
        """A reference opened by level roots before a standard's noun, built once (None without roots or nouns)."""
        return self._opening(self.nouns)

    @cached_property
    def document_opening(self) -> re.Pattern[str] | None:
        """A reference opened by level roots before a document's noun (按自治区办法), built once."""
        return self._opening(self.documents)

    def named(self, head: str, *, document: bool = False) -> str | None:
        """The level a reference to a standard names (None: its own document's); ``document``: the words before an
        article, naming that level's document (按自治区办法 of 按自治区办法第五条)."""
        level = next((name for name, words in self.words.items() if any(w in head for w in words)), None)
        opening = self.document_opening if document else self.opening
        if level is not None or opening is None:
            return level
        opened = opening.match(head.strip())
        if opened is None:
            return None
        named = [name for name, rs in self.roots.items() for r in rs if r in re.split(r"\s*[、和及与]\s*", opened[1])]
        return named[-1] if named else None


@dataclass(frozen=True)
class Adjustment:
    """One percentage of a clause applied to a standard stated elsewhere."""

    chunk: Chunk
    sentence: str
    phrase: str  # verbatim: 按省定标准的N%
    percent: Decimal
    raises: bool  # 提高P% (adds P%) rather than 的P% (takes P%)
    reference: str  # "article" | "attachment" | "table" (上表) | "level" | "own"
    target: str  # 第七条 / 附件1 / a level (province, city …) / ""
    condition: str  # the clause part the adjustment depends on
    place: tuple[int, int] = (0, 1)  # (index, count) among the clause's shares of the whole (instalments)
    added: Decimal | None = None  # a sum added to the standard (每人增加N元) instead of a percentage
    cap: Quantity | None = None  # the most the adjusted standard may reach (但每人每年合计不超过N元)
    on_top: bool = False  # a share paid besides the standard (在国家标准基础上按1:R的比例配套): standard + share
    share_first: Decimal | None = None  # the share taken before the sum is added (先按…的120%计算，再增加N元)
    listed: str = ""  # the list items its condition names by number, spelt out (上述第（3）类人员 → that item's text)

    @property
    def article(self) -> str:
        """The article of a higher level's document the reference names (第五条 of 按省定办法第五条所列标准), if any."""
        head = self.phrase[: self.phrase.find(STANDARD_WORD)] if STANDARD_WORD in self.phrase else self.phrase
        found = ARTICLE.search(head) if self.reference == "level" else None
        return found.group(0) if found else ""

    @property
    def paid(self) -> bool:
        """A share of the whole amount, paid on an event (备案后预拨N%, 按补贴总额的N%预支), not of a standard nor of
        what another clause works out (按本条第（二）项计算后补贴金额的N%)."""
        return not self.raises and STANDARD_WORD not in self.phrase and self.reference == "own"

    def factor(self) -> Decimal:
        share = self.percent / 100
        return 1 + share if self.raises or self.on_top else share

    def adjust(self, value: Decimal) -> Decimal:
        adjusted = money(self._shared(value) + self.added) if self.added is not None else money(value * self.factor())
        return min(adjusted, self.cap.value) if self.cap is not None else adjusted

    def _shared(self, value: Decimal) -> Decimal:
        return money(value * self.share_first / 100) if self.share_first is not None else value

    def step(self, base: Decimal, amount: Decimal) -> str:
        if self.added is not None:
            raised = money(self._shared(base) + self.added)
            share = f" × {percent_text(self.share_first)}" if self.share_first is not None else ""
            step = f"{self.phrase}：{yuan(base)}{share} + {yuan(self.added)} = {yuan(raised)}"
            return step if raised == amount or self.cap is None else f"{step}，{self.cap_phrase}，按{yuan(amount)}计"
        if self.on_top:
            share = money(base * self.percent / 100)
            return (f"{self.phrase}：{yuan(base)} × {percent_text(self.percent)} = {yuan(share)}；"
                    f"{TOTAL}{yuan(base)} + {yuan(share)} = {yuan(amount)}")
        if self.raises:
            return f"{self.phrase}：{yuan(base)} × (1 + {percent_text(self.percent)}) = {yuan(amount)}"
        if self.phrase.endswith("倍"):
            return f"{self.phrase}：{yuan(base)} × {plain_number(self.percent / 100)} = {yuan(amount)}"
        return f"{self.phrase}：{yuan(base)} × {percent_text(self.percent)} = {yuan(amount)}"

    @property
    def cap_phrase(self) -> str:
        """合计不超过N元: the cap as the sentence words it, from its part's start."""
        return "" if self.cap is None else bound_phrase(self.sentence, self.cap.start, self.cap.end)

    @property
    def per_rate(self) -> bool:
        """It adjusts a standard per head and period (标准上浮N%, 标准的N%, 每人增加N元), not a total."""
        return STANDARD_WORD in self.phrase or self.added is not None

    def apply(self, worked: Worked) -> Worked:
        """The base result with this adjustment applied (see ``in_turn``)."""
        return in_turn(worked, (self,))


def in_turn(worked: Worked, chain: Sequence[Adjustment], stack: StackRule | None = None) -> Worked:
    """The base result with the adjustments of ``chain`` applied in turn (the first one's clause cited first), and
    capped where the document stacking them caps the result. A standard raised or shared (标准上浮N%, 标准的N%, 每人
    增加N元) is adjusted before it is multiplied by heads and periods, as the clause words it: A元 × (1 + N%) = B元,
    then B元 × 人数 × 年数; a total (补贴总额的N%) after."""
    base = worked.result.amount
    assert base is not None
    trace = list(worked.result.trace)
    per_rate = all(adjustment.per_rate for adjustment in chain)

    def through(standard: Decimal) -> tuple[Decimal, list[str]]:
        value, steps = _applied(chain, standard)
        bound = stack.limit(standard) if stack is not None else None
        if bound is not None and value > bound[0]:
            value = bound[0]
            steps.append(f"{bound[1]}，按{yuan(value)}计")
        return value, steps

    if worked.groups and per_rate:  # heads at different rates: each rate adjusted, then times its heads
        turned = [(who, *through(rate), heads) for who, rate, heads in worked.groups]
        groups = tuple((who, rate, heads) for who, rate, _, heads in turned)
        amount = money(sum((rate * heads for _, rate, heads in groups), Decimal(0)))
        if trace and trace[-1].startswith(TOTAL):  # the unadjusted total is no figure of the answer
            trace.pop()
        trace += [step for _, _, steps, _ in turned for step in steps]
        products = " + ".join(f"{yuan(rate)} × {heads}人" for _, rate, heads in groups)
        trace.append(f"{TOTAL}{products} = {yuan(amount)}")
        result = worked.result.model_copy(update={"amount": amount, "trace": trace})
        return Worked(result, worked.arguments, worked.assumptions, worked.rests_on, groups)
    rates = list(worked.result.components.values())
    if worked.capped is not None and stack is None and len(rates) == 1 and rates[0] \
            and all(a.added is not None and a.share_first is None and not a.on_top for a in chain):
        return _added_to_capped(worked, chain, rates[0])
    product = f"{yuan(rates[0])} × " if len(rates) == 1 else ""
    if product and per_rate and rates[0] and trace and trace[-1].startswith(product) and " = " in trace[-1]:
        rate, steps = through(rates[0])
        amount = money(rate * base / rates[0])
        factors = trace.pop()[len(product) :].rsplit(" = ", 1)[0]
        trace += [*steps, f"{yuan(rate)} × {factors} = {yuan(amount)}"]
        # the adjusted rate is the standard a further adjustment raises (在州级标准基础上每人每月再增加N元)
        components = {name: rate for name in worked.result.components}
    else:
        amount, steps = through(base)
        trace += steps
        components = worked.result.components
    result = worked.result.model_copy(update={"amount": amount, "trace": trace, "components": components})
    return Worked(result, worked.arguments, worked.assumptions, worked.rests_on)


def _applied(chain: Sequence[Adjustment], standard: Decimal) -> tuple[Decimal, list[str]]:
    """``standard`` with the adjustments of ``chain`` applied in turn, and the step each one writes."""
    value, steps = standard, []
    for adjustment in chain:
        adjusted = adjustment.adjust(value)
        steps.append(adjustment.step(value, adjusted))
        value = adjusted
    return value, steps


def _added_to_capped(worked: Worked, chain: Sequence[Adjustment], rate: Decimal) -> Worked:
    """Sums added per head (每留用1人再增加N元) to a total over heads the most in all capped: those counted inside the
    most raise the rate before the cap (it may still bind), those its sentence puts outside it (增加部分不计入…最高限额)
    are paid for every head on top of the capped total."""
    assert worked.capped is not None and worked.result.amount is not None
    cap, heads = worked.capped
    trace = list(worked.result.trace)
    inside = [a for a in chain if not OUTSIDE_CAP.search(a.sentence)]
    outside = [a for a in chain if a not in inside]
    amount = worked.result.amount
    if inside:
        raised, steps = _applied(inside, rate)
        trace += steps
        product = money(raised * heads)
        amount = min(product, cap)
        trace.append(f"{yuan(raised)} × {heads}人 = {yuan(product)}" + ("" if product <= cap else
                                                                            f"，超过上限，按{yuan(cap)}计"))
    for adjustment in outside:
        extra = money(adjustment.added * heads)  # type: ignore[operator]
        trace.append(f"{adjustment.phrase}：{yuan(adjustment.added)} × {heads}人 = {yuan(extra)}（不计入上限）")
        trace.append(f"{TOTAL}{yuan(amount)} + {yuan(extra)} = {yuan(amount + extra)}")
        amount += extra
    result = worked.result.model_copy(update={"amount": money(amount), "trace": trace})
    return Worked(result, worked.arguments, worked.assumptions, worked.rests_on)


def attachment_named(text: str) -> str | None:
    """The attachment (and row) a text refers to, as clause paths write it (附件一 → 附件1, 附件1第1行 → 附件1 第1行);
    None when it names none."""
    attachment = ATTACHMENT.search(text)
    if attachment is None:
        return None
    row = f" 第{_number(attachment.group(2))}行" if attachment.group(2) else ""
    return f"附件{_number(attachment.group(1))}{row}"


def _number(text: str) -> str:
    """附件一 → 1 (the attachment numbers clause paths use)."""
    if not text:
        return "1"
    return text if text.isdigit() else str(cn2an.cn2an(text, "smart"))


def _condition(text: str) -> str:
    """The words an adjustment depends on: its clause part before the standard, without the clause's number, the
    raise word or a last part that only names what is raised (…目录的，补贴标准提高; …登记失业人员的，岗前培训补贴:
    the condition closes with its 的)."""
    text = UPLIFT_WORDS.sub("", text.strip())
    text = NUMBERING.sub("", text)
    parts = re.split(r"[，,；;]", text)
    while parts and (not TRAIL_WORDS.sub("", parts[-1].strip()) or (len(parts) > 1 and parts[-2].endswith("的"))):
        parts.pop()
    return TRAIL_WORDS.sub("", LEAD_WORDS.sub("", "，".join(parts).strip())).strip()


def rate_sentence(text: str) -> str:
    """The clause's first sentence stating a sum of money that bounds nothing (见习补贴按每人每月N元的标准), else ""."""
    return next((m.group(0) for m in SENTENCE.finditer(text)
                 if any(q.kind == "money" and not q.bound for q in find_quantities(m.group(0)))), "")


@lru_cache(maxsize=4096)
def rate_parts(text: str) -> tuple[str, str]:
    """(who the clause's rate is for, the words leading to its sum): 见习人员为脱贫家庭高校毕业生的，见习补贴按每人
    每月N元 → (见习人员为脱贫家庭高校毕业生, 见习补贴按每人每月); ("", the words before the sum) for a rate for all;
    ("", "") when the clause states no sum. Cached: ``general_rate`` reads every clause of a document for each
    candidate standard."""
    sentence = rate_sentence(text)
    money = next((q for q in find_quantities(sentence) if q.kind == "money" and not q.bound), None)
    if money is None:
        return "", ""
    head = sentence[: money.start]
    at = max(head.rfind("的，"), head.rfind("的,"))
    if at <= 0:
        return "", squeeze(NUMBERING.sub("", head.strip()))
    return NUMBERING.sub("", head[:at].strip()).strip(), squeeze(head[at + 2 :])


def general_rate(chunk: Chunk, document: Sequence[Chunk], u: Understanding, condition_chars: int) -> Chunk | None:
    """The clause of ``document`` stating for all the rate ``chunk`` states for a group of its own (见习补贴按每人每月
    M元 beside 见习人员为脱贫家庭、低保家庭高校毕业生的，见习补贴按每人每月N元: the same words lead to both sums; a rate
    for all may say who gets it at all, when it comes before the group's) when
    the question names no such group: neither one whole group of the condition's list in the question and the
    categories it states (高校毕业生 read from 应届生 names no 低保家庭高校毕业生) nor a run of the condition's own
    words in the question (低保家庭) that the rate for all does not say. None otherwise."""
    condition, lead = rate_parts(chunk.text)
    if not condition or len(lead) < RATE_LEAD_CHARS:
        return None
    stated = " ".join([u.normalized, *stated_categories(u)])
    for other in document:
        if other.id == chunk.id:
            continue
        own, leading = rate_parts(other.text)
        if lead not in leading or (own and (other.order > chunk.order or names_group(condition, own))):
            # no rate for all of the same benefit: an earlier rate of its own condition (见习单位吸纳…高校毕业生参加就业
            # 见习的) is the one the group's later clause sets itself apart from
            continue
        named = names_group(condition, stated, other.text) or names_condition(condition, u.normalized,
                                                                               condition_chars, other.text)
        # a rate with a condition of its own is another group's, not one for all, when the question says more of
        # the group's condition than of that one, each apart from the other clause (养老院…护理员 of 在区内养老机构
        # 从事一线护理、持养老护理员证书的 beside 在区内家政企业从事家政服务…的, 家政 not said)
        parallel = bool(own) and said_apart(condition, u.normalized, other.text) > said_apart(own, u.normalized,
                                                                                              chunk.text)
        return None if named or parallel else other
    return None


def said_apart(condition: str, question: str, other: str) -> int:
    """The longest run of the condition (two characters or more) the question says and the ``other`` text does not;
    0 when none."""
    asked, said = squeeze(question), squeeze(other)
    return next((len(run) for run in runs(squeeze(condition), SAID_APART) if run in asked and run not in said), 0)


def _reference(head: str, levels: Levels, chunk: Chunk | None = None) -> tuple[str, str]:
    """(reference, target) of the words naming a standard: 第七条 → article, 附件1 → attachment, 省定 → a level;
    本条第（二）项 → the item （二） of the ``chunk``'s own article or section."""
    if chunk is not None and (item := THIS_ITEM.search(head)):
        own = parent_path(chunk.clause_path) or chunk.clause_path
        number = item.group("n").strip("（()）")
        return "article", f"{own}（{number}）"
    if article := ARTICLE.search(head):
        level = levels.named(head[: article.start()], document=True)
        if level is not None:  # 按省定办法第五条所列标准: that article of the higher level's document
            return "level", level
        return "article", article.group(0)
    if NEAREST_TABLE.search(head):
        return "table", ""
    if attachment := attachment_named(head):
        return "attachment", attachment
    level = levels.named(head)
    return ("level", level) if level is not None else ("own", "")


def _says(name: str, chunks: Iterable[Chunk]) -> bool:
    """One of the clauses says ``name`` in its own text (not a heading)."""
    return any(name in squeeze(c.text) for c in chunks)


def cites_own_base(condition: str, base: Chunk) -> bool:
    """The condition is the base clause's own (符合省办法第九条规定条件的人员 of a rate raising 第九条's): it names the
    article that clause is, so it sets no one apart from those the clause pays."""
    article = ARTICLE.match(base.clause_path)
    return article is not None and article.group(0) in ARTICLE.findall(condition)


def _complement_of_called(adjustment: Adjustment, rank: int, called: Sequence[tuple]) -> bool:
    """The adjustment is for everyone else (其他农村劳动力按表列标准的80%) and another of its clause, for a group, is
    called for at least as strongly (重点对象按表列标准的100%；): whoever that group's condition takes in is not
    "everyone else" — unless the question names the others outright (另外10个是普通农村劳动力: ranked above)."""
    return bool(COMPLEMENT.match(adjustment.condition)) and any(
        other.chunk.id == adjustment.chunk.id and not COMPLEMENT.match(other.condition) and other_rank <= rank
        for (other_rank, *_), _, other, _ in called)


def adjustments(chunk: Chunk, levels: Levels) -> list[Adjustment]:
    """Every percentage of the clause that adjusts a standard (not a rate of a base the asker supplies, such as
    按职工工资总额N%, and not a target such as 就业率达到N%), every sum it adds to one (每人增加N元), and every share
    of a higher level's standard it pays besides that standard (its sentence says 在…补贴基础上 of that level)."""
    found: list[Adjustment] = []
    carried: str | None = None  # a basis said in the part before a semicolon holds for the parts after it
    for match in SENTENCE.finditer(chunk.text):
        sentence = match.group(0)
        besides = next((level for basis in BASIS.finditer(sentence) if (level := levels.named(basis.group(0)))),
                       carried)  # …在国家奖励标准基础上按1:R的比例给予配套奖励；…的，按1:S的比例给予配套奖励
        carried = besides if chunk.text[match.end() : match.end() + 1] in ("；", ";") else None
        found_here = find_quantities(sentence)
        # a sum restated as the standard a share is of (按每人每天N元标准的1.5倍) is no rate of the sentence's own
        sums = [q for q in found_here if q.kind == "money" and not sentence.startswith(STANDARD_WORD, q.end)]
        for quantity in sums:
            if added(sentence, quantity):
                found.append(_added(chunk, sentence, quantity, levels))
        if any(q.bound != "max" for q in sums):  # the rate it adjusts is in the sentence: the drafter's uplift
            continue  # (a bound is no rate: 提高50%，最高限额相应提高到3万元 raises a standard stated elsewhere)
        shares = [(q.start, q.end, q.value) for q in found_here if q.kind == "percent"]
        shares += [(m.start(), m.end(), times(m.group("n")) * 100) for m in TIMES.finditer(sentence)]  # 标准的N倍
        previous = 0  # where the part after the previous share of the sentence starts (甲按…的100%给予补贴，乙按…)
        for start_at, end_at, percent in sorted(shares):
            before, after = sentence[:start_at], sentence[end_at:]
            if SHARE_BEFORE.search(before) and CEILING.search(before, sentence_part_start(before)):
                continue  # 提高后的标准不得超过附件1对应标准的150%: a ceiling on raises, not a raise
            raises = UPLIFT_WORDS.search(before) is not None
            on_top = besides is not None and not raises and percent <= 100 and not PAID_BEFORE.search(before)
            if not (raises or on_top or SHARE_BEFORE.search(before) or SHARE_AFTER.match(after)
                    or PAID_BEFORE.search(before)):
                continue
            part_start = sentence_part_start(before)
            applied = [*APPLY_WORD.finditer(before, part_start)] or [*BASIS.finditer(before, part_start)]
            head = before[applied[-1].start() :] if applied else before[part_start:]
            reference, target = _reference(NUMBERING.sub("", head), levels, chunk)  # not the clause's own label
            condition_end = applied[-1].start() if applied else len(before)
            condition = _condition(before[min(previous, condition_end):condition_end])
            start = applied[-1].start() if applied else part_start
            cut = min((at for mark in "，,；;" if (at := sentence.find(mark, end_at)) >= 0), default=len(sentence))
            previous = cut + 1
            if on_top and reference == "own":  # 在自治区补贴标准基础上，按1:R的比例: the level its basis names
                reference, target = "level", besides
            # a ratio names its share only with what follows (按1:R的比例给予市级配套奖励)
            said = min((at for mark in "，,；;（(。" if (at := sentence.find(mark, end_at)) >= 0),
                       default=len(sentence))
            phrase = sentence[start:said] if on_top and not SHARE_BEFORE.search(before) else sentence[start:end_at]
            found.append(Adjustment(chunk=chunk, sentence=sentence, phrase=phrase.strip(), percent=percent,
                                    raises=raises, reference=reference, target=target, condition=condition,
                                    on_top=on_top))
    paid = [index for index, adjustment in enumerate(found) if adjustment.paid]  # the clause's instalments, in order
    for place, index in enumerate(paid):
        found[index] = replace(found[index], place=(place, len(paid)))
    return found


def _added(chunk: Chunk, sentence: str, quantity: Quantity, levels: Levels) -> Adjustment:
    """A sum added to a standard: what it is added to is named by 在…基础上 before it (else the clause's own
    standard); its condition is what comes before that."""
    before = sentence[: quantity.start]
    first = SHARE_THEN_ADDED.search(before)
    if first is not None:  # 先按省定对应标准的120%计算，再增加N元: that share of the standard named, then the sum
        reference, target = _reference(first.group("head"), levels, chunk)
        return Adjustment(chunk=chunk, sentence=sentence, phrase=sentence[first.start() : quantity.end].strip("，, "),
                          percent=Decimal(0), raises=True, reference=reference, target=target,
                          condition=_condition(before[: first.start()]), added=quantity.value,
                          share_first=Decimal(first.group("percent")))
    bases = list(BASIS.finditer(before))
    start = bases[-1].start() if bases else sentence_part_start(before)
    reference, target = _reference(NUMBERING.sub("", before[start:]), levels, chunk)
    return Adjustment(chunk=chunk, sentence=sentence, phrase=sentence[start : quantity.end].strip("，, "),
                      percent=Decimal(0), raises=True, reference=reference, target=target,
                      condition=_condition(before[:start]), added=quantity.value)


def _said_by(chunk: Chunk) -> str:
    """What a base clause says of its standard: a table row without the other columns in parentheses (a 备注 that
    restates another clause's share: 专项职业能力证书按本档N%执行)."""
    return ROW_EXTRAS.sub("", chunk.text) if chunk.kind == "table_row" else chunk.text


def standard_named(phrase: str) -> str:
    """The category a reference to another clause's standard names: 初级（五级） of 按附件1所列初级（五级）标准的N%
    ("" when it names none: 按附件1所列标准的N%, 按本办法第四条规定标准)."""
    target = ARTICLE.search(phrase) or ATTACHMENT.search(phrase)
    return "" if target is None else _category_before_standard(phrase[target.end() :])


def level_standard_named(phrase: str, words: Sequence[str]) -> str:
    """The category a reference to a higher level's standard names: 甲类职业 of 在省定甲类职业标准基础上 ("" when it
    names none: 在省定标准基础上). ``words``: the words naming levels (省定)."""
    for word in sorted(words, key=len, reverse=True):
        at = phrase.find(word)
        if at >= 0 and STANDARD_WORD in phrase[at + len(word) :]:
            return _category_before_standard(phrase[at + len(word) :])
    return ""


def _category_before_standard(rest: str) -> str:
    """What stands between the words naming a standard and 标准 (所列初级（五级） → 初级（五级）; "" for none)."""
    if STANDARD_WORD not in rest:
        return ""
    return STANDARD_LEAD.sub("", rest.split(STANDARD_WORD, 1)[0]).removesuffix("的").strip()


def defined_names(chunks: Sequence[Chunk]) -> dict[str, str]:
    """Names a document defines → the words they stand for: 以下简称“X” (the sentence part before it), 甲、乙和丙为X
    (a list named), 所称X，是指… (what follows 是指)."""
    names: dict[str, str] = {}
    for chunk in chunks:
        for match in DEFINED_NAME.finditer(chunk.text):
            before = chunk.text[: match.start()]
            start = max(before.rfind(mark) for mark in "。；;\n") + 1
            names.setdefault(match.group("name"), NUMBERING.sub("", before[start:].strip()))
        for match in DEFINED_AS.finditer(chunk.text):  # 甲、乙和丙为重点对象: a list given a name used elsewhere
            before = chunk.text[: match.start()]
            listed = NUMBERING.sub("", before[max(before.rfind(mark) for mark in "。；;，,\n") + 1 :].strip())
            name = match.group("name")
            if ("、" in listed or "和" in listed) and any(name in c.text for c in chunks if c.id != chunk.id):
                names.setdefault(name, listed)
        for match in DEFINED_MEANS.finditer(chunk.text):  # 所称X，是指甲和乙
            names.setdefault(match.group("name"), match.group("what").strip())
    return names


def spelt_out(text: str, names: Mapping[str, str]) -> str:
    """The text with what each defined name it uses stands for added (五类人员 → 五类人员，脱贫家庭子女、…)."""
    return "，".join([text, *(names[name] for name in names if name in text)])


def with_definitions(adjustment: Adjustment, names: Mapping[str, str]) -> Adjustment:
    """The adjustment's condition with the groups it names by a defined name spelt out (五类人员 → 脱贫家庭子女、…)."""
    condition = spelt_out(adjustment.condition, names)
    return adjustment if condition == adjustment.condition else replace(adjustment, condition=condition)


def with_listed(adjustment: Adjustment, chunks: Sequence[Chunk]) -> Adjustment:
    """The adjustment's condition with the list items it names by number spelt out (招用上述第（3）类人员的 →
    …，登记失业半年以上的大龄失业人员（女性年满40周岁、男性年满50周岁）): the nearest item before its clause in the
    document numbered so."""
    said: list[str] = []
    before = [c for c in chunks if c.order < adjustment.chunk.order]
    for match in LISTED_ITEM.finditer(adjustment.condition):
        number = label_number(match.group("n"))
        item = next((c for c in reversed(before) if (label := ITEM_NUMBER.search(c.clause_path))
                     and label_number(label.group("n")) == number), None)
        if item is not None:
            said.append(NUMBERING.sub("", item.text.strip()).rstrip("。；;"))
    if not said:
        return adjustment
    return replace(adjustment, condition="，".join([adjustment.condition, *said]), listed="，".join(said))


def alternatives(condition: str) -> list[str]:
    """The groups a condition lists as alternatives (脱贫劳动力（含监测对象）、农村低收入人口和返乡创业人员 → three);
    [] when it lists none (no 、)."""
    plain = PARENTHESIZED.sub("", condition)
    if "、" not in plain:  # 或 alone often joins two things one group has (取得甲证书或乙证书的人员)
        return []
    parts = LIST_SEPARATOR.split(plain)
    parts[0] = LIST_LEAD.sub("", parts[0])  # 申领人为脱贫人口、…: the list starts after what it says who is
    return [part for part in parts if len(part) >= 2]


def with_scope(adjustment: Adjustment, chunks: Sequence[Chunk]) -> Adjustment:
    """An adjustment stating no condition of its own (2.上浮标准。按省定标准的N%) takes the scope its sibling items
    give (1.上浮范围。取得列入《…目录》的…证书的人员): their text, where they state no amount."""
    if adjustment.condition:
        return adjustment
    parent = parent_path(adjustment.chunk.clause_path)
    if parent is None:
        return adjustment
    scope = [c.text for c in chunks if c.id != adjustment.chunk.id and parent_path(c.clause_path) == parent
             and not any(q.kind in ("money", "percent") for q in find_quantities(c.text))]
    condition = _condition("，".join(NUMBERING.sub("", t.strip()) for t in scope))
    return replace(adjustment, condition=condition) if condition else adjustment


def runs(text: str, shortest: int) -> Iterator[str]:
    """Every run of ``text`` at least ``shortest`` characters long, the longest first."""
    for size in range(len(text), shortest - 1, -1):
        for start in range(len(text) - size + 1):
            yield text[start : start + size]


def negated(adjustment: Adjustment, question: str, condition_chars: int, negations: Sequence[str]) -> bool:
    """The question says its case is not the condition's (工种不在…目录里): a negation just before a run of the
    condition it repeats, in the same clause (一天都没落下，生活费补贴… negates nothing of it) (any part it repeats:
    重点产业链企业 said, 不在急需紧缺目录 negated)."""
    asked = squeeze(question)
    condition = squeeze(adjustment.condition)
    covered: list[tuple[int, int]] = []  # the question's spans already read as a longer run
    for run in runs(condition, condition_chars):
        at = asked.find(run)
        if at < 0 or any(a <= at and at + len(run) <= b for a, b in covered):
            continue
        covered.append((at, at + len(run)))
        before = re.split(r"[，,。；;？?！!]", asked[max(0, at - NEGATION_REACH) : at])[-1]  # its own clause only
        if any(word in before for word in negations):
            return True
    return False


def table_of(chunk: Chunk) -> str:
    """The clause path a table row belongs to (第五条 of 第五条 第3行); any other clause's own path."""
    row = TABLE_ROW.match(chunk.clause_path) if chunk.kind == "table_row" else None
    return row.group("table") if row else chunk.clause_path


PERIOD_UNITS = ("天", "日", "月", "季度", "年")  # what a rate may be paid per besides heads


def added_fits(adjustment: Adjustment, base: Chunk) -> bool:
    """A sum added per period (每人每天提高10元) is added to a rate paid per that period (每人每天40元), never to a sum
    paid once per head (每人补贴2500元); a sum added per head only, or a percentage, fits any rate."""
    if adjustment.added is None:
        return True
    wanted = {p for q in find_quantities(adjustment.phrase) if q.kind == "money" for p in q.per if p in PERIOD_UNITS}
    return not wanted or any(wanted <= set(q.per) for q in find_quantities(base.text)
                             if q.kind == "money" and q.bound is None)


def not_raised(text: str, base: Chunk) -> bool:
    """The adjustment's clause says the standard it was read from is left as it is (…提高P%，一次性留用奖励不适用提高
    比例 of the 一次性留用奖励 row): a thing it names as not raised shares SUBJECT_CHARS in a row with that clause."""
    said = squeeze(base.text)
    return any(shared_run(squeeze(m.group("what")), said) >= SUBJECT_CHARS for m in NOT_RAISED.finditer(text))


def names_condition(condition: str, question: str, condition_chars: int, base: str = "",
                    distinguishing: Sequence[str] | None = None, words: Sequence[str] = ()) -> bool:
    """The question names a condition: enough characters in a row shared with it that ``base`` (the clause it sets
    apart from) does not also say, holding a word of the condition the base lacks (新引进的 of 新引进的人才为高校毕业生
    的 names nothing the standard it raises does not: 新引进取得技师证书的人才), and not only part of a longer word of
    the condition (``words``) the question does not say (失业保险 of 领取失业保险金)."""
    asked, said = squeeze(question), squeeze(base)
    longer = [w for w in words if w not in asked]
    return any(run in asked and run not in said and (distinguishing is None or any(t in run for t in distinguishing))
               and not any(run in w and run != w for w in longer)
               for run in runs(squeeze(condition), condition_chars))


def names_group(condition: str, question: str, base: str = "") -> bool:
    """The question names one of the groups a condition lists as alternatives (残疾人 of 脱贫人口、残疾人和登记失业人员
    作为学徒的), however short: the whole group said, not only inside a longer group of the list (技师 of 高级技师
    names 高级技师 alone), and not a word of the clause it sets apart from (``base``)."""
    groups = [squeeze(g) for g in GROUP_BREAK.split(condition)]
    groups = [g for g in groups if len(g) >= 2]
    if len(groups) < 2:
        return False
    asked, said = squeeze(question), squeeze(base)
    for group in groups:
        rest = asked
        for longer in (g for g in groups if group in g and g != group):
            rest = rest.replace(longer, "")
        if group in rest and group not in said:
            return True
    return False


def names_list(condition: str, question: str, words: Sequence[str], negations: Sequence[str]) -> bool | None:
    """A condition of being on a named list (列入《…紧缺职业（工种）目录》的) as the question speaks of it: True when it
    says the list's noun (目录) and one of ``words`` (the name's content words, no place: 紧缺), False when a negation
    stands just before (不在紧缺目录里), None when it does not speak of the list."""
    asked = squeeze(question)
    for match in NAMED_LIST.finditer(condition):
        said = [asked.find(w) for w in words if w in match.group("name") and w in asked]
        if match.group("noun") not in asked or not said:
            continue
        return not any(word in asked[max(0, at - NEGATION_REACH) : at] for word in negations
                       for at in [*said, asked.find(match.group("noun"))])
    return None


MAX_ITEMS_WITH_HEADS = 4  # items of one article a question may count heads of (10个中级、5个高级)
STACK_RANK = 1  # a raise stacks only when the question names its condition (most of its words is too weak)
SUBJECT_CHARS = 4  # characters in a row a condition and the clause of the standard it adds to share (工作室)
NEGATION_REACH = 4  # characters before a named condition a negation may stand in (不在, 没有, 不属于)
RATE_LEAD_CHARS = 4  # the fewest characters leading to a group's sum that a rate for all must also lead with
SAID_APART = 2  # the fewest characters of a condition said apart from another clause that name its group
RAISED_CHARS = 8  # the longest name of a raised benefit read from a condition (见习期满留用奖励)
RAISED_AFTER = re.compile(rf"[{PARTICLE}，,、；;：:\s]")  # what stands before the benefit a condition raises
WITHIN_GAP = 4  # characters between a within word and its unit word (县内 and 单位 of 县内见习单位)
WITHHELD_GAP = 4  # words between a negation and the raise it withholds (不再执行上浮)
CONDITION_SHARE = 0.5  # of a condition's distinguishing words a question must say to call for it
LEVELS_ACCEPTED = {"province": ("province", "municipality"), "city": ("city", "municipality"),
                   "national": ("national",), "district": ("district",), "county": ("county",)}


@dataclass(frozen=True)
class Adjusted:
    """An adjustment applied: the result, the adjustment, and the clauses its base rests on (the rate's last)."""

    worked: Worked
    adjustment: Adjustment
    bases: tuple[Chunk, ...]
    # the asker's more local clauses saying the raised thing follows the adjusting level's standard (among bases)
    deferring: tuple[Chunk, ...] = ()


LOCALITY = ("district", "county", "city", "municipality", "province", "national")  # most local first


def locality(meta: DocumentMeta) -> int:
    """How local a document is (0 = a district's); unknown levels count as the least local."""
    return LOCALITY.index(meta.level) if meta.level in LOCALITY else len(LOCALITY)


class StandardResolver:
    """Finds the adjustment a question calls for and works out the standard it adjusts (see the module docstring)."""

    def __init__(self, engine: OfflineEngine, finder: EvidenceFinder, arithmetic: ClauseArithmetic,
                 depth: int) -> None:
        self.engine = engine
        self.finder = finder
        self.arithmetic = arithmetic
        self.depth = depth  # evidence looked through for a higher level's standard
        answers = engine.knowledge.answers
        self.levels = Levels.of(answers)
        self.condition_chars = answers.condition_chars
        self.negations = engine.knowledge.facts.negations
        self.denied = denial(self.negations)  # 不是脱贫户、残疾人: built once, read on every adjusted() call
        self._granting: dict[tuple[str, str], str] = {}  # (document, table) → what its granting clauses say
        self.paid = PaidAsks(answers)  # 第一次能先拨多少 asks of an instalment, 首次创业 does not
        self.higher_words = answers.higher_words
        self.stacking_words = answers.stacking_words
        # 不再执行上浮政策, 不上浮: a raise withheld (a negation, at most WITHHELD_GAP words, a raise word)
        self.withheld = re.compile(
            f"(?:{'|'.join(map(re.escape, sorted(self.negations, key=len, reverse=True)))})"
            f"[\u4e00-\u9fff]{{0,{WITHHELD_GAP}}}?(?:{'|'.join(map(re.escape, answers.withheld_raise_words))})"
        ) if answers.withheld_raise_words and self.negations else None
        self.not_negations = answers.not_negations  # 不断提高: no raise withheld
        self.people_words = answers.beneficiaries.people_words
        self.boilerplate = frozenset(answers.condition_boilerplate)  # 依法, 符合: words naming no one
        # 省定, 国家规定的: name no condition
        self.level_words = [w for words in self.levels.words.values() for w in words]
        self.local_words = frozenset(engine.knowledge.places.local_words)  # 我市, 本省: a document's own place
        self.expander = QueryExpander(engine.knowledge.synonyms)
        places = engine.knowledge.places
        # 县内见习单位, 全市企业: the units within a document's own territory (places.yaml within_words, local_words,
        # within_units)
        own_territory = sorted({*places.within_words, *places.local_words}, key=len, reverse=True)
        self.within = re.compile(
            f"(?:{'|'.join(map(re.escape, own_territory))})[\u4e00-\u9fff]{{0,{WITHIN_GAP}}}?"
            f"(?:{'|'.join(map(re.escape, places.within_units))})") if own_territory and places.within_units else None

    def without_raise(self, chunk: Chunk, text: str, u: Understanding, quantities: Sequence[Stated] = ()
                      ) -> tuple[Worked, tuple[Chunk, ...]] | None:
        """What an asker the clause's raise is not for is paid (具有本区户籍的…在市级标准基础上每人每天再增加10元, of
        one registered elsewhere): the higher level's standard it is set against, as that level pays the asker,
        worked out with the question's facts, and the clauses it rests on (the rate's last). None when the clause
        raises no higher level's standard or that standard does not work out."""
        for adjustment in adjustments(chunk, self.levels):
            if adjustment.reference == "level" and not adjustment.paid:
                found = self.base(adjustment, text, u, quantities)
                if found is not None:
                    return found
        return None

    def adjusted(self, primary: Chunk, eligible_on: Chunk | None, text: str, u: Understanding,
                 regions: list[str] | None = None, quantities: Sequence[Stated] = (), *, higher: bool = True,
                 explained: str = "", within: Chunk | None = None, whole: bool = False,
                 besides: Sequence[str] = ()) -> Adjusted | None:
        """The adjusted result, or None when no adjustment of the answering document (or of another in-force
        document of a place the question applies) applies or its standard cannot be worked out with the question's
        facts. The clause that found the asker eligible comes first, then an adjustment whose condition the question
        names in words its base clause does not say, then one whose distinguishing words the question mostly says;
        among equals the more local document's (a city's share of the province's standard before the province's
        own), then, where the document grants only the higher of two (``answers.yaml: higher_words``), the one giving
        more. ``higher=False``: no adjustment referring to a higher level's standard (while working one out);
        ``explained``: words an adjustment already applied says, which name no second one (a city's catalogue is not
        the province's); ``within``: only that clause's adjustments (a share of what another share works out);
        ``whole``: the whole an instalment is paid of (no instalment, nothing of a higher level); ``besides``: the
        other benefits asked for in one total with this one (an adjustment about one of them by its words or heading,
        or a share of a standard of one of them, is not this one's)."""
        question = without_denied(self.asked(u), self.denied)  # 不是脱贫户、残疾人: no group of these is said
        vocabulary = self.engine.vocabulary()
        # the question's words, and the groups its facts name as the policies name them (大学生 → 高校毕业生,
        # 有残疾证 → 残疾人): a condition saying one is said by the question
        categories = stated_categories(u)
        terms = [*vocabulary.terms(question, [p.surface for p in u.places]), *categories]
        stated = without_denied(" ".join([u.normalized, *categories]), self.denied)
        own = [r for r in (regions if regions is not None else u.local_regions) if r != NATIONAL_REGION]
        local = [d.doc_id for d in self.engine.documents() if d.region in own
                 and d.doc_id != primary.doc_id and not d.superseded_by]  # the asker's own places may adjust it
        found_all: list[tuple[tuple[int, int, Decimal, bool, float], Worked, Adjustment, tuple[Chunk, ...]]] = []
        withholding: dict[str, Chunk] = {}  # the clauses withholding a raise the asker would otherwise get
        documents = [primary.doc_id, *local] if within is None else [within.doc_id]
        # a more local document granting the asker's group a higher level's standard whole (全额计算): the higher
        # level's own shares (企业在职职工按附件1所列标准的70%) are not the asker's
        metas = {d: m for d in documents if (m := self.engine.meta(d)) is not None}
        waivers = [locality(m) for d, m in metas.items() if within is None and self.full_rate(
            d, u, [o for o, other in metas.items() if locality(other) > locality(m)]) is not None]
        # the answering clause states one adjustment (never asked while working out a share of another item)
        single = within is None and len(adjustments(primary, self.levels)) == 1
        # the documents naming the benefit asked about by the library's name (all, when it names none)
        naming = self.engine.regulating(tuple(u.benefits[:1])) if u.benefits else None
        # a name a document that applies defines, said by one of the things it stands for (甲赛事 of 所称一类大赛，
        # 是指甲赛事和乙赛事): the question says that name too
        applying = [d.doc_id for d in self.engine.documents() if d.region in (*(regions or u.regions), NATIONAL_REGION)
                    and not d.superseded_by]
        stated = " ".join([stated, *(name for d in applying for name, what in self.engine.defined_names(d).items()
                                     if any(len(item) >= DEFINED_ITEM_CHARS and item in stated
                                            for item in LIST_SEPARATOR.split(what)))])
        stated_squeezed = squeeze(stated)
        # the benefit asked about: named by the question, else the one the answering clause grants (以工代训补贴 of
        # 搞以工代训，每人每月补多少 is raised by no 见习补贴 raise)
        asked = u.benefits or self.finder.granted(primary)
        for doc_id in documents:
            withheld = self.withholding(doc_id, stated) if within is None else None  # 企业职工不上浮
            # a document never naming the 入职奖励 asked about raises something else (其培训补贴) — unless it pays a
            # share besides a higher level's standard that the answering clause states (在国家补贴基础上另行增加)
            unnamed = within is None and naming is not None and doc_id not in naming
            names = self.engine.defined_names(doc_id)
            meta = self.engine.meta(doc_id)
            nearness = locality(meta) if meta else len(LOCALITY)
            waived = any(level < nearness for level in waivers)
            higher_one = any(w in chunk.text for chunk in self.engine.chunks(doc_id) for w in self.higher_words)
            for chunk in self.engine.chunks(doc_id) if within is None else [within]:
                found_here = adjustments(chunk, self.levels)
                for adjustment in found_here:
                    # of parallel conditions in one clause (在一类大赛中获奖的…；在二类大赛中获奖的…), the one whose
                    # own words (none of the others says) the question says first
                    others = [squeeze(a.condition) for a in found_here if a.condition != adjustment.condition]
                    own = self._own_runs(squeeze(adjustment.condition), others)
                    unsaid = len(found_here) > 1 and not any(run in stated_squeezed for run in own)
                    if unnamed and not (adjustment.on_top and adjustment.reference == "level"):
                        continue
                    if withheld is not None and not adjustment.paid and (
                            adjustment.raises or adjustment.on_top or adjustment.added is not None
                            or adjustment.percent > 100):
                        withholding.setdefault(withheld.id, withheld)  # cited beside what is worked out
                        continue  # the document withholds its raises from the asker's group
                    # a share besides a higher level's payment names that payment as its base (在国家补贴基础上,
                    # 按国家规定补贴标准的P%), not as another benefit
                    said = adjustment.sentence
                    if adjustment.on_top:
                        said = BASIS.sub("", said.replace(SHARE_SAID.split(adjustment.phrase, 1)[0], ""))
                    if within is None and self.finder.names_another_benefit(said, u) and (
                            adjustment.on_top or self.finder.names_another_benefit(
                                said.replace(adjustment.phrase, "，"), u)):
                        # 职业培训补贴在省定标准基础上每人再增加N元 raises no 认定补贴 asked about; the words naming
                        # the standard adjusted (按对应等级补贴标准的50%) name no other benefit granted
                        continue
                    if besides and self.finder.about_only(chunk, besides, u.benefits[:1]):
                        continue  # 二、培训补贴加发 raises no 生活费补贴 asked for beside it
                    if within is None and chunk.doc_id == primary.doc_id \
                            and self.finder.headed_apart(chunk, primary, u):
                        continue  # 在市级标准基础上每人再给予500元 under 二、培训奖励 raises no rate under 三、岗位补贴
                    raised = self.raised_benefit(adjustment)
                    if within is None and raised and asked and not any(
                            self.finder.same_kind(raised, one) for one in asked):
                        continue  # 全州见习单位的见习补贴在省定标准基础上提高N元 raises no 留用奖励 asked about
                    if not higher and (adjustment.reference == "level" or adjustment.raises
                                       or adjustment.percent > 100):
                        continue  # what a higher level pays the asker: its share for the asker's group only
                    if waived and not (adjustment.raises or adjustment.paid or adjustment.percent >= 100):
                        continue
                    if whole and (adjustment.paid or adjustment.reference == "level"):
                        continue
                    if self.names_another_defined(adjustment.condition, names, stated):
                        continue  # 乙类竞赛获奖的 for a 甲类 contest the question names
                    if BOTH.search(adjustment.condition) and len(ITEM_REFS.findall(adjustment.condition)) > 1:
                        found = self._combined(adjustment, eligible_on, text, u, stated, terms, quantities)
                    else:
                        spelt = with_definitions(self.with_articles(adjustment, u), names)
                        spelt = with_listed(spelt, self.engine.chunks(doc_id))
                        found = self._rank(with_scope(spelt, self.engine.chunks(doc_id)),
                                           eligible_on, text, u, stated, terms, quantities, explained,
                                           answering=primary if single else None, whole=whole)
                    if found is None or (unnamed and primary.id not in {b.id for b in found[3]}):
                        continue
                    if (within is None and u.benefits and adjustment.reference != "level"
                            and self.finder.grants_another_benefit(found[3][-1], u)):
                        continue  # 按第X条规定标准的M倍 of the 创业补贴 raises no 带动就业补贴 asked about
                    if besides and self.finder.about_only(found[3][-1], besides, u.benefits[:1]):
                        continue  # a share of the 培训补贴 standard is no 生活费补贴 asked for beside it
                    (rank, weight), rest = found[0], found[1:]
                    # then, where the document grants the higher of two (就高), the one giving more; then the
                    # condition said most
                    more = -(adjustment.apply(rest[0]).result.amount or 0) if higher_one else Decimal(0)
                    found_all.append(((rank, nearness, more, unsaid, -weight), *rest))
        found_all = [c for c in found_all if not _complement_of_called(c[2], c[0][0], found_all)]
        # a more local raise for those a higher level's article names (属于省办法第三条规定的…，先按省定标准的120%
        # 计算，再增加N元) works that article out its own way: the article is no raise of its own beside it
        restated = {c.id for entry in found_all for c in self.named_articles(entry[2], u)}
        found_all = [c for c in found_all if c[2].chunk.id not in restated]
        best = min(found_all, key=lambda c: c[0], default=None)  # the first of the best (stable)
        seen: set[str] = set()
        while best is not None and best[2].chunk.id not in seen:
            # one worked out on top of the best (在市级标准基础上 of the city's raise) holds it: the more local one
            seen.add(best[2].chunk.id)
            chosen = best[2].chunk.id
            on_top = [c for c in found_all if c[2].chunk.id not in seen and any(b.id == chosen for b in c[3])]
            best = min(on_top, key=lambda c: c[0], default=best)
        if best is None:
            return None
        found = self._applied(best, found_all, text, u, stated, terms, quantities, higher=within is None and higher)
        # a more local document of the asker's saying the raised thing follows the adjusting level's standard
        # (城镇公益性岗位补贴按市级标准执行): why that level's raise is the asker's, cited before it
        deferring = self.deferring(found.adjustment, [*(regions if regions is not None else u.local_regions)])
        return replace(found, bases=(*withholding.values(), *deferring, *found.bases), deferring=tuple(deferring)) \
            if withholding or deferring else found

    def deferring(self, adjustment: Adjustment, regions: Sequence[str]) -> list[Chunk]:
        """The clauses of in-force documents of ``regions`` more local than the adjustment's that state no sum nor
        share and say the thing it raises (SUBJECT_CHARS of its condition in a row) follows its document's level's
        standard (城镇公益性岗位补贴按市级标准执行, of 城镇公益性岗位补贴在省定标准基础上每人每月提高200元)."""
        meta = self.engine.meta(adjustment.chunk.doc_id)
        words = self.levels.words.get(meta.level, ()) if meta is not None else ()
        subject = squeeze(adjustment.condition)
        if not words or len(subject) < SUBJECT_CHARS:
            return []
        return [chunk for other in self.engine.documents()
                if other.region in regions and not other.superseded_by and locality(other) < locality(meta)
                for chunk in self.engine.chunks(other.doc_id)
                if any(w in chunk.text for w in words) and not states_amount(chunk.text, money=True)
                and shared_run(subject, squeeze(chunk.text)) >= SUBJECT_CHARS]

    def _applied(self, best: tuple, found_all: Sequence[tuple], text: str, u: Understanding, stated: str,
                 terms: Sequence[str], quantities: Sequence[Stated], *, higher: bool) -> Adjusted:
        """The best adjustment applied: stacked with the others its document says stack, after a higher level's
        share its document says comes first (``higher``), else on its own with the articles it names."""
        stacked = self._stacked(best, found_all)
        if stacked is not None:
            return stacked
        if higher:
            in_order = self._higher_share_first(best[2], text, u, stated, terms, quantities)
            if in_order is not None:
                return in_order
        _, worked, adjustment, bases = best
        named = [c for c in self.named_articles(adjustment, u) if all(c.id != b.id for b in bases)]
        return Adjusted(self.with_other_instalments(adjustment.apply(worked), worked, adjustment, u), adjustment,
                        (*named, *bases))

    def with_articles(self, adjustment: Adjustment, u: Understanding) -> Adjustment:
        """The adjustment's condition, when it lists no groups of its own, with what the higher level's articles
        it names say of whom they are for (属于省办法第三条规定人员 → …，吸纳的劳动者为脱贫人口、防止返贫监测对象或者
        残疾人): their adjustments' conditions, else their text."""
        if alternatives(adjustment.condition):
            return adjustment  # 属于省办法第十一条规定的脱贫家庭、低保家庭…: it names them itself
        said = [" ".join(a.condition for a in adjustments(c, self.levels) if a.condition)
                or NUMBERING.sub("", c.text.strip()) for c in self.named_articles(adjustment, u)]
        return replace(adjustment, condition="，".join([adjustment.condition, *said])) if said else adjustment

    def named_articles(self, adjustment: Adjustment, u: Understanding) -> list[Chunk]:
        """The articles of a higher level's document the adjustment's condition names (属于省办法第十一条规定的…见习
        人员): what it rests on beside the standard, cited with it."""
        named: list[Chunk] = []
        for article in ARTICLE.finditer(adjustment.condition):
            before = adjustment.condition[max(0, article.start() - LEVEL_DOCUMENT_CHARS) : article.start()]
            level = next((found for start in range(len(before))
                          if (found := self.levels.named("按" + before[start:], document=True)) is not None), None)
            if level is not None:
                regions = self._higher_regions(replace(adjustment, target=level), u)
                named += [c for c in self._in_force_chunks(regions) if c.clause_path == article.group(0)][:1]
        return named

    def with_other_instalments(self, paid: Worked, whole: Worked, adjustment: Adjustment, u: Understanding) -> Worked:
        """An instalment worked out, with the clause's other instalments of the same whole when the question asks
        about both the first and the rest (先给多少？剩下的多少): 拨付剩余Q%：N元 × Q% = M元."""
        place, count = adjustment.place
        said = self.paid.said(u.normalized)
        asks_both = bool(said & self.paid.first) and bool(said & self.paid.last)
        amount = whole.result.amount
        if not adjustment.paid or count < 2 or not asks_both or amount is None or paid.result.amount is None:
            return paid
        others = [a for a in adjustments(adjustment.chunk, self.levels) if a.paid and a.place[0] != place]
        steps = [other.step(amount, money(amount * other.percent / 100)) for other in others]
        result = paid.result.model_copy(update={"trace": [*paid.result.trace, *steps]})
        return Worked(result, paid.arguments, paid.assumptions, paid.rests_on, paid.groups)

    def _stacked(self, best: tuple, found_all: Sequence[tuple]) -> Adjusted | None:
        """The best adjustment and the others of its document the question calls for, applied in turn, when the
        document says they stack (``answers.yaml: stacking_words``) in a clause of the same section as one of them
        (同时符合本项第1目、第2目情形的，可叠加享受): each adjusts the same standard, per head (no instalment, no share
        of a total); a sentence saying they stack is no adjustment of its own (先按省定标准的130%计算，再增加400元
        restates the two). The stacking clause is cited beside them."""
        key, worked, first, bases = best

        def rule_of(chunk: Chunk) -> StackRule | None:
            return stacking_rule(chunk, self.stacking_words, self.negations, self.higher_words)

        def single(adjustment: Adjustment, rank: int, on: tuple[Chunk, ...]) -> bool:
            """Called for, per head, on the best's standard as such (not one already worked out by another clause of
            its document: 先按第（二）项上浮后再增加N元), and no clause saying raises stack."""
            return (rank <= STACK_RANK and not adjustment.paid and adjustment.per_rate and on[-1].id == bases[-1].id
                    and not any(b.doc_id == adjustment.chunk.doc_id for b in on[:-1])
                    and rule_of(adjustment.chunk) is None)

        if not single(first, key[0], bases):
            return None
        chain = {(first.chunk.id, first.phrase): first}
        for (rank, *_), _, other, other_bases in found_all:
            if other.chunk.doc_id == first.chunk.doc_id and single(other, rank, other_bases):
                chain.setdefault((other.chunk.id, other.phrase), other)
        if len(chain) < 2:
            return None
        sections = {parent_path(a.chunk.clause_path) or a.chunk.clause_path for a in chain.values()}
        rule = next((r for c in self.engine.chunks(first.chunk.doc_id)
                     if (parent_path(c.clause_path) or c.clause_path) in sections and (r := rule_of(c)) is not None),
                    None)
        if rule is None:
            return None
        if rule.cap_factor is None and rule.cap_sum is None:  # a cap in an item of its own: 4.叠加后…不超过…的1.5倍
            beside = [m.group(0) for c in self.engine.chunks(first.chunk.doc_id) if c.id != rule.chunk.id
                      and (parent_path(c.clause_path) or c.clause_path) in sections
                      for m in SENTENCE.finditer(c.text)]
            factor, total, phrase = stacked_cap(beside, per_head=True)
            rule = replace(rule, cap_factor=factor, cap_sum=total, cap_phrase=phrase)
        ordered = sorted(chain.values(), key=lambda a: (a.added is None) == rule.sums_first)  # stable: best first
        stacked = in_turn(worked, ordered, rule)
        phrase = "，".join(a.phrase for a in ordered)
        others = tuple({a.chunk.id: a.chunk for a in ordered if a.chunk.id != first.chunk.id}.values())
        return Adjusted(stacked, replace(first, phrase=phrase), (*others, rule.chunk, *bases))

    def asked(self, u: Understanding) -> str:
        """The question with its synonyms' formal terms (厂 → 企业), for what it speaks of."""
        return " ".join([u.normalized, *self.expander.expansions(u.normalized)])

    def _rank(self, adjustment: Adjustment, eligible_on: Chunk | None, text: str, u: Understanding, stated: str,
              terms: Sequence[str], quantities: Sequence[Stated], explained: str = "", answering: Chunk | None = None,
              whole: bool = False) -> tuple[tuple[int, float], Worked, Adjustment, tuple[Chunk, ...]] | None:
        """How strongly the question calls for the adjustment (0 best), with its worked base; None when not at all.
        ``quantities``: what the question states with the words around it (今年N岁), compared with its bounds;
        ``answering``: the clause found to answer the question when it states this one adjustment only (在国家规定的
        标准基础上再给予N万元 answering a question on that grant calls for it, as a named condition does)."""
        specs = self.engine.knowledge.facts.facts
        vocabulary = self.engine.vocabulary()
        chunk = adjustment.chunk
        checks = [c for text in (adjustment.sentence, adjustment.listed) if text
                  for c in [*every_check(text, u.facts, specs), *stated_checks(text, quantities)]
                  if applies_to(c, stated)]
        if any(check.met is False for check in checks):
            return None  # a threshold of its condition the asker's facts fail (a 6-12 month tier, 2 years insured)
        if any(check.met is False for check in ranked_checks(adjustment.condition, u.facts, specs)):
            return None  # 取得中级工及以上证书的…上浮20% raises nothing for a 初级 holder
        met = [check.condition() for check in checks if check.met]  # N周岁以下 said as an age below N
        # a threshold of the condition no stated value was compared with (留用率达到P%以上 of a question saying no
        # rate): its other words (见习单位) say nothing of whether the asker reaches it
        unknown = any(q.bound == "min" and not any((c.threshold.kind, c.threshold.value) == (q.kind, q.value)
                                                   for c in checks)
                      for q in find_quantities(adjustment.condition))
        if negated(adjustment, u.normalized, self.condition_chars, self.negations):
            return None  # 工种不在急需紧缺目录里
        listed = names_list(adjustment.condition, u.normalized, vocabulary.terms(adjustment.condition, self.places(u)),
                            self.negations)
        if listed is False:
            return None  # 不在紧缺目录上
        if listed is None:
            listed = self.on_list(adjustment, u)  # 参加紧缺工种培训的, of a trade 紧缺工种目录 names (or none of it)
            if listed is False:
                return None  # 茶艺师 of a 紧缺工种目录 listing 石油钻井工、育婴员: no raise for it
        said = self.paid.said(u.normalized) if adjustment.paid else frozenset()
        if adjustment.paid and not said:
            return None  # an instalment only when the question asks about paying in parts
        place, count = adjustment.place
        # the words right after the share, to its clause's end (按当年补贴总额的50%预拨: how the share is paid)
        paid_as = CLAUSE_MARK.split(adjustment.sentence.partition(adjustment.phrase)[2], maxsplit=1)[0]
        ordinal = adjustment.paid and (
            any(w in adjustment.phrase or w in paid_as for w in said)  # 预支 asked of 可申请预支N% or N%预拨
            or (count > 1 and place == 0 and bool(said & self.paid.first))
            or (count > 1 and place == count - 1 and bool(said & self.paid.last)))
        base = self.base(adjustment, text, u, quantities, whole=whole)
        if base is None:
            return None
        worked, bases = base
        if self.names_other_category(adjustment, bases, worked):
            return None  # 培养目标为技师、高级技师的 raises no 中级工 row
        if not_raised(chunk.text, bases[-1]):
            return None  # …提高10%，一次性留用奖励不提高: not the 留用奖励 row
        base_chunk = bases[-1]  # the clause stating the rate
        base_text = squeeze(_said_by(base_chunk).replace(adjustment.sentence, "") + explained)
        condition_words = vocabulary.terms(adjustment.condition)
        distinguishing = [t for t in condition_words if t not in base_text]
        denied = self.denies_group(u, adjustment.condition)
        share, weight = self.said_share(adjustment, terms, base_text, met, here=chunk.region in u.regions)
        if eligible_on is not None and chunk.id == eligible_on.id:
            return (0, weight), worked, adjustment, bases
        if ordinal or listed or (answering is not None and chunk.id == answering.id and not adjustment.paid
                                 and not denied):  # a group of it denied: being found is no call for it
            return (1, weight), worked, adjustment, bases
        if cites_own_base(adjustment.condition, base_chunk):
            return (1, weight), worked, adjustment, bases  # 符合省办法第九条规定条件的人员 of 第九条's rate: its askers
        if unknown:
            return None
        if (self.names_category(adjustment, bases, stated)
                or names_condition(SUBJECT_GETS.sub("", adjustment.condition), stated, self.condition_chars, base_text,
                                   distinguishing, condition_words)
                or names_group(adjustment.condition, stated, base_text)):
            return (1, weight), worked, adjustment, bases
        if denied:
            return None  # a group of it denied, none named: words shared with it are no call for it
        if share >= CONDITION_SHARE:
            return (2, weight), worked, adjustment, bases
        # what the clause granting a table's standards says of every row (见习单位吸纳见习人员) sets no asker apart
        granting = self._granting_text(base_chunk) if base_chunk.kind == "table_row" else ""
        if adjustment.raises and chunk.region in u.regions and not self.sets_apart(
                adjustment, condition_words, [t for t in distinguishing if t not in granting]):
            return (3, 0.0), worked, adjustment, bases  # 在市级标准基础上再给予N元: every asker of its place
        return None

    def on_list(self, adjustment: Adjustment, u: Understanding) -> bool | None:
        """Whether the question names an item of a list the adjustment's clause pays by (``memberships.lists_of``:
        参加紧缺工种培训的 beside 本市紧缺工种目录包括以下职业（工种）：…（2）新能源汽车维修工, asked of that trade):
        True when it does; False when it names none of a list of another clause (a list of things named by its name,
        not the clause's own list of people: a trade not on it is not paid the raise); None when the clause pays by no
        list."""
        chunks = self.engine.chunks(adjustment.chunk.doc_id)
        named = [(lead, bool(memberships.members(items, lead, u.normalized, self.engine.knowledge.synonyms,
                                                 self.engine.word_list, self.people_words, self.negations,
                                                 lambda _: False)))
                 for lead, items in memberships.lists_of(adjustment.chunk, chunks, self.people_words)]
        if any(found for _, found in named):
            return True
        return False if any(lead != adjustment.chunk.text for lead, _ in named) else None

    def _higher_share_first(self, adjustment: Adjustment, text: str, u: Understanding, stated: str,
                            terms: Sequence[str], quantities: Sequence[Stated]) -> Adjusted | None:
        """The adjustment's document says that for some askers a higher level's share comes first and the
        adjustment's raise after (先按省办法第三条规定的比例计算，再按本条第（一）项上浮20%，每人每次…最高不超过N元):
        when the question calls for that article's share (its condition said: 就业困难人员), the higher level's
        standard with its share applied, then the raise, capped as the rule caps it; the rule and the article cited.
        None when no such rule names the adjustment's item or the asker gets no share of that article."""
        if adjustment.reference != "level" or adjustment.paid:
            return None
        for chunk in self.engine.chunks(adjustment.chunk.doc_id):
            for order in SHARE_FIRST.finditer(chunk.text):
                article = ARTICLE.search(order.group("first"))
                if article is None:
                    continue
                # 按省办法: the province's document; 本条第（一）项: the item of the adjustment's clause
                level = self.levels.named(f"按{order.group('first')[: article.start()]}", document=True)
                reference, item = _reference(order.group("then"), self.levels, chunk)
                if level is None or reference != "article" or not adjustment.chunk.clause_path.startswith(item):
                    continue
                share = self._article_share(replace(adjustment, target=level), article.group(0), text, u, stated,
                                            terms, quantities)
                if share is None:
                    continue
                _, worked, first, bases = share
                sentence = next(m.group(0) for m in SENTENCE.finditer(chunk.text)
                                if m.start() <= order.start() < m.end())
                caps = [q for q in find_quantities(sentence) if q.kind == "money" and q.bound == "max"]
                rule = replace(adjustment, sentence=sentence, cap=caps[0]) if len(caps) == 1 else adjustment
                return Adjusted(in_turn(worked, (first, rule)), rule, (chunk, first.chunk, *bases))
        return None

    def _article_share(self, at_level: Adjustment, article: str, text: str, u: Understanding, stated: str,
                       terms: Sequence[str], quantities: Sequence[Stated]
                       ) -> tuple[tuple[int, float], Worked, Adjustment, tuple[Chunk, ...]] | None:
        """The best-called-for adjustment of ``article`` of the documents of the level ``at_level`` refers to, with
        its worked base (see ``_rank``); None when the question calls for none of them."""
        found = [ranked for chunk in self._in_force_chunks(self._higher_regions(at_level, u))
                 if chunk.clause_path.startswith(article) for share in adjustments(chunk, self.levels)
                 if (ranked := self._rank(share, None, text, u, stated, terms, quantities)) is not None]
        return min(found, key=lambda ranked: ranked[0], default=None)

    def _combined(self, adjustment: Adjustment, eligible_on: Chunk | None, text: str, u: Understanding,
                  stated: str, terms: Sequence[str], quantities: Sequence[Stated]
                  ) -> tuple[tuple[int, float], Worked, Adjustment, tuple[Chunk, ...]] | None:
        """A rule for askers meeting several items of its own section at once (同时符合本条第（一）项、第（二）项的，
        先按第（二）项上浮后再增加N元，但每人每年合计不超过M元): applies when the question calls for an adjustment of
        each item named; the item it says to apply first (先按第（二）项) is applied, then the rule's own sum, capped
        where the sentence caps the total. (rank, the worked standard the rule's own sum is added to, the rule, the
        clauses)"""
        parent = parent_path(adjustment.chunk.clause_path)
        if parent is None:
            return None
        chunks = self.engine.chunks(adjustment.chunk.doc_id)
        names = self.engine.defined_names(adjustment.chunk.doc_id)
        ranked: dict[str, tuple[tuple[int, float], Worked, Adjustment, tuple[Chunk, ...]]] = {}
        for number in ITEM_REFS.findall(adjustment.condition):
            item = f"{parent}（{number}）"
            best = None
            for chunk in chunks:
                if chunk.clause_path != item and not chunk.clause_path.startswith(item):
                    continue
                for own in adjustments(chunk, self.levels):
                    found = self._rank(with_scope(with_definitions(own, names), chunks), eligible_on, text, u, stated,
                                       terms, quantities)
                    if found is not None and (best is None or found[0] < best[0]):
                        best = found
            if best is None:
                return None  # the asker does not meet that item
            ranked[number] = best
        first = FIRST_BY.search(adjustment.sentence)
        _, worked, applied, bases = ranked.get(first.group("n") if first else "", next(iter(ranked.values())))
        caps = [q for q in find_quantities(adjustment.sentence) if q.kind == "money" and q.bound == "max"]
        rule = replace(adjustment, cap=caps[0]) if len(caps) == 1 else adjustment
        others = tuple(found[2].chunk for found in ranked.values() if found[2] is not applied)
        worst = max(found[0][0] for found in ranked.values())
        total = sum(found[0][1] for found in ranked.values())
        return (worst, total), applied.apply(worked), rule, (applied.chunk, *others, *bases)

    def places(self, u: Understanding) -> list[str]:
        """Place names a condition may say that set no condition: the question's places and their regions."""
        return [*(p.surface for p in u.places), *u.local_regions]

    def _row_leads(self, row: Chunk) -> tuple[str, list[str]]:
        """(the lead of a table row, the leads of the other rows of its table): 中级工（四级） of 中级工（四级）：…."""
        table = row.clause_path.rsplit(" ", 1)[0] + " "
        others = [squeeze(c.text.partition("：")[0]) for c in self.engine.chunks(row.doc_id)
                  if c.kind == "table_row" and c.clause_path.startswith(table) and c.id != row.id]
        return squeeze(row.text.partition("：")[0]), others

    def _own_runs(self, lead: str, others: Sequence[str]) -> list[str]:
        """Runs of a row's lead that no other row of its table has."""
        return [run for run in runs(lead, self.condition_chars) if not any(run in other for other in others)]

    def names_category(self, adjustment: Adjustment, bases: Sequence[Chunk], stated: str) -> bool:
        """The condition lists the category of the table row the standard was read from, as the question says it
        (技师（二级）、高级技师（一级）证书的 of a question about a 技师（二级） certificate): words of the row's lead
        that no other row of its table has."""
        row = bases[-1]
        if row.kind != "table_row":
            return False
        lead, others = self._row_leads(row)
        condition, asked = squeeze(adjustment.condition), squeeze(stated)
        granting = self._granting_text(row)
        return any(run in condition and run in asked and run not in granting
                   for run in self._own_runs(lead, others))

    def denies_group(self, u: Understanding, condition: str) -> bool:
        """The question denies a word of the condition: a group it lists (都不是脱贫户或残疾人 of 新招用人员为脱贫
        人口、残疾人的). Being found to answer, or sharing other words with it, is then no call for the condition —
        only a group of it the question names."""
        condition = squeeze(condition)
        denied = " ".join(denied_words(u.normalized, self.denied))
        return any(term in condition for term in self.engine.vocabulary().terms(denied))

    def names_other_category(self, adjustment: Adjustment, bases: Sequence[Chunk], worked: Worked) -> bool:
        """The condition names other categories of the clause the standard was read from and not the one worked
        out — other rows of its table (培养目标为技师（二级）、高级技师（一级）的 with the 中级工（四级） row), or
        other categories its sentence pays (本区开发的乡村公益性岗位 of a clause paying 城镇公益性岗位 and 乡村公益性
        岗位 apart, worked out for the 城镇 one): it raises the standard of those only."""
        row = bases[-1]
        found = self._row_leads(row) if row.kind == "table_row" else self._categories(row, worked)
        if found is None:
            return False
        lead, others = found
        condition = squeeze(adjustment.condition)
        if RANGE_OR_EXCEPT.search(condition) or any(run in condition for run in self._own_runs(lead, others)):
            return False  # 中级工（四级）及以上 names the rows above it; 初级工…不在上浮范围内 names those left out
        granting = self._granting_text(row) if row.kind == "table_row" else ""
        return any(run in condition and run not in granting for i, other in enumerate(others)
                   for run in self._own_runs(other, [lead, *others[:i], *others[i + 1:]]))

    def _categories(self, chunk: Chunk, worked: Worked) -> tuple[str, list[str]] | None:
        """(the category of ``chunk``'s rates the worked result was read for, its other categories): the options of
        the rule its sentences draft to that the result chose one of; None when it chose none."""
        meta = self.engine.meta(chunk.doc_id)
        if meta is None:
            return None
        for rule in draft_from_chunks(meta.doc_id, meta.region, [chunk])["rules"]:
            for spec in rule["inputs"]:
                values = [option["value"] for option in spec.get("options", [])] if spec["type"] == "choice" else []
                chosen = worked.arguments.get(spec["name"])
                if chosen in values:
                    return squeeze(chosen), [squeeze(v) for v in values if v != chosen]
        return None

    def _granting_text(self, row: Chunk) -> str:
        """What the clauses granting a table's standards as they stand say of every row (见习单位…按照附件1规定的
        标准给予见习补贴, of a table whose first row is 一般就业见习单位): the clause holding the table or naming
        it, adjusting none of its standards. Its words name no row apart (全市各类见习单位 raises every row). Read
        once per table (every ranking of a raise on one of its rows asks it)."""
        table = row.clause_path.rsplit(" ", 1)[0]
        key = (row.doc_id, table)
        if key not in self._granting:
            chunks = self.engine.chunks(row.doc_id)
            labels = [table]
            bare = table.rstrip(string.digits)  # a document's one 附件 is numbered 附件1 by the parser
            if bare != table and not any(c.clause_path.startswith(bare) and not c.clause_path.startswith(table)
                                         for c in chunks):
                labels.append(bare)
            self._granting[key] = " ".join(
                squeeze(c.text) for c in chunks
                if c.kind != "table_row" and (c.clause_path == table or any(w in c.text for w in labels))
                and not adjustments(c, self.levels))
        return self._granting[key]

    def sets_apart(self, adjustment: Adjustment, condition_words: Sequence[str], distinguishing: Sequence[str]
                   ) -> bool:
        """The adjustment's condition sets some askers of its place apart: it has words its base clause does not say
        (none: 在市级标准基础上再给予N元; only the benefit's name, 培训期间生活费补贴在省定标准基础上…, of a base
        clause on that benefit), and when all it says beyond its base clause is the units within its own territory
        (县内见习单位的见习补贴在市级标准基础上…), it sets none apart."""
        if not condition_words or not distinguishing:
            return False
        spans = [m.group(0) for m in self.within.finditer(squeeze(adjustment.condition))] if self.within else []
        return not spans or any(not any(t in span for span in spans) for t in distinguishing)

    def said_share(self, adjustment: Adjustment, terms: Sequence[str], base_text: str, met: Sequence[str] = (),
                   *, here: bool = False) -> tuple[float, float]:
        """How much of what sets the adjustment's condition apart from its base clause the question says (its
        synonyms' formal terms counted), IDF-weighted: most of it, 预支 asked of 学徒培训备案后，企业可申请预支 over
        中级工每人每年N元, calls for the adjustment. A threshold the asker's facts meet counts as said (年龄在N周岁以下
        of a question stating an age below N). A word is said by a word of the question that holds it, never by a
        part of it (失业保险 does not say 失业保险金). Words naming a level's standard (国家 of 按国家规定) set no
        condition; the document's word for its own place (我市) is said when the question is about that place
        (``here``). (the share said, the weight said)"""
        vocabulary = self.engine.vocabulary()

        def own(condition: str) -> list[str]:
            for word in sorted(self.boilerplate, key=len, reverse=True):  # 依法登记注册的: said by no question
                condition = condition.replace(word, " ")
            return [t for t in vocabulary.terms(condition) if t not in base_text
                    and not any(t in level for level in self.level_words)]

        def said(t: str) -> bool:
            return any(t in term for term in terms) or any(t in phrase for phrase in met) \
                or (here and t in self.local_words)

        words = own(adjustment.condition)
        total = sum(vocabulary.idf(t) for t in words)
        weight = sum(vocabulary.idf(t) for t in words if said(t))
        found = (weight / total if total > 0 else 0.0), weight
        for group in alternatives(adjustment.condition):  # 甲、乙和丙: one group said by its telling word says it
            words = [t for t in own(group) if t not in self.local_words]  # 我省 says where, not who
            head = max((t for t in words if group.endswith(t)), key=len, default="")  # 人口 of 脱贫人口: any group's
            rarest = max((t for t in words if t not in head), key=vocabulary.idf, default=None)
            if rarest is not None and said(rarest):
                found = max(found, (1.0, vocabulary.idf(rarest)))
        return found

    def base(self, adjustment: Adjustment, text: str, u: Understanding, quantities: Sequence[Stated] = (), *,
             whole: bool = False) -> tuple[Worked, tuple[Chunk, ...]] | None:
        """The standard the adjustment refers to, worked out with the question's facts, and the clauses it rests
        on (the rate's last). A higher level's standard is what that level pays the asker: its own share or raise
        for the asker's group applied (按省定标准的N% of a province paying employees M% of its table). An instalment
        (首笔拨付P%) is paid of the whole the asker gets: the standard with the raise the question calls for
        (脱贫人口按第X条规定标准的M倍) — ``whole``: that whole is being worked out (no instalment of it)."""
        doc_id = adjustment.chunk.doc_id
        named = standard_named(adjustment.phrase)  # 附件1所列初级（五级）标准: that row, whatever the asker's
        if adjustment.reference == "level":
            candidates = self._higher_standard(adjustment, text, u)
            category = level_standard_named(adjustment.phrase, self.level_words)
            if category and category not in u.normalized:  # 省定甲类职业标准: the 甲类 column of the row
                u = u.model_copy(update={"normalized": f"{u.normalized} {category}"})
        else:
            chunks = self.engine.chunks(doc_id)
            if adjustment.reference == "article":
                # of the article's clauses, those stating a sum (本条第（一）项标准: not the items listing whom it pays)
                candidates = self.referenced(adjustment)
                candidates = [c for c in candidates if c.kind == "table_row" or states_amount(c.text, money=True)
                              ] or candidates
                several = self.items_with_heads(candidates, u)
                if several is not None:  # 10个人拿了中级工、5个人拿了高级工: each item its own heads
                    return several
                candidates = self.named_item(candidates, u) or candidates
            elif adjustment.reference == "table":  # 上表: the last table before the clause
                before = [c for c in chunks if c.kind == "table_row" and c.order < adjustment.chunk.order]
                table = before[-1].clause_path.rsplit(" ", 1)[0] if before else None
                candidates = [c for c in before if c.clause_path.rsplit(" ", 1)[0] == table][:1]
            elif adjustment.reference == "attachment":
                row = [c for c in chunks if c.clause_path == adjustment.target and c.kind == "table_row"]
                named = row[0].text.partition("：")[0] if row else named  # 附件1第1行: that row's category
                listed = [c for c in chunks if c.clause_path.startswith(adjustment.target + " ")]
                candidates = row or [c for c in listed if c.kind == "table_row"][:1] or listed
            else:  # a standard is a sum of money: a clause stating only a rate of another (按附件标准的120%) is none
                candidates = [c for c in chunks if c.id != adjustment.chunk.id and states_amount(c.text, money=True)
                              and (c.kind == "table_row" or any(q.kind == "money" for q in find_quantities(c.text)))]
                restated = {(q.value, q.per) for q in find_quantities(adjustment.phrase)
                            if q.kind == "money" and adjustment.added is None}
                if restated:  # 按每人每天N元标准的M倍: the clause stating that very rate
                    candidates = [c for c in candidates if restated <= {(q.value, q.per) for q in
                                                                        find_quantities(c.text) if q.kind == "money"}]
                candidates = self.named_item(candidates, u) or candidates
        if named and self.names_a_row(named, candidates):
            reading = self.engine.retriever.understand(named)
            kept = {k: v for k, v in u.facts.items() if not isinstance(v, str)}
            u = u.model_copy(update={"normalized": reading.normalized, "facts": {**kept, **reading.facts}})
        # a rate for a group the question does not name (脱贫家庭高校毕业生的) stands aside for the rate for all
        general = {c.id: g for c in candidates
                   if (g := general_rate(c, self.engine.chunks(c.doc_id), u, self.condition_chars)) is not None}
        candidates = list({c.id: c for c in (general.get(c.id, c) for c in candidates)}.values())
        # the benefit the adjustment's heading names, when the clause names none (二、培训补贴加发)
        headed = self.heading_named(adjustment, candidates) if adjustment.reference == "level" else ""
        subject = self.same_subject(adjustment, candidates)
        # a raise naming the benefit it raises (留用奖励在省定标准基础上提高50%): no other benefit's figure is its base
        names_raised = adjustment.reference == "level" and bool(self.raised_benefit(adjustment))
        if subject is None and names_raised:
            saying = [c for c in candidates if not self.of_another_benefit(c, adjustment)]
            subject = saying[0] if len(saying) == 1 else None  # the one standard of the benefit raised (留用奖励)
        inherited_tried = False
        for chunk in candidates:
            meta = self.engine.meta(chunk.doc_id)
            if meta is None:
                continue
            if (adjustment.reference == "article" and chunk.id != adjustment.chunk.id and chunk.kind != "table_row"
                    and not any(q.kind == "money" for q in find_quantities(chunk.text))):
                # 按本条第（二）项计算后补贴金额的N%: the item named is itself a share of a standard — what it works out
                nested = self.adjusted(chunk, None, text, u, [meta.region], quantities, higher=False, within=chunk)
                if nested is not None:
                    return nested.worked, (nested.adjustment.chunk, *nested.bases)
            if not states_amount(chunk.text, money=True) and chunk.kind != "table_row":
                continue
            if not added_fits(adjustment, chunk):
                continue  # 每人每天提高10元 is no raise of 每人补贴2500元
            if headed and self.finder.grants_apart_from(chunk, headed):
                continue  # 第三条…生活费补贴 is no standard of a raise under 二、培训补贴加发
            another = adjustment.reference == "level" and self.of_another_benefit(chunk, adjustment)
            if another and not inherited_tried:
                # no clause of the adjustment's benefit states the higher level's standard: the one that level
                # adjusts, as it adjusts it (州 +N on 省定 for 在州级标准基础上), before another benefit's figure
                inherited_tried = True  # once: the candidates after it change nothing of that level's raises
                inherited = self._inherited(adjustment, text, u, quantities, same_benefit=True)
                if inherited is not None:
                    return inherited
            if another and names_raised:
                continue
            doc_chunks = self.engine.chunks(chunk.doc_id)
            # the one clause named (or the only one) states the whole; an instalment of a whole the question does
            # not name (首次拨付N% of which of several rates?) is never worked out from the first that happens to fit
            restate = (len(candidates) == 1 or (adjustment.paid and adjustment.reference != "own") or chunk is subject
                       or chunk in general.values() or self.names_this_item(chunk, doc_chunks, u))
            worked = self.arithmetic.work(meta, doc_chunks, chunk.clause_path, u, restate=restate)
            if worked is None or worked.result.amount is None:
                continue
            rows = self.rows(worked, chunk, doc_chunks)
            cited = (*self.rested_on(worked, chunk, doc_chunks), *rows)
            if adjustment.reference == "level":
                waiver = self.full_rate(adjustment.chunk.doc_id, u, [chunk.doc_id])
                if waiver is not None:  # 规上企业职工按省定标准全额计算: the higher level's share is not applied
                    return worked, (waiver, *cited)
                own = self.adjusted(rows[0], None, text, u, [meta.region], quantities, higher=False,
                                    explained=adjustment.condition)
                if own is not None:
                    return own.worked, (own.adjustment.chunk, *own.bases)
            if adjustment.paid and not whole:  # 首笔拨付P% of what a 脱贫人口 gets: M × the standard, then P%
                raised = self.adjusted(rows[0], None, text, u, [meta.region], quantities, whole=True)
                if raised is not None and raised.bases[-1].id == rows[-1].id:
                    return raised.worked, (raised.adjustment.chunk, *raised.bases)
            return worked, cited
        if adjustment.reference == "level":  # the higher level states no standard: the one it adjusts, as adjusted
            return self._inherited(adjustment, text, u, quantities)
        return None

    def conditions_text(self, chunk: Chunk, u: Understanding) -> str:
        """The clause's text as conditions of its benefit: a sentence paying an instalment (正常经营满12个月且经复核仍
        在正常经营的，拨付剩余P%) conditions that instalment only — left out unless the question asks about payment in
        parts, and a later one's left out when only the first is asked (第一次能先拨多少)."""
        said = self.paid.said(u.normalized)
        asked = bool(said)
        first_only = bool(said & self.paid.first) and not said & self.paid.last
        if asked and not first_only:
            return chunk.text
        text = chunk.text
        for adjustment in adjustments(chunk, self.levels):
            if adjustment.paid and not (asked and adjustment.place[0] == 0):
                text = text.replace(adjustment.sentence, "")
        return text

    def referenced(self, adjustment: Adjustment) -> list[Chunk]:
        """The clauses of its own document's article an adjustment names (按第五条所列标准): the article's own clauses
        and the rows of a table it states (第五条 第3行); none for another kind of reference."""
        if adjustment.reference != "article":
            return []
        chunks = self.engine.chunks(adjustment.chunk.doc_id)
        numbered = ARTICLE_NUMBER.fullmatch(adjustment.target)
        # 在第一条规定标准基础上 of a notice whose parts are 一、二、 and that has no 第一条: its part 一、
        for label in (adjustment.target, *([f"{numbered.group('n')}、"] if numbered else [])):
            found = [c for c in chunks if table_of(c).split(" ")[-1].startswith(label)]
            if found:
                return found
        return []

    @staticmethod
    def same_subject(adjustment: Adjustment, candidates: Sequence[Chunk]) -> Chunk | None:
        """The one candidate stating the standard of what the adjustment's condition names (国家级技能大师工作室 of
        新获批国家级技能大师工作室的，在国家规定的标准基础上再给予N万元): the longest run of the condition any candidate
        says, SUBJECT_CHARS or more, said by that candidate alone. Its one flat figure is the standard."""
        condition = squeeze(adjustment.condition)
        runs_said = [(shared_run(condition, squeeze(c.text)), c) for c in candidates]
        longest = max((n for n, _ in runs_said), default=0)
        best = [c for n, c in runs_said if n == longest]
        return best[0] if longest >= SUBJECT_CHARS and len(best) == 1 else None

    def names_a_row(self, named: str, candidates: Sequence[Chunk]) -> bool:
        """Words a reference puts before 标准 name a category (初级（五级） of 附件1所列初级（五级）标准) when they
        share a run with a clause of the standard's table or article; 对应 of 按附件1所列对应标准 names none (the
        asker's)."""
        tables = {c.clause_path.rsplit(" ", 1)[0] for c in candidates if c.kind == "table_row"}
        texts = [squeeze(c.text) for c in candidates]
        texts += [squeeze(c.text) for c in self.engine.chunks(candidates[0].doc_id)
                  if c.kind == "table_row" and c.clause_path.rsplit(" ", 1)[0] in tables] if candidates else []
        return any(run in text for run in runs(squeeze(named), self.condition_chars) for text in texts)

    def full_rate(self, doc_id: str, u: Understanding, against: Sequence[str] = ()) -> Chunk | None:
        """The clause of the document granting a group of its own a higher level's standard whole (不再按省定比例折算，
        按省定标准全额计算补贴) when the question names that group in words the higher level's documents
        (``against``) do not also say (在职职工 of 规上工业企业在职职工 names no group of its own), else None."""
        words = self.engine.knowledge.answers.full_rate_words
        if not words or not against:
            return None
        waivers = [(chunk, sentence) for chunk in self.engine.chunks(doc_id) if any(w in chunk.text for w in words)
                   for sentence in (m.group(0) for m in SENTENCE.finditer(chunk.text))
                   if any(w in sentence for w in words)]
        if not waivers:  # most documents grant none: nothing of the higher level's text is read
            return None
        asked = self.asked(u)
        base = squeeze("".join(c.text for d in against for c in self.engine.chunks(d)))
        vocabulary = self.engine.vocabulary()
        for chunk, sentence in waivers:
            at = min(sentence.find(w) for w in words if w in sentence)
            condition = _condition(sentence[: sentence_part_start(sentence[:at]) or at])
            own = [t for t in vocabulary.terms(condition) if t not in base]
            if condition and own and names_condition(condition, asked, self.condition_chars, base, own):
                return chunk
        return None

    def withholding(self, doc_id: str, stated: str) -> Chunk | None:
        """The document withholds its raises from a group the question places the asker in: a sentence saying a
        raise word right after a negation (``answers.yaml: withheld_raise_words``: 企业组织在职职工参加目录内职业培训
        的，…，不再执行上浮政策) whose condition names that group by a run ending in a people word (在职职工), which the
        question says (企业在职职工 of 组织了12名在职员工参加培训): that sentence's clause, else None."""
        if self.withheld is None:
            return None
        asked = squeeze(stated)
        for chunk in self.engine.chunks(doc_id):
            if self.withheld.search(chunk.text) is None:
                continue  # most clauses withhold nothing: masking only ever removes a match
            for sentence in (m.group(0) for m in SENTENCE.finditer(chunk.text)):
                for word in self.not_negations:
                    sentence = sentence.replace(word, "\0" * len(word))
                found = self.withheld.search(sentence)
                if found is None:
                    continue
                condition = squeeze(_condition(sentence[: found.start()]))
                groups = {condition[max(0, m.end() - self.condition_chars) : m.end()]
                          for word in self.people_words for m in re.finditer(re.escape(word), condition)}
                if any(len(group) >= self.condition_chars and group in asked for group in groups):
                    return chunk
        return None

    @staticmethod
    def names_another_defined(condition: str, names: Mapping[str, str], stated: str) -> bool:
        """The condition is said by names its document defines (乙类技能竞赛), the question says another of them
        (甲类技能竞赛) and none of the condition's."""
        own = [name for name in names if name in condition]
        said = [name for name in names if name in stated]
        return bool(own) and bool(said) and not set(own) & set(said)

    def names_this_item(self, chunk: Chunk, doc_chunks: Sequence[Chunk], u: Understanding) -> bool:
        """The chunk is the one item of its article the question names (金牌 of 1.金牌每人N万元；2.银牌每人M万元)."""
        parent = parent_path(chunk.clause_path)
        siblings = [c for c in doc_chunks if parent and parent_path(c.clause_path) == parent]
        return [c.id for c in self.named_item(siblings, u)] == [chunk.id]

    def named_item(self, items: Sequence[Chunk], u: Understanding) -> list[Chunk]:
        """Of an article's items stating one rate each (（一）创业意识培训每人A元；（二）创办企业培训每人B元), the one
        the question names (see ``naming``); [] when it names none or several."""
        named = self.naming(items, u)
        return [item for item in items if item.id in named] if len(named) == 1 else []

    def naming(self, items: Sequence[Chunk], u: Understanding) -> dict[str, str]:
        """The items the question names (item id → the words naming it): by words no other item and no heading above
        them says (创业培训 of a 创业培训 document names none of them), or by a category it states (高级工 of 过了六十个
        高级工)."""
        if len(items) < 2:
            return {}
        asked = squeeze(u.normalized)
        texts = {item.id: squeeze(NUMBERING.sub("", item.text)) for item in items}
        headings = [squeeze(h) for item in items for h in [item.title, *item.heading_path[:-1]]]  # the topic: none
        categories = [squeeze(v) for v in stated_categories(u)]  # 高级工 read as a fact

        def naming(item: Chunk) -> str | None:
            others = [text for key, text in texts.items() if key != item.id] + headings
            label = ITEM_LABEL.match(texts[item.id])
            run = next((run for run in runs(texts[item.id], self.condition_chars)
                        if run in asked and not any(run in other for other in others)), None)
            return run or next((value for value in [*categories, *([label.group(0)] if label else [])]
                                if value in asked and value in texts[item.id]
                                and not any(value in other for other in others)), None)

        return {item.id: words for item in items if (words := naming(item)) is not None}

    def items_with_heads(self, items: Sequence[Chunk], u: Understanding) -> tuple[Worked, tuple[Chunk, ...]] | None:
        """Two or more items of an article the question names, each with one head count of its own in its clause
        (10个人拿了中级工（四级）证书、5个人拿了高级工（三级）证书): each item's rate worked out for its heads, as heads
        paid different rates (a share or raise of the article then applies to each rate). None otherwise."""
        named = self.naming(items, u)
        if not 2 <= len(named) <= MAX_ITEMS_WITH_HEADS:
            return None
        heads = self.arithmetic.heads_by_option(list(named.values()), u)
        if heads is None:
            return None
        chosen = [item for item in items if item.id in named]
        meta = self.engine.meta(chosen[0].doc_id)
        if meta is None:
            return None
        doc_chunks = self.engine.chunks(chosen[0].doc_id)
        groups: list[tuple[str, Decimal, int]] = []
        first: Worked | None = None
        for item in chosen:
            own = heads[named[item.id]]
            worked = self.arithmetic.work(meta, doc_chunks, item.clause_path, own, restate=True)
            rates = list(worked.result.components.values()) if worked is not None else []
            if worked is None or len(rates) != 1:
                return None
            first = first or worked
            groups.append((named[item.id], rates[0], own.facts[HEADS]))
        assert first is not None
        amount = money(sum((rate * count for _, rate, count in groups), Decimal(0)))
        steps = [f"{who}：{yuan(rate)} × {count}人 = {yuan(rate * count)}" for who, rate, count in groups]
        steps.append(f"{TOTAL}{' + '.join(yuan(rate * count) for _, rate, count in groups)} = {yuan(amount)}")
        result = first.result.model_copy(update={"amount": amount, "trace": steps, "components": {}})
        return Worked(result, {"groups": len(groups)}, [], groups=tuple(groups)), tuple(chosen)

    @staticmethod
    def rested_on(worked: Worked, chunk: Chunk, doc_chunks: Sequence[Chunk]) -> tuple[Chunk, ...]:
        """The other clauses of the document a worked figure was read from (最长不超过N年; 养老护理员…均按甲类职业执行
        for the 甲类 column)."""
        return tuple(c for c in doc_chunks if c.clause_path in worked.rests_on and c is not chunk)

    @staticmethod
    def rows(worked: Worked, chunk: Chunk, doc_chunks: list[Chunk]) -> tuple[Chunk, ...]:
        """A table's standard rests on the rows of the categories chosen (焊工（五级/初级工）; 养老护理员 and 育婴员
        added up), not the table's first."""
        if chunk.kind != "table_row":
            return (chunk,)
        table = chunk.clause_path.rsplit(" ", 1)[0]
        chosen = [v.split(GRID_JOIN) for v in worked.arguments.values() if isinstance(v, str)]
        rows = tuple(c for c in doc_chunks if c.kind == "table_row" and c.clause_path.startswith(table + " ")
                     and any(labels_row(v[0], c.text) and all(p in c.text for p in v[1:]) for v in chosen))
        return rows or (chunk,)

    def raised_benefit(self, adjustment: Adjustment) -> str:
        """The benefit an adjustment's condition raises, as it writes it (见习补贴 of 市内见习单位的见习补贴): the
        end of a condition saying 的, after its last 的 or punctuation mark, when that is a benefit's name (a benefit
        noun after at most RAISED_CHARS characters, no action word: 享受技能提升补贴 is a condition), else ""."""
        if adjustment.on_top:
            return ""  # a share paid besides a standard grants its own benefit
        if PARTICLE in adjustment.condition:
            tail = squeeze(RAISED_AFTER.split(adjustment.condition)[-1])
        else:  # the condition closed with its 的 (…目录的，见习期满留用奖励在省定标准基础上): the part before it
            at = adjustment.sentence.find(adjustment.phrase)
            before = adjustment.sentence[:at] if at > 0 else ""
            if PARTICLE not in before:
                return ""  # 享受某补贴 is a condition
            tail = squeeze(RAISED_AFTER.split(before)[-1])
        scope = self.engine.knowledge.scope
        if len(tail) > RAISED_CHARS or any(w in tail for w in scope.benefit_lead_words if len(w) > 1):
            return ""
        return tail if any(tail.endswith(n) and len(tail) > len(n) for n in scope.benefit_nouns) else ""

    def of_another_benefit(self, chunk: Chunk, adjustment: Adjustment) -> bool:
        """The clause is about another benefit than the one the adjustment raises: it never says the benefit the
        adjustment's condition names (以工代训补贴按每人每月N元 for 见习补贴在州级标准基础上…), or, when the condition
        names none, the two clauses grant benefits of different kinds (``EvidenceFinder.grant_another``)."""
        raised = self.raised_benefit(adjustment)
        if raised:  # said in full, or its noun with the word before it (留用奖励 of 见习期满留用奖励)
            noun = next((n for n in self.engine.knowledge.scope.benefit_nouns if raised.endswith(n)), "")
            core = raised[-(len(noun) + SAME_KIND_CHARS):] if noun else raised
            if core not in squeeze(" ".join([*chunk.heading_path[1:], chunk.text])):
                return True
            granted = self.finder.granted(chunk)  # said only beside what it grants: 租房补贴与见习补贴一并申领
            return bool(granted) and not any(self.finder.same_kind(raised, name) for name in granted)
        return self.finder.grant_another(chunk, adjustment.chunk)

    def heading_named(self, adjustment: Adjustment, said_by: Iterable[Chunk]) -> str:
        """The benefit the adjustment's heading names when its clause names none (在市级标准基础上每人再给予300元 under
        二、培训补贴加发 → 培训补贴), when one of the clauses ``said_by`` says that name in its own text (给予培训补贴):
        a heading's run no clause says (二、提高补贴标准) names no benefit. Else ""."""
        name = self.finder.heading_benefit(adjustment.chunk)
        return name if name and _says(name, said_by) else ""

    def _raises_apart(self, chunk: Chunk, headed: str, adjustment: Adjustment, above: Adjustment,
                      u: Understanding) -> bool:
        """``chunk`` (stating ``above``, a raise of the level above's standard) grants another benefit than
        ``headed``, the one the adjustment's heading names (``EvidenceFinder.heading_benefit``), a name the level
        above's documents say."""
        if not headed or not self.finder.grants_apart_from(chunk, headed):
            return False
        return _says(headed, self._in_force_chunks(self._higher_regions(replace(adjustment, target=above.target), u)))

    def _in_force_chunks(self, regions: Sequence[str]) -> Iterator[Chunk]:
        """The clauses of the documents of ``regions`` that no newer document replaces, in document order."""
        for meta in self.engine.documents():
            if meta.region in regions and not meta.superseded_by:
                yield from self.engine.chunks(meta.doc_id)

    def _higher_regions(self, adjustment: Adjustment, u: Understanding) -> list[str]:
        """The regions of the level an adjustment's standard is set by (省定 → the province) that apply to the asker's
        place (or the document's own province) and hold a document."""
        meta = self.engine.meta(adjustment.chunk.doc_id)
        if meta is None:
            return []
        accepted = LEVELS_ACCEPTED.get(adjustment.target, (adjustment.target,))
        chain = [*u.regions, *([meta.province] if meta.province else [])]
        return list(dict.fromkeys(
            d.region for d in self.engine.documents()
            if d.region in chain and d.region != meta.region and d.level in accepted))

    def _inherited(self, adjustment: Adjustment, text: str, u: Understanding, quantities: Sequence[Stated], *,
                   same_benefit: bool = False) -> tuple[Worked, tuple[Chunk, ...]] | None:
        """The standard of a higher level whose documents state none of their own but adjust the level above theirs
        (a city raising the province's table for some firms): the level above's standard, with the raise of the higher
        level the question calls for applied (none: the level above's standard as it is) — 在市级标准基础上 of a city
        that says 在省定标准基础上…. ``same_benefit``: only that level's raises of the adjustment's own benefit, and
        the level above's standard as it is when the raise called for is another benefit's (a 州 raising both 见习补贴
        and 留用奖励)."""
        headed = self.finder.heading_benefit(adjustment.chunk)
        for region in self._higher_regions(adjustment, u):
            for meta in self.engine.documents():
                if meta.region != region or meta.superseded_by:
                    continue
                chunks = self.engine.chunks(meta.doc_id)
                if same_benefit:
                    chunks = [c for c in chunks if not self.of_another_benefit(c, adjustment)]
                for chunk in chunks:
                    for above in adjustments(chunk, self.levels):
                        if above.reference != "level" or above.target == adjustment.target:
                            continue
                        if self._raises_apart(chunk, headed, adjustment, above, u):
                            # a raise of another benefit than the one the adjustment's heading names (the city's
                            # living allowance above the province's, for 二、培训补贴加发): the level above's standard
                            # of the adjustment's own benefit, as it is
                            base = self.base(replace(adjustment, target=above.target), text, u, quantities)
                            if base is not None:
                                return base
                            continue
                        base = self.base(above, text, u, quantities)
                        if base is None:
                            continue
                        worked, rows = base
                        own = self.adjusted(rows[0], None, text, u, [region], quantities)
                        if own is not None and not (same_benefit and self.of_another_benefit(own.adjustment.chunk,
                                                                                              adjustment)):
                            return own.worked, (own.adjustment.chunk, *own.bases)
                        return worked, rows
        return None

    def _higher_standard(self, adjustment: Adjustment, text: str, u: Understanding) -> list[Chunk]:
        """Amount clauses of the higher level's documents: a region of that level that applies to the asker's place
        (or the document's own province), best supported first; the clauses and table rows of the article a reference
        names (省定办法第五条) alone, when that level has it (no search then)."""
        regions = self._higher_regions(adjustment, u)
        if not regions:
            return []

        # a standard of another benefit than the adjustment's comes last, then one of a repealed document (stable):
        # 认定补贴 N元 is no base for a raise of the 培训补贴 standard
        def ordered(found: dict[str, Chunk]) -> list[Chunk]:
            def repealed(chunk: Chunk) -> bool:
                meta = self.engine.meta(chunk.doc_id)
                return meta is not None and bool(meta.superseded_by)

            return sorted(found.values(), key=lambda c: (self.finder.grant_another(c, adjustment.chunk), repealed(c)))

        if adjustment.article:
            named = {c.id: c for meta in self.engine.documents() if meta.region in regions
                     for c in self.engine.chunks(meta.doc_id)
                     if table_of(c).split(" ")[-1].startswith(adjustment.article)}
            if named:
                return ordered(named)
        worded = amount_query(u, self.engine.knowledge.answers.amount_words)
        found: dict[str, Chunk] = {}
        for query in (worded, text):  # the standard in the words amounts are written in, then the question itself
            for item in self.finder.find(query, u, regions=regions, amount=True)[: self.depth]:
                if states_amount(item.chunk.text, money=True):
                    found.setdefault(item.chunk.id, item.chunk)
        for meta in self.engine.documents():  # then each table of those documents (a grid the search ranks low)
            if meta.region in regions and not meta.superseded_by:
                tables: dict[str, Chunk] = {}
                for chunk in self.engine.chunks(meta.doc_id):
                    if chunk.kind == "table_row":
                        tables.setdefault(chunk.clause_path.rsplit(" ", 1)[0], chunk)
                for chunk in tables.values():
                    found.setdefault(chunk.id, chunk)
        return ordered(found)
