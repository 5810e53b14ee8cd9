"""The Chinese workbook's 执行情况 sheet in words (`report_workbook`): the columns the English
sheet keeps as the JSON contract's codes — 领域 `headline`, 类型 `growth`, 频率 `quarterly`,
无数据原因 `no_record`, 比较关系 `same`, 完成值来源 `parts`, true/false — are what a Chinese
reader reads, so
under zh they are the words the tables and `show` use (主要预期目标, 增速, 季度, 截至该期无记录,
同步于, 各构成之和, 是/否). Ids (编号, 参照指标, 构成) and periods stay as they are, in either
language: they are what the command line and the other sheets take (docs/chinese.md)."""

from __future__ import annotations

from typing import Any

from plancli.i18n import t
from plancli.interface_words import WORDS

# column → the catalog's key prefix for its code (`kind.growth` → 增速)
_CODED: dict[str, str] = {
    "kind": "kind",
    "frequency": "freq",
    "reason": "reason",
    "relation": "relation",
    "actual_from": "actual_from",
    "stretch_exceeds": "stretch_exceeds",
}
# a reason whose words are under another key: the year's report's `year_figure`
_KEYS = {"reason.year_figure": "report.no_year_figure"}


def zh_word(column: str, value: Any) -> Any:
    """The cell of `column` in Chinese: a code in words, true/false as 是/否; anything else
    (a figure, an id, a period, a name) as it is. A code the catalog lacks stays the code."""
    if isinstance(value, bool):
        return t(f"cell.{str(value).lower()}", "zh")
    prefix = _CODED.get(column)
    if prefix is None or not isinstance(value, str):
        return value
    key = _KEYS.get(f"{prefix}.{value}", f"{prefix}.{value}")
    return t(key, "zh") if key in WORDS else value


def zh_row(data: dict[str, Any], section_name: str) -> None:
    """`data`, one assessment's cells by column, in Chinese in place; `section_name`, its
    section's name as the plan writes it (构建现代化产业体系, for `industry`)."""
    for column, value in data.items():
        data[column] = zh_word(column, value)
    data["section"] = section_name
