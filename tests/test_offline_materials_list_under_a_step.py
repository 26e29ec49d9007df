"""What to hand in, asked as a list (企业要交哪几样材料), is the list of materials — even when it stands under one step
of a procedure section and its lead-in line (（二）企业申请…需提交以下材料：) is no clause the search can find: the
answer lists its items, each cited, not the procedure's steps.

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

COUNTY = """沭阳县人力资源和社会保障局 沭阳县财政局关于实施稳岗扩岗补贴的通知
沭人社发〔2026〕8号
各乡镇人民政府、街道办事处，县各有关部门：
一、补贴标准
（一）县内企业新招用登记失业人员，签订1年以上劳动合同并缴纳社会保险费满6个月的，按每人1000元给予稳岗扩岗补贴。
二、申领程序
（一）稳岗扩岗补贴由企业在新招用人员缴费满6个月之日起2个月内申请，逾期不予受理。
（二）企业申请稳岗扩岗补贴需提交以下材料：
1.稳岗扩岗补贴申请表；
2.新招用人员花名册及劳动合同复印件；
3.新招用人员登记失业证明。
（三）县公共就业服务中心自受理之日起15个工作日内完成审核，审核结果公示5个工作日。
（四）申请地点为沭阳县政务服务中心二楼人社窗口。
三、本通知自2026年6月1日起施行。
"""

# the lead-in is an article's second sentence, its heading the first (扩岗补贴按季度申领)
ARTICLES = """泗洪县见习补贴实施细则
泗人社规〔2026〕4号
第一条 为做好就业见习工作，制定本细则。
第二条 见习单位吸纳离校2年内未就业高校毕业生参加见习的，按每人每月1200元给予见习补贴。
第三条 见习补贴按季度申领。见习单位应当于每季度结束后次月10日前提交下列材料：
（一）见习补贴申请表；
（二）见习人员花名册；
（三）见习人员考勤记录。
第四条 本细则自2026年7月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("materials"), {"shuyang-2026-job-expansion-notice.txt": COUNTY,
                                                                  "sihong-2026-internship-rules.txt": ARTICLES})


@pytest.mark.parametrize("question", ["在沭阳申请稳岗扩岗补贴，企业要交哪几样材料？",
                                      "沭阳的稳岗扩岗补贴需要准备哪些材料？"])
def test_the_materials_are_listed_not_the_steps(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    clauses = [c.clause for c in answer.citations]
    assert clauses[:3] == ["二、（二）1", "二、（二）2", "二、（二）3"], answer.answer
    assert "二、（四）" not in clauses, answer.answer


def test_a_list_led_in_by_an_article_s_second_sentence_is_of_materials(engine: OfflineEngine) -> None:
    answer = engine.answer("泗洪的见习单位按季度申请见习补贴，要准备哪些材料？")
    assert answer.status == "answered", answer.answer
    assert [c.clause for c in answer.citations][:3] == ["第三条（一）", "第三条（二）", "第三条（三）"], answer.answer
