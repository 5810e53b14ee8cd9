"""Session 28: the seed cut at 20 characters a line (a copy re-wrapped narrow). Its section
heading `(二)坚持建管并重,优化城市品质功能` is 18 characters, two short of the width, and was
read as a full line of the paragraph below: `着力服务保障COP15大会第二阶段会议` ran on from the
heading and was no milestone, so the later `全力服务保障好COP15大会第二阶段会议` was drafted in its
place, last of its section, every id after the first renumbered."""

from __future__ import annotations

import re
from typing import Any

import pytest
from tests.conftest import REPORT

from plancli.extract import extract_plan

pytestmark = pytest.mark.skipif(not REPORT.exists(), reason="the seed report is not here")


def _wrapped(text: str, width: int) -> str:
    lines = []
    for line in text.split("\n"):
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return "\n".join(lines)


def _targets(text: str) -> list[dict[str, Any]]:
    """The drafted targets, their quotes without the copy's line breaks."""
    return [
        {**t, "quote": re.sub(r"\s", "", t["quote"])} if "quote" in t else t
        for t in extract_plan(text).plan["targets"]
    ]


def test_a_section_heading_short_of_a_narrow_width_is_a_line_of_its_own() -> None:
    seed = REPORT.read_text(encoding="utf-8")
    assert "\n(二)坚持建管并重,优化城市品质功能\n" in seed  # 18 characters
    clean = _targets(seed)
    first = next(t for t in clean if t["id"] == "w2_m01")
    assert first["name"] == "服务保障COP15大会第二阶段会议"
    assert first["quote"] == "着力服务保障COP15大会第二阶段会议"
    assert _targets(_wrapped(seed, 20)) == clean
