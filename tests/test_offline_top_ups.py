"""Top-ups paid on top of a higher level's subsidy: a share of its standard the lower level pays besides it (在自治区
补贴标准基础上，按1:0.5的比例给予市级配套奖励; a table row 按自治区规定补贴标准的20% · 在自治区补贴基础上另行发放).
The answer works out the share and the sum with the higher level's standard, which it cites too; a question about the
top-up alone still sees the share.

Fictional documents written for this test before the mechanism (no eval set has them; nothing was tuned on them): an
autonomous region's measures with a rate per level, one of its cities' matching notice worded as a ratio and a
county-level city's table of its own top-ups.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, offline_engine_for

from assistant.offline.engine import OfflineEngine

REGION = """广西壮族自治区人力资源和社会保障厅 广西壮族自治区财政厅关于印发《广西壮族自治区职业技能提升补贴办法》的通知
桂人社规〔2026〕2号
各市人力资源和社会保障局、财政局：
现将《广西壮族自治区职业技能提升补贴办法》印发给你们，请遵照执行。
广西壮族自治区职业技能提升补贴办法
第一条 为鼓励劳动者提升技能水平，制定本办法。
第二条 在自治区内参加失业保险的企业职工，取得职业技能等级证书的，可申领技能提升补贴。
第三条 技能提升补贴标准为：初级工（五级）每人1000元，中级工（四级）每人1500元，高级工（三级）每人2000元，技师（二级）\
每人3000元。
第四条 职工应在取得证书之日起12个月内，通过广西人社网上服务大厅提出申请。
第五条 本办法自2026年1月1日起施行，有效期5年。
"""

CITY = """贵港市人力资源和社会保障局 贵港市财政局关于实施技能人才配套奖励的通知
贵人社发〔2026〕5号
各县（市、区）人力资源和社会保障局、财政局：
为加快技能人才队伍建设，结合我市实际，现就技能人才配套奖励有关事项通知如下：
一、本市企业职工取得高级工（三级）及以上职业技能等级证书并享受自治区技能提升补贴的，在自治区补贴标准基础上，按\
1:0.5的比例给予市级配套奖励，所需资金由市级财政承担。
二、配套奖励与自治区技能提升补贴一并申请，由市公共就业服务机构审核发放。
三、本通知自2026年3月1日起施行。
"""

COUNTY = """桂平市人力资源和社会保障局关于印发《桂平市技能人才奖补细则》的通知
桂平人社发〔2026〕1号
各乡镇人民政府、街道办事处，市直各有关单位：
现将《桂平市技能人才奖补细则》印发给你们，请认真贯彻落实。
桂平市技能人才奖补细则
一、奖补标准

| 序号 | 奖补对象 | 县级标准 | 发放方式 |
| --- | --- | --- | --- |
| 1 | 本市农产品加工企业职工取得中级工（四级）证书 | 按自治区规定补贴标准的20% | 在自治区补贴基础上另行发放 |

二、申请人应在自治区补贴到账之日起6个月内，向市就业服务中心提出申请。
三、本细则自2026年4月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("top-ups"), {
        "guangxi-2026-skill-upgrade-subsidy-measures.txt": REGION,
        "guigang-2026-skilled-talent-matching-award-notice.txt": CITY,
        "guiping-2026-skilled-talent-award-rules.md": COUNTY,
    })


@pytest.mark.parametrize("question", [
    "贵港一家企业的职工，考了技师（二级）证，自治区的补贴加上市里的配套奖励一共多少钱？",
    "我在贵港的工厂上班，今年拿到技师二级证书，自治区那份技能提升补贴和市里配套的合起来能领多少？",
])
def test_a_matching_award_in_a_ratio_is_added_to_the_higher_standard(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    paid = figures(answer.answer.split("依据：")[0])
    assert {Decimal(3000), Decimal(1500), Decimal(4500)} <= paid, answer.answer  # 3000 × 50% = 1500; 3000 + 1500
    cited = {citation.doc_id for citation in answer.citations}
    assert {"guangxi-2026-skill-upgrade-subsidy-measures", "guigang-2026-skilled-talent-matching-award-notice"} <= cited


def test_the_top_up_alone_shows_its_share(engine: OfflineEngine) -> None:
    answer = engine.answer("我在贵港上班，拿了高级工证，市里的配套奖励能给多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(1000) in figures(answer.answer.split("依据：")[0]), answer.answer  # 2000 × 50%


def test_a_table_row_paid_besides_the_higher_subsidy_is_added_to_it(engine: OfflineEngine) -> None:
    answer = engine.answer("桂平一家农产品加工厂的职工，考了中级工证，自治区的补贴加上本地另外发的，一共能领多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(answer.answer.split("依据：")[0])
    assert {Decimal(300), Decimal(1800)} <= paid, answer.answer  # 1500 × 20% = 300; 1500 + 300
    assert "guangxi-2026-skill-upgrade-subsidy-measures" in {citation.doc_id for citation in answer.citations}
