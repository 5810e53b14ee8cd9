"""A bulletin's table as a test writes it (CSV in an encoding, or .xlsx), imported into a plan's
ledger, and the figures it left there: shared by the bulletin-header tests of sessions 39-40.

Figures: the bundled 广东 2026 plan's 地区生产总值 68725.40 亿元 +4.4 % and 地方一般公共预算收入
7043.21 亿元 +2.4 % (1-6月 in the report; the tests date them 1-9月, a quarter's end: GDP is
published by quarter, session 41).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from plancli.stores.toml import read_toml_ledger
from sheets import sheet_file

GD = "guangdong-2026"
ROWS = [["地区生产总值", "68725.40", "4.4"], ["地方一般公共预算收入", "7043.21", "2.4"]]
JULY = {
    ("gdp", "2026-Q3"): (Decimal("4.4"), Decimal("68725.40")),
    ("budget_revenue", "2026-09"): (Decimal("2.4"), Decimal("7043.21")),
}


def _number(cell: str) -> object:
    try:
        return float(cell)
    except ValueError:
        return cell or None


def bulletin_file(tmp_path: Path, rows: list[list[str]], form: str, stem: str) -> Path:
    """`rows` as `stem`.xlsx (numbers as numbers) when `form` is "xlsx", else as a CSV in
    the encoding `form` names."""
    if form == "xlsx":
        return sheet_file(tmp_path, [[r[0], *map(_number, r[1:])] for r in rows], f"{stem}.xlsx")
    path = tmp_path / f"{stem}.csv"
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding=form)
    return path


def import_bulletin(
    invoke: Any, ledger: Path, path: Path, *args: str, plan: str = GD, lang: str = "en"
) -> Any:
    at = ("--lang", lang, "--plan", plan, "--ledger", str(ledger))
    return invoke(*at, "import", str(path), *args)


def ledger_values(ledger: Path) -> dict[tuple[str, str], tuple[Decimal, Decimal | None]]:
    return {(r.target, r.period): (r.value, r.amount) for r in read_toml_ledger(ledger).records}
