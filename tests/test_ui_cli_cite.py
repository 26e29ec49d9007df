"""``--cite``: the CLI prints the same standard citation the page copies."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ingest.settings import Settings
from ui.cli import build_app


@pytest.fixture
def run(indexed_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    for name, value in (("DATA", indexed_settings.data_dir), ("INDEX", indexed_settings.index_dir)):
        monkeypatch.setenv(f"POLICY_{name}_DIR", str(value))
    monkeypatch.setenv("POLICY_STATE_DIR", str(indexed_settings.state_dir))
    monkeypatch.delenv("POLICY_LLM_BASE_URL", raising=False)
    app = build_app()
    return lambda *args: CliRunner().invoke(app, list(args))


def test_search_cite_prints_one_standard_citation_per_result(run) -> None:
    result = run("search", "北京 职工教育经费 提取比例", "--top-k", "3", "--cite")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines and all(line.startswith("《") and "：“" in line for line in lines)
    expected = "《北京市人民政府关于进一步加强职业培训工作的意见》（京政发〔2011〕33号）九、 加大职业培训资金投入：“"
    assert lines[0].startswith(expected)
    assert lines[0].endswith("”（现行有效，2011-07-06）")


def test_search_cite_json_and_nothing_found(run) -> None:
    data = json.loads(run("search", "石家庄 技能提升补贴", "--cite", "--json").stdout)
    assert len(data["citations"]) == len(data["results"]) > 0
    assert data["citations"][0].startswith("《石家庄市人民政府办公室")
    nothing = run("search", "how to bake sourdough bread", "--cite")
    assert nothing.exit_code == 0 and nothing.stdout == "" and "未找到相关条款" in nothing.stderr


def test_search_text_says_not_found_and_labels_suggestions(run) -> None:
    result = run("search", "今天天气怎么样")
    assert "未找到相关条款" in result.stdout and "可能相关" in result.stdout


def test_ask_cite_lists_the_standard_citations(run) -> None:
    result = run("ask", "石家庄技能提升补贴是多少？", "--cite")
    assert result.exit_code == 0, result.output
    cited = result.stdout.split("引用：", 1)[1].strip().splitlines()
    title = "石家庄市人民政府办公室关于推行终身职业技能培训制度加快技能强市建设的实施意见"
    assert cited[0].startswith(f"[1] 《{title}》三、（一）3 ")
