"""A raise whose condition names an article of a higher level's document works that article its own way, and cites it.

A city raises the province's standard for those 属于省办法第三条规定的 (脱贫人口…和残疾人): first the province's 120%,
then 100元 more. For a 残疾人 in the city that raise answers — the province's 第三条 (its 120% alone) is no raise of its
own beside it — and the answer cites 第三条, which says who the raise is for, beside the city's raise and the
province's standard (``StandardResolver.named_articles``). Another city's raise naming those groups only by the
article (属于省办法第三条规定人员) is called by them too (``StandardResolver.with_articles``). Asked about the
province, its 第三条 alone applies.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's measures
and two cities' notices raising them.
"""

from __future__ import annotations

from decimal import Decimal

from support import answered_with, module_engine

from assistant.offline.engine import OfflineEngine

PROVINCE = """湖南省人力资源和社会保障厅 湖南省财政厅关于印发《湖南省以工代训补贴办法》的通知
湘人社规〔2026〕2号
各市州人力资源和社会保障局、财政局：
现将《湖南省以工代训补贴办法》印发给你们，请认真贯彻执行。
第一条 为稳定和扩大就业，制定本办法。
第二条 企业吸纳劳动者就业并开展以工代训的，按每人每月500元给予以工代训补贴，补贴期限最长不超过6个月。
第三条 吸纳的劳动者为脱贫人口、防止返贫监测对象或者残疾人的，以工代训补贴按第二条规定标准的120%执行。
第四条 本办法自2026年1月1日起施行。
"""

CITY = """岳阳市人力资源和社会保障局 岳阳市财政局关于提高以工代训补贴标准的通知
岳人社发〔2026〕5号
各县市区人力资源和社会保障局、财政局：
一、企业吸纳属于省办法第三条规定的脱贫人口、防止返贫监测对象和残疾人并开展以工代训的，先按省定标准的120%计算，再增加100元；增加的100元不参与120%的计算。
二、本通知自2026年3月1日起施行。
"""

OTHER_CITY = """常德市人力资源和社会保障局 常德市财政局关于以工代训补贴有关事项的通知
常人社发〔2026〕8号
各区县（市）人力资源和社会保障局、财政局：
一、企业吸纳属于省办法第三条规定人员并开展以工代训的，先按省定标准的120%计算，再增加150元。
二、本通知自2026年3月1日起施行。
"""

engine = module_engine("condition_names_an_article", {
    "hunan-2026-work-based-training-measures.txt": PROVINCE,
    "yueyang-2026-work-based-training-notice.txt": CITY,
    "changde-2026-work-based-training-notice.txt": OTHER_CITY,
})


def test_the_article_the_condition_names_is_cited(engine: OfflineEngine) -> None:
    text = answered_with(engine, "岳阳一家企业以工代训招了一个残疾人，每人每月的以工代训补贴是多少？", Decimal(700),
                         wrong=Decimal(600))
    cited = text.split("依据：", 1)[1]
    assert "第三条 吸纳的劳动者为脱贫人口" in cited, text  # the province's article the condition names
    assert "第二条 企业吸纳劳动者" in cited, text  # the standard raised


def test_a_condition_naming_its_groups_by_the_article_alone_is_called_by_them(engine: OfflineEngine) -> None:
    # 属于省办法第三条规定人员: the groups are the province's 第三条's (残疾人 among them)
    answered_with(engine, "常德一家企业以工代训招了一个残疾人，每人每月的以工代训补贴是多少？", Decimal(750),
                  wrong=Decimal(600))


def test_the_province_alone_cites_no_city_article(engine: OfflineEngine) -> None:
    text = answered_with(engine, "湖南一家企业以工代训招了一个残疾人，每人每月的以工代训补贴是多少？", Decimal(600),
                         wrong=Decimal(700))
    assert "岳阳" not in text, text
