"""`amend --from 2022`: a whole year reads two ways, so it is refused naming both (session 35).

An analyst read `--from 2026` as "all of 2026"; plancli applied it from the year's end
(2026-12), so `status` in July still judged the plan's bound. Guandu 2022's GDP (增长7%以上,
the seed report's year figure 0.3 %) is the target; a ledger holding an amendment stored
from `2022` keeps its meaning (from 2022-12).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GUANDU = "guandu-2022"


@pytest.fixture
def run(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "work.progress.toml"

    def call(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--plan", GUANDU, "--ledger", str(ledger), *args)

    call.ledger = ledger  # type: ignore[attr-defined]
    return call


def gdp_at(run, as_of: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    result = run("gap", "--as-of", as_of, "--json")
    assert result.exit_code == 0, result.stderr
    [row] = [t for t in json.loads(result.stdout)["targets"] if t["id"] == "gdp"]
    return row  # type: ignore[no-any-return]


@pytest.mark.parametrize("typed", ["2022", "2022年", "全年", "2022年全年", " 2022 "])
def test_a_whole_year_is_refused_naming_both_readings(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    result = run("amend", "gdp", "--min", "6", "--from", typed)
    assert result.exit_code == 2
    shown = typed.strip()
    assert result.stderr == (
        f"error: --from {shown} names the whole year, which reads two ways: for every figure "
        "of 2022 give --from 2022-01; for the year's figure only, --from 2022-12 (年末)\n"
    )
    assert not run.ledger.exists()  # nothing written


def test_the_refusal_in_chinese(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--lang", "zh", "amend", "gdp", "--min", "6", "--from", "2022")
    assert result.exit_code == 2
    assert result.stderr == (
        "错误：--from 2022 指全年，有两种读法：2022年的每个数据都按新目标考核，请写 --from "
        "2022-01；只对全年数据，请写 --from 2022-12（年末）\n"
    )


@pytest.mark.parametrize("typed", ["年末", "2022年末", "年底", "12月", "2022-12"])
def test_the_years_end_written_as_such_is_taken(run, typed: str) -> None:  # type: ignore[no-untyped-def]
    result = run("amend", "gdp", "--min", "6", "--from", typed)
    assert result.exit_code == 0, result.stderr
    assert "\namended gdp from 2022-12: ≥ 6 % (was ≥ 7 %, the plan's) in " in result.stderr
    assert gdp_at(run, "2022-06")["bound"] == "≥ 7 %"  # July's status: still the plan's
    assert gdp_at(run, "2022")["bound"] == "≥ 6 %"
    shown = json.loads(run("show", "gdp", "--json").stdout)
    assert [a["period"] for a in shown["amendments"]] == ["2022-12"]  # not `2022`: its month


def test_from_january_judges_the_whole_year(run) -> None:  # type: ignore[no-untyped-def]
    assert run("record", "gdp", "0.3", "--period", "2022").exit_code == 0  # the seed's 0.3 %
    result = run("amend", "gdp", "--min", "6", "--from", "2022-01", "--note", "年中调整")
    assert result.exit_code == 0, result.stderr
    june = gdp_at(run, "2022-06")
    assert (june["bound"], june["amended_from"]) == ("≥ 6 %", "2022-01")
    year = gdp_at(run, "2022")
    assert (year["bound"], year["status"], year["gap"]) == ("≥ 6 %", "missed", 5.7)


def test_a_ledger_amended_from_2022_keeps_its_meaning(run) -> None:  # type: ignore[no-untyped-def]
    """Written by an earlier plancli as `period = "2022"`: still applies from 2022-12."""
    assert run("amend", "gdp", "--min", "6", "--from", "2022-12").exit_code == 0
    text = run.ledger.read_text(encoding="utf-8")
    assert text.count('period = "2022-12"') == 1
    run.ledger.write_text(text.replace('period = "2022-12"', 'period = "2022"'), encoding="utf-8")
    assert gdp_at(run, "2022-06")["bound"] == "≥ 7 %"
    year = gdp_at(run, "2022")
    assert (year["bound"], year["amended_from"]) == ("≥ 6 %", "2022")
