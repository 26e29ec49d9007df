"""A graduate says so by the level of school and 毕业 (大专毕业, 本科毕业) as often as by 大学生: the raise a policy
gives 高校毕业生 applies to them. 中专毕业 names no 高校 graduate and gets the base rate.

The raise names the standard it raises as 第一条 though the notice's parts are numbered 一、二、: the article named is
the part of that number.

A fictional document written for this test (no eval set has it, nothing was tuned on it): a county's notice on the
one-off start-up subsidy with a raise for graduates.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_figures, module_engine

from assistant.offline.engine import OfflineEngine

COUNTY = """定边县人力资源和社会保障局 定边县财政局关于发放一次性创业补贴的通知
定人社发〔2026〕5号
各乡镇人民政府，县直各部门：
一、在本县首次创办小微企业或从事个体经营，正常经营6个月以上的，给予一次性创业补贴4000元。
二、高校毕业生、退役军人、登记失业人员首次创业的，一次性创业补贴在第一条规定标准基础上提高50%。
三、申请人向县公共就业服务中心提出申请，经审核公示后拨付。
四、本通知自2026年2月1日起施行，有效期3年。
"""


SHOP = "，回老家定边开了个个体小吃店，营业执照办了8个月了，一次性创业补贴能拿多少？"  # the story, after who asks

engine = module_engine("graduate_by_level", {"dingbian-2026-startup-subsidy.txt": COUNTY})


def test_a_college_graduate_by_level_gets_the_graduates_raise(engine: OfflineEngine) -> None:
    found, text = answered_figures(engine, f"我前年大专毕业{SHOP}")
    assert Decimal(6000) in found, text


def test_a_secondary_school_graduate_gets_the_base_rate(engine: OfflineEngine) -> None:
    found, text = answered_figures(engine, f"我前年中专毕业{SHOP}")
    assert Decimal(6000) not in found, text
    assert Decimal(4000) in found, text


def test_an_article_named_in_a_notice_of_numbered_parts_is_the_part_of_that_number(engine: OfflineEngine) -> None:
    question = "我是退役军人，回老家定边开了个小超市，营业执照办了10个月了，一次性创业补贴能拿多少？"
    found, text = answered_figures(engine, question)
    assert Decimal(6000) in found, text  # 4000 of 一、 raised by 50%
