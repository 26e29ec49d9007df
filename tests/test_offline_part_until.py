"""A document part running until a date of its own (其中，一次性吸纳就业补贴政策执行至2027年12月31日) is quoted when the
question asks until when that policy runs — the sentence says when something ends, though not the whole document
(whose own end it never sets).

A fictional document written for this test (no eval set has it; nothing was tuned on it), after a question about
another notice was answered with its effective date only.
"""

from __future__ import annotations

from support import module_engine

from assistant.offline.engine import OfflineEngine
from ingest.validity import states_validity

NOTICE = """沧州市人力资源和社会保障局 沧州市财政局关于做好一次性吸纳就业补贴和岗位补贴工作的通知
沧人社发〔2026〕21号
各县（市、区）人力资源和社会保障局、财政局：
一、企业招用毕业年度高校毕业生，签订1年以上劳动合同并缴纳失业保险费满3个月的，按每人1000元给予一次性吸纳就业补贴。
二、企业招用就业困难人员的，按每人每月300元给予岗位补贴。
三、执行期限
本通知自2026年8月1日起施行。其中，一次性吸纳就业补贴政策执行至2027年12月31日。
"""

engine = module_engine("part-until", {"cangzhou-2026-absorption-subsidy-notice.txt": NOTICE})


def test_a_part_running_until_a_date_states_validity() -> None:
    assert states_validity("其中，一次性吸纳就业补贴政策执行至2027年12月31日。")
    assert not states_validity("按每人1000元给予一次性吸纳就业补贴。")


def test_until_when_a_part_runs_is_quoted(engine: OfflineEngine) -> None:
    answer = engine.answer("沧州的一次性吸纳就业补贴政策执行到什么时候？")
    assert answer.status == "answered", answer.answer
    assert "2027年12月31日" in answer.answer, answer.answer
