"""Session 31's table leftovers, on the bundled 2022 plan (data/plan2022.toml) with a ledger
written as plancli writes one: the amendments table's time recorded as short as history's
(`12-02 09:18` under `2026 (UTC)`); a name under its id given the room that saves it a line
and no more (a short id beside its figures, not 39 blank cells from them); `validate`'s table,
which pads its edges, never wider than the terminal nor narrower than the room; at every width
from 40 to 160, in English and Chinese, no line of any table wider than the terminal."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.text import Text

from plancli.plan_checks import Finding
from plancli.render.fitted import least_for_lines
from plancli.render.plan import findings_table
from plancli.render.runs import KeepsRuns
from widening import lines, printed_tables, sweep

PLAN = "guandu-2022"
# The README's June figures, and three mid-year adjustments (年中调整) recorded on 2 December:
# the times as plancli writes them, fixed, so that the tables can be compared cell for cell.
LEDGER = """version = 1

[[records]]
target = "gdp"
period = "2022-Q2"
value = 5
amount = 700
source = "区统计局"
recorded_at = 2026-12-02 09:17:34+00:00
batch = "20261202T091734Z-22b803"

[[records]]
target = "urban_income"
period = "2022-Q2"
value = 5.1
source = "区统计局"
recorded_at = 2026-12-02 09:17:34+00:00
batch = "20261202T091734Z-22b803"

[[records]]
target = "old_compounds_renovated"
period = "2022-Q2"
value = 40
source = "区住建局"
recorded_at = 2026-12-02 09:17:34+00:00
batch = "20261202T091734Z-22b803"

[[records]]
target = "new_5g_base_stations"
period = "2022-06"
value = 120
source = "区工信局"
recorded_at = 2026-12-02 09:17:34+00:00
batch = "20261202T091734Z-22b803"

[[records]]
target = "external_funds"
period = "2022-06"
value = 50
source = "区投促局"
recorded_at = 2026-12-02 09:17:34+00:00
batch = "20261202T091734Z-22b803"

[[amendments]]
target = "gdp"
period = "2022-06"
min = 6
note = "区人大常委会7月批准年中调整"
recorded_at = {first}
batch = "20261202T091807Z-119eac"

[[amendments]]
target = "retail_sales"
period = "2022-H1"
min = 5
note = "区人大常委会7月批准年中调整"
recorded_at = 2026-12-02 09:18:08+00:00
batch = "20261202T091808Z-1a6b7f"

[[amendments]]
target = "fixed_asset_investment"
period = "2022-06"
min = 2
recorded_at = 2026-12-02 09:18:09+00:00
batch = "20261202T091809Z-87a86e"
"""


@pytest.fixture(name="cli")
def cli_fixture(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    def call(*command: str, columns: int, lang: str = "en", first: str = "") -> list[str]:
        ledger = tmp_path / "work.progress.toml"
        ledger.write_text(LEDGER.format(first=first or "2026-12-02 09:18:07+00:00"), "utf-8")
        monkeypatch.setenv("COLUMNS", str(columns))
        result = invoke("--lang", lang, "--plan", PLAN, "--ledger", str(ledger), *command)
        assert result.exit_code == 0, result.output
        printed = result.stdout.splitlines()
        assert max(cell_len(line) for line in printed) <= columns, result.stdout
        return printed

    return call


def _amendments(printed: list[str]) -> list[str]:
    """The amendments table's lines: after its title."""
    at = next(i for i, line in enumerate(printed) if "年中调整" in line and "target" not in line)
    return printed[at:]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("columns", [80, 100, 120])
def test_amendments_show_the_time_as_history_does(cli: Any, columns: int, lang: str) -> None:
    """The time recorded was `2026-12-02 09:18` (16 cells) in every row of the amendments
    table, while history's own table above it wrote `12-02 09:17` under `2026 (UTC)`."""
    printed = cli("history", columns=columns, lang=lang)
    table = _amendments(printed)
    text = "\n".join(table)
    assert "2026-12-02" not in "\n".join(printed), printed
    assert [re.findall(r"12-02 09:1\d", line) for line in table if "12-02" in line] == [
        ["12-02 09:18"]
    ] * 3, text
    header = "2026 (UTC)" if lang == "en" else "2026年录入"
    assert header in text, text
    # the adjustments' own time, to the minute, beside the figures' table's
    assert sum("12-02 09:17" in line for line in printed) == 5


def test_amendments_of_two_years_keep_the_year(cli: Any) -> None:
    """As history: a year in the header only when every row shares it."""
    printed = cli("history", columns=120, first="2025-12-31 23:59:00+00:00")
    table = "\n".join(_amendments(printed))
    assert "2025-12-31 23:59" in table and "2026-12-02 09:18" in table, table
    assert "recorded (UTC)" in table, table
    # the figures' table keeps its shortened times: its records are all of 2026
    assert sum("12-02 09:17" in line and "2026-" not in line for line in printed) == 5


def test_the_amendments_caption_breaks_between_its_clauses(cli: Any) -> None:
    """`show ID` of an adjusted target: its amendments table is narrower than the caption,
    which broke inside its last clause (`…；无 *` over `者已被后来的调整取代`). Since session
    33 a caption that fits the terminal takes one line (test_table_leftovers_s33): this one
    breaks on terminals narrower than it, 40 columns (Chinese, 46 cells) and 60 (English, 66)."""
    printed = cli("show", "fixed_asset_investment", columns=40, lang="zh")
    caption = [line.strip() for line in printed if "现行" in line or "取代" in line]
    assert caption == ["* 现行，自起始期起适用；", "无 * 者已被后来的调整取代"], printed
    printed = cli("show", "fixed_asset_investment", columns=60)
    caption = [line.strip() for line in printed if "in force" in line or "superseded" in line]
    assert caption == ["* in force from its period on;", "unmarked: superseded by a later one"]


def test_a_short_id_stays_near_its_figures(cli: Any) -> None:
    """At 80 columns the headline table's names went under the ids in a column as wide as the
    room (40 cells): `gdp` sat 39 blank cells from `≥ 7%`. 35 hold every name in as many lines
    (`Local general public budget revenue` one, 35 cells; the incomes two)."""
    printed = cli("status", columns=80)
    [gdp] = [line for line in printed if line.startswith(" gdp ")]
    # the id / name column 35 cells, then `≥ 6%†` right in the target's 6 (at 44 before)
    assert gdp.index("≥ 6%†") == 39, printed
    at = printed.index(gdp)
    assert printed[at + 1].strip() == "Gross regional product (GDP)"
    names = [line.strip() for line in printed[at : at + 20]]
    assert "Local general public budget revenue" in names
    assert names[names.index("Per-capita disposable income of") :][:2] == [
        "Per-capita disposable income of",
        "urban residents",
    ]
    # work targets most behind: the ids' 23 cells, `Old residential compounds renovated` in
    # two lines there as in the 35 it had
    [old] = [line for line in printed if line.startswith(" old_compounds_renovated ")]
    assert old.split()[1] == "behind" and old.index("behind") == 26, printed
    at = printed.index(old)
    assert [line.strip() for line in printed[at + 1 : at + 3]] == [
        "Old residential",
        "compounds renovated",
    ]


def test_a_chinese_name_keeps_its_lines_under_its_id(cli: Any) -> None:
    """Chinese breaks between any two characters: a column only as wide as the lines' count
    needs put `官渡区2022年国民经` over `济和社会发展计划`. A Chinese name breaks where it did."""
    printed = cli("plans", columns=44, lang="zh")
    at = printed.index(next(line for line in printed if line.startswith(" guandu-2022 ")))
    assert [line.strip() for line in printed[at + 1 : at + 3]] == [
        "官渡区2022年国民经济和社会",
        "发展计划",
    ]
    printed = cli("status", columns=80, lang="zh")
    at = printed.index(next(line for line in printed if line.startswith(" urban_income ")))
    assert printed[at + 1].strip() == "城镇常住居民人均可支配收入"
    at = printed.index(next(line for line in printed if line.startswith(" fixed_asset_investment")))
    assert printed[at + 1].strip() == "固定资产投资(不含农户)"


def test_least_for_lines() -> None:
    names: list[Text] = [
        KeepsRuns("Local general public budget revenue"),
        KeepsRuns("Per-capita disposable income of urban residents"),
    ]
    assert least_for_lines(names, 22, 40) == 35  # the revenue on one line, the income on two
    assert least_for_lines(names[1:], 22, 40) == 25  # `income of urban residents`
    assert least_for_lines(names[1:], 22, 60) == 47  # on one line
    zh: list[Text] = [KeepsRuns("城镇常住居民人均可支配收入")]
    assert least_for_lines(zh, 22, 26) == 26  # whole
    # at 24, `…人均可支配` over `收入` (not `收` left alone), the break it has at 22 too
    assert least_for_lines(zh, 22, 24) == 22
    # a break moved between two characters is no longer the reader's: kept where it was
    assert least_for_lines([KeepsRuns("官渡区2022年国民经济和社会发展计划")], 12, 26) == 26


# `validate`'s findings: the seed plan's roll-up, a 35-character id and Chinese messages
FINDINGS = [
    Finding(
        "warning",
        "rollup_sum",
        "investment_total",
        "min 58.72 ≠ 58.71, the sum of its parts (investment_roads, investment_municipal, "
        "investment_ecology, investment_education, investment_health_elderly, "
        "investment_social_other)",
    ),
    Finding(
        "warning",
        "quote",
        "compulsory_education_retention_rate",
        "quote not found in the report: 城镇常住居民人均可支配收入增长与经济增长同步",
    ),
    Finding(
        "warning", "quote", "urban_income", "引文在报告中未找到：固定资产投资(不含农户)增长10%"
    ),
]


@pytest.mark.parametrize("findings", [FINDINGS[:1], FINDINGS[1:2], FINDINGS[2:], FINDINGS])
def test_validate_fits_the_terminal_at_every_width(findings: list[Finding]) -> None:
    """Its table pads its edges (a cell inside each), which the edge allowance did not count:
    where the message just stayed beside the id its lines were two cells wider than the
    terminal (66 and 67 columns beside the 35-character id; Rich's console cut them, the
    message's right edge lost). Beside the id, a message that wraps has all the room."""
    table = findings_table(findings)
    for width in range(40, 161):
        drawn = lines(table, width)
        widest = max(cell_len(line) for line in drawn)
        assert widest <= width, (width, drawn)
        beside = any(" message" in line and "/" not in line for line in drawn)
        wraps = len(drawn) > 4 + len(findings)  # blank, header, rule, a line a row, blank
        if beside and wraps:
            assert widest == width, (width, drawn)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_line_is_wider_than_the_terminal(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """Every table of ids that `status`, `gap`, `history` (figures and amendments), `show` of
    an adjusted target, `targets`, `plans` and `validate` print, laid out at each width from
    40 to 160, Chinese characters two cells: no line wider than the terminal."""
    ledger = tmp_path / "work.progress.toml"
    ledger.write_text(LEDGER.format(first="2026-12-02 09:18:07+00:00"), "utf-8")
    args = ["--lang", lang, "--plan", PLAN, "--ledger", str(ledger)]
    headline = ["--section", "headline"]
    commands = [["gap", *headline], ["history"], ["show", "gdp"], ["plans"]]
    tables = [
        table
        for command in [*commands, ["targets", *headline]]
        for table in printed_tables(invoke, monkeypatch, [*args, *command])
    ]
    # `status`'s tables of ids, whose names go under them (a section's table and the
    # investments' bars are test_table_widening's)
    status = printed_tables(invoke, monkeypatch, [*args, "status"])
    tables += [table for table in status if any(column.whole for column in table.columns)]
    tables.append(findings_table(FINDINGS))
    assert len(tables) == 11
    for table in tables:
        # (each width printed as the command prints it; a width not drawn again where it
        # cannot print other lines than the last one drawn, `sweep`)
        for width, _, drawn in sweep(table, range(40, 161), annotated=True):
            assert max(cell_len(line) for line in drawn) <= width, (width, drawn)
