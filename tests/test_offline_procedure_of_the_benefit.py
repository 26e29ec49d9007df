"""A procedure question about one benefit is answered from that benefit's procedure clause, not from another
benefit's clause of the same chapter that says more of the asked aspect's words: a clause whose own text names only
another benefit (社会保险补贴实行先缴后补…按季度申领) is about that benefit. "还来得及吗" asks for the deadline.

One fictional document written for this test (no eval set has it, nothing was tuned on it): two benefits sharing
one procedure chapter.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

DEADLINE = ("第三条　企业应当在招用人员参保缴费满1个月之日起6个月内申领一次性扩岗补贴，逾期不予受理。"
            "企业可通过“黑龙江人社”APP在线申请，也可到参保地就业服务机构窗口办理。")
PROVINCE = f"""黑龙江省人力资源和社会保障厅 黑龙江省财政厅关于印发《黑龙江省稳岗扩岗补贴办法》的通知
黑人社规〔2025〕9号
各市（地）人力资源和社会保障局、财政局：
现将《黑龙江省稳岗扩岗补贴办法》印发给你们，请认真贯彻执行。
第一章　扩岗补贴
第一条　企业招用毕业年度高校毕业生并签订1年以上劳动合同的，按每人1000元给予一次性扩岗补贴。
第二章　岗位补贴
第二条　企业招用就业困难人员的，按每人每月300元给予岗位补贴，最长不超过3年。
第三章　申领程序
{DEADLINE}
第四条　岗位补贴实行按季度申领。企业在每季度结束后次月10日前提出申请，每年1月、7月集中受理补报。
第四章　附则
第五条　本办法自2025年4月1日起施行，有效期5年。
黑龙江省人力资源和社会保障厅 黑龙江省财政厅
2025年3月12日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("procedure"), {
        "heilongjiang-2025-job-subsidies.txt": PROVINCE})


def test_the_deadline_asked_comes_from_the_benefits_own_clause(engine: OfflineEngine) -> None:
    answer = engine.answer("齐齐哈尔一家企业，今年三月招了个应届大学生，一次性扩岗补贴现在去申请还来得及吗？在哪申请？")
    assert "6个月内申领一次性扩岗补贴" in answer.answer, answer.answer
    assert "按季度申领" not in answer.answer, answer.answer
    assert [c.clause for c in answer.citations] == ["第三条"], answer.answer
    assert "规定：第" not in answer.answer, answer.answer  # the answer's sentence without its article number
