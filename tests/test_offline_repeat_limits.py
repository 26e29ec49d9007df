"""Asking whether a benefit may be had again — in words that say "again" without a count (还能再补吗, 再报名还能享受
吗) or ask for the difference after a higher certificate (补个差价) — is answered by the clause limiting how often,
not by the rates.

Fictional documents written for this test before the wordings were widened, added beside the bundled library (no eval
set has them, nothing was tuned on them): a county-level city's training subsidy measures with a clause limiting
repeats and lower levels, and its onboarding reward notice that pays no difference for a later higher certificate.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from ingest.knowledge import Knowledge

TRAINING = """绥芬河市人力资源和社会保障局关于印发《绥芬河市职业技能培训补贴实施办法》的通知
绥人社规〔2025〕3号
各有关单位：
现将《绥芬河市职业技能培训补贴实施办法》印发给你们，请遵照执行。
绥芬河市职业技能培训补贴实施办法
第一条 为提高劳动者技能水平，制定本办法。
第二条 在本市参加职业技能培训并取得职业技能等级证书的城乡劳动者，可申领职业技能培训补贴。
第三条 补贴标准：取得初级工（五级）证书的，每人800元；取得中级工（四级）证书的，每人1200元；取得高级工（三级）证书\
的，每人1800元。
第四条 同一人同一职业（工种）同一等级只能享受一次补贴，每人每个自然年度最多享受2次。已取得某职业（工种）较高等级证书\
后，再取得同一职业（工种）较低等级证书的，不予补贴。
第五条 劳动者应在取得证书之日起6个月内，向市公共就业服务机构提出申请。
第六条 本办法自2025年3月1日起施行。
"""

REWARD = """绥芬河市人力资源和社会保障局关于发放养老护理员一次性入职奖励的通知
绥人社发〔2025〕8号
各养老机构：
一、奖励标准
在本市养老机构从事一线护理工作满1年的养老护理员，持初级工证书的奖励1000元，持中级工证书的奖励2000元，持高级工及以上证书的\
奖励3000元。
二、享受限制
同一人员只能享受一次入职奖励，持有多个等级证书的按最高等级计算，领取后再取得更高等级证书的不予补差。
三、本通知自2025年5月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("repeat-limits"), {
        "suifenhe-2025-skill-training-subsidy-measures.txt": TRAINING,
        "suifenhe-2025-care-worker-reward-notice.txt": REWARD,
    })


@pytest.mark.parametrize(("question", "said"), [
    ("绥芬河的，前年考了焊工高级证领过补贴，今年又考了焊工初级证，还能再补吗？", "较低等级"),
    ("在绥芬河今年已经领过两回培训补贴了，下个月再考一个证，还可以享受吗？", "最多享受2次"),
    ("绥芬河的养老护理员，去年拿了初级证的入职奖励，今年考下高级证，能给补个差价吗？", "不予补差"),
])
def test_asking_again_is_answered_by_the_limit(engine: OfflineEngine, question: str, said: str) -> None:
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert said in body, answer.answer


def test_a_rate_question_is_not_a_repeat(engine: OfflineEngine) -> None:
    answer = engine.answer("绥芬河焊工中级证的培训补贴是多少钱？")
    body = answer.answer.split("依据")[0]
    assert "1200" in body and "较低等级" not in body, answer.answer


@pytest.mark.parametrize(("question", "asks"), [
    ("去年领过补贴，今年又考了一个证，还能领吗？", True),
    ("这个证还能再领吗", True),
    ("能不能补发差额", True),
    ("我是退役军人，又在企业上班，还能领吗？", False),  # 又 of "also", no act done again
    ("高级工补贴是多少", False),
    ("再过两个月能申请吗", False),
])
def test_what_asks_again(question: str, asks: bool) -> None:
    assert Knowledge.load().answers.repeats.asks(question) is asks
