"""Session 32: a figure in 类 that is no class (2.5), kept from before session 30, warned of by
`history` as by `show`; and `gap --json` of a large plan with targets in 类 split in two
processes, its warning and document byte for byte the one process's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from test_leftovers31 import OLD, WARNING, _water

ZH_WARNING = (
    "警告：有 1 个以“类”计的数值不是水质类别（yangtze 2026-03 = 2.5），"
    "是在 plancli 拒收此类数值之前录入的：仍按该数值显示和考核"
)


@pytest.mark.parametrize(
    "args",
    [("history",), ("history", "yangtze"), ("history", "--json"), ("history", "--csv")],
    ids=lambda a: " ".join(a),
)
def test_history_warns_of_an_old_figure_in_lei_as_show_does(
    invoke: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """`history` listed 2.5 类 without a word where `show` warned; now it says the same line
    once, on stderr, whatever the format, and lists the figure as recorded."""
    plan = _water(tmp_path, *OLD)
    result = invoke(*plan, *args)
    assert result.exit_code == 0, result.output
    assert result.stderr == WARNING, result.stderr
    shown = invoke(*plan, "show", "yangtze")
    assert shown.stderr.startswith(WARNING)
    if "--json" in args:
        values = {r["target"]: r["value"] for r in json.loads(result.stdout)["records"]}
        assert values == {"yangtze": 2.5, "gdp": 5.2}
    else:
        assert "2.5" in result.stdout


def test_history_of_another_target_or_a_corrected_figure_says_nothing(
    invoke: Any, tmp_path: Path
) -> None:
    """Only the figures listed count: `history gdp` lists none in 类, and 2.5 corrected to 2
    (Ⅱ类) is a revision, not a figure in force."""
    plan = _water(tmp_path, *OLD)
    assert invoke(*plan, "history", "gdp").stderr == ""
    corrected = _water(tmp_path, *OLD, ("yangtze", "2026-03", "2"))
    result = invoke(*corrected, "history")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    assert "2.5" in result.stdout  # the revision is still listed


def test_history_warns_in_chinese(invoke: Any, tmp_path: Path) -> None:
    result = invoke("--lang", "zh", *_water(tmp_path, *OLD), "history")
    assert result.exit_code == 0
    assert result.stderr.startswith(ZH_WARNING), result.stderr
    assert result.stderr.count("\n") == 1
