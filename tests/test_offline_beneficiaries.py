"""Who may have a benefit (哪几类人可以申请, 哪些毕业生能领; answers.yaml ``beneficiaries``) is answered by the list
naming them — the items under the document's lead-in naming people (…的下列人员，可按本办法申领…：), found though
that lead-in is too long to be an item's heading and shares few words with the question — not by the document's
other lists (materials, conditions, exclusions) nor by its procedure article.

One fictional document written for this test (no eval set has it, nothing was tuned on it).
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from assistant.offline.enumeration import names_people
from ingest.knowledge import Knowledge

# longer than an item's heading may be (ingest keeps no heading of it): the items stand under a bare 第二条
LEAD_IN = ("第二条　2025年1月1日后与本市企业签订3年以上劳动合同、在本市缴纳社会保险满6个月"
           "且本人及配偶在本市无自有住房的下列人员，可按本办法申领一次性安家补贴：")
CITY = f"""南通市人力资源和社会保障局 南通市财政局关于印发《南通市一次性安家补贴实施办法》的通知
通人社规〔2025〕8号
各县（市、区）人力资源和社会保障局、财政局：
现将《南通市一次性安家补贴实施办法》印发给你们，请遵照执行。
第一条　为吸引青年人才来通就业创业，制定本办法。
{LEAD_IN}
（一）全日制本科及以上学历的高校毕业生；
（二）取得技师及以上职业资格的技能人才；
（三）退役军人。
第三条　申领一次性安家补贴应当同时具备下列条件：
（一）申请时仍在本市企业在职；
（二）未享受过本市其他住房类补贴。
第四条　有下列情形之一的，不予发放一次性安家补贴：
（一）与用人单位存在关联关系的；
（二）提供虚假材料的。
第五条　一次性安家补贴标准为本科每人2万元，硕士每人3万元，博士每人5万元。
第六条　申请人应当提交下列材料：
（一）一次性安家补贴申请表；
（二）劳动合同复印件；
（三）无房证明。
第七条　申请人通过“南通人社”网上服务平台提交申请，市就业管理中心自受理之日起20个工作日内完成审核。
第八条　本办法自2025年3月1日起施行，有效期3年。
南通市人力资源和社会保障局 南通市财政局
2025年2月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("who"), {"nantong-2025-settling-in.txt": CITY})


def test_lead_ins_and_items_naming_people() -> None:
    from support import clause_chunk

    beneficiaries = Knowledge.load().answers.beneficiaries
    assert beneficiaries.names_them("第二条　在本市就业的下列人员，可按本办法申领一次性安家补贴：")
    assert beneficiaries.names_them("（一）对毕业年度内求职的下列高校毕业生，给予一次性补贴：")
    assert beneficiaries.names_them("（一）补贴对象：")
    assert not beneficiaries.names_them("第六条　申请人应当提交下列材料：")
    assert not beneficiaries.names_them("（一）培训合格的人员，按下列标准给予补贴：")  # people, but a list of rates
    assert not beneficiaries.names_them("第二条　在本市就业的下列人员可以申领。")  # no lead-in
    people = ("人员", "毕业生", "军人")
    assert names_people(clause_chunk("第二条（三）", "（三）退役军人。"), people)
    assert names_people(clause_chunk("第二条（一）", "（一）全日制本科高校毕业生（含技工院校预备技师班）；"), people)
    assert not names_people(clause_chunk("第六条（一）", "（一）一次性安家补贴申请表；"), people)
    assert not names_people(clause_chunk("第九条", "第九条　由市就业管理中心人员负责审核和发放的工作人员"), people)


@pytest.mark.parametrize("question", [
    "南通的一次性安家补贴，哪几类人可以申请？",
    "我想问下南通安家补贴是什么样的人才能领？",
])
def test_who_may_have_it_is_answered_with_the_list_of_people(engine: OfflineEngine, question: str) -> None:
    answer = engine.answer(question)
    cited = [c.clause for c in answer.citations if c.doc_id == "nantong-2025-settling-in"]
    assert {"第二条（一）", "第二条（二）", "第二条（三）"} <= set(cited), answer.answer
    assert "第六条（一）" not in cited and "第七条" not in cited, answer.answer
