"""Audit D (session 27) D4, D5: the Chinese tables. D4: `status --lang zh` at 100-104 columns
cut 河南's recorded grain output (`1351.2345…`, `1350.97亿…`) beside its wide bound
`≥ 1300亿斤（力争高于上年1350.97亿斤）`, though a figure is never cut (docs/chinese.md); at 99
and 105 it was whole. D5: `targets --lang zh` wrote a stretch in half-width brackets
(`≥ 5 % (争取 5.5 %)`) where `show`, `status` and `gap` write full-width ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from tests.screens import caller, row


@pytest.fixture
def call(tmp_path: Path, invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    return caller(tmp_path, invoke, monkeypatch, lang="zh", columns=100)


@pytest.mark.parametrize("figure", ["1350.97", "1351.2345"])
def test_chinese_status_keeps_a_figure_whole_beside_a_wide_bound(
    call: Callable[..., str], figure: str
) -> None:
    call("henan-2026", "record", "grain_output", figure, "--period", "2026")
    for columns in range(96, 110):
        out = call("henan-2026", "status", "--as-of", "2026", columns=columns)
        # (on the card's line under its id since session 38 where the name beside the
        # figures would break: `粮食产量` whole beside the id)
        line = out.split("grain_output", 1)[1].split("co2_intensity", 1)[0]
        assert f"{figure}亿斤" in line, (columns, out)
        assert "…" not in out, (columns, out)
        assert max(cell_len(x) for x in out.splitlines()) <= columns


def test_chinese_targets_writes_a_stretch_in_full_width_brackets(
    call: Callable[..., str],
) -> None:
    # 浙江's 5.5 is the top of its range (增长5%—5.5%): the range, no bracket (audit R, D1;
    # before: `≥ 5 %（争取 5.5 %）`); 河南's 力争 line keeps its full-width bracket
    zhejiang = row(call("zhejiang-2026", "targets", columns=120), "gdp")
    assert "5%—5.5%" in zhejiang and "争取" not in zhejiang
    henan = row(call("henan-2026", "targets", columns=120), "grain_output")
    # figure and unit together inside the bracket (verify C), as ≈ 5 %（≥4.5%）
    assert "≥ 1300 亿斤（力争高于上年1350.97亿斤）" in henan
    english = row(call("henan-2026", "targets", lang="en", columns=120), "grain_output")
    assert "(" in english and "（" not in english  # English keeps ASCII brackets
