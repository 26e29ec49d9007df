"""A grid's column assigned by a sentence of its document: a table pays 一类职业 and 二类职业 different rates, and an
article says which occupations count as 一类 (焊工、电工均按一类职业执行). A question naming one of those occupations
and a level is worked out in that column, citing the article that assigns it; a question naming an occupation no
sentence assigns is not put in either column.

Fictional document written for this test (no eval set has it, nothing was tuned on it): a province's training
subsidy measures with its standards in an attached table.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, figures, module_engine, verdict

from assistant.offline.engine import OfflineEngine

MEASURES = """青海省人力资源和社会保障厅 青海省财政厅关于印发《青海省职业技能培训补贴办法》的通知
青人社规〔2026〕2号
各市州人力资源社会保障局、财政局：
现将《青海省职业技能培训补贴办法》印发给你们，请认真贯彻执行。

青海省职业技能培训补贴办法
第一条 为规范职业技能培训补贴管理，制定本办法。
第二条 本办法适用于在本省参加职业技能培训的城乡劳动者。
第三条 培训补贴按职业类别和证书等级确定，标准见附件。一类职业为紧缺职业，其余为二类职业。焊工、电工均按一类职业执行。
第四条 培训补贴直接拨付至劳动者本人社会保障卡。
第五条 本办法自2026年3月1日起施行，有效期5年。

附件

青海省职业技能培训补贴标准

证书等级	一类职业（元/人）	二类职业（元/人）
初级工（五级）职业技能等级证书	1100	900
中级工（四级）职业技能等级证书	1600	1300
高级工（三级）职业技能等级证书	2100	1700
"""

engine = module_engine("grid_column_assigned", {"qinghai-2026-training-subsidy-measures.txt": MEASURES})


def test_an_occupation_the_document_assigns_is_paid_in_its_column(engine: OfflineEngine) -> None:
    text = answered_with(engine, "我在青海，焊工考了中级工证，培训补贴能拿多少？", Decimal(1600), wrong=Decimal(1300))
    assert "第三条" in text.split("依据", 1)[-1], text  # the article that puts 焊工 in 一类 is cited


def test_an_occupation_no_sentence_assigns_is_in_neither_column(engine: OfflineEngine) -> None:
    first, text = verdict(engine, "我在青海，厨师考了中级工证，培训补贴能拿多少？")
    stated = figures(first)
    assert not (Decimal(1600) in stated and Decimal(1300) not in stated), text
