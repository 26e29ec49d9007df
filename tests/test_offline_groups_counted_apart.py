"""Groups of people counted one after the other, rows named in the words people use, and a rate for everyone else.

- 招了3个应届大学生，还招了1个48岁登记失业一年多的…一共多少: two groups paid from different clauses — a part per
  group, led by their total.
- 脱贫户 and 大学生, which no document writes, choose the rows 脱贫人口 and …高校毕业生 (the synonyms' formal terms).
- 重点群体按表列标准的100%…；其他参训人员按表列标准的70%: an asker the group takes in is not "everyone else", and
  表列标准 is the table just before the clause (the training table, not the hiring one above it).

A fictional county document written for this test (no eval set has it), no sidecar.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from support import answered_with, figures, offline_engine_for

from assistant.offline.engine import OfflineEngine
from assistant.offline.groups import counted_apart

COUNTY = """石阡县人力资源和社会保障局 石阡县财政局关于做好一次性吸纳就业补贴和职业培训补贴工作的通知
石人社发〔2026〕4号
各乡镇人民政府，县直有关部门：
现就一次性吸纳就业补贴和职业培训补贴有关事项通知如下：
一、一次性吸纳就业补贴
（一）企业新招用下列人员，签订1年以上劳动合同并为其缴纳社会保险费满3个月的，按下表标准给予一次性吸纳就业补贴：
类别\t补贴标准
毕业年度及离校2年内未就业高校毕业生\t每招用1人补贴1200元
脱贫人口\t每招用1人补贴1800元
残疾人\t每招用1人补贴2400元
（二）企业招用年满45周岁、登记失业1年以上人员的，按每招用1人1000元给予一次性吸纳就业补贴。
二、职业培训补贴
（一）参加职业技能培训并取得证书的，按下表标准给予培训补贴：
职业（工种）\t补贴标准
电工（初级）\t每人1500元
家政服务员（初级）\t每人1000元
（二）脱贫人口、残疾人（以下简称“重点群体”）按表列标准的100%给予补贴；其他参训人员按表列标准的70%给予补贴。
三、本通知自2026年3月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("groups-apart"), {"shiqian-2026-employment-notice.txt": COUNTY})


def test_two_groups_paid_from_different_clauses_are_worked_out_apart_and_totalled(engine):
    # 3 × 1200 (the table's row) + 1 × 1000 (the clause for those 45 and over, out of work a year)
    question = ("石阡县一家公司今年招了3个应届大学生，还招了1个48岁、登记失业一年多的，合同都签了两年，"
                "社保交满3个月了，一次性吸纳就业补贴一共能拿多少？")
    text = answered_with(engine, question, Decimal(4600))
    assert "3600元" in text and "1000元" in text, text


@pytest.mark.parametrize(
    ("question", "paid"),
    [
        ("石阡县的厂子新招了4个脱贫户，签了一年合同，社保交了4个月，吸纳就业补贴一共多少？", Decimal(7200)),
        ("石阡县一家店招了2个离校一年没工作的大学生，签了一年合同交了社保，吸纳就业补贴一共多少？", Decimal(2400)),
    ],
)
def test_a_row_is_chosen_by_the_formal_term_of_the_words_said(engine, question, paid):
    answered_with(engine, question, paid)


def test_an_asker_in_the_named_group_is_not_everyone_else(engine):
    answer = engine.answer("我家是石阡县登记的脱贫人口，我作为参训人员上了电工初级班，拿到证了，培训补贴能补多少？")
    assert Decimal(1500) in figures(answer.answer.splitlines()[0]), answer.answer
    assert Decimal(1050) not in figures(answer.answer), answer.answer


@pytest.mark.parametrize(
    ("question", "labels"),
    [
        ("招了3个大学生和2个残疾人，一共多少", ("3个大学生", "2个残疾人")),
        ("招了3个还没工作的大学生和2个残疾人，一共多少", ("3个还没工作的大学生", "2个残疾人")),  # 还 of 还没 joins none
        ("三个人拿了高级工证，4个人拿了中级工证，一共多少", ("三个人拿了高级工证", "4个人拿了中级工证")),
        ("招了5个人见习，期满留下了3个，一共多少", None),  # some of the first: no second group
        ("招了3个，还有2个，一共多少", None),  # bare counts say no group
    ],
)
def test_groups_counted_one_after_the_other(question, labels):
    found = counted_apart(question, ["和", "还"])
    assert (found.labels if found is not None else None) == labels
