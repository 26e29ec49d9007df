"""Chinese tokenization and the persisted BM25 index."""

from __future__ import annotations

from pathlib import Path

import pytest

from retriever.lexical import Bm25Index, ChineseTokenizer, sentences
from retriever.store import where_clause


@pytest.fixture(scope="module")
def tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer()


@pytest.mark.parametrize(
    "term", ["新型学徒制", "技能提升补贴", "职工教育经费", "首席技师工作室", "税前扣除", "退役军人"]
)
def test_policy_terms_stay_whole(tokenizer: ChineseTokenizer, term: str) -> None:
    assert term in tokenizer.tokenize(f"关于{term}的规定")


def test_stopwords_and_punctuation_are_dropped(tokenizer: ChineseTokenizer) -> None:
    tokens = tokenizer.tokenize("请问，石家庄的补贴是多少？！……")
    assert "的" not in tokens and "多少" not in tokens and "请问" not in tokens
    assert not any(t in {"，", "？", "！", "…"} for t in tokens)
    assert "石家庄" in tokens and "补贴" in tokens
    assert tokenizer.tokenize("？！……😀") == []


def test_full_width_folds_to_half_width(tokenizer: ChineseTokenizer) -> None:
    assert tokenizer.tokenize("１５个月 ＡＢＣ") == tokenizer.tokenize("15个月 abc")


def test_tokenizer_is_private_to_the_instance() -> None:
    import jieba

    ChineseTokenizer().tokenize("首席技师工作室")
    assert jieba.dt.initialized is False or "首席技师工作室" not in jieba.dt.FREQ


def test_bm25_round_trip_and_filters(tmp_path: Path, tokenizer: ChineseTokenizer) -> None:
    texts = {
        "sjz": "石家庄 就业技能培训 补贴 2200元",
        "bj": "北京 职工教育经费 按职工工资总额1.5%提取",
        "bb": "北碚 退役军人 免费培训 生活补助",
    }
    index = Bm25Index.build(list(texts), [tokenizer.tokenize(t) for t in texts.values()])
    index.save(tmp_path / "bm25")
    loaded = Bm25Index.load(tmp_path / "bm25")
    assert loaded.chunk_ids == ["sjz", "bj", "bb"]
    assert loaded.rank(tokenizer.tokenize("职工教育经费提取比例"))[0] == "bj"
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed={"sjz", "bb"}) == []
    assert loaded.rank(tokenizer.tokenize("完全无关的词语火星")) == []
    assert loaded.rank([]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲。乙；丙！\n丁", ["甲。", "乙；", "丙！", "丁"]),
        ("没有句号", ["没有句号"]),
        ("", []),
        ("。\n \n", ["。"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_entries_rank_each_chunk_once_by_its_best_sentence(
    tmp_path: Path, tokenizer: ChineseTokenizer
) -> None:
    units = [("a", "职工教育经费按比例提取。"), ("a", "其他事项。"), ("b", "退役军人免费培训。"), ("b", "职工教育经费")]
    index = Bm25Index.build([cid for cid, _ in units], [tokenizer.tokenize(text) for _, text in units])
    index.save(tmp_path)
    loaded = Bm25Index.load(tmp_path)
    assert loaded.rank(tokenizer.tokenize("退役军人")) == ["b"]
    assert sorted(loaded.rank(tokenizer.tokenize("职工教育经费"))) == ["a", "b"]
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), limit=1) in (["a"], ["b"])
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed={"b"}) == ["b"]
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed={"a", "unknown"}) == ["a"]
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed=set()) == []
    only_b = frozenset({"b"})  # a frozen filter's mask is remembered: asking again must give the same answer
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed=only_b) == ["b"]
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed=only_b) == ["b"]
    assert loaded.rank(tokenizer.tokenize("职工教育经费"), allowed=frozenset({"a"})) == ["a"]


def test_where_clause() -> None:
    assert where_clause(regions=None, doc_ids=None, statuses=None) is None
    assert where_clause(regions=["北京市"], doc_ids=None, statuses=None) == {"region": {"$in": ["北京市"]}}
    assert where_clause(regions=["北京市"], doc_ids=["a"], statuses=None) == {
        "$and": [{"region": {"$in": ["北京市"]}}, {"doc_id": {"$in": ["a"]}}]
    }
