"""Tables → one readable line per row, with the header as context.

A row of a city list (序号 | 地区 | 数量 | 实施城市) becomes ``某市：甲区、乙区、丙区（数量：3）``:
the lead column, a colon, the last (main) column, and the other columns as ``header：value`` in parentheses.
The 序号 column is dropped (the row number is in the clause path). The leading ``某市：…`` form is what people
search for; the count stays available for questions like "某市有几个".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INDEX_HEADER = re.compile(r"^(序号|编号|序|no\.?)$", re.IGNORECASE)
_TOTAL = re.compile(r"^(总计|合计|小计|共计)$")
# A header that states its column's unit in parentheses: 补贴标准（元/人）, 比例(%), 金额（万元）.
_UNIT_HEADER = re.compile(r"^(.*?)[（(]\s*((?:万元|元|%|‰|个月|月|天|小时|课时)(?:/[^）)]{1,4})?)\s*[）)]$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_MONEY = re.compile(r"^\d+(?:[.,]\d+)*\s*(?:万元|元)(?:\s*/\s*[^\s/]{1,4}){0,2}$")  # N万元, N元, N元/人, N元/人/月
_BLANK = re.compile(r"^[—–\-－/／、]*$")  # a cell left blank on purpose: —, -, ／


@dataclass(frozen=True)
class TableRow:
    number: int  # 1-based among data rows (the header is not counted)
    lead: str  # first meaningful cell, e.g. 重庆 or 总计
    text: str
    is_total: bool


def has_header(rows: list[list[str]]) -> bool:
    """The first row is a header when no cell is a bare number and data rows follow."""
    return len(rows) > 1 and not any(cell.strip().isdigit() for cell in rows[0])


def table_rows(rows: list[list[str]]) -> list[TableRow]:
    header = rows[0] if has_header(rows) else []
    data = rows[1:] if header else rows
    index_columns = {i for i, name in enumerate(header) if _INDEX_HEADER.match(name.strip())}
    result: list[TableRow] = []
    for number, cells in enumerate(data, start=1):
        if header and len(cells) == len(header):
            pairs = [(header[i], cell) for i, cell in enumerate(cells) if i not in index_columns]
        else:  # a short row (e.g. 总计 | 100) cannot be aligned with the header: keep its cells as they are
            pairs = [("", cell) for cell in cells]
        pairs = [(name, value) for name, value in pairs if not _BLANK.match(value.strip())]
        if not pairs:
            continue
        lead = pairs[0][1]
        result.append(TableRow(number, lead, render_row(pairs), bool(_TOTAL.match(lead))))
    return result


def with_unit(name: str, value: str) -> str:
    """A bare number under a header that states its unit reads with it: 补贴标准（元/人） N → 补贴标准N元/人."""
    match = _UNIT_HEADER.match(name.strip())
    if match and _NUMBER.match(value.strip()):
        return f"{match.group(1)}{value.strip()}{match.group(2)}"
    return f"{name}：{value}" if name else value


def _money(name: str, value: str) -> bool:
    """A cell holding a sum of money: N万元 / N元, or a bare number under a header in 元."""
    value = value.strip()
    if _MONEY.match(value):
        return True
    unit = _UNIT_HEADER.match(name.strip())
    return bool(unit and "元" in unit.group(2) and _NUMBER.match(value))


def is_grid(pairs: list[tuple[str, str]]) -> bool:
    """A row of sums under named columns (职业 | 初级 | 中级 | 高级, 竞赛类别 | 一等奖 | 二等奖): every cell after the
    lead is money and has a header."""
    cells = pairs[1:]
    return len(cells) >= 2 and all(name and _money(name, value) for name, value in cells)


def render_row(pairs: list[tuple[str, str]]) -> str:
    """[(地区, 某市), (数量, 3), (实施城市, 甲区…)] → 某市：甲区、乙区、丙区（数量：3）; an amount
    column whose header states the unit keeps it: 中级工：补贴标准N元/人. The main column is the row's one sum
    when it has one (a 备注 after it goes in the parentheses), else the last. A row of figures names each in column
    order: 焊工：初级（五级）A元/人，中级（四级）B元/人，高级（三级）C元/人."""
    if len(pairs) == 1:
        return pairs[0][1]
    if is_grid(pairs):
        return f"{pairs[0][1]}：" + "，".join(with_unit(name, value) for name, value in pairs[1:])
    lead, rest = pairs[0][1], pairs[1:]
    sums = [index for index, pair in enumerate(rest) if _money(*pair)]
    chosen = sums[0] if len(sums) == 1 else len(rest) - 1  # the one sum, else the last column (a 备注 stays aside)
    main_name, main = rest[chosen]
    if _UNIT_HEADER.match(main_name.strip()) and _NUMBER.match(main.strip()):
        main = with_unit(main_name, main)
    extras = "，".join(with_unit(name, value) for index, (name, value) in enumerate(rest) if index != chosen)
    return f"{lead}：{main}" + (f"（{extras}）" if extras else "")
