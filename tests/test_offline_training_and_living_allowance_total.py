"""A total of a training subsidy and the living allowance paid during the training (职业培训补贴和培训期间生活费补贴
加起来): each benefit is its own part — 培训期间生活费补贴 is one name, however many words it runs to, and no kind of
职业培训补贴 — and a raise of so much a day (在省定标准基础上每人每天提高8元) raises the allowance paid by the day,
never the subsidy paid once per head: 1500 + (35 + 8) × 20 = 2360元, not (1500 + 8) + ….

A fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline.adjustment import Levels, added_fits, adjustments
from assistant.offline.engine import OfflineEngine
from ingest.models import Chunk

PROVINCE = """江苏省人力资源和社会保障厅 江苏省财政厅关于印发《江苏省职业培训补贴管理办法》的通知
苏人社规〔2026〕14号
各设区市人力资源和社会保障局、财政局：
现将《江苏省职业培训补贴管理办法》印发给你们，请认真贯彻执行。
江苏省职业培训补贴管理办法
第一条 为提升劳动者职业技能，制定本办法。
第二条 脱贫劳动力、登记失业人员参加就业技能培训并取得证书的，按以下标准给予职业培训补贴：
（一）取得初级工（五级）证书的，每人补贴1000元；
（二）取得中级工（四级）证书的，每人补贴1500元。
第三条 脱贫劳动力参加就业技能培训期间，给予培训期间生活费补贴，按每人每天35元的标准计算，最多不超过25天。
第四条 本办法自2026年2月1日起施行。
"""

CITY = """淮安市人力资源和社会保障局 淮安市财政局关于提高培训期间生活费补贴标准的通知
淮人社发〔2026〕6号
各县（区）人力资源和社会保障局、财政局：
一、培训期间生活费补贴在省定标准基础上每人每天提高8元，补贴天数按省规定执行。
二、本通知自2026年4月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("training-living"),
                              {"jiangsu-2026-training-subsidy-measures.txt": PROVINCE,
                               "huaian-2026-living-allowance-notice.txt": CITY})


def said(answer) -> str:
    return answer.answer.split("\n依据：")[0]


def test_the_two_benefits_are_worked_out_apart_and_added_up(engine: OfflineEngine) -> None:
    answer = engine.answer("我是盱眙的脱贫户，在盱眙参加了20天的电工培训，拿到了中级工（四级）证书。"
                           "职业培训补贴和培训期间生活费补贴加起来能拿多少？")
    assert answer.status == "answered", answer.answer
    assert answer.answer.startswith("合计2360元"), answer.answer  # 1500 + 43 × 20
    assert "1508元" not in said(answer), answer.answer  # the day's raise is no raise of the one-off subsidy


def test_a_raise_by_the_day_raises_no_sum_paid_once(engine: OfflineEngine) -> None:
    answer = engine.answer("我是盱眙的脱贫户，在盱眙参加电工培训，拿到了中级工（四级）证书，职业培训补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert "1500元" in said(answer) and "1508元" not in said(answer), answer.answer


def test_the_day_s_raise_is_worked_on_the_rate_by_the_day(engine: OfflineEngine) -> None:
    answer = engine.answer("我是盱眙的脱贫户，参加电工培训20天，拿到了中级工（四级）证书，培训期间生活费补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert "共860元" in said(answer), answer.answer  # (35 + 8) × 20


def _chunk(path: str, text: str) -> Chunk:
    return Chunk(id=path, doc_id="d", title="某通知", clause_path=path, text=text, region="某市", level="city")


def test_a_sum_added_by_the_day_fits_only_a_rate_by_the_day() -> None:
    [by_day] = adjustments(_chunk("一、", "一、培训期间生活费补贴在省定标准基础上每人每天提高8元。"), Levels({}))
    assert not added_fits(by_day, _chunk("第二条（二）", "（二）取得中级工（四级）证书的，每人补贴1500元。"))
    assert added_fits(by_day, _chunk("第三条", "第三条 生活费补贴按每人每天35元的标准计算。"))
    [by_head] = adjustments(_chunk("二、", "二、职业培训补贴在省定标准基础上每人增加300元。"), Levels({}))
    assert added_fits(by_head, _chunk("第二条（二）", "（二）取得中级工（四级）证书的，每人补贴1500元。"))
