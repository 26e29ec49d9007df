"""A city raises the province's training standard for occupations in its shortage catalogue, and withholds that raise
from staff an enterprise trains (企业组织在职职工参加目录内职业培训的，…，不再执行上浮政策): an enterprise training its
own staff in a catalogue occupation gets the province's share for enterprises, with no raise — and the clause
withholding it is cited. A jobseeker training in the same occupation still gets the raise.

Fictional documents written for this test (no eval set has them, nothing was tuned on them).
"""

from __future__ import annotations

import pytest
from support import body, offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """吉林省人力资源和社会保障厅 吉林省财政厅关于印发《吉林省职业技能培训补贴办法》的通知
吉人社规〔2025〕6号
各市（州）人力资源社会保障局、财政局：
现将《吉林省职业技能培训补贴办法》印发给你们，请认真贯彻执行。
吉林省职业技能培训补贴办法
第一条 为规范职业技能培训补贴管理，制定本办法。
第二条 劳动者参加职业技能培训并取得职业技能等级证书的，按以下标准给予培训补贴：初级工每人1500元，中级工每人2000元，\
高级工每人2800元。
第三条 企业组织在职职工参加培训的，按第二条规定标准的70%将补贴拨付给企业。
第四条 本办法自2025年4月1日起施行。
"""

CITY = """通化市人力资源和社会保障局 通化市财政局关于提高紧缺职业培训补贴标准的通知
通人社发〔2025〕11号
各县（市、区）人力资源和社会保障局、财政局：
现就提高紧缺职业培训补贴标准有关事项通知如下：
一、紧缺职业上浮。纳入《通化市紧缺职业（工种）目录》的职业（工种），培训补贴在省定标准基础上上浮30%。\
目录包括电工、焊工、养老护理员等职业。
二、企业职工培训。企业组织在职职工参加目录内职业培训的，按省办法第三条规定的比例拨付给企业，不再执行上浮政策。
三、本通知自2025年6月1日起施行。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("raise-withheld"), {
        "jilin-2025-vocational-training-subsidy-measures.txt": PROVINCE,
        "tonghua-2025-scarce-occupation-training-notice.txt": CITY,
    })


def test_an_enterprise_training_its_staff_gets_no_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("通化一家机械厂组织了10名在职员工参加电工中级工培训，全部拿到证了，电工在市里紧缺目录上。"
                           "厂里能领多少培训补贴？")
    said = body(answer)
    assert "14000元" in said, answer.answer  # 2000元 × 70% × 10人
    assert "18200元" not in said, answer.answer  # with the withheld 30% raise
    assert any(c.clause.startswith("二") for c in answer.citations if c.doc_id.startswith("tonghua")), answer.answer


def test_a_jobseeker_still_gets_the_raise(engine: OfflineEngine) -> None:
    answer = engine.answer("我在通化登记失业了，参加电工培训考了中级工证，电工在紧缺目录里，培训补贴能拿多少？")
    assert "2600元" in body(answer), answer.answer  # 2000元 × (1 + 30%)


ENCOURAGING = """白山市人力资源和社会保障局 白山市财政局关于提高紧缺职业培训补贴标准的通知
白人社发〔2025〕7号
各县（市、区）人力资源和社会保障局、财政局：
现就提高紧缺职业培训补贴标准有关事项通知如下：
一、紧缺职业上浮。纳入《白山市紧缺职业（工种）目录》的职业（工种），培训补贴在省定标准基础上上浮30%。\
目录包括电工、焊工等职业。
二、鼓励企业组织在职职工不断提高职业技能水平。
三、本通知自2025年6月1日起施行。
"""


def test_a_word_that_only_opens_with_a_negation_withholds_nothing(tmp_path_factory: pytest.TempPathFactory) -> None:
    engine = offline_engine_for(tmp_path_factory.mktemp("raise-not-withheld"), {
        "jilin-2025-vocational-training-subsidy-measures.txt": PROVINCE,
        "baishan-2025-scarce-occupation-training-notice.txt": ENCOURAGING,
    })
    answer = engine.answer("白山一家机械厂组织了10名在职员工参加电工中级工培训，全部拿到证了，电工在市里紧缺目录上。"
                           "厂里能领多少培训补贴？")
    assert "18200元" in body(answer), answer.answer  # 2000元 × 70% × (1 + 30%) × 10人: 不断提高 withholds nothing
