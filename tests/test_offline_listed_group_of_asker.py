"""An answer resting on a clause that pays by a list says which of its items the question's people or things are,
each cited: 刚毕业还没工作的大学生 is 毕业年度及离校2年内未就业高校毕业生 of 企业吸纳下列人员就业…：; a firm
做生物医药的 is （1）生物医药及医疗器械产业 of the 目录 a sibling item gives for 属于市级重点产业目录的. An item
the question denies (不是大学生), one whose threshold the asker's facts fail (失业了五个月 of 登记失业一年以上)
and a phrase saying no item's words (做服装的) single nothing out.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

WUHU = """芜湖市人力资源和社会保障局 芜湖市财政局关于实施一次性吸纳就业补贴的通知
芜人社发〔2026〕15号
各县（市、区）人力资源和社会保障局、财政局：
现就实施一次性吸纳就业补贴有关事项通知如下：
一、补贴对象和标准
（一）本市企业吸纳下列人员就业，签订1年以上劳动合同并按规定缴纳社会保险费满6个月的，按每吸纳1人1000元给予一次性吸纳就业补贴：
1.脱贫劳动力（含防止返贫监测对象）；
2.毕业年度及离校2年内未就业高校毕业生；
3.登记失业一年以上的长期失业人员。
（二）每户企业每年享受补贴累计不超过10万元。
二、本通知自2026年3月1日起施行，有效期至2028年12月31日。
"""

# the clause names a list (目录) a sibling item gives, with a lead-in line of its own and no chunk for it
CHANGDE = """常德市人力资源和社会保障局 常德市财政局关于支持重点产业企业稳岗扩岗的通知
常人社发〔2026〕7号
各区县（市）人力资源和社会保障局、财政局：
一、提高重点产业企业扩岗补贴
（一）重点产业企业
1.企业属于市级重点产业目录的，招用毕业年度高校毕业生，签订1年以上劳动合同的，按每人2000元给予一次性扩岗补贴，每户企业每年最高不超过5万元。
2.目录实行年度调整，本年度目录包括以下产业：
（1）生物医药及医疗器械产业；
（2）装备制造及新能源汽车产业；
（3）农产品精深加工产业。
二、本通知自2026年4月1日起施行。
"""

# the clause names its list by the list's name (紧缺工种), which an item of another item of its section leads in
JINHU = """金湖县人力资源和社会保障局关于紧缺工种培训补贴的通知
金人社发〔2026〕2号
各镇人民政府：
一、紧缺工种培训补贴
（一）脱贫劳动力参加紧缺工种培训并取得中级工（四级）证书的，按每人2000元给予职业培训补贴。
（二）紧缺工种目录实行年度管理。
1.本县2026年度紧缺工种目录包括以下职业（工种）：
（1）动力电池装配工（含储能电池方向）
（2）养老护理员（含失能老人照护方向）
（3）焊工（含机器人焊接方向）
2.目录每年1月由县人力资源和社会保障局发布。
二、本通知自2026年3月1日起施行。
"""

HIRED = "芜湖的企业，招了一个{}，签了两年合同，社保交了7个月，能拿多少吸纳就业补贴？"
MEMBERS = "对照所列情形"


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("listed-group"),
                              {"wuhu-2026-absorption-subsidy-notice.txt": WUHU,
                               "changde-2026-key-industry-job-expansion-notice.txt": CHANGDE,
                               "jinhu-2026-shortage-trades-training-notice.txt": JINHU})


def _clauses(answer) -> list[str]:
    return [c.clause for c in answer.citations]


def test_the_asker_s_group_is_named_and_cited(engine: OfflineEngine) -> None:
    answer = engine.answer(HIRED.format("今年刚毕业还没工作的大学生"))
    assert answer.status == "answered", answer.answer
    assert "共1000元" in body(answer), answer.answer
    assert "一、（一）2" in _clauses(answer), answer.answer  # 大学生 → 高校毕业生
    assert "一、（一）3" not in _clauses(answer), answer.answer  # 没工作 says no 长期失业人员 as strongly
    assert "“毕业年度及离校2年内未就业高校毕业生”[2]" in body(answer), answer.answer


def test_a_denied_group_is_not_the_asker_s(engine: OfflineEngine) -> None:
    answer = engine.answer("芜湖一家厂，招的人不是大学生，是脱贫户，合同签了一年，社保交了半年，能领吸纳就业补贴吗？")
    assert answer.status == "answered", answer.answer
    assert "一、（一）1" in _clauses(answer), answer.answer
    assert "一、（一）2" not in _clauses(answer), answer.answer


def test_a_group_whose_threshold_the_asker_fails_is_not_named(engine: OfflineEngine) -> None:
    short = engine.answer(HIRED.format("失业了五个月的人"))
    assert MEMBERS not in short.answer and "一、（一）3" not in _clauses(short), short.answer
    long = engine.answer(HIRED.format("失业了一年半的人"))
    assert "一、（一）3" in _clauses(long), long.answer


def test_a_question_naming_no_group_names_none(engine: OfflineEngine) -> None:
    answer = engine.answer("芜湖企业招人能拿多少吸纳就业补贴？")
    assert answer.status == "answered", answer.answer
    assert MEMBERS not in answer.answer and _clauses(answer) == ["一、（一）"], answer.answer


def test_the_item_of_a_list_a_sibling_gives_is_named(engine: OfflineEngine) -> None:
    answer = engine.answer("常德做生物医药的企业，招了3个应届大学生，签了一年合同，扩岗补贴一共多少？")
    assert answer.status == "answered", answer.answer
    assert "共6000元" in body(answer), answer.answer
    assert "一、（一）2（1）" in _clauses(answer), answer.answer
    other = engine.answer("常德做服装的企业，招了3个应届大学生，签了一年合同，扩岗补贴一共多少？")
    assert MEMBERS not in other.answer and not any(c.startswith("一、（一）2") for c in _clauses(other)), other.answer


def test_the_item_of_a_list_named_by_its_name_is_named(engine: OfflineEngine) -> None:
    answer = engine.answer("我是金湖的脱贫户，参加养老护理员培训拿到了中级工（四级）证书，职业培训补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    clauses = _clauses(answer)
    assert "一、（二）1（2）" in clauses, answer.answer
    assert "一、（二）1（1）" not in clauses, answer.answer  # 动力 of 脱贫劳动力 is no word of 动力电池装配工
