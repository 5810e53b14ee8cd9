"""Audit C of the mid-year report (the 时间过半、任务过半 report on guandu-2022 as of 2022-06),
its presentation defects: the HTML chart of an amended target (§5), the † footnote of `gap`
and `status` (§10), the Chinese cells of ongoing, zero and range targets (§11) and what a
count of indivisible things needs a month (§12).

Real values: the bundled plan guandu-2022 and the audit's half-year figures (续建道路项目 39,
片区学校 16, 零就业家庭 0, 托育试点 1, 总部企业 0 of 3, 街道养老服务中心 1 of 3, 保障性租赁
住房 2300 of 5457 套, 老旧小区 46 of 115), amended as the audit amended them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GUANDU = "guandu-2022"
JUNE = [
    ("road_projects_continuing", "39"),
    ("schools_under_construction", "16"),
    ("zero_employment_families", "0"),
    ("childcare_pilots", "1"),
    ("headquarters_enterprises", "0"),
    ("street_elderly_care_centres", "1"),
    ("affordable_rental_homes", "2300"),
    ("old_compounds_renovated", "46"),
    ("new_5g_base_stations", "142"),
]


@pytest.fixture
def ledger(invoke, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "plan2022.progress.toml"
    for target, value in JUNE:
        result = invoke(
            "--plan", GUANDU, "--ledger", str(path), "record", target, value, "--period", "2022-06"
        )
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def run(invoke, ledger: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def call(*args: str, lang: str = "zh", width: int = 130) -> str:
        monkeypatch.setenv("COLUMNS", str(width))
        result = invoke("--plan", GUANDU, "--ledger", str(ledger), "--lang", lang, *args)
        assert result.exit_code == 0, result.output
        return str(result.stdout)

    return call


def row_of(out: str, target: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(f" {target} "))


# ------------------------------------------------- §11: the Chinese cell rule, every row


@pytest.mark.parametrize(
    ("target", "cell"),
    [
        ("road_projects_continuing", "39/≥39个（推进中）"),
        ("schools_under_construction", "16/≥16个（推进中）"),
        ("zero_employment_families", "0/≤0户"),
        ("childcare_pilots", "1/1–2个"),
        ("old_compounds_renovated", "46/115个"),
    ],
)
def test_gap_writes_ongoing_zero_and_range_cells_as_every_chinese_cell(run, target, cell) -> None:  # type: ignore[no-untyped-def]
    """`39/≥39 个 (推进中)`, `0/≤0 户`, `1/1–2 个` beside `46/115个`: a space before the unit
    and ASCII brackets in four rows of a Chinese table; English keeps its spaced form."""
    assert f" {cell} " in row_of(run("gap"), target)
    if target == "road_projects_continuing":
        assert " 39/≥39 个 (under way) " in row_of(run("gap", lang="en"), target)
