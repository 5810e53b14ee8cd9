"""Audit R: a 区统计局 analyst's year with plan2022 (Guandu). Last year's ledger beside this
year's plan (D1); `gap` at 41–59 columns (D2); no-data marks `/`, `－－`, `…` (D3); a one-row
header naming the period, `4月 | 1-4月` (D4); a preview's "revised" that changes only the
period and the source (D5); a Big5 CSV (D6); `record --add` for the year's first figure at
1-2月 or 一季度 (D7). The figures are the audit's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
LAST_YEAR = ("--plan", "plan2022.toml", "--ledger", "plan2021.progress.toml")


@pytest.fixture
def new_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The 2022 plan beside the bundled 2021 ledger (6 figures, gdp 2021 0.3 % …)."""
    for name in ("plan2021.toml", "plan2021.progress.toml", "plan2022.toml"):
        shutil.copyfile(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLANCLI_PLAN", raising=False)
    return tmp_path


# ---------------------------------------------------------------- D1: last year's ledger

LAST_YEAR_WARNING = (
    "warning: the 6 figures in plan2021.progress.toml are for 2021, the plan is for 2022 "
    "(gdp, budget_revenue, retail_sales, …): last year's ledger? The 2022 figures go in a "
    "ledger of their own: `plancli record` or `plancli import` them there"
)
NONE_FOR_2022 = "No figures for 2022 recorded: the ledger's 6 are for 2021 (last year's ledger?)."


@pytest.mark.parametrize("command", ["status", "gap"])
def test_last_years_ledger_is_named_not_called_empty(new_year: Path, invoke, command: str) -> None:  # type: ignore[no-untyped-def]
    done = invoke(*LAST_YEAR, command)
    assert done.stderr.splitlines() == [LAST_YEAR_WARNING]
    assert "No figures recorded yet" not in done.stdout
    assert NONE_FOR_2022 in done.stdout


def test_last_years_ledger_in_chinese(new_year: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    done = invoke(*LAST_YEAR, "--lang", "zh", "status")
    assert "尚无2022年数据：台账中的6个数据均为2021年数据（是否为上年台账？）。" in done.stdout
    assert "尚无数据" not in done.stdout.replace("尚无2022年数据", "")
    assert "是上年的台账吗？2022 年的数据应录入本年度自己的台账" in done.stderr


def test_the_report_of_last_years_ledger_does_not_claim_no_figures(new_year: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    done = invoke(*LAST_YEAR, "report", "--format", "md", "-o", "r.md")
    assert done.exit_code == 0, done.stderr
    text = (new_year / "r.md").read_text(encoding="utf-8")
    assert "No figures recorded yet" not in text
    assert NONE_FOR_2022 in text
    assert done.stderr.splitlines() == [
        LAST_YEAR_WARNING,
        "wrote r.md (md, no figures for 2022, 80 targets; ledger plan2021.progress.toml)",
    ]


def test_history_marks_no_figure_of_another_year_in_force(new_year: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    import json

    done = invoke(*LAST_YEAR, "history", "gdp", "--json")
    (record,) = json.loads(done.stdout)["records"]
    assert (record["period"], record["value"], record["current"]) == ("2021", 0.3, False)
    table = invoke(*LAST_YEAR, "history", "gdp").stdout
    assert "unmarked 2021: not the plan's year (2022)" in table
    assert "*  2021" not in table
    # under its own plan the same figure is in force
    own = invoke("--plan", "plan2021.toml", "--ledger", "plan2021.progress.toml", "history", "gdp")
    assert "*  2021" in own.stdout


def test_a_ledger_of_other_ids_keeps_its_warning(new_year: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    ledger = new_year / "plan2021.progress.toml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace('target = "gdp"', 'target = "x"'))
    done = invoke(*LAST_YEAR, "gap")
    assert "are for no target of this plan in 2022 (x, budget_revenue 2021" in done.stderr
    assert "No figures for this plan's targets in 2022: the ledger's 6" in done.stdout


# ------------------------------------------------- D2: `gap`'s needs at 41–59 columns


@pytest.fixture
def behind(new_year: Path, invoke, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The audit's two targets behind at 2022-06: 40 of 115 compounds, 120 of 310 stations."""
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.toml")
    for target, value in (("old_compounds_renovated", "40"), ("new_5g_base_stations", "120")):
        assert invoke("record", target, value, "-p", "2022-06").exit_code == 0

    def run(*args: str, columns: int, lang: str = "en") -> list[str]:
        monkeypatch.setenv("COLUMNS", str(columns))
        done = invoke("--lang", lang, *args)
        assert done.exit_code in (0, 1), done.output
        return [" ".join(line.split()) for line in done.stdout.splitlines() if line.strip()]

    return run


@pytest.mark.parametrize("columns", [40, 41, 45, 50, 59, 60, 80])
def test_gap_keeps_what_it_takes_at_every_width(behind, columns: int) -> None:  # type: ignore[no-untyped-def]
    lines = behind("gap", "--as-of", "2022-06", "--status", "behind", columns=columns)
    text = "\n".join(lines)
    assert "13 个/mo" in text and "32 个/mo" in text  # (115 - 40) / 6 months, (310 - 120) / 6
    assert any(line.startswith("behind 40/115 个") or "behind 40/115 个" in line for line in lines)
    assert "40/" not in lines  # the figure against its target is never split after its `/`


@pytest.mark.parametrize("columns", [44, 52, 62])
def test_gap_and_the_dashboard_keep_shang_xu_in_chinese(behind, columns: int) -> None:  # type: ignore[no-untyped-def]
    gap = "\n".join(
        behind("gap", "--as-of", "2022-06", "--status", "behind", columns=columns, lang="zh")
    )
    assert "尚需" in gap and "13个/月" in gap
    status = behind("status", "--as-of", "2022-06", columns=columns, lang="zh")
    worst = status[status.index("最滞后的工作目标") :]
    assert any("尚需" in line for line in worst[:3])
    assert any(line.endswith("32个/月") for line in worst)


# ------------------------------------------ D3: `/`, `／`, `－－`, `――`, `…` mark no data


@pytest.fixture
def plan2022(new_year: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLANCLI_PLAN", "plan2022.toml")
    return new_year


M04D = (
    "官渡区2022年1-4月主要经济指标,,,,,\r\n"
    "指标名称,计量单位,本月,本年累计,比上年同期增长（%）,\r\n"
    "地方一般公共预算收入,亿元,1.9,8.6,３．１％,\r\n"
    "新建5G基站,个,20,60,,\r\n"
    "新增城镇就业,万人,0.2,０.７,,\r\n"
    "城镇登记失业率,%,4.0,{mark},,\r\n"
)


@pytest.mark.parametrize("mark", ["/", "／", "—", "－－", "――", "…", "...", "––"])
def test_a_rate_with_a_no_data_mark_in_its_year_to_date_cell(
    plan2022: Path, invoke, mark: str
) -> None:  # type: ignore[no-untyped-def]
    """统计月报 write `/` (不适用) as well as `—` where a rate has no 累计: 本月 4.0 is read."""
    (plan2022 / "m04d.csv").write_bytes(M04D.format(mark=mark).encode("gb18030"))
    done = invoke("import", "m04d.csv", "--json")
    assert done.exit_code == 0, done.stderr
    import json

    figures = {r["target"]: (r["period"], r["value"]) for r in json.loads(done.stdout)["records"]}
    assert figures["unemployment_rate"] == ("2022-04", 4.0)
    assert figures["new_urban_jobs"] == ("2022-04", 0.7)


def test_dash_marks_of_every_width_are_no_data(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (plan2022 / "dashes.csv").write_text(
        "指标,期间,累计值\n新增城镇就业,1-2月,－－\n新建5G基站,1-2月,／\n"
        "新增机动车泊位,1-2月,…\n引进市外到位资金,1-2月,――\n",
        encoding="utf-8",
    )
    done = invoke("import", "dashes.csv", "--dry-run")
    assert done.exit_code == 0, done.stderr
    assert "dashes.csv: 4 rows marked — (no data) skipped" in done.stderr


def test_a_refused_mark_is_quoted_as_the_file_holds_it(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    (plan2022 / "q.csv").write_text("指标,期间,累计值\n新建5G基站,1-2月,？\n", encoding="utf-8")
    done = invoke("import", "q.csv", "--dry-run")
    assert done.exit_code == 2
    assert (
        "q.csv:2: target new_5g_base_stations: '累计值' '？' is not a number (e.g. 310, 5.2, -0.3)"
        in done.stderr
    )


# ------------------------------------------------ D4: a one-row header naming the period

M04 = (
    "官渡区2022年1-4月主要经济指标,,,,,\r\n"
    "指标名称,计量单位,{month},{ytd},比上年同期增长（%）,\r\n"
    "地方一般公共预算收入,亿元,1.9,8.6,３．１％,\r\n"
    "新建5G基站,个,20,60,,\r\n"
    "城镇登记失业率,%,4.0,/,,\r\n"
    "新增城镇就业,万人,0.2,０.７,,\r\n"
)


@pytest.mark.parametrize("ytd", ["1-4月", "1—4月", "1-4月累计", "2022年1-4月"])
def test_a_one_row_header_naming_the_period_is_read(plan2022: Path, invoke, ytd: str) -> None:  # type: ignore[no-untyped-def]
    import json

    (plan2022 / "m04.csv").write_bytes(M04.format(month="4月", ytd=ytd).encode("gb18030"))
    done = invoke("import", "m04.csv", "--json")
    assert done.exit_code == 0, done.stderr
    figures = {
        r["target"]: (r["period"], r["value"], r.get("amount"))
        for r in json.loads(done.stdout)["records"]
    }
    assert figures == {
        "budget_revenue": ("2022-04", 3.1, 8.6),
        "new_5g_base_stations": ("2022-04", 60, None),
        "unemployment_rate": ("2022-04", 4.0, None),  # 4月's rate: 1-4月 is `/`
        "new_urban_jobs": ("2022-04", 0.7, None),
    }


def test_a_one_row_header_in_a_workbook(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["官渡区2022年主要经济指标"],
        ["指标名称", "计量单位", "4月", "1-4月", "比上年同期增长（%）"],
        ["新建5G基站", "个", 20, 60, None],
        ["城镇登记失业率", "%", 4.0, "/", None],
    ):
        sheet.append(row)
    book.save(plan2022 / "m04.xlsx")
    done = invoke("import", "m04.xlsx")
    assert done.exit_code == 0, done.stderr
    assert "2 new, 0 revised, 0 unchanged of 2 rows" in done.stderr
    assert "period 2022-04" in done.stderr


def test_a_one_row_header_keeps_refusing_columns_it_does_not_know(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    text = M04.format(month="4月", ytd="1-4月").replace("（%）,", "（%）,负责人", 1)
    (plan2022 / "m04.csv").write_bytes(text.encode("gb18030"))
    done = invoke("import", "m04.csv", "--dry-run")
    assert done.exit_code == 2
    assert done.stderr.startswith("error: m04.csv:2: unknown column(s) '负责人'; the header")


def test_a_month_alone_is_refused_with_the_rename(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    text = M04.format(month="4月", ytd="比上年同期增长（%）").replace(
        ",比上年同期增长（%）,\r", ",\r", 1
    )
    (plan2022 / "m04.csv").write_bytes(text.encode("gb18030"))
    done = invoke("import", "m04.csv", "--dry-run")
    assert done.exit_code == 2
    assert done.stderr.startswith("error: m04.csv:2: unknown column(s) '4月'; the header")
    assert "rename '4月' to 本年累计 (the year to date) or 本月 (the month alone)" in done.stderr


# ------------------------------------- D7: `record --add` for the year's first figure


@pytest.mark.parametrize(
    ("target", "value", "period", "stored"),
    [
        ("new_urban_jobs", "0.3", "1-2月", "2022-02"),  # monthly: no January bulletin
        ("new_5g_base_stations", "60", "一季度", "2022-Q1"),  # quarterly
        ("new_parking_spaces", "150", "1-3月", "2022-Q1"),  # quarterly: a bulletin's 1-3月 its Q1
        ("new_parking_spaces", "150", "2022-03", "2022-03"),  # its Q1 typed as a month: kept
    ],
)
def test_add_to_nothing_at_the_first_period_of_the_targets_year(
    plan2022: Path,
    invoke,  # type: ignore[no-untyped-def]
    target: str,
    value: str,
    period: str,
    stored: str,
) -> None:
    done = invoke("record", target, value, "--add", "--period", period)
    assert done.exit_code == 0, done.stderr
    assert f"recorded {target} {stored} = {value} " in done.stderr
    assert f"(0 at the start of the year + {value})" in done.stderr


def test_add_later_in_the_year_with_nothing_before_is_still_refused(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    done = invoke("record", "new_urban_jobs", "0.2", "--add", "--period", "1-3月")
    assert done.exit_code == 2
    assert "--add: no record of new_urban_jobs for a period before 2022-03 to add to" in done.stderr
    done = invoke("record", "new_5g_base_stations", "60", "--add", "--period", "上半年")
    assert done.exit_code == 2
    assert not (plan2022 / "plan2022.progress.toml").exists() or "2022-Q2" not in (
        plan2022 / "plan2022.progress.toml"
    ).read_text(encoding="utf-8")  # 上半年: the quarterly target's 2022-Q2 (period_rhythm)


# ------------------------- D5: the same figure under another period of the month, previewed


def test_a_preview_says_what_changes_with_the_period(
    plan2022: Path,
    invoke,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """前三季度 5.6 % (1080 亿元) from 区统计局, then 2022-09's same figure: without a source it is
    no change (the figure in force stays, with its source: audit S D8); from 统计月报 it is a
    revision, and the preview names the period and the source it replaces (audit R D5)."""
    recorded = invoke(
        "record", "gdp", "5.6", "-p", "前三季度", "--amount", "1080", "--source", "区统计局"
    )
    assert recorded.exit_code == 0, recorded.stderr
    (plan2022 / "m09.csv").write_text(
        "target,period,value,amount\ngdp,2022-09,5.6,1080\n", encoding="utf-8"
    )
    (plan2022 / "m09s.csv").write_text(
        "target,period,value,amount,source\ngdp,2022-09,5.6,1080,统计月报\n", encoding="utf-8"
    )
    monkeypatch.setenv("COLUMNS", "130")
    same = invoke("import", "m09.csv", "--dry-run")
    assert same.exit_code == 0, same.stderr
    assert "0 new, 0 revised, 1 unchanged of 1 row" in same.stderr
    assert " gdp " not in same.stdout
    done = invoke("import", "m09s.csv", "--dry-run")
    assert done.exit_code == 0, done.stderr
    assert "0 new, 1 revised, 0 unchanged of 1 row" in done.stderr
    row = next(line for line in done.stdout.splitlines() if " gdp " in line)
    assert " ".join(row.split()) == (
        "2 gdp 2022-09 2022-Q3's 5.6% (amount 1080 亿元); source: 区统计局 "
        "5.6% (amount 1080 亿元); source: 统计月报"  # (5.6 % before session 42)
    )


# ----------------------------------------------------------------- D6: a Big5 CSV


def test_a_big5_csv_is_named_not_read_as_garbled_columns(plan2022: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    big5 = "指標,期間,累計值\r\n新建5G基站,1-2月,40\r\n".encode("big5")  # a 繁體 Windows' CSV
    (plan2022 / "big5.csv").write_bytes(big5)
    done = invoke("import", "big5.csv", "--dry-run")
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        "error: big5.csv: not UTF-8 and not GB18030 text: Big5 (Traditional Chinese)? Save it "
        'as "CSV UTF-8 (Comma delimited)", or convert it: iconv -f BIG5 -t UTF-8'
    ]
    # the same file in GB18030 is read
    (plan2022 / "gb.csv").write_bytes(
        "指标,期间,累计值\r\n新建5G基站,1-2月,40\r\n".encode("gb18030")
    )
    assert invoke("import", "gb.csv", "--dry-run").exit_code == 0


def test_validate_names_last_years_ledger(new_year: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    """The warning's hint used to be `plancli validate`, which then said nothing of the ledger."""
    import json

    done = invoke(*LAST_YEAR, "validate", "--json")
    assert done.exit_code == 0, done.stderr
    (finding,) = [f for f in json.loads(done.stdout)["findings"] if f["code"] != "rollup_mismatch"]
    assert finding["code"] == "ledger_of_another_year"
    assert finding["message"] == LAST_YEAR_WARNING.removeprefix("warning: ")
