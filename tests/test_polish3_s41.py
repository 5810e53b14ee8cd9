"""Session 41, small defects in recording and importing found by the session's walks (polish3),
each on 四川's bundled plan (sichuan-2026):

1. A bulletin's CPI row `居民消费价格指数（上年同月=100）` was refused as `是指数（上年同期=100）`,
   misquoting the row's 同月: the index's base is quoted as the row writes it. Its 本月 figure
   (100.4, or a rise of 0.4) beside a 1-3月累计 of — or blank is March's alone, not the year's to
   date that cpi records: no longer taken (a CPI rise under 本月 was recorded as 2026-03).
2. `record emission_reduction 1.2 --add -p 上半年` (an annual target) said only that nothing
   before 2026-H1 was recorded: it says the target's figure is the year's total.
3. `record grain_output 360 -p 夏粮` said `malformed period`: 夏粮, 秋粮 and 早稻 are parts of the
   year's grain output, named so, with what grain_output records.
4. `amend --from`'s help lists 从7月 and 自7月, which it takes.
5. A GDP amount in 万元 (plan: 亿元) equal to the amount in force for its period dropped it and
   counted the row revised, so a re-import of the same bulletin changed the ledger: the amount
   in force is kept and the row is unchanged.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bulletin_files import ledger_values

SICHUAN = "sichuan-2026"
HEADER = "指标,单位,本月,1-3月累计"


def _at(ledger: Path, lang: str = "en") -> tuple[str, ...]:
    return ("--lang", lang, "--plan", SICHUAN, "--ledger", str(ledger))


# ------------------------------------------------------------ 1. a CPI index row, its 本月


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "b.csv:2：cpi：'居民消费价格指数（上年同月=100）' 是指数（上年同月=100），而该指标以"
            "上涨（增长）百分比计：100.9 即上涨 0.9 %；plancli 不换算：请填写 0.9",
        ),
        (
            "en",
            "b.csv:2: cpi: '居民消费价格指数（上年同月=100）' is an index (上年同月=100), and the "
            "target's figure is a rise in %: 100.9 is a rise of 0.9 %; plancli does not convert: "
            "give 0.9",
        ),
    ],
)
def test_a_cpi_index_is_refused_quoting_its_own_base(
    invoke: Any, tmp_path: Path, lang: str, said: str
) -> None:
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "b.csv"
    sheet.write_text(f"{HEADER}\n居民消费价格指数（上年同月=100）,%,100.4,100.9\n", "utf-8")
    result = invoke(*_at(ledger, lang), "import", str(sheet))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == f"{tmp_path}/{said}"
    assert "上年同期" not in result.stderr
    assert not ledger.exists()


def test_a_cpi_index_whose_name_gives_no_base_is_said_as_before(
    invoke: Any, tmp_path: Path
) -> None:
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "b.csv"
    sheet.write_text(f"{HEADER}\n居民消费价格指数,%,100.4,100.9\n", "utf-8")
    result = invoke(*_at(ledger), "import", str(sheet))
    assert result.exit_code == 2
    assert "is an index (the same period last year = 100)" in result.stderr


@pytest.mark.parametrize("name", ["居民消费价格指数（上年同月=100）", "居民消费价格涨幅"])
def test_a_cpi_figure_under_the_month_column_is_not_the_years(
    invoke: Any, tmp_path: Path, name: str
) -> None:
    """The brief's row: 100.4 under 本月, 1-3月累计 —. The year to date is not published: the row
    is one of no data, as a flow's is; never 100.4's rise (0.4) for cpi 2026-03."""
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "b.csv"
    figure = "100.4" if "指数" in name else "0.4"
    sheet.write_text(f"{HEADER}\n{name},%,{figure},—\n城镇调查失业率,%,5.3,—\n", "utf-8")
    result = invoke(*_at(ledger), "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "give 0.4" not in result.stderr
    assert ("cpi", "2026-03") not in ledger_values(ledger)
    # the unemployment rate's 当月 is its level, as before (audit23 P D3)
    assert ledger_values(ledger)[("surveyed_unemployment_rate", "2026-03")][0] == Decimal("5.3")


def test_a_cpi_rise_under_the_month_column_with_the_total_blank_is_refused_naming_it(
    invoke: Any, tmp_path: Path
) -> None:
    ledger, sheet = tmp_path / "sc.progress.toml", tmp_path / "b.csv"
    sheet.write_text(f"{HEADER}\n居民消费价格涨幅,%,0.4,\n", "utf-8")
    result = invoke(*_at(ledger, "zh"), "import", str(sheet))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1] == (
        f"{sheet}:2：目标 cpi：'居民消费价格涨幅'：没有累计数（'1-3月累计' 列为空）；'本月' 列的 "
        "'0.4' 是当月数，不录入"
    )
    assert not ledger.exists()


# ------------------------------------------------------ 2. --add on an annual target's part


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: --add: emission_reduction is an annual target: its figure is the year's total "
            "(2026), and no figure of it before 2026-H1 is recorded to add to; record the year's "
            "total at the year's end (-p 2026)",
        ),
        (
            "zh",
            "错误：--add：emission_reduction 是年度指标，记的是全年总数（2026），在 2026-H1 之前"
            "没有可累加的记录；请在年末录入全年总数（-p 2026）",
        ),
    ],
)
def test_add_for_half_a_year_of_an_annual_target_says_what_it_takes(
    invoke: Any, tmp_path: Path, lang: str, said: str
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    result = invoke(
        *_at(ledger, lang), "record", "emission_reduction", "1.2", "--add", "-p", "上半年"
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == said
    assert not ledger.exists()
    # a monthly target's --add keeps its message
    monthly = invoke(*_at(ledger), "record", "new_urban_jobs", "8", "--add", "-p", "1-6月")
    assert monthly.exit_code == 2
    assert "no record of new_urban_jobs for a period before 2026-06" in monthly.stderr


# -------------------------------------------------------- 3. a part of the harvest as a period


@pytest.mark.parametrize(
    ("word", "said"),
    [
        (
            "夏粮",
            "error: period '夏粮' is the summer grain harvest, a part of the year's grain output, "
            "not a period: grain_output records the whole year's output (-p 2026); to keep the "
            "summer harvest as a note of progress, record it for the half year it ends: "
            "-p 上半年 --note 夏粮 (kept, not judged)",
        ),
        (
            "秋粮",
            "error: period '秋粮' is the autumn grain harvest, a part of the year's grain output, "
            "not a period: grain_output records the whole year's output (-p 2026), as the year's "
            "bulletin gives it; the parts are not added up (--add is for cumulative targets)",
        ),
        ("2026年早稻", "error: period '2026年早稻' is the early rice harvest, a part"),
    ],
)
def test_a_part_of_the_harvest_as_a_period_is_named(
    invoke: Any, tmp_path: Path, word: str, said: str
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    result = invoke(*_at(ledger), "record", "grain_output", "360", "-p", word)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(said)
    assert "malformed" not in result.stderr
    assert not ledger.exists()


def test_a_part_of_the_harvest_in_chinese(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sc.progress.toml"
    result = invoke(*_at(ledger, "zh"), "record", "grain_output", "360", "-p", "夏粮")
    assert result.stderr.strip() == (
        "错误：期间 '夏粮' 是夏粮产量，为全年粮食产量的一部分，不是期间：grain_output 记的是全年"
        "产量（-p 2026）；如要把夏粮留作进度记录，可按上半年录入：-p 上半年 --note 夏粮（保留，"
        "不评判）"
    )
    # the way the message gives is taken: kept, with the part-year warning
    kept = invoke(*_at(ledger), "record", "grain_output", "360", "-p", "上半年", "--note", "夏粮")
    assert kept.exit_code == 0, kept.output
    assert ledger_values(ledger)[("grain_output", "2026-H1")][0] == Decimal("360")


# ---------------------------------------------------------------- 4. amend --from's help


def test_amend_from_help_lists_the_forms_it_takes(invoke: Any, tmp_path: Path) -> None:
    text = "".join(invoke("amend", "--help").stdout.split())  # wrapped between CJK characters
    assert "(7月起,自7月起,从7月,自7月:7月)" in text
    ledger = tmp_path / "sc.progress.toml"
    for form in ("从7月", "自7月"):
        done = invoke(*_at(ledger), "amend", "cpi", "--from", form, "--around", "2.5", "-n")
        assert done.exit_code == 0, done.output
        assert "would amend cpi from 2026-07" in done.output


# ------------------------------------------ 5. an amount in 万元 equal to the one in force


def _gdp_sheet(path: Path, amount: str, growth: str) -> Path:
    header = "指标,计量单位,1-3月累计,比上年同期增长（%）"
    path.write_text(f"{header}\n地区生产总值,万元,{amount},{growth}\n", "utf-8")
    return path


@pytest.mark.parametrize("dry", [False, True])
def test_an_amount_in_wan_yuan_equal_to_the_one_in_force_keeps_it(
    invoke: Any, tmp_path: Path, dry: bool
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    at = _at(ledger)
    recorded = invoke(*at, "record", "gdp", "5.3", "--amount", "15000.5", "-p", "1-3月")
    assert recorded.exit_code == 0, recorded.output
    before = ledger.read_bytes()
    sheet = _gdp_sheet(tmp_path / "一季度.csv", "150005000", "5.3")
    result = invoke(*at, "import", str(sheet), *(["-n"] if dry else []))
    assert result.exit_code == 0, result.output
    assert "0 new, 0 revised, 1 unchanged of 1 row" in result.stderr
    assert "is no longer in force" not in result.stderr
    assert "(an amount recorded before that equals it stays in force)" in result.stderr
    assert ledger.read_bytes() == before
    assert ledger_values(ledger)[("gdp", "2026-Q1")] == (Decimal("5.3"), Decimal("15000.5"))


def test_an_equal_amount_stays_beside_a_revised_growth_and_another_drops(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "sc.progress.toml"
    at = _at(ledger)
    assert invoke(*at, "record", "gdp", "5.3", "--amount", "15000.5", "-p", "1-3月").exit_code == 0
    revised = invoke(*at, "import", str(_gdp_sheet(tmp_path / "a.csv", "150005000", "5.4")))
    assert revised.exit_code == 0, revised.output
    assert ledger_values(ledger)[("gdp", "2026-Q1")] == (Decimal("5.4"), Decimal("15000.5"))
    other = invoke(*at, "import", str(_gdp_sheet(tmp_path / "b.csv", "150006000", "5.4")))
    assert other.exit_code == 0, other.output
    assert "2026-Q1's amount 15000.5 亿元 is no longer in force" in other.stderr
    assert ledger_values(ledger)[("gdp", "2026-Q1")] == (Decimal("5.4"), None)
