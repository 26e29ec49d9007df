"""``rules draft`` proposes a document's amounts and thresholds (each with clause and verbatim phrase, verifiable as
written); ``rules check`` validates without ingesting (exit 0 / 2); ``rules status`` and the staff view show each
document's rules and their verification status."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from assistant.rules.book import DocumentRules, RuleStatus
from assistant.rules.draft_measure import measure
from assistant.rules.drafting import draft_from_chunks, draft_rules
from ingest.pipeline import parse_document
from tests.rules_support import POLICIES, command_group
from ui.cli_rules import register
from ui.rules_view import rules_status_html

SJZ = "shijiazhuang-2019-lifelong-skills-training"
UNSEEN_STYLE = """测试县人力资源和社会保障局关于印发《测试县技能人才补贴办法》的通知
测人社发〔2024〕3号
一、补贴标准
（一）获批市级、省级、国家级技能大师工作室的，分别给予一次性资助20万元、30万元、50万元。
（二）脱贫劳动力参加培训的，培训期间按每人每天40元给予生活费补贴，最长不超过30天。
（三）职工取得技师（二级）、高级技师（一级）证书的，分别给予每人2400元、2900元的一次性补贴。
（四）职工取得的证书所属职业纳入紧缺目录的，按省定标准的120%给予补贴。
二、申请时限
职工应在取得证书之日起12个月内提出申请；申报企业上年度营业收入应不低于2000万元。

附件1

测试县培训补贴标准表

序号\t职业（工种）\t最低培训课时\t补贴标准（元/人）
1\t电工（五级）\t150\t1600
2\t焊工（五级）\t120\t1700
3\t育婴员（五级）\t90\t1000
"""


def proposed(draft: dict) -> set[tuple[str, float, str]]:
    return {(p.get("clause") or rule["clause"], float(p["value"]), p["unit"])
            for rule in draft["rules"] for p in rule["parameters"].values()}


def run(*args: str):
    return CliRunner().invoke(command_group(register), ["rules", *args])


def test_draft_of_a_bundled_policy_proposes_its_amounts() -> None:
    document = parse_document(POLICIES / f"{SJZ}.txt")
    found = proposed(draft_from_chunks(SJZ, document.meta.region, document.chunks))
    expected = {("三、（一）2", 2200, "元"), ("三、（一）2", 2500, "元"), ("三、（一）3", 4000, "元"),
                ("三、（一）3", 6000, "元"), ("三、（一）3", 1000, "元"), ("三、（一）3", 1500, "元"),
                ("三、（一）3", 2000, "元"), ("三、（一）3", 10, "%"), ("三、（一）3", 12, "个月")}
    assert expected <= found


def test_draft_of_an_unseen_style_policy(tmp_path: Path) -> None:
    path = tmp_path / "ceshi-2024-skill.txt"
    path.write_text(UNSEEN_STYLE, encoding="utf-8")
    document = parse_document(path)
    draft = draft_from_chunks("ceshi-2024-skill", document.meta.region, document.chunks)
    found = proposed(draft)
    assert {("一、（一）", 200000, "元"), ("一、（一）", 300000, "元"), ("一、（一）", 500000, "元"),
            ("一、（二）", 40, "元"), ("一、（二）", 30, "天"), ("一、（三）", 2400, "元"), ("一、（三）", 2900, "元"),
            ("一、（四）", 120, "%"), ("二、", 12, "个月"), ("二、", 20000000, "元"),
            ("附件1 第1行", 1600, "元"), ("附件1 第2行", 1700, "元"), ("附件1 第1行", 150, "课时")} <= found
    levels = next(r for r in draft["rules"] if r["clause"] == "一、（一）")["inputs"][0]["options"]
    assert [o["value"] for o in levels] == ["市级", "省级", "国家级"]
    gold = tmp_path / "gold.yaml"
    gold.write_text(yaml.safe_dump({"documents": {"ceshi-2024-skill": [
        {"clause": "一、（二）", "value": 40, "unit": "元"}, {"clause": "附件1 第2行", "value": 1700, "unit": "元"},
        {"clause": "二、", "value": 12, "unit": "个月"}]}}, allow_unicode=True), encoding="utf-8")
    report = measure(tmp_path, gold, tmp_path / "scratch")
    assert report["recall"] == 1.0 and report["rules_verified"] == report["rules"] > 0


def test_draft_cli_prints_a_draft_that_checks(tmp_path: Path) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    for suffix in (".txt", ".meta.yaml"):
        shutil.copy(POLICIES / f"{SJZ}{suffix}", folder / f"{SJZ}{suffix}")
    result = run("draft", str(folder / f"{SJZ}.txt"))
    assert result.exit_code == 0 and "status: draft" in result.stdout
    (folder / f"{SJZ}.rules.yaml").write_text(result.stdout, encoding="utf-8")
    check = run("check", str(folder), "--json")
    assert check.exit_code == 0, check.stdout
    report = json.loads(check.stdout)
    assert report["valid"] and report["files"][0]["status"] == "draft"
    assert all(rule["ok"] for rule in report["files"][0]["rules"])


@pytest.mark.parametrize(("content", "message"), [(None, "文件不存在"), (b"", "文件为空"), (b"\x00\x01" * 50, "")])
def test_draft_of_a_bad_file_is_one_chinese_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("draft", str(path))
    assert result.exit_code == 2 and message in result.stderr and " / " in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_draft_of_a_policy_without_numbers(tmp_path: Path) -> None:
    path = tmp_path / "words-only.txt"
    path.write_text("某市关于加强职业培训的意见\n一、总体要求\n坚持需求导向，提高培训质量。\n", encoding="utf-8")
    assert "rules: []" in draft_rules(path) and "未在条款中发现" in draft_rules(path)


def test_check_the_bundled_rules_and_a_broken_one(tmp_path: Path) -> None:
    ok = run("check", str(POLICIES))
    assert ok.exit_code == 0 and ok.stdout.count("✓") == 3
    folder = tmp_path / "policies"
    shutil.copytree(POLICIES, folder)
    rules = folder / f"{SJZ}.rules.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("value: 2200", "value: 2300"), encoding="utf-8")
    bad = run("check", str(rules))
    assert bad.exit_code == 2 and "✗ sjz_employment_training_subsidy" in bad.stdout and "声明为2300元" in bad.stdout
    as_json = json.loads(run("check", str(rules), "--json").stdout)
    assert not as_json["valid"] and len(as_json["files"]) == 1


def test_check_paths_that_are_not_there(tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "nope"))
    assert missing.exit_code == 2 and "路径不存在" in missing.stderr
    policy = tmp_path / "lonely.txt"
    policy.write_text("某市补贴通知\n一、标准\n补贴1000元。\n", encoding="utf-8")
    lonely = run("check", str(policy))
    assert lonely.exit_code == 2 and "规则文件不存在" in lonely.stdout


def test_status_command_and_staff_view(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_DATA_DIR", str(POLICIES))
    monkeypatch.setenv("POLICY_INDEX_DIR", str(tmp_path / "no-index"))
    text = run("status")
    assert text.exit_code == 0 and "已启用 4 条" in text.stdout and "无规则文件" in text.stdout
    documents = json.loads(run("status", "--json").stdout)["documents"]
    assert {d["doc_id"] for d in documents if d["rules_file"]} == {
        SJZ, "beijing-2011-vocational-training", "beibei-2019-lifelong-skills-training"}
    html = rules_status_html([DocumentRules(
        doc_id="x", title="<script>alert(1)</script>", region="测试市", rules_file="/data/x.rules.yaml",
        file_status="active", rules=[RuleStatus(id="a_rule", title="补贴", ok=True),
                                     RuleStatus(id="b_rule", title="<b>", ok=False, reason_zh="原文“1000元”找不到")])])
    assert "<script>" not in html and "&lt;script&gt;" in html and "✓ 补贴" in html and "原文“1000元”找不到" in html
    assert "已核验 1/2" in html


@pytest.mark.parametrize(("text", "labels"), [
    ("补贴按目标等级确定：中级工（四级）每人每年4000元，高级工（三级）每人每年5000元，技师（二级）每人每年6000元。",
     ["中级工（四级）", "高级工（三级）", "技师（二级）"]),
    ("补贴标准为：中级工每人每年5000元，高级工每人每年6500元。", ["中级工", "高级工"]),
    # the grade right before the figure: the name before it is the label's too, not the grade alone
    ("按以下标准给予培训补贴：初级工（五级）800元/人，中级工（四级）1200元/人，高级工（三级）1800元/人。",
     ["初级工（五级）", "中级工（四级）", "高级工（三级）"]),
    ("补贴标准：（一）初级工1000元；（二）中级工1500元。", ["初级工", "中级工"]),  # an item's number is no grade
])
def test_a_label_keeps_its_grade_in_parentheses(text: str, labels: list[str]) -> None:
    from assistant.rules.draft_text import label_before
    from ingest.quantities import find_quantities

    money = [q for q in find_quantities(text) if q.kind == "money"]
    assert [label_before(text, q.start) for q in money] == labels
