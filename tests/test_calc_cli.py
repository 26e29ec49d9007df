"""``policy-assistant calc``: listing, text and JSON output, extra ``--field value`` parsing, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.rules_support import command_group
from ui.cli import build_app
from ui.cli_calc import register


def run_cli(*args: str):
    return CliRunner().invoke(command_group(register), ["calc", *args])


def test_calc_is_registered_in_the_real_app() -> None:
    assert "calc" in [command.name for command in build_app().registered_commands]


def test_list_text_and_json() -> None:
    text = run_cli("--list")
    assert text.exit_code == 0
    assert "sjz_skill_upgrade_subsidy" in text.stdout and "--unemployment-insurance-months" in text.stdout
    listing = json.loads(run_cli("--list", "--json").stdout)["calculators"]
    assert len(listing) == 9
    skill = next(item for item in listing if item["name"] == "sjz_skill_upgrade_subsidy")
    assert skill["kind"] == "amount" and "技能提升补贴" in skill["keywords"]
    assert skill["fields"]["certificate_level"]["title"] == "证书等级"


def test_text_output_has_title_status_amount_trace_and_citation() -> None:
    result = run_cli(
        "sjz_skill_upgrade_subsidy",
        "--unemployment-insurance-months",
        "１５",
        "--certificate-level",
        "中级",
        "--in-scarce-catalogue",
    )
    assert result.exit_code == 0, result.output
    for expected in ("石家庄市技能提升补贴", "结论：符合条件", "金额：1650元", "1500元 × 1.1 = 1650元", "三、（一）3"):
        assert expected in result.stdout


def test_json_output_is_the_result_model() -> None:
    arguments = ("--salary-total=100000", "--education_expense", "9000", "--json")
    result = run_cli("beibei_education_fund_deduction", *arguments)
    payload = json.loads(result.stdout)
    assert payload["components"]["结转以后年度"] == "1000.00"
    assert payload["sources"][0]["doc_number"] == "北碚府发〔2019〕21号"


@pytest.mark.parametrize("word", ["是", "否", "true", "false", "yes", "no", "1", "0"])
def test_boolean_words(word: str) -> None:
    result = run_cli("beibei_veteran_training_check", "--is-veteran", word, "--retired-soon", "否", "--json")
    expected = "eligible" if word in ("是", "true", "yes", "1") else "not_eligible"
    assert json.loads(result.stdout)["status"] == expected


def test_partial_input_prints_the_questions() -> None:
    result = run_cli("bj_direct_introduction_check", "--years-in-beijing", "4")
    assert result.exit_code == 0
    assert "结论：需要补充信息" in result.stdout and "您是否经本市引进人才综合评价为优秀？" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "请指定计算器名称"),
        (("no_such_calculator",), "没有名为“no_such_calculator”的计算器"),
        (("sjz_skill_upgrade_subsidy", "stray"), "无法识别的参数：stray"),
        (("sjz_skill_upgrade_subsidy", "--certificate-level", "中级", "--certificate-level", "高级"), "参数重复"),
    ],
)
def test_usage_errors_exit_2_with_one_chinese_line(args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr and " / " in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_installed_entry_point_end_to_end() -> None:
    """The real ``policy-assistant`` app in a subprocess: exit codes and one-line stderr, no traceback."""
    command = [sys.executable, "-m", "ui.cli", "calc"]
    ok = subprocess.run(
        [
            *command,
            "sjz_apprenticeship_subsidy",
            "--apprentice-level",
            "中级工",
            "--apprentices",
            "２",
            "--years",
            "3",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["amount"] == "24000.00"
    bad = subprocess.run(
        [*command, "sjz_apprenticeship_subsidy", "--years", "inf"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    # the Chinese half names the field by its label only (issue 13); the English half keeps the id for logs
    assert bad.stderr.strip() == "输入有误：“培训年数”应为整数 / invalid input: years: not_finite"
