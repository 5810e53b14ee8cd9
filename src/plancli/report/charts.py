"""Chart geometry for the HTML report, from the report's numbers; the template draws it as SVG.

No JavaScript and no chart library: a bar is a rectangle whose width is the completion, a
line is a path through the recorded periods. Coordinates are rounded to 0.1 so the page
stays small and the same report always produces the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from plancli.assess import AssessmentOut, HeadlineOut, Point, Status
from plancli.assess.band_side import colour, status_key
from plancli.fmt import fall_text, num
from plancli.i18n import Lang
from plancli.periods import parse_period
from plancli.report import text
from plancli.report.model import Report, SectionProgress

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# ---------------------------------------------------------------------------------- bars


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a bar chart: completion as a share of the track, time progress as a mark."""

    label: str
    fill: float  # 0–100, percent of the track (a completion above 100% fills it)
    marker: float | None  # 0–100, where the expected share is
    figure: str  # the completion as text, e.g. 38.71%
    expected: str  # the expected share as text
    status: Status | None  # colours the fill; None: a neutral colour (section averages)
    strong: bool = False  # a total


def share_of_track(share: Decimal | None) -> float | None:
    if share is None:
        return None
    return round(max(0.0, min(100.0, float(share) * 100)), 1)


def section_bars(sections: Sequence[SectionProgress], lang: Lang) -> list[Bar]:
    """Sections that have a completion figure (cumulative targets or milestones with data)."""
    return [
        Bar(
            label=s.name if lang == "zh" else s.name_en,
            fill=share_of_track(s.completion) or 0.0,
            marker=share_of_track(s.expected_share),
            figure=text.percent(s.completion),
            expected=text.percent(s.expected_share),
            status=None,
        )
        for s in sections
        if s.completion is not None
    ]


def investment_bars(rows: Sequence[AssessmentOut], lang: Lang) -> list[Bar]:
    return [
        Bar(
            label=text.name(a, lang),
            fill=share_of_track(a.completion) or 0.0,
            marker=share_of_track(a.expected_share),
            figure=text.percent(a.completion),
            expected=text.percent(a.expected_share),
            status=a.status,
            strong=bool(a.parts),
        )
        for a in rows
    ]


# --------------------------------------------------------------------------------- lines

WIDTH, HEIGHT = 320.0, 180.0
LEFT, RIGHT, TOP, BOTTOM = 34.0, 10.0, 8.0, 22.0


@dataclass(frozen=True, slots=True)
class Tick:
    at: float  # x or y, in chart coordinates
    label: str


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Band:
    """A shaded rectangle: where the bound is satisfied over the months it was in force."""

    x: float
    y: float
    width: float
    height: float
    points: str | None = None  # a polygon instead (the pace of a cumulative target)


@dataclass(frozen=True, slots=True)
class LineChart:
    """Year-to-date figures of one headline indicator through the year, against its target."""

    id: str
    title: str
    status: Status
    word: str  # its status's key: band.above (偏高) for CPI over its band, else status.<status>
    colour: str  # its colour class: off_band for CPI off its band (the 偏离区间 chip's)
    target_text: str
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    dots: list[Dot]
    path: str  # SVG path through the dots
    target_path: str | None  # dashed: the bound, or the reference's series (relative)
    bands: list[Band]  # where the bound is satisfied, one a bound in force (年中调整: two)
    left: float = LEFT
    right: float = WIDTH - RIGHT
    top: float = TOP
    bottom: float = HEIGHT - BOTTOM
    width: float = WIDTH
    height: float = HEIGHT


def nice_step(span: float, ticks: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10ⁿ) giving about `ticks` intervals over `span`."""
    raw = span / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def _y_range(values: Sequence[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    positive = low >= 0  # a count of new jobs: the axis stops at 0, never −25万人 (audit S D5)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    margin = (high - low) * 0.08  # the line and the target never sit on the frame
    low, high = low - margin, high + margin
    step = nice_step(high - low)
    low = math.floor(low / step) * step
    if positive:
        low = max(low, 0.0)
    high = math.ceil(high / step) * step
    if high - low < 2 * step:  # at least two intervals, so the line has room
        high += step
    return low, high, step


def _month(point: Point) -> int:
    return parse_period(point.period).end_month


def _neg(value: float | None) -> float | None:
    return None if value is None else -value


def _label(row: HeadlineOut, figure: Decimal, lang: Lang) -> str:
    """A point's label as the tables write the figure: a decline's `下降2.2%` / `增长0.3%`
    (English `-2.2%` / `+0.3%`), never a bare `-2.2%` in Chinese (forms.md)."""
    fall = fall_text(row, -figure, lang) if row.decline else None
    return fall if fall is not None else text.value(row, figure).replace(" ", "")


def _fmt(value: float) -> str:
    return num(Decimal(repr(round(value, 6))))


def headline_chart(row: HeadlineOut, report: Report, lang: Lang) -> LineChart | None:
    """The indicator's recorded figures by month (against its reference's, for a relative
    target); None when nothing is recorded."""
    reference = report.references.get(row.reference) if row.reference else None
    if not row.series:
        return None
    values = [float(p.value) for p in row.series]
    bounds = _bounds(row, report)
    if row.decline:  # bounds on the fall, figures signed: the bound drawn as the growth it is
        bounds = [(m, [-v for v in marks], _neg(c), _neg(f)) for m, marks, f, c in bounds]
    paced = report.paces.get(row.id)  # None before a pending target's bound came
    pace = None if paced is None else [(m, float(v)) for m, v in enumerate(paced) if v is not None]
    marks = [mark for _, levels, _, _ in bounds for mark in levels]
    edges = [edge for _, _, floor, ceiling in bounds for edge in (floor, ceiling)]
    reference_values = [float(p.value) for p in reference or []]
    paced_values = [v for _, v in pace or []]
    shown = values + marks + [e for e in edges if e is not None] + reference_values + paced_values
    low, high, step = _y_range(shown)  # the axis always holds the target and its band
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(month: float) -> float:
        return round(LEFT + plot_w * month / 12, 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (high - value) / (high - low), 1)

    dots = [Dot(x(_month(p)), y(float(p.value)), _label(row, p.value, lang)) for p in row.series]
    path = "M" + " L".join(f"{d.x} {d.y}" for d in dots)
    target_path: str | None = None
    bands: list[Band] = []
    if row.kind == "relative":
        if reference:
            points = [(x(_month(p)), y(float(p.value))) for p in reference]
            if len(points) == 1:  # one figure so far: a short dash at its month, not a dot
                (at, level), half = points[0], plot_w / 24
                points = [(round(at - half, 1), level), (round(at + half, 1), level)]
            target_path = "M" + " L".join(f"{px} {py}" for px, py in points)
    else:
        # A bound adjusted mid-year steps between the last month judged on the one before
        # and the first judged on it (a figure sits at its month's end): March's figure
        # against March's bound, as the report's text and the March report judged it.
        starts = [0.0] + [first - 0.5 for first, _, _, _ in bounds[1:]]
        ends = [*starts[1:], 12.0]
        lines: list[str] = []
        for n, (_, levels, floor, ceiling) in enumerate(bounds):
            x0, x1 = x(starts[n]), x(ends[n])
            before = bounds[n - 1][1] if n else ()
            for i, level in enumerate(levels):
                if len(before) == len(levels) and lines:  # one dashed line, with its riser
                    lines[-len(levels) + i] += f" L{x0} {y(level)} L{x1} {y(level)}"
                else:
                    lines.append(f"M{x0} {y(level)} L{x1} {y(level)}")
            if pace is not None:
                continue  # shaded above the pace, below
            if floor is not None or ceiling is not None:  # shaded only where a bound is met
                top = y(ceiling) if ceiling is not None else y(high)
                bottom = y(floor) if floor is not None else y(low)
                if bottom > top:
                    bands.append(Band(x0, top, round(x1 - x0, 1), round(bottom - top, 1)))
        if pace is not None:  # on track: at or above the stock due by each month's end
            edge = " ".join(f"{x(m)},{y(v)}" for m, v in _from_its_step(pace))
            start = _from_its_step(pace)[0][0]
            corners = f"{x(12)},{y(high)} {x(start)},{y(high)}"
            width, height = round(x(12) - x(start), 1), round(y(low) - y(high), 1)
            bands.append(Band(x(start), y(high), width, height, f"{edge} {corners}"))
        target_path = " ".join(lines) or None
    ticks = round((high - low) / step)
    y_ticks = [Tick(y(low + i * step), _fmt(low + i * step)) for i in range(ticks + 1)]
    x_ticks = [Tick(x(m), f"{m}月" if lang == "zh" else MONTHS_EN[m - 1]) for m in (3, 6, 9, 12)]
    return LineChart(
        id=row.id,
        title=text.name(row, lang),
        status=row.status,
        word=status_key(row),
        colour=colour(row),
        target_text=text.target(row, lang, report),
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        dots=dots,
        path=path,
        target_path=target_path,
        bands=bands,
    )


def _from_its_step(pace: list[tuple[int, float]]) -> list[tuple[float, float]]:
    """The pace as the chart draws it: from month 0, or, for a pending target whose bound came
    in month M, from M − 0.5 (where a chart steps to an adjusted bound: `headline_chart`), the
    pace there the straight line's back from M (exact for time progress's even months)."""
    (first, level), *rest = pace
    if first == 0:
        return [(float(m), v) for m, v in pace]
    back = (rest[0][1] - level) / 2 if rest else 0.0
    return [(first - 0.5, level - back), *((float(m), v) for m, v in pace)]


Bound = tuple[int, list[float], float | None, float | None]  # from month, marks, floor, ceiling


def _bounds(row: HeadlineOut, report: Report) -> list[Bound]:
    """The bounds a chart draws, each from the first month judged on it: the figures that mark
    the target (X of X左右, its tolerance's edges the band's; else the bound's min and max;
    none for an indicator only tracked, pending or dropped) and where it is satisfied. One
    bound, the one in force, unless it was adjusted by the as-of period (`bound_steps`)."""

    def floats(*values: Decimal | None) -> list[float]:
        return [float(v) for v in values if v is not None]

    def edge(value: Decimal | None) -> float | None:
        return None if value is None else float(value)

    steps = report.bound_steps.get(row.id)
    if steps:
        return [(s.month, floats(*s.marks), edge(s.low), edge(s.high)) for s in steps]
    if row.around is not None and row.kind != "relative":
        marks = floats(row.around)
    else:
        marks = floats(row.min, row.max)
    return [(1, marks, edge(row.low), edge(row.high))]


def headline_charts(report: Report, lang: Lang) -> list[LineChart]:
    charts = [headline_chart(row, report, lang) for row in report.headline]
    return [chart for chart in charts if chart is not None]
