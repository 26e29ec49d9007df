"""An allowance a document grants per apprentice and month, with a cap on apprentices and on months, worked out for
a master who says how many apprentices he leads and for how long — not answered by the province's apprentice
training table of the same topic.

Four mechanisms meet here, each general:
- 每带1名学徒每月给予N元 is a rate per head and month (the one counted named between 1名 and 每月);
- 一个老师傅 opening the question introduces whom it is about, it is no count beside 带了5个徒弟;
- beside the term a fact reads (学徒期两年), a duration the asker only worked (干了八年) is not the term paid for;
- 这个带徒津贴, a benefit the question names in its own words (the library has no name for it), is not answered by
  a figure granting another kind (the province's 学徒培训补贴 rate) while a clause found grants one of its kind.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """四川省人力资源和社会保障厅 四川省财政厅关于印发《四川省企业新型学徒制培训补贴办法》的通知
川人社规〔2025〕3号
各市（州）人力资源社会保障局、财政局：
现将《四川省企业新型学徒制培训补贴办法》印发给你们，请遵照执行。
四川省企业新型学徒制培训补贴办法
第一条 为规范企业新型学徒制培训补贴管理，制定本办法。
第二条 企业新型学徒制培训补贴标准为：中级工每人每年5000元，高级工每人每年7000元，补贴期限最长不超过2年。
第三条 本办法自2025年5月1日起施行。
"""

CITY = """绵阳市人力资源和社会保障局 绵阳市财政局关于深化企业新型学徒制的通知
绵人社发〔2025〕9号
各县（市、区）人力资源和社会保障局、财政局：
现就深化企业新型学徒制有关事项通知如下：
一、学徒培训
学徒培训补贴按省办法规定执行。
二、设立带徒师傅津贴
（一）师傅条件。带徒师傅应具有高级工及以上职业技能等级，且在本企业连续工作满3年。
（二）津贴标准。每带1名学徒每月给予师傅津贴400元，每名师傅同时带徒不超过2名，同一学徒对应的津贴最长发放10个月。
三、本通知自2025年8月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("allowance-per-apprentice"), {
        "sichuan-2025-apprenticeship-subsidy-measures.txt": PROVINCE,
        "mianyang-2025-apprenticeship-notice.txt": CITY,
    })


def test_the_allowance_is_worked_out_with_both_caps(engine: OfflineEngine) -> None:
    answer = engine.answer("绵阳一个老师傅，高级工证，在厂里干了八年了，同时带了5个徒弟，学徒期都是两年，"
                           "这个带徒津贴他最多能拿多少？")
    said = body(answer)
    assert "8000元" in said, answer.answer  # 400元 × 2名 × 10个月
    assert "7000元" not in said, answer.answer  # the province's 高级工 apprentice rate is another benefit


def test_the_apprentice_count_alone_is_capped(engine: OfflineEngine) -> None:
    answer = engine.answer("我是绵阳一家企业的带徒师傅，带了3个学徒，每个月能拿多少带徒津贴？")
    said = body(answer)
    assert "800元" in said, answer.answer  # 400元 × 2名 for one month
