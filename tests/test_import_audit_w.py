"""Import checks from the audit of the monthly fill-in sheets (audit W): impossible levels
(D9), a growth target's year-to-date amount that falls (D6), the periods a file holds and last
month's sheet sent back (D7), `no value` naming its target and reason (D8), and messages a clerk
can act on (D10). The bundled plan2022's targets, the audit's own figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancli.ledger import Record
from plancli.stores.toml import read_toml_ledger


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "progress.toml"


@pytest.fixture
def imports(invoke, ledger: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write FILE as UTF-8 and import it into plan2022 (`lang`: the interface's language)."""

    def run(name: str, lines: list[str], *args: str, lang: str = "en"):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return invoke("--lang", lang, "--ledger", str(ledger), "import", str(path), *args)

    return run


def records(ledger: Path) -> dict[tuple[str, str], Record]:
    if not ledger.exists():
        return {}
    return {(r.target, r.period): r for r in read_toml_ledger(ledger).records}


# ---------------------------------------------------- D9: levels that cannot be the level

W_FILE = [
    "target,period,value",
    "unemployment_rate,2022-Q2,-0.2",
    "air_quality_good_rate,2022-06,-1.5",
    "zero_employment_families,2022-Q2,-1",
]


@pytest.mark.parametrize("stream", [True, False])
def test_a_negative_rate_share_or_count_is_refused(imports, ledger: Path, stream: bool) -> None:  # type: ignore[no-untyped-def]
    """The 人社局 clerk's 比上年同期 −0.2 typed as the unemployment rate was judged 正常推进."""
    result = imports("W.csv", W_FILE, *(() if stream else ("--dry-run",)))
    assert result.exit_code == 2, result.output
    err = result.stderr
    assert "W.csv: 3 bad rows; nothing was imported" in err
    assert (
        "W.csv:2: unemployment_rate 2022-Q2 = -0.2 %: a rate or share is never below 0; was "
        "the change on last year (比上年增减) typed? give the period's level"
    ) in err
    assert "W.csv:3: air_quality_good_rate 2022-06 = -1.5 %: a rate or share" in err
    assert "W.csv:4: zero_employment_families 2022-Q2 = -1 户: a count or quantity" in err
    assert records(ledger) == {}


def test_a_negative_rate_is_refused_in_chinese_and_by_record(invoke, ledger: Path, imports) -> None:  # type: ignore[no-untyped-def]
    result = imports("W.csv", W_FILE[:2], lang="zh")
    assert "是否填了比上年的增减？请填本期水平值" in result.stderr, result.stderr
    recorded = invoke(
        "--ledger", str(ledger), "record", "unemployment_rate", "-0.2", "--period", "2022-Q2"
    )
    assert recorded.exit_code == 2
    assert "a rate or share is never below 0" in recorded.stderr


def test_a_rise_that_may_be_negative_is_not_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """居民消费价格涨幅 is a level in % that falls in a deflation: −0.3 is a figure."""
    ledger = tmp_path / "fj.progress.toml"
    result = invoke(
        "--plan",
        "fujian-2026",
        "--ledger",
        str(ledger),
        "record",
        "cpi",
        "-0.3",
        "--period",
        "2026-06",
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("stream", [True, False])
def test_a_share_above_100_is_warned_about(imports, ledger: Path, stream: bool) -> None:  # type: ignore[no-untyped-def]
    """A coverage of 101.2 % is unlikely but not impossible (a 巩固率 passes 100 %): taken."""
    lines = [
        "target,period,value",
        "social_insurance_coverage,2022-Q2,101.2",
        "unemployment_rate,2022-Q2,4.1",
    ]
    result = imports("S.csv", lines, *(() if stream else ("--dry-run",)))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("warning:") == 1, result.stderr
    assert (
        "S.csv:2: social_insurance_coverage 2022-Q2 = 101.2 %: a share above 100 % "
        "(the plan's figure: 95 %); check the figure (read as 101.2 %)"
    ) in result.stderr


# ------------------------------------------------- D6: a year-to-date amount that falls

JUNE = [
    "target,period,value,amount",
    "budget_revenue,2022-06,5.2,27.4",
    "external_funds,2022-06,50,",
]
JULY = ["target,period,value,amount", "budget_revenue,2022-07,5.0,3.1", "external_funds,2022-07,8,"]


@pytest.mark.parametrize("stream", [True, False])
def test_a_growth_amount_below_last_months_is_warned_about(imports, stream: bool) -> None:  # type: ignore[no-untyped-def]
    """July's own 3.1 亿元 in the amount column after June's 27.4 drove 余下月份需增长."""
    assert imports("6.csv", JUNE).exit_code == 0
    result = imports("7.csv", JULY, *(() if stream else ("--dry-run",)))
    assert result.exit_code == 0, result.output
    assert (
        "7.csv:2: budget_revenue 2022-07: the amount 3.1 亿元 is below 2022-06's 27.4: "
        "the amount (累计值) is the year-to-date total, not the month's own figure"
    ) in result.stderr
    # The cumulative warning says what a sheet can do: `--add` is `record`'s.
    assert "7.csv:3: external_funds 2022-07 = 8 is below 2022-06's 50" in result.stderr
    assert "--add" not in result.stderr


def test_record_keeps_its_add_hint_and_warns_of_an_amount(invoke, ledger: Path, imports) -> None:  # type: ignore[no-untyped-def]
    assert imports("6.csv", JUNE).exit_code == 0
    where = ("--ledger", str(ledger), "record")
    result = invoke(*where, "external_funds", "8", "--period", "2022-07")
    assert "(use --add to add a month's increment)" in result.stderr
    result = invoke(*where, "budget_revenue", "5", "--amount", "3.1", "--period", "2022-07")
    assert "the amount 3.1 亿元 is below 2022-06's 27.4" in result.stderr


def test_an_amount_above_a_later_months_is_warned_about(imports) -> None:  # type: ignore[no-untyped-def]
    assert (
        imports("7.csv", ["target,period,value,amount", "budget_revenue,2022-07,5.0,31"]).exit_code
        == 0
    )
    result = imports("6.csv", JUNE[:2])
    assert "budget_revenue 2022-06: the amount 27.4 亿元 is above 2022-07's 31" not in result.stderr
    result = imports("6b.csv", ["target,period,value,amount", "budget_revenue,2022-06,5.2,32"])
    assert (
        "budget_revenue 2022-06: the amount 32 亿元 is above 2022-07's 31; revise 2022-07 too"
        in result.stderr
    )


# ------------------------------------------------- D7: the periods a file holds


@pytest.mark.parametrize("stream", [True, False])
def test_the_summary_names_the_periods(imports, stream: bool) -> None:  # type: ignore[no-untyped-def]
    args = () if stream else ("--dry-run",)
    result = imports("6.csv", JUNE, *args)
    assert result.stderr.rstrip().endswith("; period 2022-06"), result.stderr
    both = [JUNE[0], "budget_revenue,2022-06,5.3,27.4", JUNE[2], "external_funds,2022-05,40,"]
    result = imports("56.csv", both, *args)
    expected = (
        "; by period: 2022-05: 1 new; 2022-06: 1 revised, 1 unchanged"
        if stream
        else "; by period: 2022-05: 1 new; 2022-06: 2 new"
    )
    assert result.stderr.rstrip().endswith(expected), result.stderr
    zh = imports("6.csv", JUNE, lang="zh")
    assert zh.stderr.rstrip().endswith("；期间 2022年6月"), zh.stderr  # in words: session 41
    # the periods joined by a full-width semicolon in Chinese, not `; ` (audit M, D9)
    zh = imports("56b.csv", both, *args, lang="zh")
    assert "；按期间：2022年5月：" in zh.stderr and "1；2022年6月：" in zh.stderr, zh.stderr


def _sheet(invoke, tmp_path: Path, period: str, figures: dict[str, str]) -> list[str]:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{period}.csv"
    assert invoke("template", str(path), "--period", period, "--force").exit_code == 0
    lines = path.read_text("utf-8-sig").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        if cells[0] in figures:
            cells[2] = figures[cells[0]]
        out.append(",".join(cells))
    return out


def test_last_months_sheet_sent_back_is_warned_about(invoke, imports, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """May's sheet retyped with June's figures silently revised May (audit W D7)."""
    may = _sheet(invoke, tmp_path, "2022-05", {"new_urban_jobs": "0.9", "investment_roads": "5.0"})
    assert imports("5.csv", may).exit_code == 0
    assert imports("j.csv", ["target,period,value", "external_funds,2022-06,50"]).exit_code == 0
    again = _sheet(
        invoke, tmp_path, "2022-05", {"new_urban_jobs": "1.1", "investment_roads": "6.2"}
    )
    result = imports("5b.csv", again, "--dry-run")
    assert (
        "5b.csv is the sheet for 2022-05, and every row revises a figure already "
        "recorded, while the ledger has figures up to 2022-06: was last month's sheet sent back?"
    ) in result.stderr, result.stderr
    assert "; period 2022-05" in result.stderr
    # A correction sent with this month's new figures is no stale sheet.
    june = _sheet(invoke, tmp_path, "2022-06", {"new_urban_jobs": "1.1"})
    assert "sent back" not in imports("6.csv", june, "--dry-run").stderr


# ------------------------------------------------- D8: `no value`, with its target and reason


def test_a_template_row_with_only_a_source_names_its_target(
    invoke, imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A clerk pre-filled `source` on their rows and typed one figure: `S.csv:22: 缺少 value`."""
    sheet = _sheet(invoke, tmp_path, "2022-06", {"new_parking_spaces": "1500"})
    for number, line in enumerate(sheet):
        cells = line.split(",")
        if cells[0] in ("new_5g_base_stations", "new_parking_spaces"):
            cells[5] = "区住建局"
            sheet[number] = ",".join(cells)
    result = imports("S.csv", sheet, "--dry-run", lang="zh")
    assert result.exit_code == 2
    assert (
        "缺少 value（new_5g_base_stations）：只填了 source，没有数值；尚未公布请清空该行"
    ) in result.stderr, result.stderr
    assert "1 行有误" in result.stderr


def test_a_template_without_its_helper_columns_says_why_blank_rows_are_refused(
    invoke, imports, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = _sheet(invoke, tmp_path, "2022-06", {"gdp": "5.2"})
    cut = [",".join(line.split(",")[:6]) for line in sheet]
    result = imports("E6.csv", cut, "--dry-run")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[1].endswith(
        "E6.csv:1: the file has the template's columns but not its helper columns (name, unit, "
        "last_value, last_period), so rows left blank are not skipped: delete them, or keep "
        "those columns"
    ), result.stderr
    assert lines[2].endswith("E6.csv:3: no value for budget_revenue"), result.stderr
    assert result.stderr.count("helper columns") == 1


# ------------------------------------------------- D10: messages a clerk can act on


def test_kinds_are_named_in_chinese(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports(
        "D.csv", ["target,period,value", "dead_end_roads_opened,2022-06,同比增长5.2%"], lang="zh"
    )
    assert "dead_end_roads_opened 是累计类目标" in result.stderr, result.stderr
    assert "cumulative" not in result.stderr


def test_an_invisible_character_and_a_unit_are_named(imports) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "target,period,value",
        "unemployment_rate,2022-Q2,\u200b2.5",
        "external_funds,2022-06,6000万元",  # (0.60亿元, the plan's own unit, is read: 0.60)
        "new_urban_jobs,2022-06,11000人",
    ]
    result = imports("L.csv", lines)
    err = result.stderr
    assert (
        "L.csv:2: target unemployment_rate: value '\\u200b2.5': holds an invisible character "
        "(\\u200b: a zero-width space "
        "or the like, pasted with the figure); retype the figure"
    ) in err, err
    assert (  # (another scale of the plan's unit: session 40 says plancli does not convert)
        "L.csv:3: target external_funds: value '6000万元': the figure in 万元, the plan's unit "
        "is 亿元; plancli does not convert units: give the number alone, in 亿元 (6000万元 is "
        "0.6亿元)"
    ) in err
    assert (
        "L.csv:4: target new_urban_jobs: value '11000人': the figure in 人, the plan's unit is "
        "万人; plancli does not convert units: give the number alone, in 万人 (11000人 is "
        "1.1万人)" in err
    )
    zh = imports("L.csv", lines, lang="zh")
    assert "含不可见字符" in zh.stderr and "请重新键入数字" in zh.stderr


def test_a_repeated_header_row_is_named_as_such(imports) -> None:  # type: ignore[no-untyped-def]
    """Two departments' CSVs pasted together: the second header was an 'unknown target', with
    the hint to --skip-unknown an untracked indicator."""
    lines = ["target,period,value", "gdp,2022-Q2,5.2", "target,period,value", "cpi,2022-06,2"]
    result = imports("all.csv", lines)
    assert (
        "all.csv:3: 'target' is the target column's header: a header row repeated (two files "
        "pasted together?); delete the row"
    ) in result.stderr, result.stderr
    assert "--skip-unknown" in result.stderr  # for cpi, not for the header
    zh = imports("all.csv", lines[:3], lang="zh")
    assert "--skip-unknown" not in zh.stderr
    assert "表头" in zh.stderr
