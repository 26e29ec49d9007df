"""A programme the question names by name (以工代训) that no document of the library names is answered by no clause:
the asked place's clauses on other benefits (a monthly allowance, a top-up) are not its rules, and no other region is
said to regulate it.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a prefecture city's measures
on a monthly post allowance and a training subsidy, silent on work-for-training.
"""

from __future__ import annotations

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

CITY = """保山市人力资源和社会保障局 保山市财政局关于支持企业稳岗扩岗的若干措施
保人社发〔2026〕3号
各县（市、区）人力资源和社会保障局、财政局：
一、企业新招用登记失业人员并签订1年以上劳动合同的，按每人每月600元给予岗位补贴，补贴期限最长12个月。
二、企业组织新招用职工参加岗前培训并取得合格证书的，在省定培训补贴标准基础上每人再给予300元。
三、本措施自2026年3月1日起施行，有效期2年。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("programme"), {"baoshan-2026-posts.txt": CITY})


def test_a_programme_no_document_names_is_no_rule_of_the_place(engine: OfflineEngine) -> None:
    answer = engine.answer("保山的企业搞以工代训，每人每月能补贴多少？")
    assert answer.status == "not_found", answer.answer
    assert not figures(answer.answer.split("本库目前收录")[0])
    assert "只有" not in answer.answer  # no other region is said to regulate it


def test_the_places_own_benefit_is_still_answered(engine: OfflineEngine) -> None:
    answer = engine.answer("保山的企业新招了登记失业人员，签了两年合同，岗位补贴每人每月多少？")
    assert answer.status == "answered" and "600元" in answer.answer
