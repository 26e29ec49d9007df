"""补贴计算 tab: forms generated from the loaded rules (over the real index's rules.json), Chinese-only messages,
grouped amounts, 资格判断 verdicts, forms grouped by region (issue 13 item 6, issue 14 item 6)."""

from __future__ import annotations

import re

import pytest

from ui import tab_calc
from ui.services import Services


def _form(services: Services, name: str) -> list[tab_calc.FormField]:
    return tab_calc.form_fields(services.rulebook.get(name))


def _run(services: Services, name: str, **values: str) -> str:
    fields = _form(services, name)
    return tab_calc.run_form(services, name, fields, [values.get(f.name) for f in fields])


def test_services_load_the_rules_the_index_verified(ui_services: Services) -> None:
    assert {rule.name for rule in ui_services.calculators} >= {"sjz_skill_upgrade_subsidy", "bj_staff_education_fund"}
    assert ui_services.rulebook.rules.keys() == {rule.name for rule in ui_services.calculators}


def test_every_calculator_gets_a_form_with_chinese_labels(ui_services: Services) -> None:
    for rule in ui_services.calculators:
        fields = tab_calc.form_fields(rule)
        assert fields, rule.name
        for field in fields:
            assert field.label != field.name, (rule.name, field.name)  # a title, not the identifier
            assert not re.search(r"[A-Za-z_]{3,}", field.label + field.help + field.placeholder), field


def test_skill_upgrade_form_computes_the_amount(ui_services: Services) -> None:
    fields = _form(ui_services, "sjz_skill_upgrade_subsidy")
    kinds = {f.name: f.kind for f in fields}
    assert kinds == {
        "unemployment_insurance_months": "text",
        "certificate_level": "choice",
        "in_scarce_catalogue": "yes_no",
        "certificate_date": "text",
    }
    html = _run(ui_services, "sjz_skill_upgrade_subsidy", unemployment_insurance_months="15",
                certificate_level="中级", in_scarce_catalogue="是")
    assert "1,650元" in html and "计算过程" in html and "三、（一）3" in html
    assert "1500元 × 1.1 = 1650元" in html  # the trace stays exactly as the rule wrote it
    html = _run(ui_services, "sjz_skill_upgrade_subsidy", unemployment_insurance_months="15",
                certificate_level="中级", in_scarce_catalogue=tab_calc.UNKNOWN)
    assert "1,500元" in html


@pytest.mark.parametrize("months", ["１５", "一年半", "15个月", "两年"])
def test_people_style_values_are_accepted(ui_services: Services, months: str) -> None:
    html = _run(ui_services, "sjz_skill_upgrade_subsidy", unemployment_insurance_months=months,
                certificate_level="中级工")
    assert 'class="pa-error"' not in html and "1,500元" in html


def test_staff_education_fund_form_groups_large_amounts(ui_services: Services) -> None:
    html = _run(ui_services, "bj_staff_education_fund", payroll_total="1,000,000元")
    assert "15,000元" in html and "九、" in html
    html = _run(ui_services, "bj_staff_education_fund", payroll_total="2000万元")
    assert "300,000元" in html
    html = _run(ui_services, "beibei_education_fund_deduction", salary_total="99999999999999", education_expense="1")
    assert 'class="pa-error"' in html  # above any real payroll: a message, not a number
    html = _run(ui_services, "beibei_education_fund_deduction", salary_total="124.99亿元",
                education_expense="9.9992亿元")
    assert "9.9992亿元" in html


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("-5", "不能为负数"),
        ("-0", "不能为负数"),
        ("NaN", "应为整数"),
        ("abc", "应为数字"),
        ("１e99999", "数值过大"),
        ("15\x00", "控制字符"),
        ("元", "应为数字"),
        ("1500元", "单位不对"),
    ],
)
def test_invalid_input_is_an_inline_chinese_message(ui_services: Services, bad: str, message: str) -> None:
    html = _run(ui_services, "sjz_skill_upgrade_subsidy", unemployment_insurance_months=bad)
    assert 'class="pa-error"' in html and "输入有误" in html and message in html
    assert "“累计缴纳失业保险费月数”" in html
    assert "unemployment_insurance_months" not in html and "编号" not in html  # no English id, no error id


@pytest.mark.parametrize(("bad", "message"), [("15个月", "单位不对"), ("元", "应为数字"), ("-0", "不能为负数")])
def test_money_field_rejections(ui_services: Services, bad: str, message: str) -> None:
    html = _run(ui_services, "sjz_employment_training_subsidy", actual_cost=bad)
    assert message in html and "“实际培训费用”" in html and "actual_cost" not in html


def test_blank_form_asks_for_missing_facts(ui_services: Services) -> None:
    html = _run(ui_services, "sjz_skill_upgrade_subsidy", unemployment_insurance_months="  ",
                in_scarce_catalogue=tab_calc.UNKNOWN)
    assert "还需要补充" in html and "您累计缴纳失业保险费多少个月？" in html


def test_eligibility_checks_are_worded_as_a_judgement_with_a_verdict(ui_services: Services) -> None:
    rule = ui_services.rulebook.get("bj_direct_introduction_check")
    assert tab_calc.KIND_LABELS[rule.kind] == "资格判断"
    html = _run(ui_services, "bj_direct_introduction_check", years_in_beijing="2")
    assert "资格判断" in html and "判断结果：不符合条件" in html and "判断过程" in html and "计算过程" not in html
    html = _run(ui_services, "beibei_veteran_training_check", is_veteran="是")
    assert "判断结果：符合条件" in html


def test_forms_are_grouped_by_region(ui_services: Services) -> None:
    groups = tab_calc.by_region(list(ui_services.calculators))
    assert set(groups) == {"石家庄市", "北京市", "重庆市北碚区"}
    for rules in groups.values():
        kinds = [rule.kind for rule in rules]
        assert kinds == sorted(kinds, key=lambda kind: kind != "amount")  # amounts first, then 资格判断


def test_documents_tab_rules_section_shows_verification_status(ui_services: Services) -> None:
    from assistant.rules.store import rules_status
    from ui.rules_view import rules_status_html

    html = rules_status_html(rules_status(ui_services.settings))
    assert html.count("已核验 4/4") == 1 and "已核验 3/3" in html and "已核验 2/2" in html and "无规则文件" in html
