"""The search's relevance cut is for a reader scanning results; the engine judges support itself. When no clause the
cut kept supports an answer, the clauses it set aside (suggestions) are judged too — a long question about the
asker's situation shares few words with the clause that answers it — but never one about another benefit than the
one named, and never when a kept clause already supports the answer — unless every kept clause pays another benefit.

The retriever here returns a fixed response (hits and suggestions as a real search would label them), so what is
tested is the finder's own decision; the real retriever's labels are tested in test_retriever_relevance.
"""

from __future__ import annotations

from support import FixedSearch, clause_chunk

from assistant.offline.evidence import EvidenceFinder
from assistant.offline.support import CorpusVocabulary
from ingest.knowledge import Knowledge
from ingest.models import Chunk
from retriever.lexical import ChineseTokenizer
from retriever.understanding import Understanding

KEPT = clause_chunk("第四条", "第四条　企业招用登记失业人员并签订1年以上劳动合同的，可按本办法申请一次性扩岗补助。")
ANSWER = clause_chunk("第六条", "第六条　一次性扩岗补助标准为每人1500元。")
OTHER = clause_chunk("第九条", "第九条　今年起企业招用登记失业人员，签订一年以上劳动合同并缴纳社保的，"
                                "另给予一次性岗位补贴每人2000元。")
STANDARD = clause_chunk("第五条", "第五条　一次性扩岗补助按每招用1人1500元的标准发放，每户企业最高不超过10万元。")


def _finder(retriever: FixedSearch, chunks: list[Chunk]) -> EvidenceFinder:
    knowledge = Knowledge.load()
    vocabulary = CorpusVocabulary(chunks, ChineseTokenizer(knowledge), knowledge.question_words, knowledge.synonyms,
                                  knowledge.scope.benefit_nouns)
    return EvidenceFinder(retriever, lambda: vocabulary, knowledge.scope.benefit_nouns, knowledge.scope.money_words,
                          lead_words=knowledge.scope.benefit_lead_words)


QUESTION = "我们厂今年招了两个登记失业的人，合同签了一年，社保也交了，一次性扩岗补助每人给多少钱？"
UNDERSTOOD = Understanding(text=QUESTION, normalized=QUESTION, benefits=["一次性扩岗补助"],
                           topic_core=["一次性扩岗补助"], intents=["amount"])


def test_a_supported_clause_below_the_cut_answers_when_none_above_it_does() -> None:
    chunks = [KEPT, ANSWER, OTHER]
    found = _finder(FixedSearch([KEPT], [OTHER, ANSWER]), chunks).find(QUESTION, UNDERSTOOD, regions=None,
                                                                          amount=True)
    assert [e.chunk.clause_path for e in found] == ["第六条"]  # never 第九条's other benefit, nor 第四条 (no figure)


def test_clauses_below_the_cut_are_not_judged_when_one_above_it_answers() -> None:
    chunks = [KEPT, ANSWER, STANDARD]
    found = _finder(FixedSearch([STANDARD], [ANSWER]), chunks).find(QUESTION, UNDERSTOOD, regions=None, amount=True)
    assert [e.chunk.clause_path for e in found] == ["第五条"]


def test_clauses_below_the_cut_are_judged_when_every_one_above_it_pays_another_benefit() -> None:
    # 第九条 supports the question's story but pays a 一次性岗位补贴: the named benefit's 第六条, set aside, is
    # judged too
    chunks = [KEPT, ANSWER, OTHER]
    found = _finder(FixedSearch([OTHER], [ANSWER]), chunks).find(QUESTION, UNDERSTOOD, regions=None, amount=True)
    assert "第六条" in [e.chunk.clause_path for e in found]
