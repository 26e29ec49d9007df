"""Tables → one readable line per row, with the header as context.

A row of the MOHRSS city list (序号 | 地区 | 数量 | 实施城市) becomes ``重庆：江北区、九龙坡区、北碚区（数量：3）``:
the lead column, a colon, the last (main) column, and the other columns as ``header：value`` in parentheses.
The 序号 column is dropped (the row number is in the clause path). The leading ``重庆：…`` form is what people
search for; the count stays available for questions like "重庆有几个".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INDEX_HEADER = re.compile(r"^(序号|编号|序|no\.?)$", re.IGNORECASE)
_TOTAL = re.compile(r"^(总计|合计|小计|共计)$")


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
        pairs = [(name, value) for name, value in pairs if value]
        if not pairs:
            continue
        lead = pairs[0][1]
        result.append(TableRow(number, lead, render_row(pairs), bool(_TOTAL.match(lead))))
    return result


def render_row(pairs: list[tuple[str, str]]) -> str:
    """[(地区, 重庆), (数量, 3), (实施城市, 江北区…)] → 重庆：江北区、九龙坡区、北碚区（数量：3）."""
    if len(pairs) == 1:
        return pairs[0][1]
    lead, main = pairs[0][1], pairs[-1][1]
    extras = "，".join(f"{name}：{value}" if name else value for name, value in pairs[1:-1])
    return f"{lead}：{main}" + (f"（{extras}）" if extras else "")
