"""An amount asked of now and before, when the older document pays several benefits: the older clause set beside the
newer one answering is the one of the same benefit (创业带动就业补贴 capped at 2万元), not the one of another benefit
the question also names in its story (一次性创业补贴领过了), however equally both match the question.

Two fictional documents written for this test (no eval set has them, nothing was tuned on them): a city's 2021
notice paying two start-up benefits under two headings, and the 2025 measures that repeal it.
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

OLD = """滁州市人力资源和社会保障局 滁州市财政局关于做好一次性创业补贴和创业带动就业补贴发放工作的通知
滁人社秘〔2021〕40号
各县（市、区）人力资源社会保障局、财政局：
现就做好一次性创业补贴和创业带动就业补贴发放工作通知如下：
一、一次性创业补贴
（一）补贴对象。具有滁州市户籍，在本市首次创办小微企业或个体工商户，正常经营6个月以上的，可申请一次性创业补贴。
（二）补贴标准。一次性创业补贴按每户4000元的标准给予。
二、创业带动就业补贴
（一）补贴对象。创业主体吸纳劳动者就业，签订1年以上期限劳动合同并为其缴纳社会保险费满3个月的，可申请创业带动就业补贴。
（二）补贴标准。按创业主体每吸纳1人给予1500元的标准补贴，每户补贴总额最高不超过2万元。
三、本通知自2021年6月1日起施行。
"""

NEW = """滁州市人力资源和社会保障局 滁州市财政局关于印发《滁州市创业补贴管理办法》的通知
滁人社规〔2025〕6号
各县（市、区）人力资源社会保障局、财政局：
现将《滁州市创业补贴管理办法》印发给你们，请认真贯彻执行。
滁州市创业补贴管理办法
第一条　为鼓励创业带动就业，制定本办法。
第二条　在本市首次创办小微企业或个体工商户的劳动者，不受户籍限制，正常经营6个月以上的，给予一次性创业补贴每户6000元。
第三条　创业实体吸纳劳动者就业，与其签订1年以上期限劳动合同并为其缴纳社会保险费满3个月的，给予创业带动就业补贴。\
每吸纳1人补贴2000元，每户补贴总额最高不超过5万元。
第四条　本办法自2025年5月1日起施行。原《滁州市人力资源和社会保障局 滁州市财政局关于做好一次性创业补贴和创业带动就业\
补贴发放工作的通知》（滁人社秘〔2021〕40号）同时废止。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("older-figure"), {
        "chuzhou-2021-startup-subsidy-notice.txt": OLD,
        "chuzhou-2025-startup-subsidy-measures.txt": NEW,
    })


@pytest.mark.xfail(strict=True, reason="known gap: the older clause set beside the newer one is the first replaced "
                   "clause matching the question about as well (一次性创业补贴's 4000元, matched by the story); taking "
                   "the replaced clause most like the answering one was measured (lost u11-036: its 户籍 clause) and "
                   "not landed")
def test_the_older_clause_set_beside_is_the_same_benefits(engine: OfflineEngine) -> None:
    answer = engine.answer("我在滁州开了家公司，一次性创业补贴领过了，现在想问带动就业补贴每户最多能拿多少，"
                           "以前最多多少？")
    body = answer.answer.split("依据")[0]
    assert "5万元" in body and "4000元" not in body, answer.answer
    cited = {(c.doc_id, c.clause) for c in answer.citations}
    assert ("chuzhou-2021-startup-subsidy-notice", "二、（二）") in cited, answer.citations
    assert ("chuzhou-2021-startup-subsidy-notice", "一、（二）") not in cited, answer.citations
