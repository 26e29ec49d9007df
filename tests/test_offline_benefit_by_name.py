"""A benefit asked about by name: a shortened name reads as the library's full one, and a benefit only another
region's documents name is never answered with the asked place's clauses on something else.

Fictional documents written for this test (no eval set has them, nothing was tuned on them): a province's skill-upgrade
measures with amounts by level, one of its cities adding a city-only reward to firms, and a national notice on a
long-named training subsidy for green-skill occupations.
"""

from __future__ import annotations

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from ingest.models import Chunk, DocumentMeta
from retriever.understanding.benefits import BenefitNames

PROVINCE = """浙江省人力资源和社会保障厅 浙江省财政厅关于印发《浙江省职业技能提升补贴办法》的通知
浙人社规〔2026〕4号
各市人力资源社会保障局、财政局：
现将《浙江省职业技能提升补贴办法》印发给你们，请认真贯彻执行。
浙江省职业技能提升补贴办法
第一条 参加失业保险累计满12个月的企业职工，取得职业技能等级证书的，可申领职业技能提升补贴。
第二条 补贴标准按附件1执行。企业为职工代为申领的，补贴资金拨付至职工本人社会保障卡。
第三条 每人每年最多申领一次，同一职业同一等级不得重复申领。
第四条 职工在取得证书之日起12个月内，通过浙江政务服务网提出申请。
第五条 本办法自2026年2月1日起施行，有效期5年。
附件1
职业技能提升补贴标准
证书等级	补贴标准
初级工（五级）职业技能等级证书	补贴标准1000元/人
中级工（四级）职业技能等级证书	补贴标准1500元/人
高级工（三级）职业技能等级证书	补贴标准2000元/人
"""

CITY = """湖州市人力资源和社会保障局关于实施企业技能人才培育奖励的通知
湖人社发〔2026〕7号
各区县人力资源和社会保障局：
一、对在本市登记注册的企业，当年新增取得高级工（三级）及以上职业技能等级证书的职工，按每人600元给予企业技能人才培育奖励，每家企业每年最高不超过10万元。
二、企业技能人才培育奖励每年3月1日至3月31日集中受理上一年度申请。
三、本通知自2026年4月1日起施行，有效期至2028年3月31日。
"""

NATIONAL = """人力资源社会保障部 财政部关于开展绿色技能提升培训补贴工作的通知
人社部发〔2026〕19号
各省、自治区、直辖市人力资源社会保障厅（局）、财政厅（局）：
一、补贴对象和职业范围
（一）年满16周岁至法定退休年龄、参加碳排放管理员、光伏运维员、储能电站运维员培训的劳动者。
二、补贴标准
（一）取得相应职业技能等级证书的，绿色技能提升培训补贴标准为：初级每人1100元，中级每人1700元，高级每人2300元。
三、本通知自2026年3月1日起施行，有效期至2028年12月31日。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("by_name"), {
        "zhejiang-2026-skill-upgrade.txt": PROVINCE, "huzhou-2026-firm-reward.txt": CITY,
        "mohrss-2026-green-skills.txt": NATIONAL})


def _names(texts: dict[str, str]) -> BenefitNames:
    chunks = [Chunk(id=d, doc_id=d, title="某通知", clause_path="一、", text=t, region="某市", level="city")
              for d, t in texts.items()]
    documents = [DocumentMeta(doc_id=d, title=f"{d}通知", region="某市", level="city") for d in texts]
    return BenefitNames(chunks, documents, ["补贴", "奖励"], ["申请", "能", "领", "的"])


def test_a_shortened_name_reads_as_the_one_full_name_it_shortens() -> None:
    names = _names({"a": "给予绿色技能提升培训补贴。申请绿色技能提升培训补贴的，按规定办理。",
                    "b": "给予技能提升补贴。", "c": "给予技能鉴定补贴。", "d": "给予培训补贴。", "e": "给予培训补贴。"})
    assert names.named("能领绿色技能培训补贴吗") == ["绿色技能提升培训补贴"]  # 提升 left out
    assert names.named("那个绿色技能补贴多少钱") == ["绿色技能提升培训补贴"]  # 提升培训 left out
    assert names.named("技能提升补贴怎么领") == ["技能提升补贴"]  # the library's own name stays itself
    # 技能补贴 shortens 技能提升补贴 (document b) and 技能鉴定补贴 (document c) alike: it names neither
    assert names.named("技能补贴怎么领") == []
    assert names.named("租房补贴能领吗") == []


def test_words_before_a_written_name_or_an_action_word_make_no_longer_name() -> None:
    names = _names({"a": "参加培训的给予生活费补贴。", "b": "给予培训期间的生活费补贴。", "c": "按规定申请补贴。",
                    "d": "给予培训补贴。", "e": "给予培训补贴。", "f": "给予创业补贴。"})
    # 生活费补贴 is written: 培训的 before it is the asker's words, not 培训期间的生活费补贴 shortened
    assert names.named("培训的生活费补贴哪些人能领") == ["生活费补贴"]
    assert names.named("这个还能再申请补贴吗") == []  # 申请补贴 is written, but 申请 is an action word


def test_a_shortened_name_finds_the_national_notice_over_the_provinces_clause(engine: OfflineEngine) -> None:
    answer = engine.answer("嘉兴的，考了碳排放管理员中级证，绿色技能培训补贴能领多少钱？")
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].doc_id == "mohrss-2026-green-skills", answer.answer
    assert 1700 in figures(answer.answer) and 1500 not in figures(answer.answer)


def test_a_benefit_only_a_sibling_city_names_is_not_answered_with_the_provinces_table(engine: OfflineEngine) -> None:
    answer = engine.answer("嘉兴一家企业，今年有6个职工考了高级工，企业能领技能人才培育奖励吗？每个人给多少？")
    assert answer.status == "not_found", answer.answer
    assert "湖州" in answer.answer  # where the benefit is, named
    assert not figures(answer.answer) & {600, 2000, 12000}, answer.answer  # neither the city's nor the province's


def test_the_city_naming_the_benefit_answers_it(engine: OfflineEngine) -> None:
    answer = engine.answer("湖州一家企业，今年有6个职工考了高级工，企业能领技能人才培育奖励吗？每个人给多少？")
    assert answer.status == "answered", answer.answer
    assert answer.citations[0].doc_id == "huzhou-2026-firm-reward" and 600 in figures(answer.answer)
