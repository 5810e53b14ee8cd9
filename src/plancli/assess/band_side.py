"""A band target outside its band (session 40): CPI 2%左右 is judged within 1.5–2.5 %, and a
figure outside it on either side is not 滞后 (lagging: a price index under its band has not
fallen behind anything) but off the band on one side, 偏高 / 偏低 (above / below band).

The status stays DESIGN §4's (a level that does not satisfy its bound is `behind`, and
`missed` at the year's final period), so `gap --json`, `--csv` and `--fail-on behind` keep
their keys; the side is what the outputs write where they name one target's status, read from
the figures the JSON already carries (`direction` "band", `actual` against `low` / `high`).
A CPI the plan models as a ceiling (`max`, or `direction = "down"`) is no band and keeps the
ceiling's 滞后."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeVar

from plancli.part_year import no_year_figure

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from plancli.assess.output import AssessmentOut

BandSide = Literal["above", "below"]
S = TypeVar("S", bound=str)


def band_side(a: AssessmentOut) -> BandSide | None:
    """`above` or `below` for a band target judged `behind` or `missed` because its figure is
    outside the band (上海 cpi 2.8 → above, 1.2 → below); None for any other."""
    if a.direction != "band" or a.status not in ("behind", "missed") or a.actual is None:
        return None
    if a.high is not None and a.actual > a.high:
        return "above"
    if a.low is not None and a.actual < a.low:
        return "below"
    return None


def status_key(a: AssessmentOut) -> str:
    """The interface word's key for a target's status as one row shows it: `band.above` /
    `band.below` (偏高 / 偏低) for a band target off its band, `status.year_average`
    (无全年数据 / seasonal, still counted as 无数据) for a year's average shown with a figure
    for part of the year (PM2.5's 45 at 1-3月, reason `year_average`: a 无数据 beside 45 read
    as if nothing were recorded), and for the other figures for part of the year not the year's
    (`part_year.NO_YEAR_FIGURE`: 夏粮, a year-end report's June figure), else `status.<status>`."""
    if no_year_figure(a.status, a.reason):
        return "status.year_average"
    side = band_side(a)
    return f"band.{side}" if side else f"status.{a.status}"


def attention_groups(
    rows: Sequence[AssessmentOut],
) -> list[tuple[str, list[AssessmentOut]]]:
    """The report's sentences on the targets needing attention, a group per word their rows
    say (the interface word's key): 未完成, 滞后, then the band targets off their band
    (偏离目标区间的目标1项, where they were 其他滞后的目标), then 存在风险; empty groups
    left out."""
    groups = [
        (f"status.{s}", [a for a in rows if a.status == s and not band_side(a)])
        for s in ("missed", "behind")
    ]
    groups.append(("band.group", [a for a in rows if band_side(a)]))
    groups.append(("status.at_risk", [a for a in rows if a.status == "at_risk"]))
    return [(key, group) for key, group in groups if group]


def colour(a: AssessmentOut) -> str:
    """The HTML report's colour class of a target's status: `off_band` for a band target off
    its band (the 偏离区间 chip's colour), else its status."""
    return "off_band" if band_side(a) else a.status


# The counts a row's own word takes apart from its status's: a band target off its band
# (偏离区间, of behind / missed) and a year's average shown for part of the year, not judged
# (无全年数据, of no_data): each counted after the statuses it left.
Apart = Literal["off_band", "year_average"]


def apart(a: AssessmentOut) -> Apart | None:
    """`off_band` for a band target off its band, `year_average` for a year's average not yet
    judged (no_data, reason year_average) or any other figure for part of the year that is not
    the year's (`part_year.NO_YEAR_FIGURE`: 无全年数据), else None: the count it is taken into
    apart."""
    if band_side(a):
        return "off_band"
    return "year_average" if no_year_figure(a.status, a.reason) else None


def split_counts(
    counts: Sequence[tuple[S, int]], assessments: Iterable[AssessmentOut]
) -> list[tuple[S | Apart, int]]:
    """A count of statuses (the report's overview: 正常推进1项、滞后1项) with the band targets
    off their band counted apart as `off_band` (偏离目标区间1项), after the statuses they left,
    and the year's averages not yet judged as `year_average` (无全年数据1项) after no_data."""
    moved: dict[Apart, dict[str, int]] = {"off_band": {}, "year_average": {}}
    for a in assessments:
        if (key := apart(a)) is not None:
            moved[key][a.status] = moved[key].get(a.status, 0) + 1
    split: list[tuple[S | Apart, int]] = list(counts)
    for key, off in moved.items():
        split = _split(split, off, key)
    return split


def _split(
    counts: Sequence[tuple[Any, int]], off: Mapping[str, int], key: Apart = "off_band"
) -> list[tuple[Any, int]]:
    split = [(s, n - off.get(s, 0)) for s, n in counts]
    kept: list[tuple[Any, int]] = [(s, n) for s, n in split if n > 0]
    if not any(off.values()):
        return kept
    at = max(i for i, (s, _n) in enumerate(counts) if s in off)  # after behind / missed
    before = sum(1 for s, n in split[: at + 1] if n > 0)
    return [*kept[:before], (key, sum(off.values())), *kept[before:]]


def off_by_section(assessments: Iterable[AssessmentOut]) -> dict[tuple[str, str], int]:
    """How many band targets are off their band, per section and the status they hold
    (behind / missed): what `status --json`'s sections carry as `off_band`."""
    off: dict[tuple[str, str], int] = {}
    for a in assessments:
        if band_side(a):
            off[a.section, a.status] = off.get((a.section, a.status), 0) + 1
    return off


def year_average_by_section(assessments: Iterable[AssessmentOut]) -> dict[str, int]:
    """How many year's averages are shown for part of the year, not judged (of no_data), per
    section: the by-section tables' 无全年数据 column, and `status --json`'s `year_average`."""
    found: dict[str, int] = {}
    for a in assessments:
        if apart(a) == "year_average":
            found[a.section] = found.get(a.section, 0) + 1
    return found


def section_columns(
    statuses: Sequence[S],
    counts: Mapping[S, int],
    off: Mapping[tuple[str, str], int],
    seasonal: Mapping[str, int] | None = None,
) -> tuple[list[S | Apart], Callable[[str | None, Mapping[S, int]], dict[str, int]]]:
    """The by-section tables' status columns, with `off_band` (偏离区间) after behind /
    missed when a band target is off its band, and `year_average` (无全年数据) after no_data
    when a year's average is shown for part of the year, and a function giving a row's counts
    for them from a section's id and counts (None and the plan's counts for the total row): the
    band targets off their band (`off`, from `off_by_section` over every section's targets, not
    the dashboard's headline and investment rows alone) moved out of their status's column, and
    the year's averages (`seasonal`, per section: `year_average_by_section`) out of no_data's."""
    seasonal = seasonal or {}
    off_status: dict[str, int] = {}
    for (_where, s), n in off.items():
        off_status[s] = off_status.get(s, 0) + n
    split = _split([(s, counts[s]) for s in statuses], off_status)
    split = _split(split, {"no_data": sum(seasonal.values())}, "year_average")
    columns = [s for s, _n in split] or list(statuses)  # nothing counted: one column of 0s

    def row(section: str | None, section_counts: Mapping[S, int]) -> dict[str, int]:
        moved: dict[str, int] = {}
        for (where, s), n in off.items():
            if section is None or where == section:  # None: the total row, every section
                moved[s] = moved.get(s, 0) + n
        here = sum(seasonal.values()) if section is None else seasonal.get(section, 0)
        moved["no_data"] = moved.get("no_data", 0) + here
        cells: dict[str, int] = {s: n - moved.get(s, 0) for s, n in section_counts.items()}
        cells["off_band"] = sum(moved.values()) - here
        cells["year_average"] = here
        return cells

    return columns, row


def column_key(status: str) -> str:
    """The interface word's key heading a count's column: `band.off` for off_band (偏离区间)."""
    return "band.off" if status == "off_band" else f"status.{status}"


def counts_in_order(
    order: Sequence[S], counts: Mapping[S, int], assessments: Iterable[AssessmentOut]
) -> list[tuple[S | Apart, int]]:
    """The statuses counted, in that order, none of 0, and CPI off its band and the year's
    averages not yet judged apart: the report's overview (正常推进1项、偏离目标区间1项、
    待下达目标3项、尚无全年数据1项)."""
    return split_counts([(s, counts[s]) for s in order if counts.get(s)], assessments)
