"""A time limit to apply asked in any of its spoken forms (几天之内交, 多少天以内申请, 几天内交) asks when to apply: the
clause setting the deadline is quoted. (The question is still also read as asking a number — 几天 — so the benefit's
figure is given beside it; reading it as the procedure's only lost read-set items whose deadline clause the procedure
search does not find: left for the next step.)

Fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

CITY = """天水市人力资源和社会保障局 天水市财政局关于做好职业技能培训补贴申领工作的通知
天人社发〔2025〕14号
各县（区）人力资源和社会保障局、财政局：
现就职业技能培训补贴申领有关事项通知如下：
一、补贴标准。参加职业技能培训并取得职业技能等级证书的，按初级工每人1200元、中级工每人1600元给予培训补贴。
二、申领时限。学员个人申领的，应在培训结业之日起45日内提出申请，逾期不予受理。
三、审核发放。人力资源社会保障部门自受理之日起15个工作日内完成审核。
四、本通知自2025年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("time-limit-asked"), {
        "tianshui-2025-training-subsidy-claim-notice.txt": CITY,
    })


@pytest.mark.parametrize("question", [
    "天水的培训班结业了，培训补贴要在几天之内交申请？",
    "天水的培训班结业了，培训补贴多少天以内要申请？",
    "天水的培训班结业了，培训补贴几天内交？",
])
def test_the_deadline_to_apply_answers(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    said = "\n".join(line for line in answer.answer.splitlines() if not line.startswith("["))  # every part, no quotes
    assert "45日内" in said, answer.answer
