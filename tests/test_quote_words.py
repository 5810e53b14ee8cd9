"""Audit D (session 27), a 统计局 reviewer signing off the bundled plans: `validate --source`
gave "0 warnings" to the bundled plans' real targets mis-encoded by hand — D1 an `around`
beside 以内/以上 (浙江's 城镇调查失业率5%以内 as `around = 5`: 5.4 % judged met), D2 a baseline's
sign flipped (北京's PM2.5 下降11.5% as growth = +11.5), D3 a wrong form or unit (甘肃's
提升1个百分点以上 as a level ≥ 1 %, its 1300万吨以上 with unit 亿斤, 上海's GDP base 5.67万亿元 as
5.67 亿元). The report texts are the corpus reports' own sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import CORPUS, REPORTS

from plancli.model import Plan
from plancli.plan import load_plan
from plancli.plan_checks import check_plan

REPO = Path(__file__).parents[1]
DATA = REPO / "data" / "2026"
BUNDLED = [
    *sorted(DATA.glob("*.toml")),
    REPO / "data" / "plan2022.toml",
    REPO / "data" / "plan2021.toml",
]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
CODES = {
    "bound_side_not_in_quote",
    "bound_unit_not_in_quote",
    "bound_scale_not_in_quote",
    "change_typed_as_level",
    "baseline_not_in_source",
}
BEIJING = "细颗粒物年均浓度27微克/立方米、下降11.5%，创有监测记录以来最优水平。"
SHANGHAI = "全市生产总值达到5.67万亿元、增长5.4%，好于预期。"
ZH_AROUND = "第 42 行：目标值（around）5（左右）与原文引用的 '5%以内' 相矛盾：应写 max = 5"
ZH_SIGN = (
    "第 99 行：基期增速（growth）11.5（2025年）：报告中 11.5 仅见于 '下降11.5%'（符号相反）："
    "应写 growth = -11.5"
)


def _mutated(tmp_path: Path, place: str, old: str, new: str) -> Path:
    text = (DATA / f"{place}.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / f"{place}.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def _found(
    path: Path, report: str | None = None, target: str | None = None
) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    findings = check_plan(load_plan(str(path)), report, text)
    if report is not None:  # (a sentence of the report: the other quotes are not in it)
        findings = [f for f in findings if f.code != "quote_not_found"]
    return [(f.code, f.message) for f in findings if target is None or f.target == target]


# ------------------------------------------------------------------ D1: around beside 以内/以上


def test_a_ceiling_typed_as_around_is_warned(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _mutated(tmp_path, "zhejiang", "max = 5\n", "around = 5\n")
    assert _found(plan) == [
        (
            "bound_side_not_in_quote",
            "line 42: around = 5 (about) contradicts its quote's '5%以内': write max = 5",
        )
    ]
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate", "--json")
    assert [f["message"] for f in json.loads(zh.stdout)["findings"]] == [ZH_AROUND]


def test_a_floor_typed_as_around_is_warned(tmp_path: Path) -> None:
    plan = _mutated(tmp_path, "gansu", 'unit = "亿元"\nmin = 10\n', 'unit = "亿元"\naround = 10\n')
    assert _found(plan, target="foreign_trade") == [
        (
            "bound_side_not_in_quote",
            "line 121: around = 10 (about) contradicts its quote's '10%以上': write min = 10",
        )
    ]


# ------------------------------------------------------------------ D2: a baseline's sign


def test_a_falls_baseline_typed_as_a_rise_is_warned(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _mutated(tmp_path, "beijing", "growth = -11.5 }", "growth = 11.5 }")
    assert _found(plan, BEIJING, "pm25") == [
        (
            "baseline_not_in_source",
            "line 99: baseline growth = 11.5 (2025): the report states 11.5 only as "
            "'下降11.5%': write growth = -11.5",  # its line, as a bound's (verify C)
        )
    ]
    assert _found(DATA / "beijing.toml", BEIJING, "pm25") == []  # the bundled −11.5
    # a rise the report states is still found; a minus sign is a fall, a range's dash is not
    assert _found(plan, BEIJING.replace("下降", "上升"), "pm25") == []
    assert _found(DATA / "beijing.toml", BEIJING.replace("下降", "增长-"), "pm25") == []
    assert _found(plan, BEIJING.replace("下降11.5%", "增长5-11.5%"), "pm25") == []
    report = tmp_path / "北京市.txt"
    report.write_text(BEIJING, encoding="utf-8")
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate", "--json", "--source", str(report))
    findings = json.loads(zh.stdout)["findings"]
    said = [
        f["message"] for f in findings if f["code"].startswith("base") and f["target"] == "pm25"
    ]
    assert said == [ZH_SIGN]


# ------------------------------------------------------------------ D3: a form, a unit, a scale


def test_a_change_in_points_typed_as_a_level_is_warned(tmp_path: Path) -> None:
    """58.2 % (a rise of 0.12 pp) was judged to meet 提升1个百分点以上 as a level ≥ 1 %."""
    plan = _mutated(tmp_path, "gansu", 'kind = "change"\n', 'kind = "level"\n')
    assert _found(plan, target="urbanization_rate") == [
        (
            "change_typed_as_level",
            "line 188: kind = \"level\", but its quote's '提升1个百分点以上' is a change in "
            '个百分点: write kind = "change" (its bounds then a rise from the baseline\'s value)',
        )
    ]


def test_a_bound_in_another_unit_is_warned(tmp_path: Path) -> None:
    plan = _mutated(tmp_path, "gansu", 'unit = "万吨"', 'unit = "亿斤"')
    assert _found(plan, target="grain_output") == [
        (
            "bound_unit_not_in_quote",
            "line 218: min = 1300 is in 亿斤, but its quote writes '1300万吨以上': give the "
            "bound in 亿斤, or write unit = '万吨'",
        )
    ]
    # 河南's 1300亿斤 in 亿斤, 天津's 13万人 in 万人, a % growth of an amount in 亿元: no warning
    for name in ("henan", "tianjin", "shanghai"):
        assert [f for f in check_plan(load_plan(f"{name}-2026")) if f.code in CODES] == []


GDP_LEVEL = """
[[targets]]
id = "gdp_level"
section = "headline"
name = "全市生产总值总量"
name_en = "GDP, level"
kind = "level"
unit = "亿元"
min = {}
frequency = "annual"
quote = "全市生产总值达到5.67万亿元"
"""


def test_a_bound_without_its_scale_is_warned(tmp_path: Path) -> None:
    """上海's GDP as a level, 达到5.67万亿元 (the report's 2025 sentence), typed `min = 5.67` in a
    target counted in 亿元 (the bare 5.67 was read as the quote's figure); 56700 passes."""
    text = (DATA / "shanghai.toml").read_text(encoding="utf-8")
    line = text.count("\n") + 9
    for figure, expected in [
        (
            "5.67",
            [
                f"line {line}: min = 5.67 is its quote's '5.67万亿元' without its 万亿: in 亿元, "
                "write min = 56700"
            ],
        ),
        ("56700", []),
    ]:
        plan = tmp_path / "shanghai.toml"
        plan.write_text(text + GDP_LEVEL.format(figure), encoding="utf-8")
        assert [m for _code, m in _found(plan, target="gdp_level")] == expected


def test_a_baseline_without_its_scale_is_warned(tmp_path: Path) -> None:
    """上海's 2025 GDP 5.67万亿元 typed as `value = 5.67` in a target counted in 亿元 (the slip
    the plan file's comment warns of) was read as the report's bare 5.67 and passed."""
    old = 'baseline = { year = 2025, value = 56700, value_text = "5.67万亿元", growth = 5.4 }'
    bare = "baseline = { year = 2025, growth = 5.4 }"  # the plan before session 42
    plan = _mutated(tmp_path, "shanghai", old, bare.replace("growth", "value = 5.67, growth"))
    assert _found(plan, SHANGHAI, "gdp") == [
        (
            "baseline_not_in_source",
            "line 27: baseline value = 5.67 (2025) is the report's '5.67万亿元' without its "
            "万亿: in 亿元, write value = 56700",
        )
    ]
    right = _mutated(tmp_path, "shanghai", old, bare.replace("growth", "value = 56700, growth"))
    assert _found(right, SHANGHAI, "gdp") == []


# ------------------------------------------------------------------ no false warning


@pytest.mark.skipif(not CORPUS.exists() or not SEED.exists(), reason="the corpus is not here")
def test_no_bundled_plan_gets_a_warning_against_its_report() -> None:
    """All 17 bundled plans against their reports: only plan2022's documented roll-up
    warning."""
    found = []
    seed = SEED.read_text(encoding="utf-8")
    for path in BUNDLED:
        name = REPORTS.get(path.stem)
        report = seed if name is None else (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        found += [(path.stem, f.code) for f in check_plan(load_plan(str(path)), report, text)]
    assert found == [("plan2022", "rollup_mismatch")]


# (the corpus's 15 reports and the seed; one test each: xdist spreads the 13 s of drafting)
DRAFTED = [*sorted(CORPUS.glob("*.txt")), SEED] if CORPUS.exists() else [SEED]


@pytest.mark.skipif(not CORPUS.exists() or not SEED.exists(), reason="the corpus is not here")
@pytest.mark.parametrize("source", DRAFTED, ids=lambda path: path.stem)
def test_no_draft_gets_a_warning_against_its_report(source: Path) -> None:
    """Each report's `extract` draft: none of these checks' warnings."""
    from plancli.extract import extract_plan

    text = source.read_text(encoding="utf-8")
    drafted = Plan.model_validate(extract_plan(text).plan)
    assert [(source.stem, f.message) for f in check_plan(drafted, text) if f.code in CODES] == []
