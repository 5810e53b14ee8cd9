"""A hand-written bound whose sign or side contradicts the words of its quote (audit W D1–D3,
a 区发改局 analyst writing 昆明市西山区's 2026 plan by hand): `validate` passed them silently
and the target was judged the wrong way round (energy use per unit of GDP rising 2% met a
下降3%以上 target; GDP growing 6.2% missed 5%—5.5%，努力争取更好结果; unemployment at 6.5%
met 控制在5.5%以内)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.plan import load_plan
from plancli.plan_checks import check_plan

REPO = Path(__file__).parents[1]
XISHAN = REPO / "tests" / "fixtures" / "xishan-2026.toml"
REPORT = REPO / "tests" / "fixtures" / "xishan-2026-report.txt"
BUNDLED = [
    *sorted((REPO / "data" / "2026").glob("*.toml")),
    REPO / "data" / "plan2022.toml",
    REPO / "data" / "plan2021.toml",
]
NEW_CODES = {
    "bound_side_not_in_quote",
    "band_top_is_aim",
    "range_one_side",
    "baseline_year_not_before_plan",
    "plan_year_of_baselines",
    "shared_name",
}
UNEMP_CHANGE = """
[[targets]]
id = "unemp_change"
section = "headline"
name = "城镇调查失业率变动"
name_en = "Change of the surveyed unemployment rate"
kind = "change"
unit = "%"
{bound}
baseline = {{ year = 2025, value = 5.1 }}
frequency = "monthly"
quote = "城镇调查失业率比上年下降0.2个百分点"
"""


def _xishan(tmp_path: Path, old: str, new: str, name: str = "xishan.toml") -> Path:
    text = XISHAN.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    plan = tmp_path / name
    plan.write_text(text.replace(old, new), encoding="utf-8")
    return plan


def _findings(invoke, plan: Path) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    result = invoke("--plan", str(plan), "validate", "--json", "--source", str(REPORT))
    assert result.exit_code == 0, result.stderr
    return [(f["code"], f["target"], f["message"]) for f in json.loads(result.stdout)["findings"]]


def test_the_hand_written_plan_itself_is_clean(invoke) -> None:  # type: ignore[no-untyped-def]
    assert _findings(invoke, XISHAN) == []


def test_a_decline_target_with_a_negative_bound_is_an_error(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """D1: `decline = true` with `min = -3` read "a fall of at least −3": a 2% rise was met."""
    plan = _xishan(tmp_path, "min = 3\ndecline = true", "min = -3\ndecline = true")
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert "line 181: target energy_intensity: a 下降 (decline) target's min is the size of " in (
        result.stderr
    )
    assert "write min = 3 (下降3%), not min = -3" in result.stderr
    # every command loading the plan refuses it, not only validate
    assert invoke("--plan", str(plan), "targets").exit_code == 3


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (  # D2: 下降3%以上 typed as a growth floor of −3: a 2% rise was met
            "min = 3\ndecline = true",
            "min = -3",
            (
                "bound_side_not_in_quote",
                "energy_intensity",
                "line 188: min = -3 (a floor) contradicts its quote's '下降3%以上': write "
                "max = -3 (or decline = true, min = 3)",
            ),
        ),
        (  # D3: 7%以上 typed as max: over-delivery would be missed
            "min = 7\nstretch = 8",
            "max = 7",
            (
                "bound_side_not_in_quote",
                "industrial_value_added",
                "line 71: max = 7 (a ceiling) contradicts its quote's '7%以上': write min = 7",
            ),
        ),
        (  # D3: 力争8% typed as max: 8.6% was missed
            "stretch = 8",
            "max = 8",
            (
                "bound_side_not_in_quote",
                "industrial_value_added",
                "line 72: max = 8 (a ceiling) contradicts its quote's '力争8%': write stretch = 8",
            ),
        ),
        (  # D3: 控制在5.5%以内 typed as min: 6.5% unemployment was met
            "max = 5.5\nbaseline = { year = 2025, value = 5.1 }",
            "min = 5.5\nbaseline = { year = 2025, value = 5.1 }",
            (
                "bound_side_not_in_quote",
                "surveyed_unemployment_rate",
                "line 149: min = 5.5 (a floor) contradicts its quote's '5.5%以内': write max = 5.5",
            ),
        ),
        (  # D3: 5%—5.5%，努力争取更好结果 typed as a band: GDP growing 6.2% 差0.7个百分点
            "stretch = 5.5",
            "max = 5.5",
            (
                "band_top_is_aim",
                "gdp",
                "line 32: max = 5.5 is a ceiling, but its quote '地区生产总值增长5%—5.5%，努力"
                "争取更好结果' asks for more (争取更好): a higher aim, not a ceiling: write "
                "stretch = 5.5, not max",
            ),
        ),
        (  # a range 5%—5.5% of which only one side is kept
            "min = 5\nstretch = 5.5\n",
            "min = 5\n",
            (
                "range_one_side",
                "gdp",
                "line 24: its quote reads 5—5.5, but the plan keeps only min = 5: write both "
                "(min = 5 and stretch = 5.5, or max = 5.5)",
            ),
        ),
    ],
)
def test_a_bound_contradicting_its_quotes_words_is_warned(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, old: str, new: str, expected: tuple[str, str, str]
) -> None:
    assert _findings(invoke, _xishan(tmp_path, old, new)) == [expected]


@pytest.mark.parametrize(
    ("bound", "message"),
    [
        ("min = -0.2", "line 413: min = -0.2 (a floor) contradicts its quote's '下降0.2个百分点'"),
        ("max = 0.2", "line 413: max = 0.2 (a ceiling) contradicts its quote's '下降0.2个百分点'"),
    ],
)
def test_a_fall_in_points_typed_as_a_rise_is_warned(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, bound: str, message: str
) -> None:
    """D2: 下降0.2个百分点 typed `min = -0.2` (rise ≥ −0.2) or `max = 0.2`: 5.3% (+0.2) was met."""
    text = XISHAN.read_text(encoding="utf-8") + UNEMP_CHANGE.format(bound=bound)
    plan = tmp_path / "xishan.toml"
    plan.write_text(text, encoding="utf-8")
    assert _findings(invoke, plan) == [
        ("bound_side_not_in_quote", "unemp_change", message + ": write max = -0.2")
    ]
    plan.write_text(XISHAN.read_text(encoding="utf-8") + UNEMP_CHANGE.format(bound="max = -0.2"))
    assert _findings(invoke, plan) == []  # the right encoding


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_no_bundled_plan_gets_a_new_warning(path: Path) -> None:
    """Every bundled plan loads (no decline with a negative bound) and none of its bounds
    contradicts its quote's words: 0 new warnings on all 17."""
    text = path.read_text(encoding="utf-8")
    assert [f for f in check_plan(load_plan(str(path)), None, text) if f.code in NEW_CODES] == []


def test_a_fall_in_points_reads_as_a_fall(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """D9: 下降0.2个百分点 rightly typed `max = -0.2` read `rise ≤ -0.2 pp` / `提高 ≤ -0.2
    个百分点`, a double negative, in targets, show, gap, status and the report's tables."""
    text = XISHAN.read_text(encoding="utf-8") + UNEMP_CHANGE.format(bound="max = -0.2")
    plan = tmp_path / "xishan.toml"
    plan.write_text(text, encoding="utf-8")
    en = invoke("--plan", str(plan), "show", "unemp_change")
    zh = invoke("--plan", str(plan), "--lang", "zh", "show", "unemp_change")
    assert "fall ≥ 0.2 pp" in en.stdout and "rise" not in en.stdout
    assert "下降 ≥ 0.2 个百分点" in zh.stdout and "提高 ≤" not in zh.stdout
    from decimal import Decimal

    from plancli.fmt import bound_text

    target = load_plan(str(plan)).target("unemp_change")
    assert target is not None
    band = target.model_copy(update={"min": Decimal("-0.5"), "max": Decimal("-0.2")})
    assert bound_text(band, None, "en") == "fall 0.2–0.5 pp"
    rise = target.model_copy(update={"min": Decimal("0.5"), "max": None})
    assert bound_text(rise, None, "en") == "rise ≥ 0.5 pp"  # unchanged


RETAIL = ("around = 6\n", 'quote = "社会消费品零售总额增长6%左右"')


def _sides(invoke, plan: Path) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [f for f in _findings(invoke, plan) if f[0] in NEW_CODES]  # the quote is not in REPORT


def _retail_status(invoke, plan: Path, growth: str) -> str:  # type: ignore[no-untyped-def]
    ledger = plan.with_name(f"{plan.stem}-{growth}.progress.toml")
    base = ("--plan", str(plan), "--ledger", str(ledger))
    assert invoke(*base, "record", "retail_sales", growth, "--period", "2026").exit_code == 0
    result = invoke(*base, "gap", "--as-of", "2026", "--json")
    assert result.exit_code == 0, result.stderr
    [row] = [t for t in json.loads(result.stdout)["targets"] if t["id"] == "retail_sales"]
    return row["status"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "quote",
    [
        "社会消费品零售总额下降幅度控制在5%以内",
        "社会消费品零售总额降幅控制在5%以内",
        "社会消费品零售总额跌幅不超过5%",
        "社会消费品零售总额下降不超过5%",
    ],
)
def test_a_fall_of_at_most_x_is_not_turned_into_a_ceiling_on_growth(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, quote: str
) -> None:
    """N1 (session 27): 下降幅度控制在5%以内 rightly typed `min = -5` (growth ≥ −5) was told to
    become `max = 5`, which judges a 20% fall as met. The fall's words are read wherever the
    quote states them about the figure, and the advice is checked against the judging: after
    it, a fall of 3% is met and a fall of 20% is not."""
    text = XISHAN.read_text(encoding="utf-8").replace(RETAIL[1], f'quote = "{quote}"')
    right = tmp_path / "right.toml"
    right.write_text(text.replace(RETAIL[0], "min = -5\n"), encoding="utf-8")
    assert _sides(invoke, right) == []  # no advice to turn the right bound round
    assert _retail_status(invoke, right, "-3") == "met"
    assert _retail_status(invoke, right, "-20") != "met"
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(text.replace(RETAIL[0], "max = 5\n"), encoding="utf-8")
    assert _retail_status(invoke, wrong, "-20") == "met"  # what the old advice led to
    [(code, target, message)] = _sides(invoke, wrong)
    assert (code, target) == ("bound_side_not_in_quote", "retail_sales")
    assert message.startswith("line 85: max = 5 (a ceiling) contradicts its quote's '")
    assert message.endswith(": write min = -5 (or decline = true, max = 5)")
    # both the advice and its alternative judge as the quote means
    for fix in ("min = -5\n", "decline = true\nmax = 5\n"):
        fixed = tmp_path / "fixed.toml"
        fixed.write_text(text.replace(RETAIL[0], fix), encoding="utf-8")
        assert _sides(invoke, fixed) == []
        assert _retail_status(invoke, fixed, "-3") == "met"
        assert _retail_status(invoke, fixed, "-20") != "met"
        for ledger in tmp_path.glob("fixed-*"):
            ledger.unlink()


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "max = 5.5\nbaseline = { year = 2025, value = 5.1 }",
            "min = 5.5\nbaseline = { year = 2025, value = 5.1 }",
            149,
        ),
        ("min = 3\ndecline = true", "min = -3", 188),
        ("stretch = 5.5", "max = 5.5", 32),
    ],
)
def test_a_side_warning_names_the_bounds_line_in_chinese_too(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, old: str, new: str, line: int
) -> None:
    """N2 (session 27): the line was found from the message's first word, `下限（min）5.5` in
    zh, so the zh warning cited the [[targets]] header (第 142 行) where en cited line 149."""
    plan = _xishan(tmp_path, old, new)
    en = invoke("--plan", str(plan), "validate", "--source", str(REPORT))
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate", "--source", str(REPORT))
    assert f"line {line}:" in en.stderr + en.stdout
    assert f"第 {line} 行" in zh.stderr + zh.stdout


def test_a_fall_in_points_reads_as_a_fall_in_the_reports_sentence(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """W D9 / N6 (session 27): the tables read `下降 ≥ 0.2 个百分点`, but the report's sentence
    still wrote the bound as a bare negative per cent: `低于-0.2%的控制目标`, `target (-0.2%)`."""
    text = XISHAN.read_text(encoding="utf-8") + UNEMP_CHANGE.format(bound="max = -0.2")
    plan = tmp_path / "xishan.toml"
    plan.write_text(text, encoding="utf-8")
    base = ("--plan", str(plan), "--ledger", str(tmp_path / "l.progress.toml"))

    def sentences(value: str) -> tuple[str, str]:
        assert invoke(*base, "record", "unemp_change", value, "-p", "2026-12").exit_code == 0
        zh = invoke(*base, "--lang", "zh", "report").stdout
        en = invoke(*base, "--lang", "en", "report").stdout
        assert "-0.2%" not in zh + en
        return zh, en

    zh, en = sentences("4.8")
    assert "城镇调查失业率变动为4.8%，比上年下降0.3个百分点，达到下降0.2个百分点的目标。" in zh
    assert "down 0.3 pp on the year before, meeting the target of a fall of 0.2 pp." in en
    zh, en = sentences("5.0")
    assert "down 0.1 pp on the year before, 0.1 pp above the target (a fall of 0.2 pp)." in en
