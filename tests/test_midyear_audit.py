"""The mid-year workflow as the audit met it (年中调整 with `amend`, then the 时间过半、任务过半
report for leaders): an adjusted bound is said to be adjusted wherever a figure is judged
against it, in both languages.

Real values: the bundled plan guandu-2022 and the audit's set-up (社会消费品零售总额 lowered
from 7 % to 6 % from 2022-06, 城镇登记失业率's ceiling raised from 4.8 % to 5 % from 2022-Q2,
新建5G基站 raised from 310 to 330 from 2022-06), and fujian-2026's pending CO2 intensity
recorded as 下降2.0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GUANDU = "guandu-2022"
SET_UP = [
    ("record", "retail_sales", "6.5", "--amount", "330.8", "--period", "2022-06"),
    ("record", "unemployment_rate", "4.2", "--period", "2022-Q2"),
    ("record", "new_5g_base_stations", "156", "--period", "2022-06"),
    ("amend", "retail_sales", "--min", "6", "--from", "2022-06", "--note", "区人大常委会批准"),
    ("amend", "unemployment_rate", "--max", "5", "--from", "2022-Q2", "--note", "年中调整"),
    ("amend", "new_5g_base_stations", "--min", "330", "--from", "2022-06", "--note", "上调"),
]


@pytest.fixture
def run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """plancli on guandu-2022 with the audit's figures and amendments recorded."""
    ledger = tmp_path / "plan2022.progress.toml"
    for args in SET_UP:
        result = invoke("--plan", GUANDU, "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output

    def call(lang: str, *args: str):  # type: ignore[no-untyped-def]
        result = invoke("--plan", GUANDU, "--ledger", str(ledger), "--lang", lang, *args)
        assert result.exit_code == 0, result.output
        return result

    return call


def summary_of(markdown: str) -> str:
    return markdown.split("## ", 2)[1]


# ------------------------------------------------------------------- 7: the written summary


def test_the_chinese_summary_says_which_targets_were_adjusted(run) -> None:  # type: ignore[no-untyped-def]
    summary = summary_of(run("zh", "report", "--as-of", "2022-06", "-f", "md").stdout)
    # one form of the adjusted floor, the plan's 增长7% as it states it (audit Y, D6)
    assert "社会消费品零售总额累计增长6.5%，高于调整后目标（6%以上，原计划7%）0.5个" in summary
    assert "城镇登记失业率为4.2%，低于调整后5%的控制目标（原计划4.8%以内）" in summary
    assert "新建5G基站（完成47.27%，落后进度2.73个百分点；目标由310个调整为330个）" in summary


def test_the_english_summary_says_which_targets_were_adjusted(run) -> None:  # type: ignore[no-untyped-def]
    summary = summary_of(run("en", "report", "--as-of", "2022-06", "-f", "md").stdout)
    assert "0.5 pp above the adjusted target (at least 6%; plan: 7%)" in summary
    assert "within the adjusted ceiling of 5% (plan: at most 4.8%)" in summary
    assert "(47.27% done, 2.73 pp behind pace; target adjusted from 310 to 330)" in summary


def test_a_bound_amended_after_the_as_of_period_is_not_called_adjusted(run) -> None:  # type: ignore[no-untyped-def]
    summary = summary_of(run("zh", "report", "--as-of", "2022-05", "-f", "md").stdout)
    assert "调整" not in summary


# ------------------------------------------------------------- 8: the xlsx summary sheet


@pytest.mark.parametrize(
    ("lang", "explained"),
    [
        ("zh", ["† 年中调整的目标", "社会消费品零售总额：自", "城镇登记失业率：自"]),
        ("en", ["† Bounds adjusted mid-year (年中调整)", "Retail sales of consumer goods: from"]),
    ],
)
def test_the_xlsx_summary_sheet_explains_the_dagger(run, tmp_path: Path, lang, explained) -> None:  # type: ignore[no-untyped-def]
    """As it explains `*` (最新数据早于应报送期) under the headline table."""
    from openpyxl import load_workbook

    workbook = tmp_path / f"report-{lang}.xlsx"
    run(lang, "report", "--as-of", "2022-06", "-o", str(workbook))
    cells = [
        str(value)
        for row in load_workbook(workbook).worksheets[0].iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert any("†" in cell and cell.startswith(("≥", "≤")) for cell in cells)  # the marks
    [heading] = [cell for cell in cells if cell.startswith("† ")]
    at = cells.index(heading)
    lines = cells[at : at + len(explained)]
    assert [line[: len(start)] for line, start in zip(lines, explained, strict=True)] == explained
    assert "新建5G基站" not in " ".join(lines)  # not in the headline table: no † to explain


# ------------------------------------------------------------------------ 9: status


def footnote_of(out: str) -> str:
    """The † footnote, the last lines of a table's output (in Chinese folded at the width)."""
    return "".join(out[out.index("\n†") + 1 :].split("\nUnits: ")[0].splitlines())


def test_status_marks_every_adjusted_bound_and_lists_it(run) -> None:  # type: ignore[no-untyped-def]
    out = run("zh", "status", "--as-of", "2022-06").stdout
    worst = out[out.index("最滞后的工作目标") :]
    [row] = [line for line in worst.splitlines() if "new_5g_base_stations" in line]
    assert "47.27%†" in row
    assert footnote_of(out) == (
        "† 目标经年中调整：社会消费品零售总额自2022年6月起；城镇登记失业率自2022年6月起；"
        "新建5G基站自2022年6月起"
    )
    english = run("en", "status", "--as-of", "2022-06").stdout
    english, legend = english.split("\nUnits: ")  # the units legend after it (audit E, D2)
    assert legend.startswith("亿元 = 100 million yuan")
    assert " ".join(english[english.index("\n†") :].split()).endswith(
        "; New 5G base stations from 2022-06"
    )


def test_gap_footnote_takes_a_full_width_colon_in_chinese(run) -> None:  # type: ignore[no-untyped-def]
    out = run("zh", "gap", "--as-of", "2022-06").stdout
    footnote = footnote_of(out)
    assert footnote.startswith("† 目标经年中调整：") and "新建5G基站自2022年6月起" in footnote


# ------------------------------------------- 10: a pending decline's fall, before its bound


@pytest.fixture
def fujian(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """fujian-2026 with its pending CO2 intensity recorded as the bulletin writes it."""
    ledger = tmp_path / "fj.progress.toml"
    where = ("--plan", "fujian-2026", "--ledger", str(ledger))
    recorded = invoke(*where, "record", "co2_intensity", "下降2.0", "--period", "2026-Q2")
    assert recorded.exit_code == 0, recorded.output

    def call(lang: str, *args: str) -> str:
        result = invoke(*where, "--lang", lang, *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    return call


def row_of(out: str, target: str) -> str:
    [row] = [line for line in out.splitlines() if target in line]
    return " ".join(row.split())


def test_a_pending_decline_shows_its_fall_as_a_fall(fujian) -> None:  # type: ignore[no-untyped-def]
    gap = ("gap", "--kind", "growth", "--as-of", "2026-Q2")
    assert "pending -2.0%/pending" in row_of(fujian("en", *gap), "co2_intensity")  # docs/amend.md
    assert "待下达 下降2.0%/待下达" in row_of(fujian("zh", *gap), "co2_intensity")
    assert "-2.0% pending" in row_of(fujian("en", "status", "--as-of", "2026-Q2"), "co2_intensity")
    zh_status = fujian("zh", "status", "--as-of", "2026-Q2")
    assert "下降2.0% 待下达" in row_of(zh_status, "co2_intensity")
    assert "| 待下达 | 下降2.0% |" in fujian("zh", "report", "--as-of", "2026-Q2", "-f", "md")
    # the JSON stays as documented: `actual` the fall, `recorded` the growth as recorded
    import json

    [row] = [
        t for t in json.loads(fujian("en", *gap, "--json"))["targets"] if t["id"] == "co2_intensity"
    ]
    assert (row["actual"], row["recorded"], row["decline"], row["bound"]) == (
        2,
        -2,
        True,
        "pending",
    )


def test_once_its_bound_is_known_the_fall_is_said_by_the_bound(fujian) -> None:  # type: ignore[no-untyped-def]
    fujian("en", "amend", "co2_intensity", "--min", "3.5", "--from", "2026-06")
    gap = ("gap", "--kind", "growth", "--as-of", "2026-Q2")
    # the figure as the bulletin writes it, as before the bound (a bare 2% hid the sign)
    assert "behind -2.0%/fall ≥3.5%†" in row_of(fujian("en", *gap), "co2_intensity")
    assert "滞后 下降2.0%/下降 ≥3.5%†" in row_of(fujian("zh", *gap), "co2_intensity")


# ------------------------------------------------------------- 11: text for leaders


def test_a_chinese_report_writes_its_periods_the_chinese_way(run) -> None:  # type: ignore[no-untyped-def]
    markdown = run("zh", "report", "--as-of", "2022-06", "-f", "md").stdout
    assert "- 社会消费品零售总额：自2022年6月起调整为 ≥ 6%（原计划 ≥ 7%）" in markdown
    assert "- 城镇登记失业率：自2022年6月起调整为 ≤ 5%（原计划 ≤ 4.8%）" in markdown
    assert "2022-06" not in markdown and "2022-Q2" not in markdown
    # a figure older than its frequency allows: its period in words too
    stale = run("zh", "report", "--as-of", "2022-09", "-f", "md").stdout
    stated = "城镇登记失业率为4.2%，低于调整后5%的控制目标（原计划4.8%以内）（数据截至2022年二季度"
    assert stated in stale
    english = run("en", "report", "--as-of", "2022-09", "-f", "md").stdout
    assert "- Registered urban unemployment rate: from 2022-06, ≤ 5% (plan: ≤ 4.8%)" in english


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("metaverse_demo_base_landed", "--min", "50"),
            "错误：metaverse_demo_base_landed 是节点类目标，没有可调整的目标值；"
            "amend 用于百分点变动、累计、增速、水平、持续推进类目标\n",
        ),
        (
            ("new_5g_base_stations", "--max", "400"),
            "错误：new_5g_base_stations 是累计类目标：请给出 --min（要达到的数量）；"
            "单独的 --max 只是区间的上限\n",
        ),
    ],
)
def test_amend_names_a_kind_in_chinese_in_a_chinese_error(invoke, tmp_path, args, said) -> None:  # type: ignore[no-untyped-def]
    where = ("--plan", GUANDU, "--ledger", str(tmp_path / "l.toml"), "--lang", "zh")
    result = invoke(*where, "amend", *args, "--from", "2022-06")
    assert (result.exit_code, result.stderr) == (2, said)


def test_amend_names_a_kind_in_english_in_an_english_error(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    where = ("--plan", GUANDU, "--ledger", str(tmp_path / "l.toml"))
    result = invoke(
        *where, "amend", "metaverse_demo_base_landed", "--min", "50", "--from", "2022-06"
    )
    assert result.stderr == (
        "error: metaverse_demo_base_landed is a milestone target and has no bound to amend; "
        "amend is for change, cumulative, growth, level, ongoing targets\n"
    )


def test_amend_says_what_it_did_without_nesting_parentheses(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "l.toml"
    where = ("--plan", GUANDU, "--ledger", str(ledger), "--lang", "zh")
    amend = ("amend", "retail_sales", "--min", "6", "--from", "2022-06")
    said = invoke(*where, *amend).stderr.splitlines()[-1]  # after 已新建 (the ledger)
    assert said.startswith(
        "已调整 retail_sales 自 2022-06 起：≥ 6 %（原为 ≥ 7 %，计划原定），写入 "
    )
    assert said.count("（") == said.count("）") == 2  # the was, then the batch; none in another
    again = invoke(*where, *amend).stderr
    assert again == f"retail_sales 自 2022-06 起：≥ 6 % 已是现行的调整；未写入 {ledger}\n"


def test_the_undo_table_gives_an_amount_its_unit(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    where = ("--plan", GUANDU, "--ledger", str(tmp_path / "l.toml"), "--lang", "zh")
    recorded = invoke(*where, "record", "retail_sales", "6.5", "--amount", "330.8", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.output
    preview = invoke(*where, "undo", "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert "retail_sales 2022-06 6.5% 330.8亿元 —" in " ".join(preview.stdout.split())  # s42


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "错误：没有这个选项：--pending；见 `plancli amend --help`\n"),
        ("en", "error: no such option: --pending; see `plancli amend --help`\n"),
    ],
)
def test_an_unknown_option_after_the_target_is_called_an_option(
    invoke, tmp_path, lang, said
) -> None:  # type: ignore[no-untyped-def]
    """`amend fixed_asset_investment --pending` (the audit's second try; `--drop` exists now):
    Click called the unknown option an extra argument, in English (Got unexpected extra
    argument(s) (--pending))."""
    where = ("--plan", GUANDU, "--ledger", str(tmp_path / "l.toml"), "--lang", lang)
    result = invoke(*where, "amend", "fixed_asset_investment", "--pending", "--from", "2022-06")
    assert (result.exit_code, result.stderr) == (2, said)
    extra = invoke(*where, "record", "gdp", "5", "6", "--period", "2022-06")
    assert extra.stderr.startswith(("错误：多余的参数：6", "error: unexpected extra argument: 6"))
