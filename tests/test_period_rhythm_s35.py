"""A bulletin's period stored in its target's rhythm (session 35, `period_rhythm`), on the
bundled plan guandu-2022 in every ledger store: the 月报's `1-6月` for GDP (quarterly) is the
`2022-Q2` that `template` writes and `record -p 2022-Q2` stores, not a `2022-06` beside it in
`history`; retail sales (monthly) stays `2022-06`. A ledger an older plancli wrote, holding
GDP's June as `2022-06`, is read as it was and its figure superseded by a new `2022-Q2` one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guandu import ledger_fixture, run_fixture  # noqa: F401 (the fixtures ledger, run)
from ledgers import Ledger, read_records
from plancli.period_rhythm import is_code, written_period

# The seed report's first half: GDP 5.0 % (700 亿元), 社零 6.5 % (330.8 亿元), 150 5G stations.
JUNE = "指标,期间,累计增长,累计值,来源\n地区生产总值,1-6月,{gdp},{amount},区统计局\n" + (
    "社会消费品零售总额,1-6月,6.5,330.8,区统计局\n新建5G基站,1-6月,,150,区工信局\n"
)


def bulletin(gdp: str = "5.0", amount: str = "700") -> dict[str, str]:
    return {"june.csv": JUNE.format(gdp=gdp, amount=amount)}


def periods_of(ledger: Ledger) -> dict[str, list[tuple[str, str]]]:
    """Each target's (period, value) records, in the order written."""
    found: dict[str, list[tuple[str, str]]] = {}
    for record in read_records(ledger):
        found.setdefault(record.target, []).append((record.period, str(record.value)))
    return found


def figures(run: Callable[..., Any]) -> dict[str, tuple[str, object, object]]:
    """gap --json: each target with a figure → its period, actual and amount."""
    document = json.loads(run("gap", "--json").stdout)
    return {
        t["id"]: (t["period"], t["actual"], t.get("amount"))
        for t in document["targets"]
        if t["actual"] is not None
    }


@pytest.mark.parametrize(
    ("frequency", "text", "stored"),
    [
        ("quarterly", "1-6月", "2022-Q2"),
        ("quarterly", "2022年6月", "2022-Q2"),
        ("quarterly", "上半年", "2022-Q2"),
        ("quarterly", "二季度末", "2022-Q2"),
        ("quarterly", "2022Q2", "2022-Q2"),
        ("quarterly", "全年", "2022-Q4"),
        ("quarterly", "1-5月", "2022-05"),  # no quarter ends in May: as the bulletin says
        ("monthly", "上半年", "2022-06"),
        ("monthly", "一季度", "2022-03"),
        ("monthly", "1-6月", "2022-06"),
        ("annual", "全年", "2022"),
        ("annual", "1-12月", "2022"),
        ("annual", "上半年", "2022-H1"),  # 夏粮: a part of the year, as it was
        # plancli's own periods and a date (Excel's cell for a typed 2022-06): as typed
        ("quarterly", "2022-06", "2022-06"),
        ("quarterly", "２０２２-０６", "2022-06"),
        ("quarterly", "2022/6/30", "2022-06"),
        ("monthly", "2022-Q2", "2022-Q2"),
        ("annual", "2022-12", "2022-12"),
        # outside the plan year: as written, for the plan-year check to refuse by its name
        ("quarterly", "2021年6月", "2021-06"),
        ("quarterly", "2021年12月", "2021-12"),
    ],
)
def test_a_written_period_in_the_targets_rhythm(frequency: str, text: str, stored: str) -> None:
    assert str(written_period(text, frequency, 2022)) == stored


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2022-06", True),
        ("2022-Q2", True),
        ("2022", True),
        ("２０２２－Ｑ２", True),
        ("2022 - 06", True),
        ("2022/6/1", True),
        ("2022-06-30 00:00:00", True),
        ("2022年6月1日", True),
        ("二〇二二年六月三十日", True),  # a date in numerals is a date, as 2022年6月30日 is
        ("2022.1-6", False),  # a bulletin's months (period_ranges), though it looks dated
        ("2022.1—6", False),
        ("２０２２．１－６", False),
        ("2022-6", False),
        ("2022Q2", False),
        ("2022年6月", False),
        ("1-6月", False),
        ("上半年", False),
    ],
)
def test_what_is_plancli_s_code(text: str, code: bool) -> None:
    assert is_code(text) is code


def test_the_bulletin_the_template_and_record_spell_one_position_alike(
    run: Callable[..., Any], ledger: Ledger, tmp_path: Path
) -> None:
    imported = run("import", "june.csv", files=bulletin())
    assert imported.exit_code == 0, imported.stderr
    assert periods_of(ledger) == {
        "gdp": [("2022-Q2", "5.0")],
        "retail_sales": [("2022-06", "6.5")],
        "new_5g_base_stations": [("2022-Q2", "150")],
    }
    template = run("template", "-p", "2022-06", "t.csv")
    assert template.exit_code == 0, template.stderr
    rows = (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(row.startswith("gdp,2022-Q2,") for row in rows)
    assert any(row.startswith("retail_sales,2022-06,") for row in rows)
    corrected = run("record", "gdp", "5.1", "-p", "2022-Q2", "--amount", "702")
    assert corrected.exit_code == 0, corrected.stderr
    # the figure it supersedes has its own period: none named beside it
    assert "supersedes 5.0% (amount 700 亿元) recorded" in corrected.stderr, corrected.stderr
    assert "2022-06's" not in corrected.stderr
    history = json.loads(run("history", "gdp", "--json").stdout)["records"]
    assert [(r["period"], r["value"]) for r in history] == [("2022-Q2", 5), ("2022-Q2", 5.1)]
    again = run("import", "june.csv", files=bulletin())  # the daily job: the correction stays
    assert again.exit_code == 0, again.stderr
    assert "gdp 2022-Q2: the file's 5.0% (amount 700 亿元) was superseded" in again.stderr
    assert "1 kept out" in again.stderr
    assert figures(run)["gdp"] == ("2022-Q2", 5.1, 702)


def test_a_ledger_with_the_old_spelling_is_read_and_superseded(
    run: Callable[..., Any], ledger: Ledger
) -> None:
    """The ledger 0c892514 wrote from the 月报: GDP's and the 5G stations' June as 2022-06 (as
    `record -p 2022-06` still writes it: plancli's own period is kept as typed)."""
    for target, value, amount, source in (
        ("gdp", "5.0", "700", "区统计局"),
        ("retail_sales", "6.5", "330.8", "区统计局"),
        ("new_5g_base_stations", "150", "", "区工信局"),
    ):
        extra = ("--amount", amount) if amount else ()
        done = run("record", target, value, "-p", "2022-06", "--source", source, *extra)
        assert done.exit_code == 0, done.stderr
    before = figures(run)
    assert before == {
        "gdp": ("2022-06", 5, 700),
        "retail_sales": ("2022-06", 6.5, 330.8),
        "new_5g_base_stations": ("2022-06", 150, None),
    }
    status_before = run("status", "--json").stdout
    newer = run("import", "june.csv", files={"june.csv": JUNE.format(gdp="5.1", amount="702")})
    assert newer.exit_code == 0, newer.stderr
    # GDP's new figure revises the old 2022-06 one; retail sales and the 5G count are the same
    assert "0 new, 1 revised, 2 unchanged of 3 rows" in newer.stderr, newer.stderr
    assert figures(run) == {  # one figure in force a position: nothing counted twice
        "gdp": ("2022-Q2", 5.1, 702),
        "retail_sales": ("2022-06", 6.5, 330.8),
        "new_5g_base_stations": ("2022-06", 150, None),
    }
    assert run("status", "--json").stdout != status_before
    history = json.loads(run("history", "gdp", "--json").stdout)["records"]
    assert [(r["period"], r["value"]) for r in history] == [("2022-06", 5), ("2022-Q2", 5.1)]
    shown = run("history", "gdp")
    assert shown.stdout.count("*") == 2  # the one in force, and the legend
    report = run("report", "--as-of", "2022-06", lang="zh").stdout
    assert "地区生产总值累计增长5.1%" in report and "累计增长5%" not in report
    # the old bulletin again: its 5.0% was superseded at the position, kept out
    old = run("import", "june.csv", files=bulletin())
    kept_out = "gdp 2022-Q2: the file's 5.0% (amount 700 亿元) was superseded"
    assert kept_out in old.stderr, old.stderr
    assert "1 kept out" in old.stderr
    preview = run("undo", "--dry-run")
    assert "2022-06's 5.0%" in preview.stdout, preview.stdout
    assert run("undo", "--yes").exit_code == 0
    assert figures(run) == before
    assert run("status", "--json").stdout == status_before


def test_ledger_convert_keeps_each_spelling(invoke: Any, tmp_path: Path) -> None:
    """TOML → SQLite → TOML: an old 2022-06 and a new 2022-Q2 record of one position, byte for
    byte as they were."""
    toml = tmp_path / "a.progress.toml"
    plan = ("--plan", "guandu-2022", "--ledger", str(toml))
    assert invoke(*plan, "record", "gdp", "5.0", "-p", "2022-06").exit_code == 0
    assert invoke(*plan, "record", "gdp", "5.1", "-p", "1-6月").exit_code == 0
    database, back = tmp_path / "b.progress.sqlite", tmp_path / "c.progress.toml"
    assert invoke("ledger", "convert", str(toml), str(database)).exit_code == 0
    assert invoke("ledger", "convert", str(database), str(back)).exit_code == 0
    assert back.read_bytes() == toml.read_bytes()
    assert [(r.period, str(r.value)) for r in read_records(back)] == [
        ("2022-06", "5.0"),
        ("2022-Q2", "5.1"),
    ]
