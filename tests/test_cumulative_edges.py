"""A cumulative target is paced against what it is judged by (audits B D9, C D7, session 24).

- 贵州 城镇新增就业60万人左右 at 57.5 is met at its edge (57): the gap row said 完成 and
  −4.17 points behind in one row, measured against 60;
- 官渡 开展1-2个普惠性托育服务试点 at 2 pilots by June read 200 % done, +150 pp, 全年预计4个:
  a range is done within it (100 %), beyond it by its top, and no projection passes the top.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


def _run(invoke, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return re.sub(r"  +", "  ", result.stdout)


def _target(out: str, target: str) -> dict:  # type: ignore[type-arg]
    return next(t for t in json.loads(out)["targets"] if t["id"] == target)


def test_about_x_is_paced_against_its_edge(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gz = ("--plan", "guizhou-2026", "--ledger", str(tmp_path / "gz.toml"))
    _run(invoke, *gz, "record", "new_urban_jobs", "57.5", "--period", "2026-12")
    jobs = _target(_run(invoke, *gz, "gap", "--as-of", "2026", "--json"), "new_urban_jobs")
    assert (jobs["status"], jobs["low"], jobs["completion"], jobs["pace_gap_pp"]) == (
        "met",
        57,
        1.0088,
        0.88,
    )
    row = next(
        r
        for r in _run(invoke, *gz, "--lang", "zh", "gap", "--as-of", "2026").splitlines()
        if "new_urban_jobs" in r
    )
    assert "完成" in row and "-4.17" not in row and "95.83%" not in row
    report = _run(invoke, *gz, "--lang", "zh", "report", "--as-of", "2026")
    assert (
        "城镇新增就业完成57.5万人，完成年度目标（60万人左右，按57万人以上考核）的100.88%，"
        "已完成全年目标。"
    ) in report  # reached at its edge, not 超额完成: 57.5 is short of 60
    en = _run(invoke, *gz, "report", "--as-of", "2026")
    assert "100.88% of the year's about 60 万人 (judged as at least 57 万人)" in en


def test_a_range_of_pilots_is_done_within_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gd = ("--plan", "guandu-2022", "--ledger", str(tmp_path / "gd.toml"))
    _run(invoke, *gd, "record", "childcare_pilots", "2", "--period", "2022-06")
    pilots = _target(_run(invoke, *gd, "gap", "--as-of", "2022-06", "--json"), "childcare_pilots")
    assert (
        pilots["status"],
        pilots["completion"],
        pilots["pace_gap_pp"],
        pilots["projection"],
    ) == (
        "met",
        1,
        50,
        2,
    )
    show = _run(invoke, *gd, "--lang", "zh", "show", "childcare_pilots")
    assert "完成率  100 %" in show and "全年预计  2 个" in show and "200%" not in show
    _run(invoke, *gd, "record", "childcare_pilots", "3", "--period", "2022-12")
    pilots = _target(_run(invoke, *gd, "gap", "--as-of", "2022-12", "--json"), "childcare_pilots")
    assert pilots["completion"] == 1.5  # beyond the range: by its top (3 of 1–2), not 300 %
