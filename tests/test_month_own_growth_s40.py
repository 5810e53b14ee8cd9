"""A 统计月报's month beside its year to date (session 40, from the 辽宁 walk):
`指标,单位,9月,1-9月,9月增长(%),1-9月增长(%)` was refused as two columns of one figure
('9月' and '9月增长(%)' both 1-9月 本月), and `9月比上年同月增长(%)` as an unknown column. The
month's own amount and growth are read past, named as written; the year to date is imported.

Figures: the seed's Guandu plan (guandu-2022), 社会消费品零售总额 (retail_sales, a monthly growth
with its amount in 亿元); the month's and the year's figures are made up for the test.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from plancli.stores.toml import read_toml_ledger
from sheets import sheet_file

HEADERS = {
    "增长": ["指标", "单位", "9月", "1-9月", "9月增长(%)", "1-9月增长(%)"],
    "同月": ["指标", "单位", "9月", "1-9月", "9月比上年同月增长(%)", "1-9月比上年同期增长(%)"],
}
ROW = ["社会消费品零售总额", "亿元", "80.2", "540.3", "3.1", "4.2"]


def _write(tmp_path: Path, header: list[str], form: str) -> Path:
    if form == "xlsx":
        row = [*ROW[:2], *(float(c) for c in ROW[2:])]
        return sheet_file(tmp_path, [header, row], "9月月报.xlsx")
    path = tmp_path / "9月月报.csv"
    path.write_text(",".join(header) + "\n" + ",".join(ROW) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("form", ["csv", "xlsx"])
@pytest.mark.parametrize("words", sorted(HEADERS))
def test_the_months_own_figures_are_read_past_and_the_year_to_date_imported(
    invoke: Any, tmp_path: Path, form: str, words: str
) -> None:
    ledger = tmp_path / "l.toml"
    path = _write(tmp_path, HEADERS[words], form)
    result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    own = HEADERS[words][4]
    # '9月' named too (session 41: the month's own amount was read past unnamed)
    assert f"columns '9月', '{own}' read past (plancli does not use them)" in result.stderr
    [record] = read_toml_ledger(ledger).records
    assert (record.target, record.period) == ("retail_sales", "2022-09")
    assert (record.value, record.amount) == (Decimal("4.2"), Decimal("540.3"))


def test_in_chinese_the_column_is_named_as_the_sheet_has_it(invoke: Any, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADERS["增长"], "csv")
    ledger = tmp_path / "l.toml"
    result = invoke(
        "--lang", "zh", "--plan", "guandu-2022", "--ledger", str(ledger), "import", str(path)
    )
    assert result.exit_code == 0, result.output
    assert "跳过 '9月'、'9月增长(%)' 列（plancli 不用）" in result.stderr
