"""The HTML report read on a phone, and what its headline charts draw (/tmp/auditterm D1, D5
and D8): the status beside each name at 390 px, bars kept, a figure never parted from its
unit; the axis holding the target, a 左右 target's band ending at its tolerance, no shading
where there is no target. The real layout is measured in Chromium (test_report_browser.py).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]

# The narrow-screen block of the stylesheet: screen only, so the print layout is the desktop's.
PHONE = re.compile(r"@media screen and \(max-width: 640px\) \{(.*?)\n\}", re.S)


@pytest.fixture(scope="module")
def shaanxi(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> str:
    """Shaanxi 2026 with its demo figures, as a Chinese HTML report: unemployment 5.8–6.0
    against 5.5%左右, CPI against 2%左右, two national figures tracked without a target."""
    folder = tmp_path_factory.mktemp("sx")
    with isolated_cli() as invoke:
        assert invoke("--plan", "shaanxi-2026", "init", "--demo", str(folder)).exit_code == 0
        result = invoke(
            "--plan", str(folder / "shaanxi.toml"), "--lang", "zh", "report", "-f", "html"
        )
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def first_quarter_figures(tmp_path_factory: pytest.TempPathFactory, isolated_cli: Any) -> str:
    """The bundled 2022 plan with GDP's and urban income's Q2 growth only, as a Chinese page."""
    folder = tmp_path_factory.mktemp("q2")
    plan = folder / "plan2022.toml"
    shutil.copyfile(REPO / "data" / "plan2022.toml", plan)
    figures = folder / "q2.csv"
    figures.write_text(
        "target,period,value\ngdp,2022-Q2,5\nurban_income,2022-Q2,6.1\n", encoding="utf-8"
    )
    with isolated_cli() as invoke:
        assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
        result = invoke("--plan", str(plan), "--lang", "zh", "report", "-f", "html")
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]


def charts(page: str) -> dict[str, str]:
    """Each headline chart's SVG by the chart's title."""
    found = re.findall(
        r'<figure class="chart">\s*<figcaption><span class="chart-title">([^<]*)</span>'
        r".*?(<svg.*?</svg>)",
        page,
        re.S,
    )
    return dict(found)


class Axis:
    """A chart's y scale, read back from its tick labels: value ↔ y."""

    def __init__(self, svg: str) -> None:
        ticks = [
            (float(label), float(y) - 3.5)  # the label sits 3.5 below its grid line
            for y, label in re.findall(
                r'<text class="tick" x="[^"]*" y="([^"]*)" '
                r'text-anchor="end">([^<]*)</text>',
                svg,
            )
        ]
        (self.low, self.bottom), (self.high, self.top) = ticks[0], ticks[-1]

    def value(self, y: float) -> float:
        share = (self.bottom - y) / (self.bottom - self.top)
        return round(self.low + share * (self.high - self.low), 2)


def target_levels(svg: str, axis: Axis) -> list[float]:
    [path] = re.findall(r'<path class="target" d="([^"]*)"', svg)
    return sorted({axis.value(float(y)) for y in re.findall(r"[ML][\d.]+ ([\d.]+)", path)})


def band(svg: str, axis: Axis) -> tuple[float, float]:
    [(y, height)] = re.findall(
        r'<rect class="band" x="[^"]*" y="([^"]*)" width="[^"]*" '
        r'height="([^"]*)"',
        svg,
    )
    return axis.value(float(y) + float(height)), axis.value(float(y))


def test_a_target_of_about_x_is_on_the_axis_and_shaded_to_its_tolerance(shaanxi: str) -> None:
    """城镇调查失业率 5.8–6.0 against 5.5%左右 (≤ 6 within the tolerance): the axis ran 5.7–6.1
    with no target line, the whole plot shaded as meeting it."""
    svg = charts(shaanxi)["城镇调查失业率"]
    axis = Axis(svg)
    assert axis.low <= 5.5 <= axis.high
    assert target_levels(svg, axis) == [5.5]
    assert band(svg, axis) == (axis.low, 6.0)  # a ceiling: met anywhere up to 6
    cpi = charts(shaanxi)["居民消费价格涨幅"]  # 2%左右 both ways: 1.5 to 2.5
    axis = Axis(cpi)
    assert target_levels(cpi, axis) == [2.0] and axis.low < 1.5
    assert band(cpi, axis) == (1.5, 2.5)
    gdp = charts(shaanxi)["生产总值"]  # 5%左右 as a floor: from 4.5 up
    axis = Axis(gdp)
    assert target_levels(gdp, axis) == [5.0] and axis.low < 4.5
    assert band(gdp, axis) == (4.5, axis.high)


def test_an_indicator_without_a_target_has_no_target_and_no_shading(shaanxi: str) -> None:
    """全国固定资产投资增速 and 全国居民收入增速 are tracked (目标 —): the plot was shaded
    达到目标 all over."""
    for title in ("全国固定资产投资增速", "全国居民收入增速"):
        svg = charts(shaanxi)[title]
        assert 'class="band"' not in svg and 'class="target"' not in svg, title
        assert 'class="line s-tracked"' in svg


def test_a_reference_of_one_figure_is_drawn_as_a_dash(first_quarter_figures: str) -> None:
    """城镇居民收入 in step with GDP, which has one figure (Q2): the reference's path was `M172 83`,
    a move with no line, so nothing showed where the target is."""
    svg = charts(first_quarter_figures)["城镇常住居民人均可支配收入"]
    [path] = re.findall(r'<path class="target" d="([^"]*)"', svg)
    assert re.fullmatch(r"M[\d.]+ [\d.]+ L[\d.]+ [\d.]+", path), path


def test_on_a_phone_each_row_is_a_card_with_its_status_beside_its_name(
    invoke: Any, june: Path
) -> None:
    """At 390 px the 状态 column was off-screen in every table and the bars had 0 px: the page
    had no rule for a narrow screen."""
    page = invoke("--plan", str(june), "--lang", "zh", "report", "-f", "html").stdout
    [phone] = PHONE.findall(page)
    assert "table.cards thead { display: none; }" in phone
    assert "table.cards td:first-child { order: 0;" in phone  # the name first
    assert "table.cards td.st { order: 1;" in phone  # its status beside it, then the rest
    assert "content: attr(data-label)" in phone  # each figure under its column's label
    assert ".bar-row svg.bar { grid-column: 1 / -1; grid-row: 2; }" in phone  # bar under name
    assert "@media print" in page.split("@media screen and (max-width: 640px)")[1]
    for table in re.findall(r"<table class=\"cards[^\"]*\">(.*?)</table>", page, re.S):
        labels = re.findall(r'<th class="[^"]*">([^<]*)</th>', table)
        for row in re.findall(r"<tr>(<td.*?)</tr>", table):
            cells = re.findall(r'<td class="([^"]*)" data-label="([^"]*)">(.*?)</td>', row)
            assert [label for _, label, _ in cells] == labels
            for css, _, content in cells:
                assert ("st" in css.split()) == content.startswith('<span class="status ')


def test_a_figure_and_its_unit_are_kept_on_one_line(invoke: Any, june: Path) -> None:
    """`月均需完成0.28亿` / `元`, `余下月份需增长` / `8.72%` in the 尚需 column at 1280 px."""
    page = invoke("--plan", str(june), "--lang", "zh", "report", "-f", "html").stdout
    assert ".fig { white-space: nowrap; }" in page
    assert (
        '<td class="left" data-label="尚需">月均需完成<span class="fig">0.24亿元</span></td>'
        in (page)
    )
    assert '余下月份需增长<span class="fig">8.72%</span>' in page
    assert '<span class="fig">≥ 7%</span>' in page and '<span class="fig">2个百分点</span>' in page


def test_a_hostile_unit_is_escaped_inside_a_figure(invoke: Any, tmp_path: Path) -> None:
    """The figure spans are built outside the template's autoescape: a plan's unit is text,
    its control characters shown as escapes as everywhere else on the page."""
    plan = tmp_path / "evil.toml"
    toml = (FIXTURES / "assess.toml").read_text(encoding="utf-8")
    toml = re.sub(
        r'(id = "new_5g_base_stations"(?:\n.*)*?\nunit = )"[^"]*"', r'\1"<i>个\\u001b"', toml
    )
    plan.write_text(toml, encoding="utf-8")
    figures = tmp_path / "in.csv"
    figures.write_text("target,period,value\nnew_5g_base_stations,2022-06,120\n", encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
    page = invoke("--plan", str(plan), "--lang", "zh", "report", "-f", "html").stdout
    assert "<i>" not in page and "\x1b" not in page
    assert (
        '<span class="fig">120 &lt;i&gt;个\\x1b</span> / <span class="fig">≥ 310&lt;i&gt;个\\x1b'
        in page
    )


def test_no_milestone_with_a_figure_is_not_called_not_done(first_quarter_figures: str) -> None:
    """27 milestones never reported: the line under 待完成的节点目标 read
    27项节点目标尚无一项完成。, which leaders read as 27 not done; the summary said
    均尚无进度数据."""
    assert "尚无一项完成" not in first_quarter_figures
    assert "<p>27项节点目标尚无进度数据。</p>" in first_quarter_figures
    assert '<p class="grouped">分别是：昆明市“元宇宙”产业示范基地落地；' in first_quarter_figures
