"""An age said as a range (招一个16岁到24岁之间的年轻人) describes whom the asker means, as a clause's range does: it
is no one's age, so no verdict compares its lower end with a clause's bound; an age said alone (我今年22岁) still is.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a city's measures paying
employers a one-off grant for hiring young unemployed people, beside a rural public-welfare-post age band.
"""

from __future__ import annotations

from support import module_engine, verdict

from assistant.offline.engine import OfflineEngine

DOC = """鹰潭市人力资源和社会保障局 鹰潭市财政局关于进一步稳岗扩就业的若干措施
鹰人社发〔2026〕7号
各县（市、区）人力资源和社会保障局、财政局：
一、企业招用16至24岁登记失业青年，与其签订1年以上劳动合同并缴纳社会保险费满3个月的，按每人1500元给予企业一次性吸纳就业补贴。
二、乡村公益性岗位安置人员年龄一般为18至60周岁，岗位补贴按每人每月800元发放。
三、本措施自2026年5月1日起施行。
"""

engine = module_engine("age_range_of_a_hire", {"yingtan-2026-employment-measures.txt": DOC})


def test_an_age_range_said_of_a_hire_is_no_age_judged(engine: OfflineEngine) -> None:
    question = ("我们是鹰潭的企业，招一个16岁到24岁之间登记失业的年轻人，签了两年合同，社保交了3个月，"
                "能领一次性吸纳就业补贴吗？")
    _, text = verdict(engine, question)
    assert "您的情况为16岁" not in text, text


def test_an_age_said_alone_is_still_judged(engine: OfflineEngine) -> None:
    first, text = verdict(engine, "我今年22岁，在鹰潭登记失业了，企业招我能领一次性吸纳就业补贴吗？")
    assert "符合" in first and "22岁" in first, text
