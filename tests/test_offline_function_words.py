"""A question's content terms leave out the language's function words (这些, 他们, 那些 …), taken from the maintained
stopwords-iso list rather than a hand-written one: said in any chatty question and rare in a policy's text, they
would otherwise weigh as much as the words that say what is asked, and sink the clause that answers it below the
support bar. Shown on a made-up county's rules and a wording written for this test.
"""

from __future__ import annotations

import pytest
from support import fixed_finder, labelled_clauses

from assistant.offline.support import CorpusVocabulary, asking_words
from ingest.knowledge import Knowledge
from retriever.lexical import ChineseTokenizer
from retriever.understanding import Understanding

RULES = labelled_clauses([
    "第二条　本办法所称创业培训，是指经人力资源社会保障部门认定的培训机构开展的创业意识、创办企业和网络创业培训。",
    "第三条　登记失业人员、返乡创业农民工参加创业培训并取得合格证书的，按每人1200元给予创业培训补贴。",
    "第四条　培训机构应当在开班前5个工作日向县人力资源社会保障局备案，这些材料包括培训计划、教学大纲和学员花名册。",
    "第五条　学员应当在培训结束后三个月内提出申请，逾期不予受理。",
    "第六条　培训补贴资金从就业补助资金中列支，他们所在单位不得截留挪用。",
    "第七条　全日制在校学生（含利用寒暑假参加培训的）不享受本办法规定的创业培训补贴。",
    "第八条　培训机构弄虚作假、套取补贴资金的，追回已拨付资金，三年内取消其承担政府补贴培训的资格。",
    "第九条　本办法自2026年3月1日起施行，有效期五年。",
], region="某县", level="county")
QUESTION = "我家那些孩子都还在读书，他们这些人放暑假了想参加创业培训，能享受补贴吗？"
UNDERSTOOD = Understanding(text=QUESTION, normalized=QUESTION, intents=["eligibility"])


def _vocabulary(knowledge: Knowledge, asking: frozenset[str]) -> CorpusVocabulary:
    return CorpusVocabulary(RULES, ChineseTokenizer(knowledge), asking, knowledge.synonyms,
                            knowledge.scope.benefit_nouns)


def _found(asking: frozenset[str]) -> list[str]:
    # the definition clause ranks first (and is no answer); the clause excluding students comes second
    finder = fixed_finder(RULES, [RULES[0], RULES[5]], asking=asking)
    return [e.chunk.clause_path for e in finder.find(QUESTION, UNDERSTOOD, regions=None)]


def test_function_words_come_from_the_maintained_list_and_name_no_policy_content() -> None:
    knowledge = Knowledge.load()
    assert {"这些", "那些", "他们", "我们", "如果"} <= knowledge.function_words
    assert len(knowledge.function_words) > 500  # the dataset, not a hand-picked handful
    policy = {word for word, _ in knowledge.policy_terms} | {"补贴", "培训", "申请", "标准", "学生", "暑假"}
    assert not knowledge.function_words & policy


# a second wording on the same rules: the asker's age and times said with 今年/最近 and the kind of person with 这种
AGED = "我今年刚满50周岁，最近参加了创业培训拿到了合格证书，我这种情况能享受创业培训补贴吗？"


@pytest.mark.parametrize(("question", "left_out", "kept"), [
    (QUESTION, {"这些", "那些", "他们"}, {"暑假", "创业培训", "补贴"}),
    (AGED, {"今年", "最近", "这种"}, {"创业培训", "合格证书", "补贴"}),  # words of when and of which kind
])
def test_a_questions_terms_leave_out_function_words_and_keep_what_it_is_about(
        question: str, left_out: set[str], kept: set[str]) -> None:
    knowledge = Knowledge.load()
    terms = _vocabulary(knowledge, asking_words(knowledge)).terms(question)
    assert not left_out & set(terms)
    assert kept <= set(terms)


def test_the_answering_clause_is_supported_once_function_words_stop_diluting_the_question() -> None:
    knowledge = Knowledge.load()
    assert _found(asking_words(knowledge)) == ["第七条"]
    # the same judgement counting 这些/他们/那些 as content (the corpus uses two of them, so they weigh like
    # rare policy words): the clause misses the bar and the question would be refused
    assert _found(asking_words(knowledge) - knowledge.function_words) == []


def test_a_demonstrative_with_its_measure_word_names_no_subject() -> None:
    # 这笔补贴: 这笔 stands right before a benefit noun and the rules never say it — read as the benefit's own name
    # (like 租房 of 租房补贴), it would rule out every clause
    question = "我参加了创业培训，拿到了合格证书，这笔补贴每人给多少？"
    knowledge = Knowledge.load()
    vocabulary = _vocabulary(knowledge, asking_words(knowledge))
    terms = vocabulary.terms(question)
    assert "这笔" not in terms and vocabulary.unknown_subjects(question, terms) == []
    understood = Understanding(text=question, normalized=question, intents=["amount"])
    finder = fixed_finder(RULES, [RULES[1], RULES[0]])
    assert [e.chunk.clause_path for e in finder.find(question, understood, regions=None)][:1] == ["第三条"]
