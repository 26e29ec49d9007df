"""Two benefits asked for as one total (一次性创业补贴加带动就业补贴一共多少) in a question telling the asker's story
(招了5个人都签了一年合同): each benefit's part is answered from a clause granting it — the hires' clause is the other
part's — with its figure looked up in the words amounts are written in when the story finds none (as in a long
document, whose ranking a search in the asker's words may crowd the figure out of: simulated by a retriever that
hides that clause from such searches); and a per-head grant is capped by the sentence after its rate
(每户最高不超过N元).

A fictional document written for this test (no eval set has it, nothing was tuned on it): a county-level city's
start-up subsidy measures, whose title names the one-off grant (so the title does not tell the hires' clause apart).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from support import figures, offline_engine_beside_library

from assistant.offline.engine import OfflineEngine
from retriever.models import SearchResponse

STARTUP = """涟源市人力资源和社会保障局 涟源市财政局关于印发《涟源市一次性创业补贴管理办法》的通知
涟人社发〔2026〕6号
各乡镇人民政府、街道办事处，市直有关单位：
现将《涟源市一次性创业补贴管理办法》印发给你们，请认真贯彻执行。
涟源市一次性创业补贴管理办法
第一章　总则
第一条　为支持劳动者就业创业，结合本市实际，制定本办法。
第二条　本办法所称就业创业补贴，包括一次性创业补贴、带动就业补贴、场地租金补贴和吸纳就业社会保险补贴。
第二章　一次性创业补贴
第三条　在本市首次创办小微企业或从事个体经营，自工商登记注册之日起正常经营6个月以上的登记失业人员、\
返乡农民工和高校毕业生，可申请一次性创业补贴。申请人年龄应在16周岁至法定退休年龄之间。
第四条　一次性创业补贴标准：创办小微企业的每户6000元，从事个体经营的每户4000元。
第五条　每个创业实体、每名创业人员只能享受一次一次性创业补贴。
第三章　带动就业补贴
第六条　创业实体吸纳就业，与吸纳人员签订1年以上劳动合同并依法缴纳社会保险的，每吸纳1人再给予1500元带动就业补贴；\
带动就业补贴每户最高不超过6000元。
第七条　吸纳人员应为本市户籍劳动者，与创业实体签订劳动合同并按月足额缴纳社会保险满6个月。
第四章　其他补贴
第八条　入驻创业孵化基地的创业实体，按实际租金的50%给予场地租金补贴，每户每年最高不超过5000元。
第九条　企业吸纳就业困难人员并为其缴纳社会保险的，按实际缴费额给予社会保险补贴，期限不超过3年。
第五章　申领程序
第十条　一次性创业补贴、带动就业补贴由创业实体向所在地人力资源和社会保障部门申请，\
提交营业执照、劳动合同和社会保险缴费记录。
第十一条　人力资源和社会保障部门在10个工作日内完成审核，公示5个工作日无异议后拨付资金。
第六章　附则
第十二条　本办法自2026年4月1日起施行，有效期3年。
涟源市人力资源和社会保障局 涟源市财政局
2026年3月15日
"""


STORY = "吸纳了5个人就业"
QUESTION = (f"我在涟源注册了一家小微企业，正常经营八个月了，{STORY}，都签订了1年以上劳动合同并依法缴纳了"
            "社会保险。一次性创业补贴加带动就业补贴一共能拿多少？")


class Crowded:
    """A retriever whose searches in the asker's own words (the story) never find the clause stating the grant's
    figure, as a long document's ranking may crowd it out; any other search as the real one's."""

    def __init__(self, retriever: Any, hidden: str) -> None:
        self.retriever, self.hidden = retriever, hidden

    def search(self, query: str, *args: Any, **kwargs: Any) -> SearchResponse:
        response = self.retriever.search(query, *args, **kwargs)
        if STORY not in query:
            return response
        return response.model_copy(update={
            "hits": [h for h in response.hits if h.chunk.clause_path != self.hidden],
            "suggestions": [h for h in response.suggestions if h.chunk.clause_path != self.hidden]})

    def __getattr__(self, name: str) -> Any:
        return getattr(self.retriever, name)


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    engine = offline_engine_beside_library(tmp_path_factory.mktemp("crowded"), {"lianyuan-2026-startup.txt": STARTUP})
    engine.retriever = Crowded(engine.retriever, "第四条")
    return engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("summed"), {"lianyuan-2026-startup.txt": STARTUP})


def test_each_benefit_of_a_total_is_answered_from_its_own_clause(engine: OfflineEngine) -> None:
    answer = engine.answer(QUESTION)
    assert answer.status == "answered", answer.answer
    first = answer.answer.split("\n", 1)[0]
    assert first.startswith("合计") and Decimal(12000) in figures(first), answer.answer  # 6000 + 6000 (capped)
    assert {c.clause for c in answer.citations} >= {"第四条", "第六条"}, answer.citations


def test_a_story_finding_only_the_other_benefits_clause_looks_up_the_figure(crowded: OfflineEngine) -> None:
    answer = crowded.answer(QUESTION)
    assert answer.status == "answered", answer.answer
    first = answer.answer.split("\n", 1)[0]
    assert first.startswith("合计") and Decimal(12000) in figures(first), answer.answer
    grant = answer.answer.split("【一次性创业补贴】", 1)[1].split("【", 1)[0]
    assert Decimal(6000) in figures(grant) and Decimal(7500) not in figures(grant), answer.answer


def test_a_per_head_grant_is_capped_by_the_sentence_after_its_rate(engine: OfflineEngine) -> None:
    answer = engine.answer("涟源的小微企业，招了5个人都签了一年合同交了社保，带动就业补贴能拿多少？")
    assert answer.status == "answered", answer.answer
    assert Decimal(6000) in figures(answer.answer.split("\n", 1)[0]), answer.answer
    assert Decimal(7500) in figures(answer.answer), answer.answer  # the uncapped sum, shown worked out


def test_a_total_asked_in_traditional_characters_is_split_alike(engine: OfflineEngine) -> None:
    answer = engine.answer("我在漣源註冊了一家小微企業，正常經營八個月了，吸納了5個人就業，"
                           "都簽訂了1年以上勞動合同並依法繳納了社會保險。一次性創業補貼加帶動就業補貼一共能拿多少？")
    first = answer.answer.split("\n", 1)[0]
    assert first.startswith("合计") and Decimal(12000) in figures(first), answer.answer
