"""Lists are answered whole: sibling items and attachments found in a parsed document (written for this test).

The document is parsed by the real ingest pipeline; the enumeration functions are pure over its chunks."""

from __future__ import annotations

import pytest
from support import offline_engine_for

from assistant.offline import enumeration
from ingest.models import Chunk
from ingest.pipeline import parse_document

POLICY = """安庆市人力资源和社会保障局关于印发《安庆市以工代训补贴办法》的通知
庆人社〔2025〕3号
各县（市、区）人力资源和社会保障局：
现将《安庆市以工代训补贴办法》印发给你们，请认真贯彻执行。
附件：1.以工代训补贴申请材料
2.以工代训补贴标准表
一、补贴对象
（一）吸纳脱贫劳动力就业并开展以工代训的企业。
（二）吸纳就业困难人员就业并开展以工代训的企业。
（三）吸纳离校两年内高校毕业生就业并开展以工代训的企业。
二、补贴标准
企业开展以工代训的，按附件2所列标准给予补贴，每人最长补贴6个月。申请材料见附件1。
三、申请程序
企业应在以工代训结束后30日内向所在地人力资源和社会保障部门提出申请，经审核后将补贴资金拨付至企业基本账户。
附件1
以工代训补贴申请材料
一、以工代训补贴申请表。
二、以工代训人员花名册。
三、企业与以工代训人员签订的劳动合同复印件。
四、以工代训人员工资发放记录。
附件2
以工代训补贴标准表
序号\t人员类别\t补贴标准（元/人·月）
1\t脱贫劳动力\t600
2\t就业困难人员\t500
3\t高校毕业生\t400
"""


@pytest.fixture(scope="module")
def chunks(tmp_path_factory: pytest.TempPathFactory) -> list[Chunk]:
    path = tmp_path_factory.mktemp("enumeration") / "anqing-2025-work-for-training.txt"
    path.write_text(POLICY, encoding="utf-8")
    return parse_document(path).chunks


def _chunk(chunks: list[Chunk], path: str) -> Chunk:
    return next(c for c in chunks if c.clause_path == path)


@pytest.mark.parametrize(
    ("clause_path", "parent"),
    [("附件1 二、", "附件1"), ("三、（一）2", "三、（一）"), ("附件2 第3行", "附件2"), ("一、（三）", "一、"),
     ("第五条", None), ("附件1", None), ("", None)],
)
def test_parent_path(clause_path: str, parent: str | None) -> None:
    assert enumeration.parent_path(clause_path) == parent


def test_an_item_brings_its_siblings_in_order(chunks: list[Chunk]) -> None:
    found = enumeration.group(_chunk(chunks, "一、（二）"), chunks)
    assert found is not None
    parent, items = found
    assert parent == "一、" and [c.clause_path for c in items] == ["一、（一）", "一、（二）", "一、（三）"]


def test_a_clause_naming_an_attachment_brings_the_attachment(chunks: list[Chunk]) -> None:
    found = enumeration.group(_chunk(chunks, "二、"), chunks)
    assert found is not None
    parent, items = found
    assert parent == "附件2" and len(items) == 3
    assert enumeration.title(parent, items) == "以工代训补贴标准表"
    assert enumeration.item_text(items[0]).startswith("脱贫劳动力")


def test_the_preamble_naming_an_attachment_list_brings_the_first(chunks: list[Chunk]) -> None:
    preamble = next(c for c in chunks if c.kind == "preamble" and "附件" in c.text)
    parent, items = enumeration.group(preamble, chunks)
    assert parent == "附件1" and enumeration.title(parent, items) == "以工代训补贴申请材料"
    assert [enumeration.item_text(c) for c in items] == [
        "以工代训补贴申请表", "以工代训人员花名册", "企业与以工代训人员签订的劳动合同复印件",
        "以工代训人员工资发放记录",
    ]


def test_a_lone_clause_is_no_list(chunks: list[Chunk]) -> None:
    assert enumeration.group(_chunk(chunks, "三、"), chunks) is None


def test_a_question_naming_one_row_gets_that_row(chunks: list[Chunk]) -> None:
    _, rows = enumeration.group(_chunk(chunks, "附件2 第2行"), chunks)
    assert enumeration.picks_one(_chunk(chunks, "附件2 第2行"), rows, ["就业困难人员"])
    assert not enumeration.picks_one(_chunk(chunks, "附件2 第2行"), rows, ["安庆市", "安庆"])


def test_a_clause_referring_to_the_list_singles_out_no_item(chunks: list[Chunk]) -> None:
    """The notice naming 附件1 is not an item: a place it names (安庆) never turns the list into that clause."""
    referring = next(c for c in chunks if c.kind == "preamble" and "附件" in c.text)
    assert "安庆" in referring.text  # the word that would single it out, were it an item
    _, items = enumeration.group(referring, chunks)
    assert not enumeration.picks_one(referring, items, ["安庆市", "安庆"])


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):
    return offline_engine_for(tmp_path_factory.mktemp("enumeration-engine"),
                              {"anqing-2025-work-for-training.txt": POLICY})


@pytest.mark.parametrize(
    ("question", "items"),
    [
        ("安庆搞以工代训，企业申请补贴要交哪些材料？",
         ["申请表", "花名册", "劳动合同复印件", "工资发放记录"]),
        ("安庆以工代训补贴给哪些企业", ["脱贫劳动力", "就业困难人员", "高校毕业生"]),
    ],
)
def test_a_list_question_gets_every_item_each_cited(engine, question: str, items: list[str]) -> None:
    answer = engine.answer(question)
    assert answer.status == "answered", answer.answer
    lead = answer.answer.split("\n", 1)[0]
    assert all(item in lead for item in items), answer.answer
    assert len(answer.citations) >= len(items)
    assert all(f"[{n}]" in lead for n in range(1, len(items) + 1))


NESTED = """芜湖市人力资源和社会保障局关于开展市级技能大师工作室评选的通知
芜人社〔2025〕6号
各县（市、区）人力资源和社会保障局：
现就开展市级技能大师工作室评选有关事项通知如下：
一、评选条件
（一）领办人条件。
1.取得技师（二级）及以上职业技能等级证书；
2.近3年内带徒不少于3人。
（二）依托单位条件。
1.依法参加社会保险，近3年无重大安全生产事故；
2.能够为工作室提供不少于80平方米的场所。
（三）已建成县级技能大师工作室的，优先推荐。
二、资助标准
（一）评为市级技能大师工作室的，给予一次性资助10万元。
三、本通知自2025年3月1日起施行。
"""


@pytest.fixture(scope="module")
def nested_engine(tmp_path_factory: pytest.TempPathFactory):
    return offline_engine_for(tmp_path_factory.mktemp("nested-list"), {"wuhu-2025-master-studio.txt": NESTED})


def test_a_question_pointing_into_a_nested_list_gets_that_sub_list(nested_engine) -> None:
    answer = nested_engine.answer("芜湖市级技能大师工作室对依托单位有什么要求")
    assert {c.clause for c in answer.citations} == {"一、（二）1", "一、（二）2"}, answer.answer
    assert "80平方米" in answer.answer.split("依据")[0]


def test_a_list_question_pointing_nowhere_gets_the_whole_list(nested_engine) -> None:
    answer = nested_engine.answer("芜湖市级技能大师工作室评选有哪些条件")
    assert {"一、（一）", "一、（二）", "一、（三）"} <= {c.clause for c in answer.citations}, answer.answer


EXCLUDING = """六安市人力资源和社会保障局关于印发《六安市一次性创业补贴办法》的通知
六人社〔2026〕2号
各县（区）人力资源和社会保障局：
现将《六安市一次性创业补贴办法》印发给你们，请认真贯彻执行。
第一条 在本市首次创办小微企业并正常经营满6个月的，给予一次性创业补贴5000元。
第二条 有下列情形之一的，不予享受一次性创业补贴：
（一）已在本市或者安徽省其他地区享受过一次性创业补贴的；
（二）机关事业单位在编人员；
（三）被列入严重失信主体名单的。
第三条 本办法自2026年1月1日起施行。
"""


def test_a_list_question_is_not_narrowed_to_an_item_saying_the_askers_place(tmp_path) -> None:
    # 安徽 said on the way in item （一） singles it out of a list only when the question asks no list
    path = tmp_path / "luan-2026-startup-subsidy.txt"
    path.write_text(EXCLUDING, encoding="utf-8")
    (tmp_path / "engine").mkdir()
    chunks = parse_document(path).chunks
    first = _chunk(chunks, "第二条（一）")
    _, items = enumeration.group(first, chunks)
    assert enumeration.picks_one(first, items, ["安徽", "安徽省"])
    assert not enumeration.picks_one(first, items, ["安徽", "安徽省"], by_lead=True)
    engine = offline_engine_for(tmp_path / "engine", {"luan-2026-startup-subsidy.txt": EXCLUDING})
    answer = engine.answer("六安的一次性创业补贴，哪些情况不能享受？")
    assert answer.status == "answered", answer.answer
    assert all(w in answer.answer for w in ("享受过", "在编人员", "严重失信")), answer.answer
