"""Heads counted and then split into two groups that make them up (25个学员，15个是脱贫劳动力，其余10个是普通农村劳动力)
are worked out group by group, each at its own rate, and led by their total — with or without a total word in the
question. Groups paid alike (4个是男的，另外2个是女的) are worked out as one.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.groups import partitioned

PREFECTURE = """恩施土家族苗族自治州人力资源和社会保障局 恩施州财政局关于实施企业吸纳就业补贴的通知
恩施州人社发〔2026〕7号
各县（市）人力资源和社会保障局、财政局：
现就实施企业吸纳就业补贴有关事项通知如下：
一、补贴对象。州内企业招用脱贫劳动力、登记失业人员，签订1年以上劳动合同并按规定缴纳社会保险费的，给予一次性吸纳就业补贴。
二、补贴标准。招用脱贫劳动力的，每人2000元；招用登记失业人员的，每人1000元。
三、本通知自2026年1月1日起施行。
"""

TRAINING = """湘西土家族苗族自治州人力资源和社会保障局关于印发《湘西州农村劳动力职业技能培训补贴实施细则》的通知
州人社发〔2026〕3号
各县市人力资源和社会保障局：
一、补贴标准
（一）培训合格并取得职业技能等级证书的，按以下标准给予培训补贴：
| 职业（工种） | 补贴标准 |
|---|---|
| 中式烹调师（初级工） | 1500元/人 |
| 电工（初级工） | 2000元/人 |
（二）分类补贴比例。脱贫劳动力按表列标准的100%给予补贴；其他农村劳动力按表列标准的60%给予补贴。
二、资金拨付。培训结束经审核通过后，先拨付应补贴总额的80%；学员就业率达到60%以上的，拨付剩余20%。
三、本细则自2026年2月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("groups-making-up-heads"), {
        "enshi-2026-absorption-subsidy-notice.txt": PREFECTURE,
        "xiangxi-2026-rural-training-rules.txt": TRAINING,
    })


def test_two_groups_at_two_shares_of_one_row(engine: OfflineEngine) -> None:
    answer = engine.answer("吉首一家培训学校办了一期中式烹调师初级培训，25个学员，15个是脱贫劳动力，"
                           "其余10个是普通农村劳动力，都拿到了证书。培训补贴第一次能先拨多少？")
    assert answer.status == "answered", answer.answer
    # 15 × 1500 × 80% = 18000; 10 × 1500 × 60% × 80% = 7200
    assert answer.answer.startswith("合计25200元"), answer.answer
    assert "【15个是脱贫劳动力】" in answer.answer and "【10个是普通农村劳动力】" in answer.answer, answer.answer


def test_two_groups_at_two_rates_without_a_total_word(engine: OfflineEngine) -> None:
    answer = engine.answer("恩施一家茶叶公司今年招了6个人，4个是脱贫劳动力，另外2个是登记失业人员，"
                           "都签了一年合同交了社保，一次性吸纳就业补贴能领多少？")
    assert answer.status == "answered", answer.answer
    assert answer.answer.startswith("合计10000元"), answer.answer  # 4 × 2000 + 2 × 1000
    assert "1000元 × 2人" in answer.answer and "2000元 × 4人" in answer.answer, answer.answer


def test_groups_paid_alike_are_worked_out_as_one(engine: OfflineEngine) -> None:
    answer = engine.answer("恩施一家茶叶公司今年招了6个脱贫劳动力，4个是男的，另外2个是女的，都签了一年合同交了社保，"
                           "一次性吸纳就业补贴能领多少？")
    assert answer.status == "answered", answer.answer
    assert "合计" not in answer.answer.split("\n", 1)[0] and "2000元 × 6人 = 12000元" in answer.answer, answer.answer


@pytest.mark.parametrize(
    ("question", "labels", "apart"),
    [
        ("招了6个人，4个是大学生，另外2个是残疾人，能补多少", ("4个是大学生", "2个是残疾人"),
         "招了4个人，4个是大学生，能补多少"),
        ("6名学员，2名是脱贫户，其余4名是其他人员。能补多少", ("2名是脱贫户", "4名是其他人员"),
         "2名学员，2名是脱贫户。能补多少"),
        ("招了6个人，4个是大学生，另外3个是残疾人，能补多少", None, None),  # 4 + 3 is not 6: no whole made up
        ("招了6个人，4个是大学生。另外2个是残疾人，能补多少", None, None),  # the groups of another sentence
        ("招了6个人，听说4个是大学生，2个是残疾人", None, None),  # a count not opening its clause
    ],
)
def test_groups_making_up_heads(question, labels, apart):
    found = partitioned(question, ["另外", "其余"])
    assert (found.labels if found is not None else None) == labels
    assert (found.apart if found is not None else None) == apart
