"""Several asks listed in one clause of a question setting now against before (以前要经营多长时间、户口有什么要求？
现在呢？): a part per ask, each answered from the clause of the current document and of the replaced one that say it.

Fictional documents written for this test before the asks were split (no eval set has them; nothing was tuned on
them): a city's 2021 notice on a one-off start-up subsidy and the 2025 measures that repeal it.
"""

from __future__ import annotations

import pytest
from support import offline_engine_beside_library

from assistant.offline.engine import OfflineEngine

OLD = """密山市人力资源和社会保障局 密山市财政局关于发放一次性创业补贴的通知
密人社发〔2021〕7号
各乡镇人民政府，市直各有关单位：
现就发放一次性创业补贴有关事项通知如下：
一、补贴对象
（一）具有本市户籍的劳动者，在本市首次创办小微企业或个体工商户。
（二）创业实体自登记注册之日起正常经营6个月以上。
二、补贴标准
一次性创业补贴标准为每户5000元。
三、申领程序
创业者应在正常经营满6个月后12个月内，向市公共就业服务机构窗口提出申请。
四、本通知自2021年5月1日起施行。
"""

NEW = """密山市人力资源和社会保障局 密山市财政局关于印发《密山市一次性创业补贴办法》的通知
密人社规〔2025〕2号
各乡镇人民政府，市直各有关单位：
现将《密山市一次性创业补贴办法》印发给你们，请认真执行。
密山市一次性创业补贴办法
第一条 为鼓励创业带动就业，制定本办法。
第二条 在本市首次创办小微企业或个体工商户的劳动者，不受户籍限制，可申领一次性创业补贴。
第三条 创业实体应自登记注册之日起正常经营12个月以上。
第四条 一次性创业补贴标准为每户8000元。
第五条 创业者通过线上平台提出申请，市公共就业服务机构在15个工作日内完成审核。
第六条 本办法自2025年6月1日起施行。原《密山市人力资源和社会保障局 密山市财政局关于发放一次性创业补贴的通知》\
（密人社发〔2021〕7号）同时废止。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> OfflineEngine:
    return offline_engine_beside_library(tmp_path_factory.mktemp("listed-asks"), {
        "mishan-2021-startup-subsidy-notice.txt": OLD,
        "mishan-2025-startup-subsidy-measures.txt": NEW,
    })


@pytest.mark.parametrize(("question", "said"), [
    ("密山的创业补贴，以前要经营多长时间、户籍有什么要求？现在呢？", ("6个月", "12个月", "本市户籍", "不受户籍限制")),
    ("密山一次性创业补贴新办法和原来的通知比，每户给多少、要正常经营多久，各有什么变化？",
     ("5000元", "8000元", "6个月", "12个月")),
])
def test_each_listed_ask_now_and_before(engine: OfflineEngine, question: str, said: tuple[str, ...]) -> None:
    answer = engine.answer(question)
    body = "\n".join(line for line in answer.answer.splitlines() if not line.startswith("["))  # no quotes
    assert body.count("【") == 2, answer.answer  # a part per ask
    for words in said:
        assert words in body, answer.answer


def test_one_ask_is_one_answer(engine: OfflineEngine) -> None:
    answer = engine.answer("密山一次性创业补贴现在每户给多少？")
    body = answer.answer.split("依据")[0]
    assert "8000元" in body and "【" not in body, answer.answer


@pytest.mark.parametrize("question", [
    "密山一次性创业补贴每户以前给多少、现在给多少？",
    "密山的一次性创业补贴，原来每户补多少、现在补多少？",
])
def test_one_ask_said_of_before_and_now_is_one_answer_setting_them_apart(engine: OfflineEngine,
                                                                         question: str) -> None:
    # the asks listed differ only by the time they are asked of (answers.yaml time_words): one ask, now against
    # before — not a part answering 以前给多少 and another answering 现在给多少 with nothing to say which benefit
    answer = engine.answer(question)
    body = answer.answer.split("依据")[0]
    assert "【" not in body, answer.answer
    assert "8000元" in body and "5000元" in body and body.index("8000元") < body.index("5000元"), answer.answer
