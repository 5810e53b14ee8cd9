"""Session 40 (bulletin6): bulletin import's leftovers.

1. `import --json`'s `counts.rows` counted a series' figures (2 rows × 4 periods: rows 8); it
   is the file's rows, and `counts.figures` the figures, as the summary says them.
2. `截至9月累计`, `截至9月末累计`, `本年止累计` (and `1-9月止累计`) are the year to date's amount,
   alone, beside a growth and in a series; `截至9月末` without 累计 (a balance at the month's
   end?) stays refused, saying what to write.
3. A series of an amount and a growth a period (`1-6月（亿元）,1-6月增长（%）,1-9月（亿元）,
   1-9月增长（%）`) imports each period's pair, as one period's pair does (it was refused).
4. A growth target's amount in 万元 against the plan's 亿元: its growth is taken, the amount
   left out with a warning; a total in 万元 is still refused (plancli does not convert).

Figures: the bundled 广东 2026 plan (地区生产总值 68725.40 亿元 +4.4 %, 地方一般公共预算收入
7043.21 亿元 +2.4 %, 1-6月), and the seed's Guandu 2022 (附表1's 社会消费品零售总额 671.85 亿元
+11.6 %; 引进市外到位资金 129.32 亿元; 新建5G基站).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bulletin_files import JULY, ROWS, bulletin_file
from bulletin_files import import_bulletin as _import
from bulletin_files import ledger_values as _values

GUANDU = "guandu-2022"


def _file(tmp_path: Path, rows: list[list[str]], form: str, stem: str = "主要经济指标") -> Path:
    return bulletin_file(tmp_path, rows, form, stem)


def _said(result: Any) -> str:
    return " ".join(result.stderr.split())


def _kept_ledger(invoke: Any, tmp_path: Path) -> tuple[Path, bytes]:
    """A ledger holding 地区生产总值's 一季度 figure, and its bytes."""
    ledger = tmp_path / "gd.progress.toml"
    rows = [["指标", "期间", "增长（%）"], ["地区生产总值", "一季度", "4.1"]]
    assert _import(invoke, ledger, _file(tmp_path, rows, "utf-8", "q1")).exit_code == 0
    return ledger, ledger.read_bytes()


# ------------------------------------------------------------- 1. counts.rows, counts.figures

SERIES = [  # (GDP by quarter: no 1-4月 or 1-5月 figure, session 41)
    ["指标", "一季度（%）", "1-6月（%）", "1-9月（%）", "全年（%）"],
    ["地方一般公共预算收入", "1.1", "1.8", "2.0", "2.4"],
    ["地区生产总值", "4.1", "4.2", "4.3", "4.4"],
]


@pytest.mark.parametrize("form", ["utf-8", "xlsx"])
@pytest.mark.parametrize("dry", [False, True])
def test_a_series_json_counts_its_rows_and_its_figures_apart(
    invoke: Any, tmp_path: Path, form: str, dry: bool
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, SERIES, form)
    done = _import(invoke, ledger, path, "--json", *(["--dry-run"] if dry else []))
    assert done.exit_code == 0, done.output
    out = json.loads(done.stdout)
    assert out["counts"] == {
        "new": 8,
        "revised": 0,
        "unchanged": 0,
        "rows": 2,
        "figures": 8,
        "kept": 0,
    }
    assert len(out["records"]) == 8
    assert "8 new, 0 revised, 0 unchanged of 8 figures in 2 rows" in _said(done)


def test_a_one_period_file_gives_as_many_figures_as_rows(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, [["指标", "1-9月累计值（亿元）", "1-9月增长（%）"], *ROWS], "utf-8")
    done = _import(invoke, ledger, path, "--json")
    assert done.exit_code == 0, done.output
    counts = json.loads(done.stdout)["counts"]
    assert (counts["rows"], counts["figures"]) == (2, 2)


def test_the_import_schema_documents_figures(invoke: Any) -> None:
    done = invoke("schema", "import")
    assert done.exit_code == 0, done.output
    counts = json.loads(done.stdout)["$defs"]["WriteCounts"]
    assert {"rows", "figures"} <= set(counts["required"])
    assert "8 figures in 2 rows" in counts["properties"]["figures"]["description"]


# ------------------------------------------------------------- 2. 截至9月累计, 本年止累计

TO_JULY = [
    "截至9月累计（亿元）",
    "截至9月末累计（亿元）",
    "截止到9月底累计（亿元）",
    "本年止累计（亿元）",
]


@pytest.mark.parametrize("form", ["utf-8", "gb18030", "xlsx"])
@pytest.mark.parametrize("amount", [*TO_JULY, "1-9月止累计（亿元）"])
def test_to_the_month_s_end_cumulatively_is_the_year_to_date_amount_beside_a_growth(
    invoke: Any, tmp_path: Path, amount: str, form: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [["2026年1-9月广东省主要经济指标"], ["指标", amount, "增长（%）"], *ROWS]
    done = _import(invoke, ledger, _file(tmp_path, rows, form))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == JULY


@pytest.mark.parametrize(
    "header",
    [
        ["截至9月末累计（亿元）", "截至9月末累计增长（%）"],
        ["截至9月累计（亿元）", "1-9月增长（%）"],
        ["截至9月累计（亿元）", "增长（%）"],  # the period from the header, no title
    ],
)
def test_the_period_comes_from_the_header_s_to_the_month_s_end(
    invoke: Any, tmp_path: Path, header: list[str]
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    done = _import(invoke, ledger, _file(tmp_path, [["指标", *header], *ROWS], "utf-8"))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == JULY


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["指标", "截至6月末累计"], ["新建5G基站", "120"]], {"2022-Q2": "120"}),
        (
            [["官渡区2022年1-6月主要经济指标"], ["指标", "本年止累计"], ["新建5G基站", "120"]],
            {"2022-Q2": "120"},
        ),
        (
            [
                ["指标", "截至4月累计", "截至5月累计", "截至6月末累计"],
                ["新建5G基站", "60", "90", "120"],
            ],
            {"2022-04": "60", "2022-05": "90", "2022-Q2": "120"},
        ),
    ],
    ids=["alone", "alone-titled", "series"],
)
def test_a_count_to_the_month_s_end_alone_and_in_a_series(
    invoke: Any, tmp_path: Path, rows: list[list[str]], expected: dict[str, str]
) -> None:
    ledger = tmp_path / "guandu.progress.toml"
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"), plan=GUANDU)
    assert done.exit_code == 0, done.output
    assert _values(ledger) == {
        ("new_5g_base_stations", period): (Decimal(value), None)
        for period, value in expected.items()
    }


@pytest.mark.parametrize(
    ("header", "period"),
    [("截至6月末累计", "1-6月"), ("1-6月止累计", "1-6月"), ("1-6月累计值", "1-6月")],
)
def test_a_period_read_from_the_header_s_words_is_said_to_be_the_header_s(
    invoke: Any, tmp_path: Path, header: str, period: str
) -> None:
    """It said `as its title or file name says` of a file with neither."""
    ledger = tmp_path / "guandu.progress.toml"
    path = _file(tmp_path, [["指标", header], ["新建5G基站", "120"]], "utf-8")
    done = _import(invoke, ledger, path, plan=GUANDU)
    assert done.exit_code == 0, done.output
    assert f"no period column; every row is for {period}, read from the header" in _said(done)


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        (
            "en",
            "('截至9月末（亿元）' does not say whether it is a balance at the month's end or the "
            "year's total to date: head it '截至9月末累计(亿元)' if it is the year-to-date amount)",
        ),
        (
            "zh",
            "（'截至9月末（亿元）' 未写明是月末余额还是本年累计：若是本年累计总量，"
            "请把表头写作 '截至9月末累计(亿元)'）",
        ),
    ],
)
def test_to_the_month_s_end_without_cumulatively_stays_refused_saying_what_to_write(
    invoke: Any, tmp_path: Path, lang: str, hint: str
) -> None:
    """`截至9月末` alone heads a balance at the month's end (存款余额) as often as a total."""
    ledger, kept = _kept_ledger(invoke, tmp_path)
    path = _file(tmp_path, [["指标", "截至9月末（亿元）", "增长（%）"], *ROWS], "utf-8")
    done = _import(invoke, ledger, path, lang=lang)
    assert done.exit_code == 2
    assert hint in _said(done) and "Traceback" not in done.output
    assert ledger.read_bytes() == kept


def test_a_hostile_header_to_the_month_s_end_is_shown_escaped(invoke: Any, tmp_path: Path) -> None:
    ledger, kept = _kept_ledger(invoke, tmp_path)
    header = "截至9月末\x1b]0;owned\x07\u202e"
    path = _file(tmp_path, [["指标", header, "增长（%）"], *ROWS], "utf-8")
    done = _import(invoke, ledger, path)
    assert done.exit_code == 2
    assert "\x1b" not in done.stderr and "\x07" not in done.stderr and "\u202e" not in done.stderr
    assert ledger.read_bytes() == kept


# ------------------------------------------------------------- 3. an amount and a growth a period

PAIRS = [
    ["指标", "1-6月（亿元）", "1-6月增长（%）", "1-9月（亿元）", "1-9月增长（%）"],
    ["地区生产总值", "68725.40", "4.4", "", ""],  # quarterly: no 1-9月
    ["地方一般公共预算收入", "7043.21", "2.4", "8210.55", "2.6"],
]
PAIRED = {
    ("gdp", "2026-Q2"): (Decimal("4.4"), Decimal("68725.40")),
    ("budget_revenue", "2026-06"): (Decimal("2.4"), Decimal("7043.21")),
    ("budget_revenue", "2026-09"): (Decimal("2.6"), Decimal("8210.55")),
}


@pytest.mark.parametrize("form", ["utf-8", "gb18030", "xlsx"])
def test_a_series_of_an_amount_and_a_growth_a_period_imports_each_period(
    invoke: Any, tmp_path: Path, form: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = _file(tmp_path, PAIRS, form)
    done = _import(invoke, ledger, path, "--json")
    assert done.exit_code == 0, done.output
    assert _values(ledger) == PAIRED
    counts = json.loads(done.stdout)["counts"]
    assert (counts["new"], counts["rows"], counts["figures"]) == (3, 2, 3)
    said = _said(done)
    assert (
        "the header names 2 periods, 1-6月（亿元） to 1-9月（亿元）, each an amount and a growth"
        in said
    )
    assert "3 new, 0 revised, 0 unchanged of 3 figures in 2 rows" in said


def test_the_pairs_after_their_periods_words_read_the_same(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "gd.progress.toml"
    header = [
        "指标",
        "截至6月末累计（亿元）",
        "1-6月累计增长（%）",
        "1-9月累计值（亿元）",
        "1-9月增长（%）",
    ]
    done = _import(invoke, ledger, _file(tmp_path, [header, *PAIRS[1:]], "utf-8"))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == PAIRED


def test_a_pair_series_dry_run_writes_nothing_and_says_the_same(
    invoke: Any, tmp_path: Path
) -> None:
    ledger, kept = _kept_ledger(invoke, tmp_path)
    done = _import(invoke, ledger, _file(tmp_path, PAIRS, "utf-8"), "--dry-run", lang="zh")
    assert done.exit_code == 0, done.output
    assert "共 2 行 3 个数据：新增 3，修订 0，未变 0" in _said(done)
    assert "每个期间有总量和增速两列（共 3 个数据）" in _said(done)
    assert ledger.read_bytes() == kept


def test_a_pair_series_cell_that_is_no_number_refuses_the_file_naming_its_column(
    invoke: Any, tmp_path: Path
) -> None:
    ledger, kept = _kept_ledger(invoke, tmp_path)
    rows = [PAIRS[0], ["地方一般公共预算收入", "7043.21", "2.4", "8210.55", "2.O"]]
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"))
    assert done.exit_code == 2
    assert "'1-9月增长（%）' '2.O' is not a number" in _said(done)
    assert ledger.read_bytes() == kept


@pytest.mark.parametrize(
    "header",
    [
        ["指标", "1-6月（亿元）", "1-6月增长（%）", "1-9月（亿元）"],  # 1-9月 has no growth
        ["指标", "1-6月（亿元）", "1-6月增长（%）", "1-9月（万元）", "1-9月增长（%）"],  # two units
    ],
)
def test_a_series_whose_pairs_do_not_match_stays_refused_as_mixed(
    invoke: Any, tmp_path: Path, header: list[str]
) -> None:
    ledger, kept = _kept_ledger(invoke, tmp_path)
    row = ["地方一般公共预算收入", *["1.5"] * (len(header) - 1)]
    done = _import(invoke, ledger, _file(tmp_path, [header, row], "utf-8"))
    assert done.exit_code == 2
    assert "the header's columns are a series of periods, and they disagree on the unit" in _said(
        done
    )
    assert ledger.read_bytes() == kept


# ------------------------------------------------------------- 4. 万元 against the plan's 亿元


@pytest.mark.parametrize("dry", [False, True])
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "warning: {file}:3: gdp: the amount '687254000' is in 万元 (column '本年累计（万元）') "
            "and the plan counts 亿元; plancli does not convert, so the amount was not used: the "
            "growth '4.4' is imported alone, and an amount recorded before for its period goes "
            "out of force; in 亿元 the amount is 68725.4, which record --amount takes (an amount "
            "recorded before that equals it stays in force)",
        ),
        (
            "zh",
            "警告：{file}:3：gdp：总量 '687254000' 以 万元 计（'本年累计（万元）' 列），"
            "计划以 亿元 计；plancli 不换算，未录入该总量：只录入增速 '4.4'，该期此前录入的总量随之"
            "失效；该总量按 亿元 计为 68725.4，可用 record --amount 录入（此前录入的总量与之相等"
            "的，继续有效）",
        ),
    ],
)
def test_a_growth_target_s_amount_in_wan_yuan_gives_its_growth_with_a_warning(
    invoke: Any, tmp_path: Path, lang: str, expected: str, dry: bool
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    rows = [
        ["2026年1-9月"],
        ["指标", "本年累计（万元）", "增长（%）"],
        ["地区生产总值", "687254000", "4.4"],
        ["地方一般公共预算收入", "70432100", "2.4"],
    ]
    path = _file(tmp_path, rows, "utf-8")
    done = _import(invoke, ledger, path, *(["--dry-run"] if dry else []), lang=lang)
    assert done.exit_code == 0, done.output
    warnings = [line for line in done.stderr.splitlines() if line.startswith(("warning", "警告"))]
    assert len(warnings) == 2
    assert warnings[0] == expected.format(file=path)
    if dry:
        assert not ledger.exists()
    else:
        assert _values(ledger) == {
            ("gdp", "2026-Q3"): (Decimal("4.4"), None),
            ("budget_revenue", "2026-09"): (Decimal("2.4"), None),
        }


def test_a_row_s_unit_cell_in_wan_yuan_gives_the_growth_and_json_carries_the_warning(
    invoke: Any, tmp_path: Path
) -> None:
    """附表1's 社会消费品零售总额 (671.85 亿元 +11.6 %) typed in 万元 in its 单位 column."""
    ledger = tmp_path / "guandu.progress.toml"
    rows = [["2022年1-12月"], ["指标", "单位", "本年累计", "增长（%）"]]
    rows.append(["社会消费品零售总额", "万元", "6718500", "11.6"])
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"), "--json", plan=GUANDU)
    assert done.exit_code == 0, done.output
    assert _values(ledger) == {("retail_sales", "2022-12"): (Decimal("11.6"), None)}
    [record] = json.loads(done.stdout)["records"]
    assert record["warnings"] == [
        "retail_sales: the amount '6718500' is in 万元 and the plan counts 亿元; plancli does "
        "not convert, so the amount was not used: the growth '11.6' is imported alone, and an "
        "amount recorded before for its period goes out of force; in 亿元 the amount is 671.85, "
        "which record --amount takes (an amount recorded before that equals it stays in force)"
    ]


@pytest.mark.parametrize("dry", [False, True])
def test_a_total_in_wan_yuan_is_still_refused_naming_both_units(
    invoke: Any, tmp_path: Path, dry: bool
) -> None:
    """引进市外到位资金 (a total: 129.32 亿元 in the seed) typed in 万元: no figure to take."""
    ledger = tmp_path / "guandu.progress.toml"
    first = _file(tmp_path, [["指标", "期间", "数值"], ["新建5G基站", "2022年5月", "90"]], "utf-8")
    assert _import(invoke, ledger, first, plan=GUANDU).exit_code == 0
    kept = ledger.read_bytes()
    rows = [
        ["2022年1-12月"],
        ["指标", "本年累计（万元）", "增长（%）"],
        ["引进市外到位资金", "1293200", "21.5"],
        ["社会消费品零售总额", "6718500", "11.6"],
    ]
    path = _file(tmp_path, rows, "utf-8", "funds")
    done = _import(invoke, ledger, path, *(["--dry-run"] if dry else []), plan=GUANDU)
    assert done.exit_code == 2
    assert (
        f"{path}:3: external_funds: column '本年累计（万元）' is in 万元 and the plan counts 亿元; "
        "plancli does not convert: give the figure in 亿元" in _said(done)
    )
    assert ledger.read_bytes() == kept


def test_a_growth_in_another_unit_than_percent_is_not_taken(invoke: Any, tmp_path: Path) -> None:
    """Only a growth in % is what a growth target records: an amount and a 'growth' both in
    万元 give nothing to take, and the row stays refused."""
    ledger = tmp_path / "gd.progress.toml"
    rows = [
        ["2026年1-9月"],
        ["指标", "本年累计（万元）", "增长（万元）"],
        ["地区生产总值", "1", "2"],
    ]
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"))
    assert done.exit_code == 2
    assert not ledger.exists()


def test_a_pair_series_amounts_in_wan_yuan_give_each_period_s_growth(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    header = ["指标", "1-6月（万元）", "1-6月增长（%）", "1-9月（万元）", "1-9月增长（%）"]
    rows = [header, ["地方一般公共预算收入", "70432100", "2.4", "82105500", "2.6"]]
    done = _import(invoke, ledger, _file(tmp_path, rows, "utf-8"))
    assert done.exit_code == 0, done.output
    assert _values(ledger) == {
        ("budget_revenue", "2026-06"): (Decimal("2.4"), None),
        ("budget_revenue", "2026-09"): (Decimal("2.6"), None),
    }
    said = _said(done)
    assert (
        said.count("is in 万元 (column '1-6月（万元）…1-9月（万元）') and the plan counts 亿元")
        == 2
    )
