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

from typing import TYPE_CHECKING, Literal, TypeVar

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
    as if nothing were recorded), else `status.<status>`."""
    if a.status == "no_data" and a.reason == "year_average":
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


def split_counts(
    counts: Sequence[tuple[S, int]], assessments: Iterable[AssessmentOut]
) -> list[tuple[S | Literal["off_band"], int]]:
    """A count of statuses (the report's overview: 正常推进1项、滞后1项) with the band targets
    off their band counted apart as `off_band` (偏离目标区间1项), after the statuses they left."""
    off: dict[str, int] = {}
    for a in assessments:
        if band_side(a):
            off[a.status] = off.get(a.status, 0) + 1
    return _split(counts, off)


def _split(
    counts: Sequence[tuple[S, int]], off: Mapping[str, int]
) -> list[tuple[S | Literal["off_band"], int]]:
    split = [(s, n - off.get(s, 0)) for s, n in counts]
    kept: list[tuple[S | Literal["off_band"], int]] = [(s, n) for s, n in split if n > 0]
    if not any(off.values()):
        return kept
    at = max(i for i, (s, _n) in enumerate(counts) if s in off)  # after behind / missed
    before = sum(1 for s, n in split[: at + 1] if n > 0)
    return [*kept[:before], ("off_band", sum(off.values())), *kept[before:]]


def off_by_section(assessments: Iterable[AssessmentOut]) -> dict[tuple[str, str], int]:
    """How many band targets are off their band, per section and the status they hold
    (behind / missed): what `status --json`'s sections carry as `off_band`."""
    off: dict[tuple[str, str], int] = {}
    for a in assessments:
        if band_side(a):
            off[a.section, a.status] = off.get((a.section, a.status), 0) + 1
    return off


def section_columns(
    statuses: Sequence[S], counts: Mapping[S, int], off: Mapping[tuple[str, str], int]
) -> tuple[list[S | Literal["off_band"]], Callable[[str | None, Mapping[S, int]], dict[str, int]]]:
    """The by-section tables' status columns, with `off_band` (偏离区间) after behind /
    missed when a band target is off its band, and a function giving a row's counts for them
    from a section's id and counts (None and the plan's counts for the total row): the band
    targets off their band (`off`, from `off_by_section` over every section's targets, not the
    dashboard's headline and investment rows alone) moved out of their status's column."""
    off_status: dict[str, int] = {}
    for (_where, s), n in off.items():
        off_status[s] = off_status.get(s, 0) + n
    columns = [s for s, _n in _split([(s, counts[s]) for s in statuses], off_status)]
    columns = columns or list(statuses)  # nothing counted: the one column of 0s stays

    def row(section: str | None, section_counts: Mapping[S, int]) -> dict[str, int]:
        moved: dict[str, int] = {}
        for (where, s), n in off.items():
            if section is None or where == section:  # None: the total row, every section
                moved[s] = moved.get(s, 0) + n
        cells: dict[str, int] = {s: n - moved.get(s, 0) for s, n in section_counts.items()}
        cells["off_band"] = sum(moved.values())
        return cells

    return columns, row


def column_key(status: str) -> str:
    """The interface word's key heading a count's column: `band.off` for off_band (偏离区间)."""
    return "band.off" if status == "off_band" else f"status.{status}"


def counts_in_order(
    order: Sequence[S], counts: Mapping[S, int], assessments: Iterable[AssessmentOut]
) -> list[tuple[S | Literal["off_band"], int]]:
    """The statuses counted, in that order, none of 0, and CPI off its band apart: the report's
    overview (正常推进1项、偏离目标区间1项、待下达目标3项)."""
    return split_counts([(s, counts[s]) for s in order if counts.get(s)], assessments)
