"""A materials list written inside one clause (并提交以下材料：（一）…；（二）…；（三）…。), its items parted by ；
rather than clauses of their own: a question asking what to bring is answered with every item, not the lead-in and
the first one or two.

Fictional document written for this test (no eval set has it, nothing was tuned on it), after the mechanism was found
on a question about another province's enterprise-training rules.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """绵阳市人力资源和社会保障局 绵阳市财政局关于印发《绵阳市企业新型学徒制补贴申领办法》的通知
绵人社发〔2026〕12号
各县（市、区）人力资源和社会保障局、财政局：
现将《绵阳市企业新型学徒制补贴申领办法》印发给你们，请认真贯彻执行。
第一条 企业新型学徒制培训补贴按每人每年5000元的标准给予，培训期最长不超过2年。
{materials}
第三条 本办法自2026年5月1日起施行。
""".format(materials="第二条 企业应当在学徒培训期满之日起3个月内向参保地人社部门提出申请，并提交以下材料："
           "（一）企业新型学徒制补贴申请表；（二）学徒花名册及劳动合同；（三）培训计划和教学记录；"
           "（四）学徒考核合格证明；（五）企业对公账户信息。")


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("inline_materials"), {
        "mianyang-2026-apprenticeship-claims.txt": CITY})


@pytest.mark.parametrize("question", ["绵阳的企业申请新型学徒制补贴，要准备哪些材料？",
                                      "在绵阳给学徒申领学徒制培训补贴，企业需要交什么材料"])
def test_every_item_of_an_inline_list_is_shown(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    lead = answer.answer.split("依据", 1)[0]
    for item in ("申请表", "花名册", "教学记录", "考核合格证明", "对公账户"):
        assert item in lead, answer.answer
    assert {c.clause for c in answer.citations} == {"第二条"}, answer.citations
