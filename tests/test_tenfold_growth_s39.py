"""A growth ten times a likely one, its decimal point slipped (session 38's 广东 walk):
`plancli record gdp 45 --period 1-9月` on the 广东 2026 plan (GDP 4.5%—5%, 2025: 3.9 %) was
recorded as 45 % without a word. It is recorded as given, with a warning saying 4.5 typed as
45, by `record`, `import` (every row, streamed or checked) and its dry run. Real large growths
stay silent: the seed's 2021 retail sales +11.6 % (附表1), an investment with no baseline
growth in its plan (甘肃 固定资产投资 4.5 %: +45 % from a low base), a trade target's +30 %
(甘肃 进出口 ≥ 10 %), a 2021-style GDP rebound of 18.3 %."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
GDP_45_ZH = (
    "警告：gdp 2026-Q3 = 45 %：是可能增速的十倍（目标 4.5%、2025年 3.9%）；"
    "是否把 4.5 录成了 45（小数点错位）？（按增长 45% 读入）"
)
GDP_45_EN = (
    "warning: gdp 2026-Q3 = 45 %: ten times a likely growth (the target 4.5 %, 2025: 3.9 %); "
    "4.5 typed as 45? (read as a growth of 45 %)"
)


def _record(invoke, tmp_path: Path, plan: str, *args: str, lang: str = "zh"):  # type: ignore[no-untyped-def]
    ledger = tmp_path / f"{plan}.progress.toml"
    return invoke("--plan", plan, "--ledger", str(ledger), "--lang", lang, "record", *args)


def test_guangdong_gdp_45_warns_as_4_5_typed_as_45(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    zh = _record(invoke, tmp_path, "guangdong-2026", "gdp", "45", "--period", "1-9月")
    assert zh.exit_code == 0, zh.output
    assert GDP_45_ZH in zh.stderr.splitlines()
    assert "已录入 gdp 2026-Q3 = 45%" in zh.stderr  # recorded as given
    en = _record(invoke, tmp_path, "guangdong-2026", "gdp", "45", "--period", "1-9月", lang="en")
    assert GDP_45_EN in en.stderr.splitlines()  # already in force: still said


def test_a_tenth_with_decimals(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """5.2 typed as 52 (the figure ÷ 10 above the range's top 5, within a point of it)."""
    result = _record(invoke, tmp_path, "guangdong-2026", "gdp", "52", "--period", "2026-Q2")
    assert "是否把 5.2 录成了 52（小数点错位）" in result.stderr


@pytest.mark.parametrize(
    ("plan", "target", "figure", "period"),
    [
        ("guangdong-2026", "gdp", "4.5", "1-9月"),  # the figure meant
        ("guangdong-2026", "gdp", "9.8", "2026-Q1"),  # a strong quarter, not ten times
        ("guangdong-2026", "gdp", "18.3", "2026-Q1"),  # 2021 Q1's rebound (全国 18.3 %)
        ("guangdong-2026", "gdp", "-45", "2026-Q1"),  # a fall is no tenfold rise
        ("guandu-2022", "retail_sales", "11.6", "2022-06"),  # 附表1: 2021's +11.6 %
        ("guandu-2022", "fixed_asset_investment", "45", "2022-06"),  # 正增长: no figure
        ("gansu-2026", "fixed_asset_investment", "45", "2026-06"),  # 4.5 %, no baseline
        ("gansu-2026", "foreign_trade", "30", "2026-06"),  # ≥ 10 %, no baseline
        ("gansu-2026", "foreign_trade", "100", "2026-06"),  # trade doubling on a low base
    ],
)
def test_real_large_growths_do_not_warn(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, plan: str, target: str, figure: str, period: str
) -> None:
    result = _record(invoke, tmp_path, plan, target, figure, "--period", period)
    assert result.exit_code == 0, result.output
    assert "十倍" not in result.stderr and "录成了" not in result.stderr, result.stderr


def test_guandu_gdp_band_from_its_plan() -> None:
    """Guandu 2022: GDP ≥ 7 %, 2021: 0.3 % — a figure ÷ 10 from 0 to 8, and more than three
    times 7: 21 % to 80 % warn; 广东: 4.5–5, 3.9 → 29 % to 60 %."""
    from plancli.growth_slips import tenfold_band
    from plancli.plan import load_plan_file

    guandu = load_plan_file(DATA / "plan2022.toml")
    assert tenfold_band(guandu.target("gdp")) == (Decimal(21), Decimal(80))  # type: ignore[arg-type]
    assert tenfold_band(guandu.target("fixed_asset_investment")) is None  # type: ignore[arg-type]
    guangdong = load_plan_file(DATA / "2026" / "guangdong.toml")
    assert tenfold_band(guangdong.target("gdp")) == (Decimal(29), Decimal(60))  # type: ignore[arg-type]


@pytest.mark.parametrize("options", [(), ("--dry-run",)])  # import_stream, check_import
def test_import_warns_every_row(invoke, tmp_path: Path, options: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Each slipped row is warned about, naming its row; the rows around it are not."""
    sheet = tmp_path / "9月.csv"
    sheet.write_text(
        "target,period,value\n"
        "gdp,1-9月,45\n"
        "budget_revenue,1-9月,30\n"
        "budget_revenue,1-6月,3.2\n"
        "resident_income,1-9月,4.4\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "gd.progress.toml"
    result = invoke(
        "--plan", "guangdong-2026", "--ledger", str(ledger), "--lang", "zh", "import",
        str(sheet), *options,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "小数点错位" in line]
    assert len(warned) == 2, result.stderr
    assert warned[0].startswith(f"警告：{sheet}:2：gdp 2026-Q3 = 45 %：是可能增速的十倍")
    assert warned[1].startswith(f"警告：{sheet}:3：budget_revenue 2026-09 = 30 %")
    assert "是否把 3 录成了 30" in warned[1]


def test_amend_warns_of_a_bound_ten_times_the_plans(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`amend gdp --min 45` on 广东's 4.5%—5%: amended as given, with the same warning; a
    bound near the plan's (4) draws none."""
    args = ("--plan", "guangdong-2026", "--ledger", str(tmp_path / "a.toml"), "--lang", "zh")
    slipped = invoke(*args, "amend", "gdp", "--from", "2026-07", "--min", "45")
    assert slipped.exit_code == 0, slipped.output
    assert (
        "警告：gdp 2026-07 = 45 %：是可能增速的十倍（目标 4.5%、2025年 3.9%）；"
        "是否把 4.5 录成了 45（小数点错位）？（按增长 45% 读入）"
    ) in slipped.stderr.splitlines()
    fixed = invoke(*args, "amend", "gdp", "--from", "2026-07", "--min", "4")
    assert fixed.exit_code == 0 and "小数点错位" not in fixed.stderr
