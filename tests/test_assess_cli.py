"""`gap` and `show` through the command line: JSON and CSV contracts, filters, exit codes,
and the 2021 review of the bundled plan against its real outcome."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from plancli.assess import CSV_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"

# A month of figures, as an analyst would import them after the June statistics.
JUNE = """target,period,value,amount,note
gdp,2022-Q2,5.0,700,上半年
fixed_asset_investment,2022-06,0.0,,
unemployment_rate,2022-Q2,4.2,,
urban_income,2022-Q2,5.5,,
new_5g_base_stations,2022-06,120,,
external_funds,2022-06,50,,
invest_roads,2022-06,5,,
invest_education,2022-06,7,,
service_centre,2022-06,100,,
"""
DESIGN_FIELDS = (
    "id",
    "name",
    "kind",
    "unit",
    "status",
    "actual",
    "period",
    "gap",
    "completion",
    "time_progress",
    "pace_gap_pp",
    "projection",
    "required_per_month",
    "required_growth_rest",
    "stale",
)


@pytest.fixture
def workspace(tmp_path: Path, invoke) -> Path:  # type: ignore[no-untyped-def]
    """The fixture plan in a temp folder, with June's figures imported into its ledger."""
    plan = tmp_path / "assess.toml"
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    figures = tmp_path / "june.csv"
    figures.write_text(JUNE, encoding="utf-8")
    result = invoke("--plan", str(plan), "import", str(figures))
    assert result.exit_code == 0, result.output
    return plan


def gap_json(invoke, plan: Path | str, *args: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """`gap --json` of a plan file or a bundled plan id; stdout is nothing but JSON."""
    result = invoke("--plan", str(plan), "gap", "--json", *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def by_id(data: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {t["id"]: t for t in data["targets"]}


def test_gap_json_matches_hand_computation(invoke, workspace: Path) -> None:
    result = invoke("--plan", str(workspace), "gap", "--as-of", "2022-06", "--json")
    assert result.exit_code == 0, result.output
    assert result.stdout.lstrip().startswith('{\n  "schema_version": 1')
    assert "引进市外到位资金" in result.stdout  # UTF-8, not \u-escaped
    data = json.loads(result.stdout)
    assert data["plan"] == "assess-2022"
    assert data["as_of"] == "2022-06"
    assert data["time_progress"] == 0.5
    targets = by_id(data)
    for target in targets.values():
        assert set(DESIGN_FIELDS) <= set(target)
    g5 = targets["new_5g_base_stations"]
    assert (g5["status"], g5["completion"], g5["pace_gap_pp"]) == ("behind", 0.3871, -11.29)
    assert (g5["projection"], g5["required_per_month"], g5["gap"]) == (240, 31.67, 190)
    gdp = targets["gdp"]
    assert (gdp["status"], gdp["gap"], gdp["required_growth_rest"]) == ("behind", 2, 8.72)
    funds = targets["external_funds"]
    assert (funds["status"], funds["pace_gap_pp"]) == ("at_risk", -10)
    assert targets["unemployment_rate"]["status"] == "on_track"
    assert targets["fixed_asset_investment"]["status"] == "at_risk"
    assert targets["service_centre"]["status"] == "met"
    assert targets["retail_sales"]["status"] == "no_data"
    assert targets["retail_sales"]["reason"] == "no_record"
    total = targets["investment_total"]
    assert (total["actual"], total["completion"]) == (12, 0.4075)
    # counts of the targets shown
    assert sum(data["counts"].values()) == len(data["targets"]) == 14


def test_gap_is_sorted_worst_first_by_default(invoke, workspace: Path) -> None:
    statuses = [t["status"] for t in gap_json(invoke, workspace)["targets"]]
    rank = ["missed", "behind", "at_risk", "no_data", "on_track", "met"]
    assert statuses == sorted(statuses, key=rank.index)
    plan_order = [t["id"] for t in gap_json(invoke, workspace, "--sort", "plan")["targets"]]
    assert plan_order[:3] == ["gdp", "fixed_asset_investment", "retail_sales"]


def test_gap_filters(invoke, workspace: Path) -> None:
    shown = gap_json(invoke, workspace, "--status", "behind,at_risk")
    assert {t["status"] for t in shown["targets"]} == {"behind", "at_risk"}
    assert shown["counts"]["on_track"] == 0
    assert [t["id"] for t in gap_json(invoke, workspace, "--section", "headline")["targets"]][
        :1
    ] == ["gdp"]
    kinds = {t["kind"] for t in gap_json(invoke, workspace, "--kind", "cumulative")["targets"]}
    assert kinds == {"cumulative"}


def test_gap_csv_has_one_row_per_target_and_the_json_fields(invoke, workspace: Path) -> None:
    result = invoke("--plan", str(workspace), "gap", "--as-of", "2022-06", "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert set(DESIGN_FIELDS) <= set(CSV_COLUMNS)
    assert len(rows) == 14
    g5 = next(r for r in rows if r["id"] == "new_5g_base_stations")
    assert g5["completion"] == "0.3871"
    assert g5["pace_gap_pp"] == "-11.29"
    assert g5["required_per_month"] == "31.67"
    assert g5["projection"] == "240"
    assert g5["stale"] == "false"
    assert g5["name"] == "新建5G基站"
    total = next(r for r in rows if r["id"] == "investment_total")
    assert total["parts"] == "invest_roads;invest_education"
    gdp = next(r for r in rows if r["id"] == "gdp")
    assert gdp["completion"] == ""  # null → empty cell
    assert gdp["required_growth_rest"] == "8.72"


def test_fail_on(invoke, workspace: Path) -> None:
    behind = invoke("--plan", str(workspace), "gap", "--fail-on", "behind")
    assert behind.exit_code == 1
    assert "新建5G基站" in behind.stdout or "New 5G" in behind.stdout  # the table still prints
    assert invoke("--plan", str(workspace), "gap", "--fail-on", "missed").exit_code == 0
    # only the targets shown count
    shown = invoke(
        "--plan", str(workspace), "gap", "--section", "livelihood", "--fail-on", "behind,at_risk"
    )
    assert shown.exit_code == 0
    as_json = invoke("--plan", str(workspace), "gap", "--json", "--fail-on", "behind")
    assert as_json.exit_code == 1
    json.loads(as_json.stdout)  # still clean JSON


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--fail-on", "late"), "valid: met, on_track, at_risk, behind, missed, no_data"),
        (("--status", "behind,nope"), "unknown status nope"),
        (("--as-of", "2022-13"), "malformed period"),
        (("--as-of", "2021-06"), "outside the plan year"),
        (("--section", "nowhere"), "unknown section"),
        (("--kind", "vibes"), "unknown kind"),
        (("--sort", "best"), "choose worst or plan"),
        (("--json", "--csv"), "choose one of --json and --csv"),
    ],
)
def test_bad_input_exits_2(invoke, workspace: Path, args: tuple[str, ...], message: str) -> None:
    result = invoke("--plan", str(workspace), "gap", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_bad_ledger_exits_3(invoke, workspace: Path) -> None:
    workspace.with_name("assess.progress.toml").write_text("[[records]\n", encoding="utf-8")
    result = invoke("--plan", str(workspace), "gap")
    assert result.exit_code == 3
    assert "assess.progress.toml" in result.stderr


def test_without_records_everything_is_no_data(invoke, mini_plan: Path) -> None:
    data = gap_json(invoke, mini_plan)
    assert data["as_of"] is None and data["time_progress"] is None
    assert {t["status"] for t in data["targets"]} == {"no_data"}
    table = invoke("--plan", str(mini_plan), "gap")
    assert table.exit_code == 0
    assert "No figures recorded yet" in table.stdout


def test_gap_table(invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    result = invoke("--plan", str(workspace), "gap", "--as-of", "2022-06")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "time progress" in out and "50%" in out
    line = next(line for line in out.splitlines() if "New 5G" in line)
    for figure in (
        "new_5g_base_stations",
        "120/310 个",
        "190 个",
        "38.71%",
        "-11.29",
        "32 个/mo",
    ):
        assert figure in line
    # At 80 columns the ids (up to 35 characters) stay whole on a line of their own (cards):
    # the gap, pace and completion stay, as at 72 columns (a table beside the ids left them
    # out, a wider terminal showing less: session 29).
    monkeypatch.setenv("COLUMNS", "80")
    narrow = invoke("--plan", str(workspace), "gap", "--as-of", "2022-06").stdout
    assert max(len(line) for line in narrow.splitlines()) <= 80
    lines = narrow.splitlines()
    at = next(i for i, line in enumerate(lines) if "new_5g_base_stations" in line)
    card = " ".join(lines[at : at + 3])
    for figure in ("120/310 个", "32 个/mo", "190 个", "-11.29", "38.71%"):
        assert figure in card
    ids = [
        a["id"]
        for a in json.loads(invoke("--plan", str(workspace), "gap", "--json").stdout)["targets"]
    ]
    # each id whole, beside the figures or on a line of its own
    assert all(re.search(rf"^ {i}( |$)", narrow, re.MULTILINE) for i in ids)
    monkeypatch.setenv("COLUMNS", "140")
    zh = invoke("--plan", str(workspace), "--lang", "zh", "gap", "--as-of", "2022-06").stdout
    assert "时间进度" in zh and "完成率" in zh and "差距" in zh
    line = next(line for line in zh.splitlines() if "新建5G基站" in line)
    assert "滞后" in line and "120/310个" in line and "190个" in line and "32个/月" in line
    for word in ("存在风险", "正常推进", "完成", "无数据"):
        assert word in zh


def test_a_strict_bound_short_by_nothing_shows_a_gap_above_zero(
    invoke, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixed-asset investment at 0.0 % against 正增长 (> 0): at risk, and its gap is more than
    nothing however little: the table, `show` and the report's table say > 0 (before: 0, beside
    a red status); the JSON keeps the number 0 and the status."""
    monkeypatch.setenv("COLUMNS", "140")
    for lang in ("en", "zh"):
        out = invoke("--plan", str(workspace), "--lang", lang, "gap", "--as-of", "2022-06")
        line = next(x for x in out.stdout.splitlines() if "fixed_asset_investment" in x)
        assert line.rstrip().endswith("> 0 pp" if lang == "en" else "> 0个百分点"), line
    shown = invoke("--plan", str(workspace), "show", "fixed_asset_investment").stdout
    assert re.search(r"gap\s+> 0 pp", shown), shown
    report = invoke("--plan", str(workspace), "report", "--as-of", "2022-06").stdout
    assert "> 0 pp" in report
    row = next(
        a
        for a in json.loads(invoke("--plan", str(workspace), "gap", "--json").stdout)["targets"]
        if a["id"] == "fixed_asset_investment"
    )
    assert (row["gap"], row["status"]) == (0, "at_risk")


# --------------------------------------------------------------------- the 2021 review

REVIEW_2021 = {
    "gdp": ("missed", 0.3),  # 0.3 % against a planned 8 %
    "budget_revenue": ("met", 5.2),  # vs 3.5 %
    "fixed_asset_investment": ("no_data", None),  # the report gives no growth figure
    "retail_sales": ("met", 11.6),  # vs 6 %
    "urban_income": ("met", 9.2),  # vs GDP 0.3 %
    "rural_income": ("met", 9.3),
    "unemployment_rate": ("met", 3.02),  # ≤ 5 %
}


def test_the_2021_review_reproduces_the_reports_verdict(invoke) -> None:
    data = gap_json(invoke, "guandu-2021")
    assert data["plan"] == "guandu-2021"
    assert data["as_of"] == "2021" and data["time_progress"] == 1
    judged = {t["id"]: (t["status"], t["actual"]) for t in data["targets"]}
    assert judged == REVIEW_2021
    targets = by_id(data)
    assert targets["gdp"]["gap"] == 7.7  # 8 − 0.3, exact
    assert targets["gdp"]["amount"] == 1441.37
    assert targets["urban_income"]["reference_actual"] == 0.3
    assert targets["fixed_asset_investment"]["reason"] == "no_record"
    assert [t["id"] for t in data["targets"]][:2] == ["gdp", "fixed_asset_investment"]


def test_the_2021_review_fails_on_missed(invoke) -> None:
    result = invoke("--plan", "guandu-2021", "gap", "--fail-on", "missed")
    assert result.exit_code == 1
    assert invoke("--plan", "guandu-2021", "gap", "--fail-on", "behind").exit_code == 0


def test_the_2021_review_in_chinese(invoke) -> None:
    result = invoke("--plan", "guandu-2021", "--lang", "zh", "gap")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "地区生产总值" in line)
    assert "未完成" in line and "0.3%/≥8%" in line and "7.7" in line
    fai = next(line for line in result.stdout.splitlines() if "固定资产投资" in line)
    assert "无数据" in fai


# ------------------------------------------------------------------------------ show


def test_show_has_the_assessment_and_history(invoke, workspace: Path) -> None:
    figures = workspace.with_name("july.csv")
    figures.write_text("target,period,value\nnew_5g_base_stations,2022-06,125\n", "utf-8")
    assert invoke("--plan", str(workspace), "import", str(figures)).exit_code == 0
    result = invoke("--plan", str(workspace), "show", "new_5g_base_stations", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["target"]["id"] == "new_5g_base_stations"
    assert data["as_of"] == "2022-06"
    assert data["assessment"]["actual"] == 125  # the revision in force
    assert data["assessment"]["completion"] == 0.4032
    assert [(r["value"], r["current"]) for r in data["history"]] == [(120, False), (125, True)]
    table = invoke("--plan", str(workspace), "show", "new_5g_base_stations").stdout
    assert "assessment" in table and "40.32 %" in table and "125" in table
    earlier = invoke(
        "--plan", str(workspace), "show", "external_funds", "--as-of", "2022-03", "--json"
    )
    assert json.loads(earlier.stdout)["assessment"]["status"] == "no_data"


def test_show_says_in_step_is_a_floor(invoke, workspace: Path) -> None:
    """同步 is shown `≈` beside GDP's growth but is met by anything down to it less the
    tolerance, and by anything above: `show` says where that floor is (GDP 5.0 %, ±1 pp)."""
    shown = invoke("--plan", str(workspace), "show", "urban_income").stdout
    assert "≈ 5.0 %" in shown  # GDP recorded 5.0: its places
    assert "1 pp (in step at 4 % or more)" in shown
    zh = invoke("--plan", str(workspace), "--lang", "zh", "show", "urban_income").stdout
    assert "（不低于 4 % 即为同步）" in zh
    # a ceiling-free relation has no such floor to tell: 高于 is `>` already
    assert "in step at" not in invoke("--plan", str(workspace), "show", "gdp").stdout


LEDGERS = ["plan.progress.toml", "plan.progress.sqlite"]


def record_figures(invoke, plan: Path, ledger: Path, *figures: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    for period, value in figures:
        args = ("--plan", str(plan), "--ledger", str(ledger), "record", "new_5g_base_stations")
        result = invoke(*args, value, "--period", period)
        assert result.exit_code == 0, result.output


def gap_and_show(invoke, plan: Path, ledger: Path) -> tuple[dict, dict]:  # type: ignore[no-untyped-def,type-arg]
    args = ("--plan", str(plan), "--ledger", str(ledger))
    gap = invoke(*args, "gap", "--json")
    shown = invoke(*args, "show", "new_5g_base_stations", "--json")
    assert gap.exit_code == 0 and shown.exit_code == 0, gap.output + shown.output
    return by_id(json.loads(gap.stdout))["new_5g_base_stations"], json.loads(shown.stdout)


@pytest.mark.parametrize("ledger_name", LEDGERS)
def test_a_month_recorded_after_its_quarter_is_the_figure_in_force(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, ledger_name: str
) -> None:
    """The reviewer's case: 160 for Q2, then 170 for June as a correction. One position
    (the end of June), one figure: the one recorded last, in gap and in show alike."""
    plan, ledger = tmp_path / "assess.toml", tmp_path / ledger_name
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    record_figures(invoke, plan, ledger, ("2022-Q2", "160"), ("2022-06", "170"))
    g5, show = gap_and_show(invoke, plan, ledger)
    assert (g5["actual"], g5["period"]) == (170, "2022-06")
    assert show["as_of"] == "2022-06" and show["assessment"]["actual"] == 170
    assert [(r["period"], r["current"]) for r in show["history"]] == [
        ("2022-Q2", False),
        ("2022-06", True),
    ]


@pytest.mark.parametrize("ledger_name", LEDGERS)
def test_a_quarter_revised_after_the_month_is_the_figure_in_force(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, ledger_name: str
) -> None:
    plan, ledger = tmp_path / "assess.toml", tmp_path / ledger_name
    shutil.copyfile(FIXTURES / "assess.toml", plan)
    figures = (("2022-Q2", "160"), ("2022-06", "170"), ("2022-Q2", "165"))
    record_figures(invoke, plan, ledger, *figures)
    g5, show = gap_and_show(invoke, plan, ledger)
    assert [r["current"] for r in show["history"]] == [False, False, True]
    assert show["assessment"]["actual"] == 165  # show judges the full records
    assert (g5["actual"], g5["period"]) == (165, "2022-Q2")  # gap judges the stores' figures


def test_schema_has_gap_and_status(invoke) -> None:
    for name in ("gap", "status"):
        result = invoke("schema", name)
        assert result.exit_code == 0, result.output
        schema = json.loads(result.stdout)
        assert "schema_version" in schema["properties"]
    gap = json.loads(invoke("schema", "gap").stdout)
    fields = gap["$defs"]["AssessmentOut"]["properties"]
    assert set(DESIGN_FIELDS) <= set(fields)


def test_gap_help_names_every_status_it_takes(invoke) -> None:  # type: ignore[no-untyped-def]
    """`--status` takes pending and tracked (a 2026 plan's 待下达 and 跟踪), but its help
    listed the six statuses of the 2022 plan only."""
    from plancli.assess.select import CHOICES

    text = " ".join(invoke("gap", "--help").stdout.split())
    # session 43: every choice of the table --status takes, seasonal (year_average) too
    listed = text.split("Only these statuses:")[1].split(" (or")[0].split(".")[0]
    shown = ["seasonal" if c == "year_average" else c for c in CHOICES]
    assert [s.strip() for s in listed.split(",")] == shown


def test_kind_help_does_not_pass_for_the_whole_list(invoke) -> None:  # type: ignore[no-untyped-def]
    """`--kind` takes nine kinds (change, trend, indicator, ongoing: a 2026 plan's); its help
    named five as if they were all."""
    from plancli.plain import KINDS

    text = " ".join(invoke("gap", "--help").stdout.split())
    listed = text.split("Only this kind:")[1].split("--")[0].strip().rstrip(".")
    named = [kind.strip() for kind in listed.split(",")]
    assert named == list(KINDS) or (named[-1] == "…" and set(named[:-1]) < set(KINDS))


@pytest.mark.parametrize(
    "typed", ["滞后,存在风险", "滞后，存在风险", "滞后、存在风险", "behind,at risk"]
)
def test_statuses_as_the_tables_show_them(invoke, typed: str) -> None:  # type: ignore[no-untyped-def]
    """A Chinese table says 滞后 and 存在风险: `gap --status 滞后` (and `--fail-on 滞后`) was
    refused as an unknown status, listing only the JSON's words (behind, at_risk)."""
    from plancli.assess.select import parse_statuses

    assert parse_statuses(typed) == ("at_risk", "behind")
    result = invoke("--lang", "zh", "gap", "--status", "滞后、存在风险", "--fail-on", "滞后")
    assert result.exit_code == 0, result.stderr  # the bundled ledger is empty: nothing behind
    refused = invoke("--lang", "zh", "gap", "--status", "落后")
    assert refused.exit_code == 2
    assert "behind（滞后）" in refused.stderr


def test_a_section_by_the_name_the_tables_show(invoke) -> None:  # type: ignore[no-untyped-def]
    """status and gap name sections in Chinese (主要预期目标): `gap --section 主要预期目标` was
    refused as unknown, listing only ids (headline, industry…)."""
    by_name = invoke("--lang", "zh", "targets", "--section", "主要预期目标", "--json")
    by_id = invoke("--lang", "zh", "targets", "--section", "headline", "--json")
    assert by_name.exit_code == 0, by_name.stderr
    assert json.loads(by_name.stdout)["targets"] == json.loads(by_id.stdout)["targets"]
    assert invoke("--lang", "zh", "gap", "--section", "主要预期目标").exit_code == 0
    refused = invoke("--lang", "zh", "targets", "--section", "主要目标")
    assert refused.exit_code == 2
    assert "headline（主要预期目标）" in refused.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 100])
def test_gap_never_folds_a_reference_id_in_the_middle(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, width: int
) -> None:  # type: ignore[no-untyped-def]
    """Before the national figures are out, Shaanxi's 不低于全国平均水平 targets show their
    reference's id as the bound; at 80 columns `gap` folded it, `5%/≥national_fai_gro` over
    `wth`, an id nobody can type back. It breaks after the `/` instead: the figure on one
    line, the bound whole under it. (At 60 columns, with the name under the id, the 26
    columns of `surveyed_unemployment_rate` leave no room for `>national_income_growth`
    whole: there it still folds, as the last resort.) FAI's own figure in, its reference's
    not: `5%/≥ref.` (`≥参照`), the legend naming the reference (docs/status-rules.md)."""
    ledger = str(tmp_path / "sx.progress.toml")
    base = ("--plan", "shaanxi-2026", "--ledger", ledger)
    assert invoke(*base, "record", "fixed_asset_investment", "5", "-p", "2026-06").exit_code == 0
    monkeypatch.setenv("COLUMNS", str(width))
    result = invoke(*base, "--lang", lang, "gap")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= width
    ids = re.findall(r"[a-z_]*national_[a-z_]*|[a-z_]+_national", result.stdout)
    assert set(ids) == {"national_fai_growth", "national_income_growth", "resident_income_national"}
    # whole: the id in English (its name is longer than the column takes), the name in
    # Chinese since session 33 (it was the id `>national_income_growth` there too)
    reference = ">national_income_growth" if lang == "en" else "—/>全国居民收入增速"
    assert reference in result.stdout
    awaited = "5%/≥ref." if lang == "en" else "5%/≥参照"
    assert awaited in result.stdout
    legend = " ".join(" ".join(result.stdout.split("\n\n")[-1].split()).split())
    assert (
        "ref.: National fixed-asset investment growth, not yet out for 2026-06" in legend
        if lang == "en"
        else "参照：全国固定资产投资增速同期（2026年6月）尚无数据" in legend
    )
    # a bound that fits stays beside its figure, on the target's own line
    budget = next(line for line in lines if line.startswith(" budget_revenue"))
    assert budget.rstrip().endswith("—/≥3%")
