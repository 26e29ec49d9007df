"""A window since an event (离校2年内, 取得证书之日起12个月内) set on one group of a 、-list of who may have a benefit
is that group's: a time the asker tells about something else (店开了十个月) is not compared with it.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a county's rules for a
one-off start-up grant whose target groups are listed in one sentence, one of them bounded by a window.
"""

from __future__ import annotations

from support import module_engine, verdict

from assistant.offline.engine import OfflineEngine

RULES = """桑植县人力资源和社会保障局 桑植县财政局关于印发《桑植县一次性创业补贴实施细则》的通知
桑人社发〔2026〕3号
各乡镇人民政府，县直各有关单位：
第一条 为鼓励返乡入乡创业，制定本细则。
第二条 补贴对象为在本县首次创办小微企业或者从事个体经营的返乡创业农民工、毕业年度和离校2年内高校毕业生、登记失业人员。
第三条 一次性创业补贴标准为每户3000元。
第四条 本细则自2026年3月1日起施行。
"""


engine = module_engine("window_of_a_listed_group", {"sangzhi-2026-startup-grant-rules.txt": RULES})


def test_a_time_told_of_something_else_is_not_compared_with_another_groups_window(engine: OfflineEngine) -> None:
    # 十个月 is how long the shop has been open, 离校2年内 is the graduates' window: no verdict rests on the two
    question = "我是返乡创业农民工，在桑植开了家小餐馆，个体户执照办了十个月了，能领一次性创业补贴吗？"
    _, text = verdict(engine, question)
    assert "您的情况为10个月" not in text, text


def test_the_window_still_judges_the_group_it_bounds(engine: OfflineEngine) -> None:
    first, text = verdict(engine, "我是高校毕业生，离校三年了，在桑植开了个小店，能领一次性创业补贴吗？")
    assert "不符合" in first and "2年内" in first, text
