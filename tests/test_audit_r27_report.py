"""Audit R (session 27, 发改委办公室 analyst): the leaders' 时间过半、任务过半 and year-end
reports of the bundled 2026 plans of 广东, 浙江, 河南 and 湖北 read sentence by sentence against
their figures. Real values: the bundled plans and the audit's ledgers (/tmp/s27/auditR)."""

from __future__ import annotations

from pathlib import Path


def _csv(tmp_path: Path, rows: list[str], name: str = "f.csv") -> str:
    path = tmp_path / name
    path.write_text("target,period,value,amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def _summary(report: str) -> str:
    return report.split("\n## ", 2)[1]


GD2 = [
    "gdp,2026-Q1,4.3,33120",
    "gdp,2026-Q2,4.6,",
    "gdp,2026-Q3,4.7,103500",
    "gdp,2026-Q4,4.496,146000",
    "budget_revenue,2026-11,2.9,",
    "resident_income,2026-Q2,4.8,",
    "resident_income,2026-Q3,3.6,",
]


# ------------------------------------------- D5: a relation's Q3 figure at the year's end


def test_a_relation_of_the_first_three_quarters_gets_no_year_verdict(plan_run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("guangdong-2026")
    run("import", _csv(tmp_path, GD2))
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "md"))
    assert (
        "居民收入累计增长3.6%，低于同期（前三季度）地区生产总值增长（4.7%）1.1个百分点"
        "（数据截至2026年三季度末，无全年数据，不作全年评价）。" in zh
    )
    assert "未能同步" not in zh
    en = _summary(run("--lang", "en", "report", "--as-of", "2026-12", "-f", "md"))
    assert (
        "Residents' income grew 3.6% year to date, 1.1 pp below Gross regional product (GDP) in "
        "the first three quarters at 4.7% (figure of 2026-Q3; no figure for the year, not judged "
        "for the year)." in en
    )
    assert "not in step" not in en
    # in the year, the same figure is judged on pace, the reference of its period named
    zh = run("--lang", "zh", "report", "--as-of", "2026-09", "-f", "md")
    assert "未能同步" in _summary(zh)


# ------------------------------- D6: a relation's bound is the reference's figure, unlabelled


def test_a_relations_bound_names_the_reference_and_its_period(plan_run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("guangdong-2026")
    run("import", _csv(tmp_path, GD2))
    zh = run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "md")
    assert "| 居民收入 | ≈ 地区生产总值前三季度4.7%（不低于3.7%） | 3.6% \\* |" in zh
    en = run("--lang", "en", "report", "--as-of", "2026-12", "-f", "md")
    assert (
        "| ≈ Gross regional product (GDP) 4.7% in the first three quarters (at least 3.7%) |" in en
    )
    # the reference of the report's own period: its row above shows it, the figure alone
    zh = run("--lang", "zh", "report", "--as-of", "2026-09", "-f", "md")
    assert "| 居民收入 | ≈ 4.7%（不低于3.7%） | 3.6% |" in zh
    html = run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "html")
    assert "地区生产总值前三季度4.7%" in html


# ------------------------------------ D7: an X左右's pace names what it reaches (湖北 5.5%左右)


def test_an_around_targets_pace_says_it_reaches_the_around(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("hubei-2026")
    run("record", "gdp", "5.3", "-p", "2026-Q1", "--amount", "13600")
    run("record", "gdp", "5.0", "-p", "上半年", "--amount", "28500")
    zh = run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md")
    assert (
        "地区生产总值累计增长5.0%，低于5.5%左右的目标0.5个百分点，在合理区间内（按5%以上考核），"
        "余下月份需增长5.88%方能达到5.5%。" in zh
    )
    assert "| 正常推进 | 余下月份需增长5.88%方能达到5.5% |" in zh
    en = run("--lang", "en", "report", "--as-of", "2026-06", "-f", "md")
    assert (
        "0.5 pp below the target of about 5.5%, within its tolerance (judged as at least 5%); "
        "the rest of the year needs 5.88% growth "
        "to reach 5.5%." in en
    )
    assert "| on track | rest of year needs 5.88% to reach 5.5% |" in en


# ---------------------------------------- D13: the year over, a stretch missed is not "not yet"


def test_a_stretch_missed_at_the_years_end_is_not_yet_nothing(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("henan-2026")
    run("record", "grain_output", "1350.97", "-p", "2026")
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "md"))
    assert "粮食产量为1350.97亿斤，达到1300亿斤以上的目标，未实现高于1350.97亿斤的争取目标。" in zh
    assert "尚未" not in zh
    en = _summary(run("--lang", "en", "report", "--as-of", "2026-12", "-f", "md"))
    assert (
        "meeting the target of at least 1300 亿斤, but not its higher aim of more than "
        "1350.97 亿斤." in en
    )
    assert "not yet" not in en


# --------------------------------------------- D14: one month left is no monthly average


def test_one_month_left_needs_no_monthly_average(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("henan-2026")
    run("record", "new_urban_jobs", "60", "-p", "2026-06")
    zh = run("--lang", "zh", "report", "--as-of", "2026-11", "-f", "md")
    assert "落后时间进度37.12个百分点，最后1个月需完成50万人（数据截至2026年6月）。" in zh
    assert "| 滞后 | 最后1个月需完成50万人 |" in zh and "月均需完成50" not in zh
    en = run("--lang", "en", "report", "--as-of", "2026-11", "-f", "md")
    assert "37.12 pp behind time progress; it needs 50 万人 in the remaining month (figure" in en
    assert "| behind | 50 万人 in the last month |" in en
    # two months left: the monthly average, as before
    zh = run("--lang", "zh", "report", "--as-of", "2026-10", "-f", "md")
    assert "后2个月月均需完成25万人" in zh


# ------------------------------- D2, D8: one target by completion, all met: no 0项, no 3项中3项


def test_one_target_measured_by_completion_is_named_not_counted(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("hubei-2026")
    run("record", "new_urban_jobs", "18", "-p", "2026-04")
    run("record", "new_urban_jobs", "30", "-p", "2026-06")
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md"))
    assert "时间过半，按完成率计的1项目标（城镇新增就业）任务未过半。" in zh
    assert "0项" not in zh and "未过半的1项" not in zh
    run("record", "new_urban_jobs", "69.9", "-p", "2026-12")
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "md"))
    assert "按完成率计的1项目标（城镇新增就业）未完成。" in zh
    assert "按完成率计的1项目标中" not in zh
    henan = plan_run("henan-2026")
    henan("record", "new_urban_jobs", "60", "-p", "2026-06")
    zh = _summary(henan("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md"))
    assert "时间过半，按完成率计的1项目标（城镇新增就业）任务已过半。" in zh
    zh = _summary(henan("--lang", "zh", "report", "--as-of", "2026-09", "-f", "md"))
    assert "按完成率计的1项目标（城镇新增就业）落后于应完成进度。" in zh


def test_a_year_with_every_target_met_says_so(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("guangdong-2026")
    for target, value, period in (
        ("gdp", "4.5", "2026-Q4"),
        ("budget_revenue", "2.5", "2026-12"),
        ("resident_income", "4.4", "2026-Q4"),
    ):
        run("record", target, value, "-p", period)
    zh = run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "md")
    assert "2026年全年（时间进度100%），3项目标全部完成。" in zh
    assert "## 未完成、滞后和存在风险的目标\n\n没有未完成的目标。" in zh
    assert "没有滞后或存在风险的目标" not in zh and "完成3项" not in zh
    en = run("--lang", "en", "report", "--as-of", "2026-12", "-f", "md")
    assert "For the whole of 2026 (time progress 100%), all 3 targets were met." in en
    assert "## Targets missed, behind or at risk\n\nNo target was missed." in en
    html = run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "html")
    assert "<p>没有未完成的目标。</p>" in html and "没有滞后或存在风险的目标" not in html
    # in the year, as before
    zh = run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md")
    assert "## 滞后和存在风险的目标" in zh


# ------------------------------------------------------------- D3: a CPI below zero


def test_a_cpi_fall_is_recorded_and_said_as_the_bulletin_says_it(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("hubei-2026")
    run("record", "cpi", "下降0.3", "-p", "1-6月")  # refused before: a level target
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md"))
    assert "居民消费价格下降0.3%，低于2%左右的目标（按1.5%—2.5%考核）1.8个百分点。" in zh
    assert "涨幅为-0.3%" not in zh
    # a level that is no rate keeps its refusal
    err = run("record", "grain_output", "下降3", "-p", "2026", code=2)
    assert "下降 is for growth figures" in err


# ----------------------------------------------- D4, D9: the level a pending quote names


def test_a_pending_target_of_the_states_assessment_waits_for_the_state(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("henan-2026")
    run("record", "gdp", "4.6", "-p", "上半年")
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md"))
    assert "单位生产总值二氧化碳排放待国家下达目标，尚无数据。" in zh  # 与国家“十五五”考核目标
    en = _summary(run("--lang", "en", "report", "--as-of", "2026-06", "-f", "md"))
    assert "still to be set by the State (pending)" in en


def test_the_adjustments_list_names_the_level_as_the_summary_does(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("hubei-2026")
    run("amend", "co2_intensity", "--min", "3", "--from", "2026-08", "--note", "国家下达：下降3%")
    run("record", "co2_intensity", "下降2.9", "-p", "2026")
    zh = run("--lang", "zh", "report", "--as-of", "2026-12", "-f", "md")
    assert "（原计划待国家下达）差0.1个百分点" in zh
    assert "调整为下降 ≥ 3%（原计划待国家下达）；国家下达：下降3%" in zh
    assert "原计划待下达" not in zh
    en = run("--lang", "en", "report", "--as-of", "2026-12", "-f", "md")
    assert "from 2026-08, fall ≥ 3% (plan: still to be set by the State);" in en
    assert "(plan: pending)" not in en


# ---------------------------------------- D10: one bracket; D11: no comma splice; D12


def test_a_tracked_indicators_old_figure_is_one_bracket(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("henan-2026")
    run("record", "foreign_trade", "10.2", "-p", "2026-06")
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-09", "-f", "md"))
    assert "进出口累计增长10.2%（跟踪指标，数据截至2026年6月）。" in zh
    en = _summary(run("--lang", "en", "report", "--as-of", "2026-09", "-f", "md"))
    assert "grew 10.2% year to date (a tracked indicator, not judged; figure of 2026-06)." in en
    zh = _summary(run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md"))
    assert "进出口累计增长10.2%（跟踪指标）。" in zh


def test_a_count_met_is_no_comma_splice(plan_run) -> None:  # type: ignore[no-untyped-def]
    run = plan_run("henan-2026")
    run("record", "new_urban_jobs", "110", "-p", "2026-12")
    en = _summary(run("--lang", "en", "report", "--as-of", "2026-12", "-f", "md"))
    assert (
        "New urban jobs: 110 万人 for the year, 100% of the year's 110 万人, meeting the "
        "year's target." in en
    )
    assert "target was reached" not in en


def test_a_cpi_of_a_tenth_is_no_fraction(invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """China's CPI rose 0.2 % in 2024: 0.1 is what a bureau types, not 10 % kept as 0.1."""
    path = tmp_path / "hn.csv"
    path.write_text("指标,期间,数值\n居民消费价格涨幅,2026年1-12月,0.1\n", encoding="utf-8")
    ledger = str(tmp_path / "hn.progress.toml")
    result = invoke("--plan", "henan-2026", "--ledger", ledger, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "did you mean" not in result.stderr and "a fraction" not in result.stderr
    # a share kept as a fraction is still warned (优良率 0.992 for ≥ 98 %)
