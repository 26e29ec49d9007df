"""Amount questions about documents that have no rules file: the clause with the figure is found and quoted.

Two fictional documents written for this test (not from any eval set): a province's 办法 that states the amounts by
level, and a longer city notice that refines it without restating them. A city question must reach the province's
figure even though every clause of the city's own document ranks ahead of the province's on region alone, and even
when the question is mostly about the asker's situation (交了两年失业保险…). A sibling city gets nothing.
"""

from __future__ import annotations

import re

import pytest
from support import offline_engine_for

from assistant.offline.engine import OfflineEngine

PROVINCE = """福建省人力资源和社会保障厅 福建省财政厅关于印发《福建省技能提升补贴发放办法》的通知
闽人社规〔2025〕2号
各设区市人力资源和社会保障局、财政局：
现将《福建省技能提升补贴发放办法》印发给你们，请遵照执行。
第一条　为鼓励企业职工提升职业技能，制定本办法。
第二条　本办法所称技能提升补贴，是指从失业保险基金中列支，对取得证书的企业职工给予的补贴。
第三条　在我省依法参加失业保险，累计缴纳失业保险费12个月（含）以上的企业职工，可以申领技能提升补贴。
第四条　技能提升补贴按证书等级确定：取得初级（五级）证书的，每人补贴800元；\
取得中级（四级）证书的，每人补贴1300元；取得高级（三级）证书的，每人补贴1800元。
第五条　同一职业（工种）同一等级只能享受一次补贴。
第六条　本办法自2025年3月1日起施行。
福建省人力资源和社会保障厅　福建省财政厅
2025年2月10日
"""

CITY = """泉州市人力资源和社会保障局关于做好技能提升补贴申领工作的通知
泉人社〔2025〕9号
各县（市、区）人力资源和社会保障局：
为落实全省技能提升补贴政策，结合本市实际，现就有关事项通知如下。
一、申领条件
（一）基本条件。在本市参加失业保险的企业职工，符合省定条件的，按省定标准享受技能提升补贴。
（二）放宽条件。本市先进制造业企业职工缴纳失业保险费6个月（含）以上不满12个月的，可按省定标准的50%申领。
二、补贴提高
（一）紧缺职业。证书所属职业列入《泉州市紧缺职业目录》的，按省定标准的120%给予补贴。
（二）资金渠道。所需资金从失业保险基金列支。
三、申领渠道
（一）线上申领。职工可通过“泉州人社”微信公众号申领。
（二）线下申领。职工可到参保地社会保险经办窗口申领。
四、审核发放
（一）审核。经办机构自受理之日起10个工作日内完成审核。
（二）发放。审核通过的，补贴资金直接发放至职工本人社会保障卡。
五、监督管理
（一）信息比对。定期与市场监管部门比对企业信息。
（二）追回资金。对骗取补贴的，依法追回补贴资金。
六、本通知自2025年4月1日起施行。
泉州市人力资源和社会保障局
2025年3月20日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_for(tmp_path_factory.mktemp("amounts-without-rules"), {
        "fujian-2025-skill-upgrade.txt": PROVINCE, "quanzhou-2025-skill-upgrade.txt": CITY})


def _cited_docs(answer) -> set[str]:
    return {c.doc_id for c in answer.citations}


@pytest.mark.parametrize(
    ("question", "figure", "not_figures"),
    [
        ("我在泉州上班，单位给交了两年失业保险，刚考了个中级工证，技能提升补贴能拿多少钱？", "1300元",
         ("800元", "1800元")),
        ("泉州晋江市的职工，高级证书的技能提升补贴是多少", "1800元", ("800元", "1300元")),
        ("福建的，社保交了三年，拿了初级证，补贴给多少", "800元", ("1300元", "1800元")),
    ],
)
def test_the_figure_for_the_stated_level_is_quoted_from_the_province(
    engine: OfflineEngine, question: str, figure: str, not_figures: tuple[str, ...]
) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    stated = set(re.findall(r"\d+元", answer.answer.split("\n", 1)[0]))
    assert figure in stated and not stated & set(not_figures), answer.answer
    assert "fujian-2025-skill-upgrade" in _cited_docs(answer)


def test_a_sibling_city_gets_neither_document(engine: OfflineEngine) -> None:
    answer = engine.answer("厦门的职工，中级工证书技能提升补贴能拿多少钱？")
    assert answer.status == "answered" and "fujian-2025-skill-upgrade" in _cited_docs(answer), answer.answer
    assert "quanzhou-2025-skill-upgrade" not in _cited_docs(answer)
    assert "120%" not in answer.answer


def test_a_city_compared_with_its_province_answers_from_its_own_notice(engine: OfflineEngine) -> None:
    """Each part cites its own place's document; the city's part does not repeat the province's clause."""
    answer = engine.answer("失业保险要交满多久才能领技能提升补贴？福建省的规定和泉州的规定分别说一下")
    province, _, city = answer.answer.partition("【福建省泉州市】")
    assert province and city, answer.answer
    cited = {c.n: c.doc_id for c in answer.citations}
    assert set(re.findall(r"\[(\d)\]", city.split("依据")[0])) and all(
        cited[int(n)] == "quanzhou-2025-skill-upgrade" for n in re.findall(r"\[(\d)\]", city.split("依据")[0])
    ), answer.answer



def test_a_question_naming_no_topic_still_reaches_the_figure_for_its_category(engine: OfflineEngine) -> None:
    """补贴多少 names no benefit; the stated level (初级证) finds the clause with its figure — but a benefit the
    corpus never mentions (租房补贴) is not answered with a figure of another benefit for the same group."""
    answer = engine.answer("福建的，交了两年失业保险，考了初级证，补贴多少？")
    assert answer.status == "answered", answer.answer
    assert "800元" in answer.answer.split("\n", 1)[0]
    assert "fujian-2025-skill-upgrade" in _cited_docs(answer)
    rent = engine.answer("福建取得初级证书的职工租房补贴每个月多少钱")
    assert not re.search(r"\d+元", rent.answer.split("依据")[0].split("本库目前收录")[0]), rent.answer
