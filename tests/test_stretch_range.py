"""浙江 增长5%—5.5%，在实际工作中努力争取更好结果 (audit P, D6): `gap` wrote the aim without its
unit (`≥5%（争取5.5）`), and the report said `尚未实现5.5%的争取目标`, a 争取 line the plan never
set: 5.5 is the top of its range (min 5, stretch 5.5; docs/forms.md). Real values: the audit's
reproduction on zhejiang-2026, GDP 5.2 % in the first half.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from plancli.ranges import states_range, stretch_is_range_top


def test_zhejiang_gdp_in_its_range_is_said_as_the_plan_states_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "zhejiang.progress.toml"

    def run(*args: str) -> str:
        result = invoke("--plan", "zhejiang-2026", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run("record", "gdp", "5.2", "--period", "上半年")
    gap = run("--lang", "zh", "gap")
    # the range as the plan states it, never a 争取 line it does not set (audit R, D1)
    assert "5.2%/5%—5.5%" in gap and "争取" not in gap
    assert "5%–5.5%" in run("--lang", "en", "gap") and "aim" not in run("--lang", "en", "gap")
    gdp = next(t for t in json.loads(run("gap", "--json"))["targets"] if t["id"] == "gdp")
    assert gdp["bound"] == "5 %–5.5 %"
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "全省生产总值累计增长5.2%，处于5%—5.5%的目标区间内。" in zh
    assert "争取目标" not in zh.split("## 主要预期目标", 1)[0]
    assert "| 全省生产总值 | 5%—5.5% | 5.2% |" in zh and "争取" not in zh
    en = run("--lang", "en", "report", "-f", "md")
    assert "grew 5.2% year to date, within the target range of 5%–5.5%." in en
    run("record", "gdp", "5.8", "--period", "2026-Q3")
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "全省生产总值累计增长5.8%，超过5%—5.5%的目标区间上沿0.3个百分点。" in zh
    en = run("--lang", "en", "report", "-f", "md")
    assert "grew 5.8% year to date, 0.3 pp beyond the top of the target range of 5%–5.5%." in en
    assert "higher aim" not in en.split("## Headline targets", 1)[0]
    gdp = next(t for t in json.loads(run("gap", "--json"))["targets"] if t["id"] == "gdp")
    assert (gdp["stretch_is_range_top"], gdp["stretch_met"]) == (True, True)


@pytest.mark.parametrize(
    "quote",
    [
        "全省生产总值增长5%—5.5%，在实际工作中努力争取更好结果",
        "地区生产总值增长5—5.5%",
        "地区生产总值增长5%-5.5%",
        "地区生产总值增长5%～5.5%",
        "地区生产总值增长5%至5.5%",
        "地区生产总值增长5%到5.5%",
        "地区生产总值增长５％—５．５％",  # full-width figures
        "地区生产总值增长5.0%——5.50%",  # a double dash; figures compared as numbers
    ],
)
def test_a_quote_stating_the_range_makes_the_stretch_its_top(quote: str) -> None:
    assert states_range(quote, D(5), D("5.5"))
    assert stretch_is_range_top((quote,), D(5), None, None, D("5.5"))


@pytest.mark.parametrize(
    ("quote", "low", "top"),
    [
        ("地区生产总值增长7%以上，力争8%", "7", "8"),  # a floor with a 争取 line of its own
        ("一般公共预算收入增长6.5%以上，争取7%", "6.5", "7"),
        ("地区生产总值增长5%—5.5%", "5", "6"),  # another range than min—stretch
        ("地区生产总值增长15%—5.5%", "5", "5.5"),  # 15 is not 5
        ("地区生产总值增长5%—5.55%", "5", "5.5"),
        (None, "5", "5.5"),  # no quote: nothing states a range
    ],
)
def test_a_quote_without_the_range_keeps_the_stretch_a_line_of_its_own(
    quote: str | None, low: str, top: str
) -> None:
    assert not states_range(quote, D(low), D(top))
    assert not stretch_is_range_top((quote,), D(low), None, None, D(top))


def test_only_a_floor_and_its_stretch_make_a_range() -> None:
    quote = "增长5%—5.5%"
    assert not stretch_is_range_top((quote,), D(5), D(6), None, D("5.5"))  # a max too
    assert not stretch_is_range_top((quote,), None, None, D(5), D("5.5"))  # 5%左右
    assert not stretch_is_range_top((quote,), D(5), None, None, None)  # no stretch


FLOOR_PLAN = """\
[plan]
id = "floor-2026"
name = "某市2026年经济社会发展主要预期目标"
name_en = "A city's 2026 targets"
year = 2026

[[sections]]
id = "headline"
name = "主要预期目标"
name_en = "Headline targets"

[[targets]]
id = "gdp"
section = "headline"
name = "地区生产总值"
name_en = "GDP"
kind = "growth"
unit = "亿元"
min = 7
stretch = 8
frequency = "quarterly"
quote = "地区生产总值增长7%以上，力争8%"
"""


def test_a_floor_with_a_line_of_its_own_is_no_range(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """增长7%以上，力争8% (min 7, stretch 8, as `extract` drafts it) read as the range 7%—8%:
    处于7%—8%的目标区间内 at 7.2, with no word of the 8% the plan strives for."""
    plan = tmp_path / "floor.toml"
    plan.write_text(FLOOR_PLAN, encoding="utf-8")

    def run(*args: str) -> str:
        result = invoke("--plan", str(plan), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run("record", "gdp", "7.2", "--period", "上半年")
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "地区生产总值累计增长7.2%，达到7%以上的目标，尚未实现8%的争取目标。" in zh
    assert "区间" not in zh and "7%—8%" not in zh
    assert "| 地区生产总值 | ≥ 7%（争取8%） | 7.2% |" in zh
    en = run("--lang", "en", "report", "-f", "md")
    assert (
        "GDP grew 7.2% year to date, meeting the target of at least 7%, not yet its higher aim "
        "of 8%." in en
    )
    assert "range" not in en
    assert "7.2%/≥7%（争取8%）" in run("--lang", "zh", "gap")  # the bound cells: as before
    assert "7.2%/≥7% (aim 8%)" in run("--lang", "en", "gap")
    gdp = next(t for t in json.loads(run("gap", "--json"))["targets"] if t["id"] == "gdp")
    assert (gdp["bound"], gdp["stretch_is_range_top"]) == ("≥ 7 % (aim 8 %)", False)

    run("record", "gdp", "8.3", "--period", "2026-Q3")
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "地区生产总值累计增长8.3%，达到7%以上的目标并实现争取目标。" in zh
    assert "区间" not in zh
    en = run("--lang", "en", "report", "-f", "md")
    assert "GDP grew 8.3% year to date, meeting the target of at least 7% and its higher aim." in en


def test_an_amendment_stating_its_range_is_worded_as_one(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The range of an adjusted bound is read from the amendment's note; the plan's own
    bound (原计划) from the plan's quote."""
    plan = tmp_path / "floor.toml"
    plan.write_text(FLOOR_PLAN, encoding="utf-8")

    def run(*args: str) -> str:
        result = invoke("--plan", str(plan), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run(
        "amend",
        "gdp",
        "--min",
        "6",
        "--stretch",
        "6.5",
        "--from",
        "2026-06",
        "--note",
        "调整为6%—6.5%",
    )
    run("record", "gdp", "6.2", "--period", "上半年")
    gdp = next(t for t in json.loads(run("gap", "--json"))["targets"] if t["id"] == "gdp")
    assert (gdp["min"], gdp["stretch"], gdp["stretch_is_range_top"]) == (6, 6.5, True)
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "累计增长6.2%，处于调整后6%—6.5%的目标区间内" in zh
    assert "原计划7%以上" in zh and "7%—8%" not in zh


def test_guangdong_range_is_one_wording_in_every_output(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """广东 地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果 (audit R, D1): the summary said
    `低于4.5%—5%的目标区间下沿0.2个百分点` while the tables, chart caption, xlsx, status, targets
    and `gap --json` wrote `≥ 4.5%（争取5%）`, a 争取 line the plan does not set."""
    ledger = tmp_path / "gd.progress.toml"

    def run(*args: str) -> str:
        result = invoke("--plan", "guangdong-2026", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run("record", "gdp", "4.3", "--period", "2026-Q1", "--amount", "33120")
    zh = run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "md")
    assert "低于4.5%—5%的目标区间下沿0.2个百分点" in zh
    assert "| 地区生产总值 | 4.5%—5% | 4.3%（33120亿元） \\* |" in zh
    assert "争取" not in zh
    html = run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "html")
    assert "目标 4.5%—5%" in html and "争取" not in html
    en = run("--lang", "en", "report", "--as-of", "2026-06", "-f", "md")
    assert "| 4.5%–5% |" in en and "aim" not in en
    for lang in ("zh", "en"):
        for command in ("status", "targets", "gap"):
            out = (
                run("--lang", lang, command, "--as-of", "2026-06")
                if command != "targets"
                else run("--lang", lang, command)
            )
            assert "争取" not in out and "aim" not in out, (lang, command)
    assert "4.5%—5%" in run("--lang", "zh", "targets")
    gdp = next(
        t
        for t in json.loads(run("gap", "--json", "--as-of", "2026-06"))["targets"]
        if t["id"] == "gdp"
    )
    assert (gdp["bound"], gdp["stretch_is_range_top"]) == ("4.5 %–5 %", True)
    xlsx = tmp_path / "gd.xlsx"
    run("--lang", "zh", "report", "--as-of", "2026-06", "-f", "xlsx", "-o", str(xlsx))
    import zipfile

    with zipfile.ZipFile(xlsx) as book:
        strings = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xml"))
    assert "4.5%—5%" in strings and "（争取5%）" not in strings and "≥ 4.5" not in strings
