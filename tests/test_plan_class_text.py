"""A plan's bound typed as the report writes a water class (`max = "Ⅲ类"`): told the number to
write, where it said only that the text is no decimal (session 30, the verifier's left item)."""

from __future__ import annotations

from pathlib import Path

import pytest

_CLASS_TARGET = """
[[targets]]
id = "water_class"
section = "{section}"
name = "国控断面水质"
name_en = "Water quality of the national sections"
kind = "level"
unit = "类"
max = {bound}
quote = "国控断面水质保持Ⅲ类"
"""


@pytest.mark.parametrize(
    ("lang", "bound", "expected"),
    [
        ("en", '"Ⅲ类"', "'Ⅲ类' is a water class; a plan writes its number, in unit 类: max = 3"),
        ("zh", '"Ⅲ类"', "'Ⅲ类' 是水质类别；计划中写其数字，单位为 类：max = 3"),
        (
            "en",
            '"劣Ⅴ类"',
            "'劣Ⅴ类' is a water class; a plan writes its number, in unit 类: max = 6",
        ),
    ],
)
def test_a_class_typed_as_the_report_writes_it_is_told_its_number(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, lang: str, bound: str, expected: str
) -> None:
    text = mini_plan.read_text(encoding="utf-8")
    section = text.split('section = "', 1)[1].split('"', 1)[0]
    mini_plan.write_text(text + _CLASS_TARGET.format(section=section, bound=bound), "utf-8")
    result = invoke("--lang", lang, "--plan", str(mini_plan), "validate")
    assert result.exit_code == 3, result.stdout
    assert expected in result.stderr, result.stderr
    assert "water_class" in result.stderr


def test_the_class_as_its_number_is_valid(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    text = mini_plan.read_text(encoding="utf-8")
    section = text.split('section = "', 1)[1].split('"', 1)[0]
    mini_plan.write_text(text + _CLASS_TARGET.format(section=section, bound="3"), "utf-8")
    result = invoke("--plan", str(mini_plan), "validate")
    assert result.exit_code == 0, result.stderr
