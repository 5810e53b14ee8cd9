"""`plancli import --skip-unknown` (audit C §2): a 统计局 主要经济指标 table carries indicators the
plan does not track; with the option their rows are left out and listed, never silently, and
every other bad row still refuses the file; without it, the refusal says the option exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.model import Record
from plancli.stores.toml import read_toml_ledger

TABLE = (
    "指标,单位,本月止累计,比上年同期增长(%)\n"
    "一、地区生产总值,亿元,700.2,3.6\n"
    "规模以上工业增加值,亿元,,2.1\n"
    "其中：固定资产投资（不含农户）,亿元,,-3.5\n"
    "社会消费品零售总额,亿元,340.6,3.2\n"
    "一般公共预算收入,亿元,27.3,-8.4\n"
    "城镇调查失业率,%,3.4,\n"
    "城镇常住居民人均可支配收入,元,27650,4.1\n"
)
NAME = "官渡区2022年1-6月主要经济指标.csv"
IMPORTED = {  # the file name's 1-6月 in each target's rhythm: quarterly 2022-Q2, monthly 2022-06
    ("gdp", "2022-Q2"),
    ("fixed_asset_investment", "2022-06"),
    ("retail_sales", "2022-06"),
    ("budget_revenue", "2022-06"),
    ("urban_income", "2022-Q2"),
}


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


@pytest.fixture
def imports(invoke, ledger: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    def run(data: str, *args: str, name: str = NAME):  # type: ignore[no-untyped-def]
        path = tmp_path / name
        path.write_text(data, encoding="utf-8")
        return invoke("--ledger", str(ledger), "import", str(path), *args)

    return run


def records(ledger: Path) -> dict[tuple[str, str], Record]:
    if not ledger.exists():
        return {}
    return {(r.target, r.period): r for r in read_toml_ledger(ledger).records}


def test_without_the_option_the_refusal_says_it_exists(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports(TABLE, "--lang", "en")
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0].endswith(": 2 bad rows; nothing was imported")
    assert lines[1].endswith(
        ":3: unknown target '规模以上工业增加值' in plan guandu-2022; see `plancli targets`"
    )
    assert lines[2].endswith(
        ":7: unknown target '城镇调查失业率' in plan guandu-2022; did you mean 城镇登记失业率 "
        "(unemployment_rate)?"
    )
    assert lines[3] == (
        "hint: 2 of these rows name no target of plan guandu-2022: if they are indicators the "
        "plan does not track, --skip-unknown leaves them out, listed, and imports the rest"
    )
    assert len(lines) == 4
    assert records(ledger) == {}


def test_the_option_skips_and_lists_them_and_imports_the_rest(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports(TABLE, "--skip-unknown", "--lang", "en")
    assert result.exit_code == 0, result.output
    path = str(ledger.parent / NAME)
    assert (
        f"{path}: 2 rows naming no target of plan guandu-2022 skipped (--skip-unknown)\n"
        f"skipped: {path}:3: 规模以上工业增加值\n"
        f"warning: {path}:7: 城镇调查失业率 skipped, no target of the plan; did you mean "
        "城镇登记失业率 (unemployment_rate)? If it is that target, write its name or id and "
        "import again\n"
    ) in result.stderr
    assert "5 new, 0 revised, 0 unchanged of 5 rows" in result.stderr
    assert set(records(ledger)) == IMPORTED


def test_the_json_counts_and_lists_the_skipped_rows(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports(TABLE, "--skip-unknown", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["counts"] == {
        "new": 5,
        "revised": 0,
        "unchanged": 0,
        "rows": 5,
        "figures": 5,
        "kept": 0,
    }
    assert out["skipped"] == [
        {"row": 3, "target": "规模以上工业增加值", "suggestions": []},
        {"row": 7, "target": "城镇调查失业率", "suggestions": ["unemployment_rate"]},
    ]
    assert {(r["target"], r["period"]) for r in out["records"]} == IMPORTED
    assert set(records(ledger)) == IMPORTED


def test_without_unknown_rows_the_json_has_none(imports) -> None:  # type: ignore[no-untyped-def]
    result = imports("target,period,value\ngdp,2022-06,3.6\n", "--skip-unknown", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["skipped"] == []
    assert "skipped" not in result.stderr


def test_every_other_bad_row_still_refuses_the_file(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    # (a growth target's amount in 万元 beside its growth imports the growth since session 40:
    # with no growth there is nothing to take, and the row is refused)
    bad = TABLE.replace("一般公共预算收入,亿元,27.3,-8.4", "一般公共预算收入,万元,273000,")
    bad = bad.replace("社会消费品零售总额,亿元,340.6,3.2", "社会消费品零售总额,亿元,340.6,三点二")
    result = imports(bad, "--skip-unknown", "--lang", "en")
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0].endswith(": 2 bad rows; nothing was imported")
    assert [line.split(":")[1] for line in lines[1:]] == ["5", "6"]  # not the skipped 3 and 7
    assert "hint" not in result.stderr
    assert records(ledger) == {}


def test_a_misspelt_id_is_skipped_with_the_id_it_resembles(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    data = "target,period,value\nretail_sale,2022-06,3.2\ngdp,2022-06,3.6\n"
    result = imports(data, "--skip-unknown", "--lang", "en", name="june.csv")
    assert result.exit_code == 0, result.output
    assert ":2: retail_sale skipped, no target of the plan; did you mean retail_sales?" in (
        result.stderr
    )
    assert set(records(ledger)) == {("gdp", "2022-06")}


def test_a_dry_run_skips_alike_and_writes_nothing(imports, ledger: Path) -> None:  # type: ignore[no-untyped-def]
    result = imports(TABLE, "--skip-unknown", "--dry-run", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "2 rows naming no target of plan guandu-2022 skipped" in result.stderr
    assert "would import" in result.stderr
    assert records(ledger) == {}


def test_in_chinese(imports) -> None:  # type: ignore[no-untyped-def]
    refused = imports(TABLE, "--lang", "zh")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[-1] == (
        "提示：其中 2 行的指标不是计划 guandu-2022 的目标：如果是计划不跟踪的指标，加 "
        "--skip-unknown 可跳过这些行（逐行列出）并导入其余各行"
    )
    result = imports(TABLE, "--skip-unknown", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "跳过2个指标不是计划 guandu-2022 目标的行（--skip-unknown）" in result.stderr
    assert ":3：规模以上工业增加值" in result.stderr
    near_miss = "是否想找 城镇登记失业率（unemployment_rate）？"
    assert f"已跳过“城镇调查失业率”，计划中没有这一目标；{near_miss}" in result.stderr


def test_more_skipped_rows_than_shown(imports) -> None:  # type: ignore[no-untyped-def]
    rows = "".join(f"其他指标{n},2022-06,1\n" for n in range(25))
    data = "指标,期间,数值\n" + rows + "gdp,2022-06,3.6\n"
    result = imports(data, "--skip-unknown", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "25 rows naming no target" in result.stderr
    assert result.stderr.count("skipped: ") == 20
    assert "… and 5 more (import --json lists them all)" in result.stderr


def test_the_texts_naming_no_target_are_found_once_by_resolve_rows() -> None:
    """unknown_rows is given the texts resolve_rows found naming no target (an id, a name, an
    alias or a 合计 names one, or is read past), not every text of the file again: at 100,000
    targets that was 100,000 more lookups on every import."""
    import io

    from plancli.bulletin import resolve_rows
    from plancli.import_skip import unknown_rows
    from plancli.imports import Problems, read_import
    from plancli.plan import load_plan
    from plancli.read_notes import ReadNotes

    plan = load_plan("guandu-2022")
    data = (
        "指标,期间,累计值\nnew_urban_jobs,2022年6月,1.1\n新建5G基站,2022年6月,150\n"
        "规模以上工业增加值,2022年6月,9\n合计,2022年6月,160\n"
    ).encode()
    notes = ReadNotes()
    name, rows, problems = read_import(io.BytesIO(data), "t.csv", notes=notes)
    rows = resolve_rows(plan, name, rows, problems, notes, notes.targets, notes.periods)
    assert notes.unknown == {"规模以上工业增加值"}
    assert [r.row for r in unknown_rows(plan, rows, notes.unknown)] == [4]
    assert unknown_rows(plan, rows, notes.targets) == unknown_rows(plan, rows, notes.unknown)
    assert isinstance(problems, Problems)
