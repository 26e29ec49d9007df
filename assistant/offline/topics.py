"""What a question asks for (amount, eligibility, list…) and which policy point the offline engine can act on.

A topic names the calculators that settle it per region; a region missing from ``calculators`` does not
regulate the point, which is how "北京技能提升补贴多少钱" is recognised as a cross-region trap.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

QuestionKind = Literal["amount", "eligibility", "procedure", "list", "general"]

_AMOUNT_RE = re.compile(
    r"多少|百分之几|几个点|几[元块万千]|有钱|补贴没|补贴标准|金额|额度|标准是|怎么算|能领|可领|领多少|补多少|比例|税前扣除|资助"
)
_ELIGIBILITY_RE = re.compile(
    r"有.{0,10}吗|有没有|有无|能不能|能否|可不可以|可以.*吗|是否|符合|有资格|够不够|算不算|能.*吗|享受.*吗|条件"
)
_PROCEDURE_RE = re.compile(r"怎么|如何|流程|程序|办理|申请|步骤|去哪|哪里")
_LIST_RE = re.compile(r"哪些|有什么|列出|包括|都有|几类|名单|清单")


def question_kind(text: str) -> QuestionKind:
    if _LIST_RE.search(text):
        return "list"
    if _AMOUNT_RE.search(text):
        return "amount"
    if _ELIGIBILITY_RE.search(text):
        return "eligibility"
    if _PROCEDURE_RE.search(text):
        return "procedure"
    return "general"


class Topic(BaseModel):
    """A policy point the offline engine knows how to act on, and where the corpus regulates it."""

    name: str
    title: str = Field(description="Short Chinese name used in answers, e.g. 技能提升补贴.")
    patterns: tuple[str, ...] = Field(description="Regexes; the first matching topic wins (most specific first).")
    calculators: dict[str, str] = Field(default_factory=dict, description="region → calculator name.")


TOPICS: tuple[Topic, ...] = (
    Topic(name="education_fund_deduction", title="职工教育经费税前扣除",
          patterns=(r"税前扣除|所得税|应纳税所得额|结转扣除|扣除",),
          calculators={"重庆市北碚区": "beibei_education_fund_deduction"}),
    Topic(name="staff_education_fund", title="职工教育经费提取",
          patterns=(r"职工教育经费|教育培训经费|教育经费",),
          calculators={"北京市": "bj_staff_education_fund"}),
    Topic(name="chief_technician_studio", title="首席技师工作室资助",
          patterns=(r"首席技师|技师工作室|工作室.*资助",),
          calculators={"北京市": "bj_chief_technician_studio_grant"}),
    Topic(name="direct_introduction", title="来京务工人员直接引进",
          patterns=(r"直接引进|进京|调进|调入|引进",),
          calculators={"北京市": "bj_direct_introduction_check"}),
    Topic(name="apprenticeship", title="企业新型学徒制培训补贴",
          patterns=(r"学徒",),
          calculators={"石家庄市": "sjz_apprenticeship_subsidy"}),
    Topic(name="veteran_training", title="退役军人免费培训",
          patterns=(r"(退役|退伍|复员|转业).*(培训|免费|补助)|(培训|免费|补助).*(退役|退伍)",),
          calculators={"重庆市北碚区": "beibei_veteran_training_check", "石家庄市": "sjz_free_training_check"}),
    Topic(name="skill_upgrade", title="技能提升补贴",
          patterns=(r"技能提升补贴|提升补贴|考证|拿证|取得.*证|证书.*补贴|(初级|中级|高级)(工|证|职业资格).*(补贴|领|多少)"
                    r"|(初级|中级|高级)(工|证|职业资格).*(有钱|钱)|失业保险.*(补贴|证)",),
          calculators={"石家庄市": "sjz_skill_upgrade_subsidy"}),
    Topic(name="free_training", title="免费职业技能培训",
          patterns=(r"免费.*(培训|学)|(培训|学).*免费|掏钱|收不收费|收费吗|要钱|花钱|自费",),
          calculators={"石家庄市": "sjz_free_training_check", "重庆市北碚区": "beibei_veteran_training_check"}),
    Topic(name="employment_training", title="就业技能培训补贴",
          patterns=(r"就业技能培训|定点培训|培训补贴.{0,8}(最高|多少|标准|上限|几)",),
          calculators={"石家庄市": "sjz_employment_training_subsidy"}),
)
def detect_topic(text: str) -> Topic | None:
    for topic in TOPICS:
        if any(re.search(pattern, text) for pattern in topic.patterns):
            return topic
    return None
