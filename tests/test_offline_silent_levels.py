"""An answer for a place without a rule of its own on the point, taken from a wider level's document, cites that
document's clause saying it applies where a lower level made no rule (市县未另行规定的，按本办法执行): why the wider
rule holds there. A place whose own document answers gets no such citation.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's measures on
a one-off job-seeking subsidy with a clause for where counties are silent, and one county's own rule.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

PROVINCE = """安徽省人力资源和社会保障厅 安徽省财政厅关于印发《安徽省一次性求职创业补贴管理办法》的通知
皖人社规〔2026〕5号
各市人力资源社会保障局、财政局：
现将《安徽省一次性求职创业补贴管理办法》印发给你们，请认真贯彻执行。
第一条　本办法适用于本省行政区域内一次性求职创业补贴的发放管理。
第二条　毕业年度内有就业创业意愿并积极求职创业的低保家庭、脱贫家庭高校毕业生，可申领一次性求职创业补贴。
第三条　一次性求职创业补贴标准为每人1000元。
第四条　各市、县已出台规定且标准不低于本办法的，按当地规定执行；市县未另行规定的，按本办法执行。
第五条　本办法自2026年3月1日起施行，有效期5年。
安徽省人力资源和社会保障厅 安徽省财政厅
2026年2月10日
"""

COUNTY = """金寨县人力资源和社会保障局关于一次性求职创业补贴的通知
金人社发〔2026〕2号
各乡镇人民政府，县直有关单位：
一、本县低保家庭、脱贫家庭毕业年度高校毕业生的一次性求职创业补贴标准为每人1200元。
二、本通知自2026年5月1日起施行，有效期3年。
金寨县人力资源和社会保障局
2026年4月20日
"""

PROVINCE_DOC = "anhui-2026-job-seeking-subsidy"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("silent"), {
        f"{PROVINCE_DOC}.txt": PROVINCE, "jinzhai-2026-job-seeking-subsidy.txt": COUNTY,
    })


def test_a_place_without_its_own_rule_cites_why_the_wider_rule_holds(engine: OfflineEngine) -> None:
    answer = engine.answer("霍邱县的低保家庭大学生，一次性求职创业补贴能领多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1000) in figures(answer.answer), answer.answer
    cited = [(c.doc_id, c.clause) for c in answer.citations]
    assert (PROVINCE_DOC, "第四条") in cited, cited
    assert "没有另行规定" in answer.answer.split("依据：")[0], answer.answer  # said before the sources
    assert answer.answer.rstrip().endswith("市县未另行规定的，按本办法执行。”"), answer.answer  # its sentence quoted


def test_a_place_with_its_own_rule_gets_no_such_citation(engine: OfflineEngine) -> None:
    answer = engine.answer("金寨县的低保家庭大学生，一次性求职创业补贴能领多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1200) in figures(answer.answer), answer.answer
    assert all(c.clause != "第四条" for c in answer.citations), answer.citations
    assert "没有另行规定" not in answer.answer, answer.answer
