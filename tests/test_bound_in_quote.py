"""`validate` compares each bound with the figures of the target's own quote: a bound mistyped
in a plan (Shanghai's GDP `around = 5.5` beside "全市生产总值增长5%左右") validated clean, even
with `--source`, since the quote was still in the report."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from plancli.plan import load_plan
from plancli.plan_checks import check_plan, quoted_figures

REPO = Path(__file__).parents[1]
BUNDLED = [
    *sorted((REPO / "data" / "2026").glob("*.toml")),
    REPO / "data" / "plan2022.toml",
    REPO / "data" / "plan2021.toml",
]


def test_a_bound_its_quote_does_not_state_is_warned(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (REPO / "data" / "2026" / "shanghai.toml").read_text(encoding="utf-8")
    assert text.count("\naround = 5\n") == 1
    plan = tmp_path / "shanghai.toml"
    plan.write_text(text.replace("\naround = 5\n", "\naround = 5.5\n"), encoding="utf-8")
    result = invoke("--plan", str(plan), "validate", "--json")
    assert result.exit_code == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["target"], f["message"]) for f in findings] == [
        (
            "bound_not_in_quote",
            "gdp",
            "around = 5.5 is not a figure of its quote '全市生产总值增长5%左右'",
        )
    ]
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate")
    # the bound in words, its key in brackets (it read `around = 5.5 不是…`)
    said = "目标值（around）5.5 不是其原文引用“全市生产总值增长5%左右”中的数字"
    assert "".join(said.split()) in "".join((zh.stdout + zh.stderr).split())  # (wrapped)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_bound_is_a_figure_of_its_quote(path: Path) -> None:
    codes = [f for f in check_plan(load_plan(str(path))) if f.code == "bound_not_in_quote"]
    assert codes == []


@pytest.mark.parametrize(
    ("quote", "unit", "figure"),
    [
        ("粮食产量1.4万亿斤左右", "亿斤", "14000"),  # 万亿 read in 亿斤
        ("城镇新增就业2.3万人", "万人", "2.3"),
        ("固定资产投资1.2亿元", "万元", "12000"),
        ("空气质量优良率保持在９８．５％以上", "%", "98.5"),  # full-width
        ("完成投资1,053.8亿元", "亿元", "1053.8"),
        ("增长5%—5.5%", "%", "5.5"),
    ],
)
def test_figures_are_read_in_the_targets_unit(quote: str, unit: str, figure: str) -> None:
    from decimal import Decimal

    assert Decimal(figure) in quoted_figures(quote, unit)


def test_chinese_names_each_bound_in_words_its_key_in_brackets() -> None:
    """The Chinese messages of a bound named TOML keys where a sentence wants words:
    `around = 5.5 不是…`, `min（310）> max（300）`, `stretch（4.5）没有超过…`."""
    import gettext

    from plancli.i18n import LOCALE_DIR
    from plancli.plan_checks import _NOT_QUOTED

    with (LOCALE_DIR / "zh" / "LC_MESSAGES" / "plancli.mo").open("rb") as handle:
        zh = gettext.GNUTranslations(handle).gettext
    words = {"min": "下限", "max": "上限", "around": "目标值", "stretch": "争取目标"}
    for bound, message in _NOT_QUOTED.items():
        assert zh(message).format(value="5.5", quote="增长5%左右") == (
            f"{words[bound]}（{bound}）5.5 不是其原文引用“增长5%左右”中的数字"
        )
    assert zh("min ({min}) > max ({max})").format(min=310, max=300) == (
        "下限（min）310 大于上限（max）300"
    )
    stretch = zh("stretch ({stretch}) is not beyond the bound ({nominal})")
    assert stretch.format(stretch=4.5, nominal=5) == "争取目标（stretch）4.5 没有超过目标值 5"


def test_a_bound_of_last_years_figure_passes_where_the_quote_measures_against_it(
    tmp_path: Path,
) -> None:
    """河南's 粮食产量1300亿斤以上、力争比去年实现更多增长: the stretch is 2025's output,
    1350.97亿斤, the baseline the review states; a quote without 比去年 still has it warned."""
    henan = load_plan(str(REPO / "data" / "2026" / "henan.toml"))
    grain = next(t for t in henan.targets if t.id == "grain_output")
    assert (grain.min, grain.stretch, grain.baseline and grain.baseline.value) == (
        1300,
        Decimal("1350.97"),
        Decimal("1350.97"),
    )
    assert [f for f in check_plan(henan) if f.code == "bound_not_in_quote"] == []
    text = (REPO / "data" / "2026" / "henan.toml").read_text(encoding="utf-8")
    plain = text.replace('、力争比去年实现更多增长"', '"')
    assert plain != text
    plan = tmp_path / "henan.toml"
    plan.write_text(plain, encoding="utf-8")
    found = [f.message for f in check_plan(load_plan(str(plan))) if f.code == "bound_not_in_quote"]
    assert found == ["stretch = 1350.97 is not a figure of its quote '粮食产量1300亿斤以上'"]
