"""User audit Y (官渡区发改局综合科, the 2022 执行情况报告 as of 2022-12), defects 1–5: wrong
statements at the year's end, each with the audit's own figures.

Defects 1–3 on a fresh guandu-2022 ledger with the audit's reproductions (托育 at 2 of 1—2个,
自贸试验区完成率 95 % from 90.8 %, 老旧小区 109 against 105 adjusted from 115); defects 4–5 on
the audit's full-year ledger (`fixtures/audit-y-2022.progress.toml`, its `gd/` workspace: four
work targets left at Q3, three mid-year adjustments).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

REPRO = """\
target,period,value
childcare_pilots,2022-Q4,2
ftz_reform_tasks_completion,2022-Q4,95
old_compounds_renovated,2022-Q4,109
"""


@pytest.fixture(scope="module")
def repro(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> Path:
    folder = tmp_path_factory.mktemp("audit-y")
    ledger = folder / "plan2022.progress.toml"
    (folder / "repro.csv").write_text(REPRO, encoding="utf-8")
    with isolated_cli() as invoke:
        for args in (
            ("amend", "old_compounds_renovated", "--min", "105", "--from", "2022-Q2",
             "--note", "年中调整：部分小区改造计划调整至2023年"),
            ("import", str(folder / "repro.csv")),
        ):  # fmt: skip
            result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)
            assert result.exit_code == 0, result.output
    return ledger


@pytest.fixture
def full_year(tmp_path: Path) -> Path:
    ledger = tmp_path / "plan2022.progress.toml"
    shutil.copyfile(FIXTURES / "audit-y-2022.progress.toml", ledger)
    return ledger


def run(invoke, ledger: Path, lang: str, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), "--lang", lang, *args)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def year_report(invoke, ledger: Path, lang: str) -> str:  # type: ignore[no-untyped-def]
    return run(invoke, ledger, lang, "report", "--as-of", "2022-12", "--format", "md")


def test_a_figure_within_a_range_target_is_completed_not_exceeded(
    invoke,  # type: ignore[no-untyped-def]
    repro: Path,
) -> None:
    """Defect 1: 普惠性托育服务试点2个 of 开展1-2个 read 超额完成1—2个的年度目标 and was
    counted among the 超额完成 (2 of 2, where 老旧小区's 109 of 105 is the only one)."""
    zh = year_report(invoke, repro, "zh")
    assert "普惠性托育服务试点2个，完成1—2个的年度目标" in zh
    assert "超额完成1—2个" not in zh
    assert "全年完成目标2项，其中超额完成1项。" in zh
    # the target over its range comes first among the section's met: here the one exceeded
    en = year_report(invoke, repro, "en")
    assert "Affordable childcare service pilots reached 2, meeting the year's target of 1–2" in en
    assert "2 targets were met, 1 of them exceeded." in en
    # completion is measured against the range (status-rules.md, session 24): 2 of 1–2 is
    # 100 %, no longer 200 % of its lower end
    data = json.loads(run(invoke, repro, "en", "gap", "--as-of", "2022-12", "--json"))
    (row,) = [t for t in data["targets"] if t["id"] == "childcare_pilots"]
    assert (row["status"], row["completion"]) == ("met", 1)


def test_a_range_target_above_its_top_is_still_exceeded(
    invoke,  # type: ignore[no-untyped-def]
    repro: Path,
    tmp_path: Path,
) -> None:
    ledger = tmp_path / "three.toml"
    shutil.copyfile(repro, ledger)
    run(invoke, ledger, "en", "record", "childcare_pilots", "3", "--period", "2022-12")
    zh = year_report(invoke, ledger, "zh")
    assert "普惠性托育服务试点3个，超额完成1—2个的年度目标" in zh
    assert "全年完成目标2项，其中超额完成2项。" in zh


def test_a_stock_from_its_opening_says_what_its_completion_is_of(
    invoke,  # type: ignore[no-untyped-def]
    repro: Path,
) -> None:
    """Defect 2: "95%，为年度目标100%的45.65%" asserts 95 ÷ 100 = 45.65 %; the completion is
    (95 − 90.8) ÷ (100 − 90.8), the year's rise from the opening 90.8 %."""
    zh = year_report(invoke, repro, "zh")
    assert (
        "自贸试验区改革试点任务完成率（由年初90.8%提高到95%，年度目标100%，"
        "完成年度提升任务的45.65%，差5个百分点）"
    ) in zh
    assert "为年度目标100%的45.65%" not in zh
    # the tables name the opening beside the bound
    assert "| 95% / ≥ 100%（年初90.8%） | 45.65% |" in zh
    en = year_report(invoke, repro, "en")
    assert (
        "Completion of the FTZ reform pilot tasks (of 141) (up from 90.8% at the year's start "
        "to 95%, target 100%: 45.65% of the year's rise done; 5 pp short)"
    ) in en
    assert "45.65% of the year's 100%" not in en
    assert "| 95% / ≥ 100% (opening 90.8%) | 45.65% |" in en
    # status and gap: a line under the table says what the 45.65 % is of
    for command in ("status", "gap"):
        zh_table = run(invoke, repro, "zh", command, "--as-of", "2022-12")
        assert (
            "自贸试验区改革试点任务完成率：完成率自年初90.8%起计，(95%−90.8%)÷(100%−90.8%)=45.65%"
        ) in "".join(zh_table.split())
        en_table = run(invoke, repro, "en", command, "--as-of", "2022-12")
        assert (
            "Completion of the FTZ reform pilot tasks (of 141): completion counted from the "
            "opening 90.8%: (95% − 90.8%) ÷ (100% − 90.8%) = 45.65%"
        ) in " ".join(en_table.split())


def test_an_adjusted_work_target_met_says_adjusted_and_the_plans_figure(
    invoke,  # type: ignore[no-untyped-def]
    repro: Path,
) -> None:
    """Defect 3: "老旧小区改造109个，超额完成105个的年度目标" where the plan said 115."""
    zh = year_report(invoke, repro, "zh")
    assert "老旧小区改造109个，超额完成调整后105个的年度目标（原计划115个）" in zh
    en = year_report(invoke, repro, "en")
    assert (
        "Old residential compounds renovated reached 109, exceeding the year's adjusted "
        "target of 105 (plan: 115)"
    ) in en


def test_an_adjusted_work_target_missed_is_marked_in_the_tables(
    invoke,  # type: ignore[no-untyped-def]
    repro: Path,
    tmp_path: Path,
) -> None:
    """Defect 3, the tables: the attention table's bound carries the † the list below explains."""
    ledger = tmp_path / "short.toml"
    shutil.copyfile(repro, ledger)
    run(invoke, ledger, "en", "record", "old_compounds_renovated", "100", "--period", "2022-12")
    zh = year_report(invoke, ledger, "zh")
    assert "| 老旧小区改造 | 坚持建管并重，优化城市品质功能 | 未完成 | 100个 / ≥ 105个† |" in zh
    assert "老旧小区改造（100个，为年度目标105个的95.24%，差5个；目标由115个调整为105个）" in zh


def test_the_dashboard_at_the_years_end_keeps_the_stale_targets_most_behind(
    invoke,  # type: ignore[no-untyped-def]
    full_year: Path,
) -> None:
    """Defect 4: 云南省碳汇交易中心落户官渡 at 10 % (Q3, −90) is the furthest behind of all,
    yet the ten 未完成 rows filled the list."""
    data = json.loads(run(invoke, full_year, "en", "status", "--as-of", "2022-12", "--json"))
    worst = [(row["id"], row["status"], row["pace_gap_pp"]) for row in data["worst"]]
    assert len(worst) == 10
    assert worst[0] == ("carbon_sink_exchange_centre_landed", "behind", -90)
    assert worst[1] == ("sea_regional_hq_base_landed", "missed", -70)
    ids = [row[0] for row in worst]
    assert "sponge_city_area" in ids and "affordable_rental_homes" in ids
    # furthest behind first, missed and stale alike
    paces = [row[2] for row in worst]
    assert paces == sorted(paces)
    table = run(invoke, full_year, "zh", "status", "--as-of", "2022-12")
    assert "carbon_sink_exchange_centre_landed" in table.split("最滞后的工作目标")[1]
    # before the year's end, the order of gap: missed first
    data = json.loads(run(invoke, full_year, "en", "status", "--as-of", "2022-10", "--json"))
    statuses = [row["status"] for row in data["worst"]]
    assert statuses == sorted(statuses, key=["missed", "behind", "at_risk"].index)


def test_the_year_end_overview_counts_the_stale_targets_alike_twice(
    invoke,  # type: ignore[no-untyped-def]
    full_year: Path,
) -> None:
    """Defect 5: 滞后4项 in the first sentence, folded into 未完成15项 in the second."""
    zh = year_report(invoke, full_year, "zh")
    assert "80项目标中，完成57项、滞后4项、未完成17项、无数据2项。" in zh
    assert "按完成率计的55项目标中，完成40项、滞后4项、未完成11项。" in zh
    en = year_report(invoke, full_year, "en")
    assert (
        "Of the 55 targets measured by completion, 40 were met, 4 were behind and 11 were missed."
    ) in en


def test_a_stock_from_its_opening_in_a_sentence_of_its_own(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Defect 2 in the headline sentences' form (a plan with the stock among its headline
    targets), during the year: not 达到95%，完成年度目标（100%）的45.65%."""
    text = (FIXTURES.parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    at = text.index('id = "ftz_reform_tasks_completion"')
    text = text[:at] + text[at:].replace('section = "reform"', 'section = "headline"', 1)
    plan = tmp_path / "plan2022.toml"
    plan.write_text(text, encoding="utf-8")
    args = ("--plan", str(plan))
    recorded = invoke(*args, "record", "ftz_reform_tasks_completion", "95", "--period", "2022-Q3")
    assert recorded.exit_code == 0, recorded.output
    zh = invoke(*args, "--lang", "zh", "report").stdout
    assert (
        "自贸试验区改革试点任务完成率由年初90.8%提高到95%，完成年度提升任务（目标100%）的45.65%，"
        "落后时间进度29.35个百分点"
    ) in zh
    en = invoke(*args, "--lang", "en", "report").stdout
    assert (
        "Completion of the FTZ reform pilot tasks (of 141): 95%, up from 90.8% at the "
        "year's start: 45.65% of the year's rise to the 100%, 29.35 pp behind time progress"
    ) in en
