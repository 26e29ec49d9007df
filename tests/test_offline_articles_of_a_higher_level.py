"""References to an article whose standard is a table, in the clause's own document (按第五条所列对应等级标准的1.2倍)
or in a higher level's (按自治区办法第五条所列标准的110%): the article's table rows are its standard, the higher
level's document's when the reference names that level's document before the article. A question denying a list of
groups (我也不是脱贫人口、残疾人或登记失业人员) calls for none of their raises.

Fictional documents written for this test (no eval set has them; nothing was tuned on them), after the mechanisms
were found on questions about other documents.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import figures, lead, offline_engine_for

from assistant.offline.engine import OfflineEngine

REGION = """内蒙古自治区人力资源和社会保障厅 内蒙古自治区财政厅关于印发《内蒙古自治区职业技能等级认定补贴办法》的通知
内人社规〔2026〕6号
各盟市人力资源和社会保障局、财政局：
现将《内蒙古自治区职业技能等级认定补贴办法》印发给你们，请认真贯彻执行。
内蒙古自治区职业技能等级认定补贴办法
第一条　为鼓励劳动者提升职业技能，制定本办法。
第二条　在自治区行政区域内参加社会保险的劳动者取得职业技能等级证书的，可申领职业技能等级认定补贴。
第三条　职业技能等级认定补贴标准如下：

| 等级 | 补贴标准 |
| --- | --- |
| 初级工（五级） | 900元/人 |
| 中级工（四级） | 1400元/人 |
| 高级工（三级） | 1900元/人 |

第四条　脱贫人口、残疾人、登记失业人员取得职业技能等级证书的，按第三条所列对应等级标准的1.5倍给予补贴。
第五条　本办法自2026年4月1日起施行。
"""

CITY = """乌兰察布市人力资源和社会保障局 乌兰察布市财政局关于印发《乌兰察布市职业技能等级认定补贴实施细则》的通知
乌人社发〔2026〕9号
各旗县市区人力资源和社会保障局、财政局：
现将《乌兰察布市职业技能等级认定补贴实施细则》印发给你们，请结合实际贯彻落实。
乌兰察布市职业技能等级认定补贴实施细则
一、在我市参加社会保险的劳动者取得职业技能等级证书的，按自治区办法第三条所列标准的120%给予补贴。
二、本细则自2026年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("articles"), {
        "neimenggu-2026-skill-certificate-subsidy.txt": REGION,
        "wulanchabu-2026-skill-certificate-subsidy-rules.txt": CITY,
    })


def test_an_article_stating_a_table_is_the_standard_its_rows_give(engine: OfflineEngine) -> None:
    answer = engine.answer("我是残疾人，在呼和浩特上班交社保，今年考下了中级工（四级）证书，认定补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(2100) in figures(lead(answer.answer)), answer.answer  # 1400 × 1.5


def test_an_article_of_a_higher_levels_document_is_read_there(engine: OfflineEngine) -> None:
    answer = engine.answer("我在乌兰察布上班交着社保，今年拿到了高级工（三级）证书，职业技能等级认定补贴能拿多少钱？")
    assert answer.status == "answered", answer.answer
    assert Decimal(2280) in figures(lead(answer.answer)), answer.answer  # 1900 × 120%


def test_groups_the_question_denies_call_for_no_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("我在呼和浩特上班交社保，今年考了个高级工（三级）证书，"
                           "我不是脱贫人口、残疾人或登记失业人员，认定补贴能补多少？")
    assert answer.status == "answered", answer.answer
    paid = figures(lead(answer.answer))
    assert Decimal(1900) in paid and Decimal(2850) not in paid, answer.answer  # no 1.5× for a denied group
