"""Session 40: `record -p 6月` on a year-to-date target, the as-of heading of `gap --as-of
上半年`, and `gap`'s 差距 column at narrow widths (month_alone.py, render/assess.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len as display_width

from ledgers import read_records
from plancli.month_alone import month_alone

# 河南 2026's headline: growths (monthly and quarterly), a monthly level (CPI), a cumulative
# total (城镇新增就业, 万人), a level with a long bound (粮食产量 ≥1300亿斤（力争高于上年…）).
HENAN = "henan-2026"
H1 = [
    ("gdp", "5.3", "上半年"),
    ("industrial_value_added", "4.9", "1-6月"),
    ("fixed_asset_investment", "3.4", "1-6月"),
    ("budget_revenue", "2.4", "1-6月"),
    ("cpi", "0.5", "1-6月"),
    ("new_urban_jobs", "56", "1-6月"),
]


@pytest.fixture
def henan(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """plancli on 河南 2026 with its 1-6月 figures recorded; `henan(*args, lang=, columns=)`."""
    ledger = tmp_path / "henan.progress.toml"

    def call(*args: str, lang: str = "en", columns: int = 120) -> Any:
        monkeypatch.setenv("COLUMNS", str(columns))
        return invoke("--lang", lang, "--plan", HENAN, "--ledger", str(ledger), *args)

    for target, value, period in H1:
        done = call("record", target, value, "-p", period)
        assert done.exit_code == 0, done.output
    call.ledger = ledger  # type: ignore[attr-defined]
    return call


# ------------------------------------------------------------------- record -p 6月


@pytest.mark.parametrize(
    ("target", "month"),
    [
        ("cpi", "6月"),
        ("cpi", "2026年6月"),
        ("cpi", "六月"),
        ("budget_revenue", "6月份"),
    ],
)
def test_a_month_alone_for_a_year_to_date_target_is_refused_naming_1_6月(
    henan: Callable[..., Any], target: str, month: str
) -> None:
    """CPI 6月 0.4 % (June's rise) was recorded as 2026-06 and superseded 1-6月's 0.5 %."""
    before = read_records(henan.ledger)  # type: ignore[attr-defined]
    done = henan("record", target, "0.4", "-p", month)
    assert done.exit_code == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(f"error: {target}: period '{month}' ")
    assert line.endswith("write -p 1-6月")
    assert read_records(henan.ledger) == before  # type: ignore[attr-defined]


def test_the_refusal_in_chinese(henan: Callable[..., Any]) -> None:
    done = henan("record", "cpi", "0.4", "-p", "6月", lang="zh")
    assert done.exit_code == 2
    assert done.stderr.strip() == (
        "错误：cpi：期间 '6月' 既可能是6月当月的数，也可能是1-6月（年初至今）的数，而 cpi 记的"
        "是年初至今的数：请写 -p 1-6月"
    )


@pytest.mark.parametrize(
    ("target", "period", "stored", "value"),
    [
        ("cpi", "1-6月", "2026-06", "0.4"),  # the year to June, as the hint says
        ("cpi", "2026-06", "2026-06", "0.4"),  # plancli's own code: the year to June
        ("cpi", "6月末", "2026-06", "0.4"),  # a point in time: the position at June's end
        ("new_urban_jobs", "6月", "2026-06", "58"),  # a cumulative total at June's end
        ("grain_output", "6月", "2026-06", "1350"),  # an annual level
        ("gdp", "6月", "2026-Q2", "5.4"),  # a quarterly growth: no June of its own, so H1
    ],
)
def test_what_is_not_ambiguous_is_recorded_as_before(
    henan: Callable[..., Any], target: str, period: str, stored: str, value: str
) -> None:
    done = henan("record", target, value, "-p", period)
    assert done.exit_code == 0, done.output
    assert f"recorded {target} {stored} = {value}" in done.stderr


def test_add_takes_a_month_alone_as_its_increment(henan: Callable[..., Any]) -> None:
    """河南's 城镇新增就业 1-6月 56万人, 7月 +9万人: `-p 7月 --add` is 1-7月 65万人."""
    done = henan("record", "new_urban_jobs", "9", "-p", "7月", "--add")
    assert done.exit_code == 0, done.output
    assert "recorded new_urban_jobs 2026-07 = 65 万人" in done.stderr
    assert henan("record", "cpi", "0.4", "-p", "7月", "--add").exit_code == 2  # as before


def test_january_alone_is_the_year_to_date() -> None:
    assert month_alone("1月") is None
    assert month_alone("2026年1月") is None
    assert [month_alone(t) for t in ("6月", "2026年6月", "六月", "6月份", "１２月")] == [
        6,
        6,
        6,
        6,
        12,
    ]
    assert [month_alone(t) for t in ("1-6月", "6月末", "上半年", "2026-06")] == [None] * 4


# ------------------------------------------------------------------- --as-of heading


@pytest.mark.parametrize(("lang", "heading"), [("zh", "截至2026年6月末"), ("en", "as of 2026-06")])
def test_every_spelling_of_the_first_half_heads_gap_alike(
    henan: Callable[..., Any], lang: str, heading: str
) -> None:
    """`--as-of 上半年` headed `截至 2026-H1`, `1-6月` `截至 2026-06`, over the same rows."""
    outputs = {
        spelling: henan("gap", "--as-of", spelling, lang=lang).stdout
        for spelling in ("上半年", "1-6月", "二季度", "6月", "2026-H1", "2026-Q2", "2026-06")
    }
    first = outputs["上半年"]
    assert first.splitlines()[1].startswith(f"{heading}   ")
    assert all(text == first for text in outputs.values()), outputs
    assert "2026-H1" not in first


def test_the_years_end_is_年末(henan: Callable[..., Any]) -> None:
    zh = henan("gap", "--as-of", "全年", lang="zh").stdout
    assert zh.splitlines()[1].startswith("截至2026年末   ")
    assert henan("gap", "--as-of", "12月", lang="zh").stdout == zh


# ------------------------------------------------------------------- 差距 at 80 columns

# 福建 2026: GDP 5%左右, CPI 2%左右, 城镇新增就业 50万人以上 (a completion column).
FUJIAN = [
    ("gdp", "5.3", "上半年"),
    ("cpi", "0.3", "1-6月"),
    ("surveyed_unemployment_rate", "5.1", "1-6月"),
    ("new_urban_jobs", "26", "1-6月"),
]


@pytest.fixture
def fujian(invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    ledger = tmp_path / "fujian.progress.toml"

    def call(*args: str, lang: str = "en", columns: int = 120) -> Any:
        monkeypatch.setenv("COLUMNS", str(columns))
        return invoke("--lang", lang, "--plan", "fujian-2026", "--ledger", str(ledger), *args)

    for target, value, period in FUJIAN:
        assert call("record", target, value, "-p", period).exit_code == 0
    return call


def _header_words(text: str) -> list[str]:
    lines = text.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.strip().startswith("──"))
    return " ".join(lines[2:rule]).split()


def _fits(text: str, columns: int) -> None:
    assert max(display_width(line) for line in text.splitlines()) <= columns


@pytest.mark.parametrize(
    ("lang", "gap", "shown", "columns"),
    [
        ("zh", "差距", "1.1个百分点", 80),
        ("zh", "差距", "1.1个百分点", 100),
        ("zh", "差距", "1.1个百分点", 120),
        ("en", "gap", "1.1 pp", 80),  # the cards dropped it (session 41: fixed)
        ("en", "gap", "1.1 pp", 100),
        ("en", "gap", "1.1 pp", 120),
    ],
)
def test_henan_keeps_its_gap_column(
    henan: Callable[..., Any], lang: str, gap: str, shown: str, columns: int
) -> None:
    """河南 at 80 columns: 差距 (规上工业增加值 4.9 % against 6.5 %: 1.1个百分点) was left out,
    完成率 kept; in English both went."""
    text = henan("gap", lang=lang, columns=columns).stdout
    assert gap in _header_words(text)
    assert shown in text
    _fits(text, columns)


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
@pytest.mark.parametrize(
    ("lang", "gap", "shown"), [("zh", "差距", "24万人"), ("en", "gap", "24 万人")]
)
def test_fujian_keeps_its_gap_before_the_completion(
    fujian: Callable[..., Any], lang: str, gap: str, shown: str, columns: int
) -> None:
    """福建 at 60 columns in Chinese kept 完成率 (城镇新增就业 26/50万人: 52%) and left 差距
    (24万人 to go; CPI 0.3 % 1.2个百分点 under its band) out."""
    text = fujian("gap", lang=lang, columns=columns).stdout
    assert gap in _header_words(text)
    assert shown in text
    _fits(text, columns)


@pytest.mark.parametrize("columns", [60, 80])
def test_chinese_figures_stay_aligned(fujian: Callable[..., Any], columns: int) -> None:
    """Each 差距 cell ends where its header ends (counted in display cells, not characters)."""
    lines = fujian("gap", lang="zh", columns=columns).stdout.splitlines()
    header = next(line for line in lines if "差距" in line)
    end = display_width(header[: header.index("差距")]) + display_width("差距")
    cells = ["1.2个百分点", "24万人"]
    for cell in cells:
        row = next(line for line in lines if cell in line)
        cut = row.index(cell) + len(cell)
        assert display_width(row[:cut]) == end, (row, header)
