"""The English overview counts the statuses in one tense (audit P, D10): at the year's end
"of the 10 targets 5 are met and 5 were missed" mixed the present and the past; the year's
report is in the past, a report during the year in the present. Real values: the audit's
reproduction on sichuan-2026 (新增就业 88.6万人 and CPI 1.1 % for the year) and the bundled
2021 review (guandu-2021).
"""

from __future__ import annotations

from pathlib import Path


def _overview(invoke, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke(*args, "--lang", "en", "report", "-f", "md")
    assert result.exit_code == 0, result.output
    first = result.stdout.split("## Summary\n\n", 1)[1].split("\n", 1)[0]
    return first.split(". ", 1)[0].removesuffix(".")  # type: ignore[no-any-return]


def test_the_years_report_counts_in_the_past(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = ("--plan", "sichuan-2026", "--ledger", str(tmp_path / "sichuan.progress.toml"))
    for args in (("new_urban_jobs", "88.6"), ("cpi", "1.1")):
        assert invoke(*plan, "record", *args, "--period", "2026-12").exit_code == 0
    assert _overview(invoke, *plan) == (
        "For the whole of 2026 (time progress 100%), of the 10 targets 1 was met, "
        "1 was off its band, 3 awaited their targets (pending) and 5 had no data"
    )
    assert _overview(invoke, "--plan", "guandu-2021") == (
        "For the whole of 2021 (time progress 100%), of the 7 targets 5 were met, 1 was missed "
        "and 1 had no data"
    )


def test_a_report_during_the_year_counts_in_the_present(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = ("--plan", "sichuan-2026", "--ledger", str(tmp_path / "sichuan.progress.toml"))
    assert invoke(*plan, "record", "new_urban_jobs", "46.8", "--period", "2026-06").exit_code == 0
    assert invoke(*plan, "record", "cpi", "1.0", "--period", "2026-06").exit_code == 0
    assert _overview(invoke, *plan) == (
        "As of June 2026 (time progress 50%), of the 10 targets 1 is on track, 1 is off its band, "
        "3 await their targets (pending) and 5 have no data yet"
    )
