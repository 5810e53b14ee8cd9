"""Audit S (四川省2026 时间过半 report): the decline targets and the forms' wording.

Every bundled 2026 plan's 下降 targets (节能, 降碳) are pending until the 国家下达 amendment:
the amendment, the charts, the workbook and the sentences must keep a fall a fall.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "sc.progress.toml"

    def call(plan: str, *args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", plan, "--ledger", str(ledger), *args)

    return call


def assessed(run, plan: str, target: str, as_of: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run(plan, "gap", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    [row] = [t for t in json.loads(result.stdout)["targets"] if t["id"] == target]
    return dict(row)


# D1: a pending 下降 target given `--max 3.5` was "下降 ≤ 3.5%", so a 2 % rise was on track


def test_a_ceiling_on_the_fall_of_a_pending_decline_is_refused(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "sichuan-2026", "amend", "co2_intensity", "--max", "3.5", "--from", "2026-06",
        "--note", "国家下达",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr == (
        "error: co2_intensity is a 下降 target: its bound is the size of the fall, and --max "
        "3.5 alone (下降 ≤ 3.5%) would let any rise pass; give --min 3.5 (下降3.5%以上) or "
        "--around 3.5\n"
    )
    zh = run(
        "sichuan-2026", "--lang", "zh", "amend", "co2_intensity", "--max", "3.5", "--from",
        "2026-06",
    )  # fmt: skip
    assert zh.exit_code == 2
    assert "--min 3.5" in zh.stderr and "co2_intensity" in zh.stderr


def test_a_pending_decline_amended_with_min_judges_a_rise_behind(run) -> None:  # type: ignore[no-untyped-def]
    amended = run(
        "sichuan-2026", "amend", "co2_intensity", "--min", "3.5", "--from", "2026-06",
        "--note", "国家下达",
    )  # fmt: skip
    assert amended.exit_code == 0, amended.stderr
    recorded = run("sichuan-2026", "record", "co2_intensity", "增长2.0", "--period", "2026-06")
    assert recorded.exit_code == 0
    row = assessed(run, "sichuan-2026", "co2_intensity", "2026-06")
    assert (row["status"], row["direction"], row["low"], row["high"]) == ("behind", "up", 3.5, None)
    assert row["gap"] == 5.5


def test_a_pending_decline_takes_a_range_of_falls(run) -> None:  # type: ignore[no-untyped-def]
    """Both edges: a fall between 2 and 4 % (a band on the fall), a rise outside it."""
    amended = run(
        "sichuan-2026", "amend", "co2_intensity", "--min", "2", "--max", "4", "--from", "2026-06"
    )
    assert amended.exit_code == 0, amended.stderr
    run("sichuan-2026", "record", "co2_intensity", "增长2.0", "--period", "2026-06")
    row = assessed(run, "sichuan-2026", "co2_intensity", "2026-06")
    assert (row["direction"], row["low"], row["high"], row["gap"]) == ("band", 2, 4, 4)


# D2: a 下降 target's chart drew the signed figures (−2.2) against the bound on the fall (+2.5)


def _html(run, tmp_path: Path, as_of: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.html"
    result = run("sichuan-2026", "--lang", "zh", "report", "--as-of", as_of, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_a_decline_chart_draws_its_bound_on_the_side_of_a_fall(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from test_report_phone import Axis, band, charts, target_levels

    run("sichuan-2026", "amend", "energy_intensity", "--min", "2.5", "--from", "2026-08")
    run("sichuan-2026", "amend", "co2_intensity", "--around", "3", "--from", "2026-08")
    figures = (("energy_intensity", "下降1.8", "下降2.2"), ("co2_intensity", "增长0.6", "增长0.3"))
    for target, h1, q3 in figures:
        for period, figure in (("2026-H1", h1), ("2026-Q3", q3)):
            assert run("sichuan-2026", "record", target, figure, "--period", period).exit_code == 0
    page = _html(run, tmp_path, "2026-09")
    energy = charts(page)["节能（单位地区生产总值能耗）"]
    axis = Axis(energy)
    # the bound steps in from August: none before it, −2.5 (a fall of 2.5) after
    assert target_levels(energy, axis) == [-2.5]
    assert band(energy, axis) == (axis.low, -2.5)  # met at a fall of 2.5 or more: below −2.5
    assert ">下降2.2%</text>" in energy and ">-2.2%</text>" not in energy
    co2 = charts(page)["降碳（单位地区生产总值二氧化碳排放）"]
    axis = Axis(co2)
    assert target_levels(co2, axis) == [-3.0]
    assert band(co2, axis) == (axis.low, -2.5)  # 下降3%左右: a fall of 2.5 or more
    assert ">增长0.3%</text>" in co2 and axis.high >= 0.3


# D5: 城镇新增就业's axis ran to −25万人, and 符合目标 was shaded from the year's 85万人


def test_a_cumulative_chart_shades_the_pace_and_starts_at_zero(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import re

    from test_report_phone import Axis, charts

    for period, figure in (("2026-01", "5.2"), ("2026-03", "21.3"), ("2026-06", "45.3")):
        recorded = run("sichuan-2026", "record", "new_urban_jobs", figure, "--period", period)
        assert recorded.exit_code == 0
    jobs = charts(_html(run, tmp_path, "2026-06"))["城镇新增就业"]
    axis = Axis(jobs)
    assert axis.low == 0
    [points] = re.findall(r'<polygon class="band" points="([^"]*)"', jobs)
    corners = [tuple(map(float, p.split(","))) for p in points.split()]
    pace = [axis.value(y) for _, y in corners[:13]]  # Jan..Dec month ends, from 0
    # 0.1-unit coordinates: within 0.05万人 of the pace 0, 21.25, 42.5 … 85
    assert (pace[0], pace[3], pace[6], pace[12]) == pytest.approx((0, 21.25, 42.5, 85), abs=0.05)
    assert 'class="band" x=' not in jobs  # no rectangle ≥ 85 from January


# D3: the Chinese workbook's assessments sheet: 完成值 −0.2 for a rise, 目标 `fall ≥ 2.5 %`, `≈ gdp`


def test_the_chinese_assessments_sheet_says_what_a_decline_figure_is(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    run("sichuan-2026", "amend", "energy_intensity", "--min", "2.5", "--from", "2026-08")
    run("sichuan-2026", "amend", "co2_intensity", "--around", "3", "--from", "2026-08")
    for target, figure in (
        ("energy_intensity", "下降2.6"), ("co2_intensity", "增长0.2"), ("gdp", "5.4"),
        ("resident_income", "4.4"),
    ):  # fmt: skip
        assert run("sichuan-2026", "record", target, figure, "--period", "2026").exit_code == 0
    out = tmp_path / "12月.xlsx"
    assert run("sichuan-2026", "--lang", "zh", "report", "-o", str(out)).exit_code == 0
    rows = list(openpyxl.load_workbook(out)["执行情况"].iter_rows(values_only=True))  # assessments
    header = rows[0]
    actual = "完成值（下降型目标为降幅）"
    columns = (actual, "目标", "方向", "记录值")
    cells = {r[0]: tuple(r[header.index(h)] for h in columns) for r in rows[1:]}
    assert cells["energy_intensity"] == (2.6, "下降 ≥ 2.5%†", "降幅越大越好", -2.6)
    assert cells["co2_intensity"] == (-0.2, "下降 ≈ 3%（下降 ≥2.5%）†", "降幅越大越好", 0.2)
    assert cells["resident_income"][1] == "≈ 地区生产总值 5.4%（不低于4.4%）"
    assert cells["gdp"][2] == "越高越好"
    # the English workbook keeps gap --json's columns and words
    en = tmp_path / "en.xlsx"
    assert run("sichuan-2026", "--lang", "en", "report", "-o", str(en)).exit_code == 0
    rows = list(openpyxl.load_workbook(en)["assessments"].iter_rows(values_only=True))
    row = next(r for r in rows if r[0] == "energy_intensity")
    assert row[rows[0].index("actual")] == 2.6 and row[rows[0].index("bound")] == "fall ≥ 2.5 %"


# D9: `targets` wrote the 同步 reference as its id and no 左右 edge


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        (
            "zh",
            {
                "gdp": "≈ 5.5 %（≥5%）",
                "surveyed_unemployment_rate": "≈ 5.5 %（≤6%）",
                "cpi": "≈ 2 %（1.5–2.5%）",
                "resident_income": "≈ 地区生产总值",
                "budget_revenue": "≥ 2 %",
            },
        ),
        (
            "en",
            {
                "gdp": "≈ 5.5 % (≥5%)",
                "cpi": "≈ 2 % (1.5–2.5%)",
                "resident_income": "≈ GDP",  # the abbreviation its name ends in
            },
        ),
    ],
)
def test_targets_names_the_reference_and_the_judged_edge(  # type: ignore[no-untyped-def]
    invoke, monkeypatch: pytest.MonkeyPatch, lang: str, rows: dict[str, str]
) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # one line a target
    result = invoke("--plan", "sichuan-2026", "--lang", lang, "targets")
    assert result.exit_code == 0, result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    for target, cell in rows.items():
        assert lines[target].rstrip().endswith(cell) or f"{cell} " in lines[target], lines[target]
    assert "≈ gdp" not in result.stdout


# D4: a quarterly target before its first quarter listed as 尚无数据 like an owed figure


def test_a_quarterly_target_before_its_first_quarter_is_not_owed(run) -> None:  # type: ignore[no-untyped-def]
    for month in ("2026-01", "2026-02"):
        for target, figure in (("new_urban_jobs", "5.2"), ("budget_revenue", "1.5")):
            run("sichuan-2026", "record", target, figure, "--period", month)
    for target in ("surveyed_unemployment_rate", "cpi"):
        run(
            "sichuan-2026",
            "record",
            target,
            "5.5" if target != "cpi" else "0.6",
            "--period",
            "2026-02",
        )
    zh = run("sichuan-2026", "--lang", "zh", "report", "--as-of", "2026-02", "--format", "md")
    assert (
        "3项目标尚无数据：地区生产总值；居民收入；粮食产量（2项为季度指标，一季度后报送，1项为年度指标，年底报送）。"
        in zh.stdout
    )
    en = run("sichuan-2026", "--lang", "en", "report", "--as-of", "2026-02", "--format", "md")
    assert (
        "(3): Gross regional product (GDP); Resident income; Grain output (2 are quarterly "
        "figures, due after the first quarter, and 1 an annual figure, due at the year's end)."
    ) in en.stdout
    # from the first quarter's end the quarterly figures are owed, and come first
    march = run("sichuan-2026", "--lang", "zh", "report", "--as-of", "2026-03", "--format", "md")
    assert "地区生产总值；居民收入；粮食产量（其中后1项为年度指标，年底报送）。" in march.stdout


# D6: `amend --from 上半年` was listed as 自2026年上半年起, which reads as from January


def test_an_amendment_from_a_half_year_is_dated_from_its_last_month(run) -> None:  # type: ignore[no-untyped-def]
    amended = run(
        "sichuan-2026", "--lang", "zh", "amend", "energy_intensity", "--min", "3", "--from",
        "上半年", "--note", "国家下达",
    )  # fmt: skip
    assert amended.exit_code == 0, amended.stderr
    assert "已调整 energy_intensity 自 2026-06 起：下降 ≥ 3 %" in amended.stdout + amended.stderr
    run("sichuan-2026", "record", "energy_intensity", "下降3.2", "--period", "2026-H1")
    zh = run("sichuan-2026", "--lang", "zh", "report", "--as-of", "2026-06", "--format", "md")
    assert (
        # the level the quote names (audit R, D9; before: 原计划待下达)
        "- 节能（单位地区生产总值能耗）：自2026年6月起调整为下降 ≥ 3%（原计划待国家下达）；国家下达"
        in zh.stdout
    )
    assert "上半年起" not in zh.stdout
    en = run("sichuan-2026", "--lang", "en", "report", "--as-of", "2026-06", "--format", "md")
    assert "from 2026-06, fall ≥ 3% (plan: still to be set by the State); 国家下达" in en.stdout
    gap = run("sichuan-2026", "--lang", "zh", "gap", "--as-of", "2026-06")
    assert "节能（单位地区生产总值能耗）自2026年6月起" in gap.stdout.replace("\n", "")
    # the ledger and JSON keep the period as given
    history = json.loads(run("sichuan-2026", "history", "energy_intensity", "--json").stdout)
    assert history["amendments"][0]["period"] == "2026-H1"


# D7: a rise written as one (增长0.6) for a 下降 target drew "如为下降，请填 下降0.6"


SLIP = "a rise recorded for a 下降 (decline) target"


@pytest.mark.parametrize("figure", ["增长0.3", "同比增长0.3%", "上升0.3", "+0.3"])
def test_a_rise_stated_as_one_is_not_a_slip(run, figure: str) -> None:  # type: ignore[no-untyped-def]
    result = run("sichuan-2026", "record", "co2_intensity", figure, "--period", "2026-Q3")
    assert result.exit_code == 0, result.stderr
    assert SLIP not in result.stderr
    assert assessed(run, "sichuan-2026", "co2_intensity", "2026-09")["recorded"] == 0.3


def test_a_bare_rise_for_a_decline_is_still_a_slip(run) -> None:  # type: ignore[no-untyped-def]
    result = run("sichuan-2026", "record", "co2_intensity", "0.3", "--period", "2026-Q3")
    assert result.exit_code == 0
    assert f"co2_intensity 2026-Q3 = 0.3 %: {SLIP}; if it was a fall, type 下降0.3" in result.stderr


def _bulletin(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """`rows` as a CSV or, by `path`'s suffix, an xlsx sheet, as a bureau sends them."""
    if path.suffix == ".csv":
        path.write_text("".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
        return path
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for r in rows:
        sheet.append(r)
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_import_of_a_stated_rise_is_not_a_slip(run, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ("target", "period", "value"),
        ("co2_intensity", "2026-06", "增长0.6"),
        ("energy_intensity", "2026-06", "0.4"),  # bare: still the slip
    ]
    path = _bulletin(tmp_path / f"bulletin.{suffix}", rows)
    result = run("sichuan-2026", "import", str(path), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "co2_intensity" not in result.stderr
    assert f"energy_intensity 2026-06 = 0.4 %: {SLIP}" in result.stderr


# D8: the same figures re-imported from a bulletin without a 来源 column were 6 修订, sources erased


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_identical_figures_without_a_source_are_unchanged(run, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "09月.csv"
    template.write_text(
        "target,period,value,source\n"
        "new_urban_jobs,2026-09,63,统计月报\n"
        "gdp,2026-Q3,5.2,统计月报\n",
        encoding="utf-8",
    )
    assert run("sichuan-2026", "import", str(template)).exit_code == 0
    rows = [
        ("指标", "期间", "数值"),
        ("城镇新增就业", "2026年1-9月", "63"),
        ("地区生产总值", "前三季度", "5.2"),
    ]
    bulletin = _bulletin(tmp_path / f"9月统计月报.{suffix}", rows)
    again = run("sichuan-2026", "--lang", "zh", "import", str(bulletin))
    assert again.exit_code == 0, again.stderr
    assert "新增 0，修订 0，未变 2" in again.stderr
    history = json.loads(run("sichuan-2026", "history", "new_urban_jobs", "--json").stdout)
    assert [(r["value"], r["source"]) for r in history["records"]] == [(63, "统计月报")]
    report = run("sichuan-2026", "--lang", "zh", "report", "--as-of", "2026-09", "--format", "md")
    assert "根据2条记录生成" in report.stdout
    # a figure typed again without --source is the same figure too
    same = run("sichuan-2026", "record", "gdp", "5.2", "--period", "2026-Q3")
    assert "nothing written" in same.stderr
    # a figure that changes is a revision, and gives the source it has (none)
    revised = run("sichuan-2026", "record", "gdp", "5.3", "--period", "2026-Q3")
    assert revised.exit_code == 0 and "supersedes" in revised.stderr


# D10: below a range (广东 4.5%—5%): 低于目标0.1个百分点 named no figure the gap is measured from


def test_a_range_target_below_its_floor_names_the_range(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = str(tmp_path / "gd.progress.toml")
    base = ("--plan", "guangdong-2026", "--ledger", ledger)
    assert invoke(*base, "record", "gdp", "4.4", "--period", "2026-Q2").exit_code == 0
    zh = invoke(*base, "--lang", "zh", "report", "--as-of", "2026-06", "--format", "md")
    assert "地区生产总值累计增长4.4%，低于4.5%—5%的目标区间下沿0.1个百分点。" in zh.stdout
    en = invoke(*base, "--lang", "en", "report", "--as-of", "2026-06", "--format", "md")
    assert (
        "grew 4.4% year to date, 0.1 pp below the bottom of the target range of 4.5%–5%."
        in en.stdout
    )


# D11: 河南 力争比去年实现更多增长: last year's 1350.97 again was counted 实现争取目标


@pytest.mark.parametrize(
    ("figure", "sentence"),
    [
        (
            "1350.97",
            # the year over: 未实现, not 尚未 (audit R, D13)
            "粮食产量为1350.97亿斤，达到1300亿斤以上的目标，未实现高于1350.97亿斤的争取目标。",
        ),
        ("1351", "粮食产量为1351亿斤，达到1300亿斤以上的目标并实现争取目标。"),
    ],
)
def test_more_growth_than_last_year_is_more_than_last_year(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, figure: str, sentence: str
) -> None:
    ledger = str(tmp_path / "hn.progress.toml")
    base = ("--plan", "henan-2026", "--ledger", ledger)
    assert invoke(*base, "record", "grain_output", figure, "--period", "2026").exit_code == 0
    report = invoke(*base, "--lang", "zh", "report", "--as-of", "2026-12", "--format", "md")
    assert sentence in report.stdout
    gap = json.loads(invoke(*base, "gap", "--as-of", "2026-12", "--json").stdout)
    [row] = [t for t in gap["targets"] if t["id"] == "grain_output"]
    assert (row["status"], row["stretch_met"]) == ("met", figure != "1350.97")
    shown = invoke(*base, "--lang", "zh", "targets")
    # as the report's tables say it (session 26; before: 争取 > 1350.97)
    assert "力争高于上年1350.97" in shown.stdout.replace("\n", " ")


def test_records_confirmation_states_a_decline_as_the_tables_do(run) -> None:  # type: ignore[no-untyped-def]
    """`record co2_intensity 下降3` said `= -3 %` while status, show and the report write
    下降3% (fmt.fall_text): the confirmation and the figure it supersedes are stated so too."""
    zh = run("sichuan-2026", "--lang", "zh", "record", "co2_intensity", "下降3", "-p", "2026-06")
    assert zh.exit_code == 0, zh.stderr
    assert "\n已录入 co2_intensity 2026-06 = 下降3%，" in zh.stderr, zh.stderr
    again = run("sichuan-2026", "--lang", "zh", "record", "co2_intensity", "增长1", "-p", "2026-06")
    assert "co2_intensity 2026-06 = 增长1%，" in again.stderr, again.stderr
    assert "录入的 下降3%" in again.stderr, again.stderr
    en = run("sichuan-2026", "record", "co2_intensity", "下降3.5", "-p", "2026-06", "--dry-run")
    assert en.stderr.startswith("would record co2_intensity 2026-06 = -3.5%;"), en.stderr
    assert "would supersede +1% recorded" in en.stderr, en.stderr


def test_a_pending_cumulative_amended_in_august_is_paced_from_its_amendment(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    """减排 (国家下达: pending) given ≥ 20万吨 from 2026-08: the table judged September's 15
    against the pace (expected share 0.75, 15 due), the chart shaded a flat zone ≥ 20 from
    August, so 15 drew outside 符合目标 while the table said on track. The chart shades above
    the pace from the amendment on (its step half a month before August's end), nothing
    before it (no bound was in force: pending)."""
    import re

    from plancli.report.charts import LEFT, RIGHT, WIDTH
    from test_report_phone import Axis, charts

    assert run("sichuan-2026", "record", "emission_reduction", "5", "-p", "2026-06").exit_code == 0
    amended = run(
        "sichuan-2026", "amend", "emission_reduction", "--min", "20", "--from", "2026-08",
        "--note", "国家下达",
    )  # fmt: skip
    assert amended.exit_code == 0, amended.stderr
    for period, figure in (("2026-08", "12"), ("2026-09", "15")):
        assert (
            run("sichuan-2026", "record", "emission_reduction", figure, "-p", period).exit_code == 0
        )
    assert assessed(run, "sichuan-2026", "emission_reduction", "2026-09")["expected_share"] == 0.75
    svg = charts(_html(run, tmp_path, "2026-09"))["减排（主要污染物减排）"]
    axis = Axis(svg)
    [points] = re.findall(r'<polygon class="band" points="([^"]*)"', svg)
    assert 'class="band" x=' not in svg  # no flat zone ≥ 20 from August
    corners = [tuple(map(float, p.split(","))) for p in points.split()]
    month = [round((x - LEFT) * 12 / (WIDTH - LEFT - RIGHT), 2) for x, _ in corners]
    assert month[:6] == [7.5, 8, 9, 10, 11, 12]
    pace = [axis.value(y) for _, y in corners[1:6]]
    assert pace == pytest.approx((40 / 3, 15, 50 / 3, 55 / 3, 20), abs=0.05)
