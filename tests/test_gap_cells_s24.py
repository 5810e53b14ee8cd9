"""The cells of `gap` and `status` found misleading by session 24's user audits:

- audit M D7: a milestone's shortfall (30 % done of 100 %) is 70 个百分点 / 70 pp, as the report
  (差20个百分点) and the same row's need (11.67个百分点/月) say, not `70%`;
- audit K D7: an X左右 target's 差距 is measured from the edge it is judged at (甘肃 GDP 5.5%左右
  at ≥ 5, 贵州 城镇新增就业60万人左右 at ≥ 57), so the target cell names that edge, as `show`
  (`≈ 5.5 %，按 ≥ 5 % 考核`) and the report's sentence do.

Real values: the bundled plans guandu-2022, gansu-2026, guizhou-2026 and the auditors' figures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


def squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def row(text: str, start: str) -> str:
    rows = [line for line in squeezed(text) if line.startswith(start)]
    assert rows, text
    return rows[0]


@pytest.fixture
def call(tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """`call(plan, *args, lang=, columns=)`: plancli's stdout, with a ledger per plan."""
    monkeypatch.chdir(tmp_path)

    def run(plan: str, *args: str, lang: str = "zh", columns: int = 200) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        ledger = tmp_path / f"{plan}.progress.toml"
        result = invoke("--lang", lang, "--plan", plan, "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    return run


# ------------------------------------------------ audit M D7: a milestone's gap in points


def test_milestone_gap_is_in_points(call: Callable[..., str]) -> None:
    call("guandu-2022", "record", "metaverse_demo_base_landed", "30", "--period", "2022-Q2")
    zh = row(call("guandu-2022", "gap", "--as-of", "2022-06"), "metaverse_demo_base_landed")
    assert "30%/100% 70个百分点 30% -20 11.67个百分点/月" in zh
    en = row(call("guandu-2022", "gap", "--as-of", "2022-06", lang="en"), "metaverse")
    assert "30%/100% 70 pp 30%" in en
    show = call("guandu-2022", "show", "metaverse_demo_base_landed", "--as-of", "2022-06")
    assert "差距          70 个百分点" in show
    call("guandu-2022", "record", "metaverse_demo_base_landed", "80", "--period", "2022")
    year_end = row(call("guandu-2022", "gap", "--as-of", "2022-12"), "metaverse_demo_base_landed")
    assert "未完成 80%/100% 20个百分点 80%" in year_end
