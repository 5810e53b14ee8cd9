"""`targets` keeps a short name (up to ten Chinese characters) on one line beside its id: the
bound's bracket goes under its bound first, then the names fold (session 37, helper tables3).
At 80 columns 福建's `全省地区生产总值` went over two lines (`全省地区生产` over `总值`) beside
a target column padded to its widest bound; at 100 columns one long bound (北京's PM2.5) broke
every name at six characters."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from tests.conftest import CORPUS


@pytest.fixture
def targets(invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`plancli --lang LANG --plan PLAN targets` at WIDTH columns: its lines (exit 0)."""

    def call(plan: str, width: int, lang: str = "zh") -> list[str]:
        monkeypatch.setenv("COLUMNS", str(width))
        result = invoke("--lang", lang, "--plan", plan, "targets")
        assert result.exit_code == 0, result.output
        lines: list[str] = result.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= width
        return lines

    return call


def _row(lines: list[str], target: str) -> list[str]:
    """The lines of a target's row: its id's line and those under it up to the next id."""
    at = next(i for i, line in enumerate(lines) if line.split()[:1] == [target])
    end = next(
        (i for i in range(at + 1, len(lines)) if not lines[i].strip() or lines[i][1] != " "),
        len(lines),
    )
    return lines[at:end]


def test_fujian_names_whole_at_80_columns(targets: Any) -> None:
    lines = targets("fujian-2026", 80)
    gdp = _row(lines, "gdp")
    # the name on one line, the bound with its edge whole beside it, the baseline kept
    assert gdp == [" gdp" + " " * 26 + "全省地区生产总值      ≈ 5 %（≥4.5%）          5 %"]
    assert "居民消费价格涨幅   ≈ 2 %（1.5–2.5%）" in _row(lines, "cpi")[0]
    # the relative target's reference whole, under its sign, rather than the names broken
    assert [line.strip() for line in _row(lines, "resident_income")] == [
        "resident_income              居民收入                           ≈",
        "全省地区生产总值",
    ]
    # a name of fourteen characters still breaks, between its words' characters, in two
    assert [line.split()[-1] for line in _row(lines, "co2_intensity")] == [
        "待下达",
        "二氧化碳排放",
    ]
    assert "单位地区生产总值" in _row(lines, "co2_intensity")[0]


def test_a_long_bound_puts_its_bracket_under_it_at_100_columns(targets: Any) -> None:
    """北京's `≈ 29 微克/立方米（≤30.45微克/立方米）` (36 cells) broke 一般公共预算收入,
    城镇调查失业率, 居民消费价格涨幅 and 细颗粒物年均浓度 at six characters."""
    lines = targets("beijing-2026", 100)
    for name in ("一般公共预算收入", "城镇调查失业率", "居民消费价格涨幅", "细颗粒物年均浓度"):
        assert any(name in line for line in lines), name
    pm25 = _row(lines, "pm25")
    assert len(pm25) == 2
    assert pm25[0].split()[-4:] == ["≈", "29", "微克/立方米", "27"] or pm25[0].endswith(
        "≈ 29 微克/立方米   27 微克/立方米"
    )
    assert pm25[1].strip() == "（≤30.45微克/立方米）"  # the edge whole, under its bound
    # a bound that fits beside its name keeps its edge beside it
    assert "≈ 4 %（≥3.5%）" in _row(lines, "budget_revenue")[0]


def test_a_reference_stays_whole_when_breaking_it_keeps_no_more_names(targets: Any) -> None:
    """陕西's `≥ 全国固定资产投资增速` (22 cells) would give the names two cells, not the
    eight `全国固定资产投资增速` needs: it stays on one line beside its name."""
    lines = targets("shaanxi-2026", 80)
    assert _row(lines, "fixed_asset_investment") == [
        " fixed_asset_investment       固定资产投资   ≥ 全国固定资产投资增速"
    ]


def test_names_that_fit_change_nothing(targets: Any) -> None:
    lines = targets("fujian-2026", 100)
    assert "居民消费价格涨幅                ≈ 2 %（1.5–2.5%）" in "\n".join(lines)
    assert "单位地区生产总值二氧化碳排放               待下达" in "\n".join(lines)


def test_english_names_read_in_fewer_lines(targets: Any) -> None:
    """贵州 in English at 80 columns: `Gross` / `regional` / `product` / `(GDP)` was four
    lines beside `≈ 5 % (≥4.5%)`, `Fixed-asse` over `t` (69 lines in all, now 52)."""
    lines = targets("guizhou-2026", 80, "en")
    assert [line[30:].split("  ")[0] for line in _row(lines, "gdp")] == [
        "Gross regional",
        "product (GDP)",
    ]
    assert "Fixed-asset" in _row(lines, "fixed_asset_investment")[0]
    assert len(lines) == 52


@pytest.fixture
def validate(invoke: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """`validate` of 福建's plan against 北京's report (quotes not found) at WIDTH columns."""

    def call(width: int, lang: str = "zh") -> list[str]:
        report = CORPUS / "北京市.txt"
        if not report.exists():
            pytest.skip(f"the corpus report is not here ({report})")
        monkeypatch.setenv("COLUMNS", str(width))
        result = invoke(
            "--lang", lang, "--plan", "fujian-2026", "validate", "--source", str(report)
        )
        assert result.exit_code == 3  # (6 of 7 quotes not in the report: an error)
        lines: list[str] = result.output.splitlines()
        assert max(cell_len(line) for line in lines[:-1]) <= width
        return [line.strip() for line in lines]

    return call


def test_validate_keeps_a_phrase_whole_at_60_columns(validate: Any) -> None:
    """Beside the 26-character ids the message had 20 cells: `报告中找不到原文引` over
    `用：'全省地区生产总`…, `原文引用` broken. Narrower than its phrase, it goes under its id."""
    lines = validate(60)
    assert lines[1] == "级别   目标 / 说明"
    at = lines.index("警告   gdp")
    assert lines[at + 1 : at + 4] == [
        "报告中找不到原文引用：",
        "'全省地区生产总值增长5%左右，",
        "在实际工作中努力争取更好结果'",
    ]
    assert "报告中找不到原文引用：'城镇新增就业50万人'" in lines
    assert not any(line.endswith("原文引") for line in lines)


def test_validate_keeps_the_message_beside_the_id_where_its_phrases_fit(validate: Any) -> None:
    lines = validate(72)
    assert "警告   gdp                          报告中找不到原文引用：" in lines
    assert "'全省地区生产总值增长5%左右，" in lines


def test_gap_keeps_short_names_before_a_figure_whole(invoke: Any, monkeypatch: Any) -> None:
    """`gap` at 72 columns: a name gives no room its short names need before the figure
    against its bound breaks after its `/` (甘肃's `一般公共预算` over `收入`, `居民消费价格`
    over `涨幅` beside `—/≈2%（1.5–2.5%）`)."""
    monkeypatch.setenv("COLUMNS", "72")
    result = invoke("--lang", "zh", "--plan", "gansu-2026", "gap")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for name in ("一般公共预算收入", "常住人口城镇化率", "居民消费价格涨幅", "城镇调查失业率"):
        assert name in out, name
    assert " 居民消费价格涨幅  无数据                —/\n" in out
    assert "≈2%（1.5–2.5%）\n" in out
