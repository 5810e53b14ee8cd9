"""`validate`'s check of each bound's side and sign against the words of its own quote (audit
W D2, D3): `bound_not_in_quote` checks the figure only, so a hand-written `max = 7` beside
"增长7%以上", `min = 5.5` beside "控制在5.5%以内", `max = 8` beside "力争8%", `min = -3` (a growth
target, no `decline`) beside "下降3%以上" or `min = -0.2` beside "下降0.2个百分点" passed, and the
target was then judged the wrong way round (a rise met, over-delivery missed).

A figure's words are those next to it: 以上/不低于/不少于 a floor, 以内/以下/不超过/不高于 a
ceiling, 力争/争取 before it a higher aim (`stretch`), 下降/降低/减少 before it a fall (a floor
on the size of the fall unless 以内 follows). A bound is warned of only when every place its
figure stands in the quote says another side (`bound_side_not_in_quote`); a band's `max` beside
争取更好/更优 (`band_top_is_aim`) and a range X—Y of which the plan keeps one side
(`range_one_side`) are warned of too. Warnings, not errors: a quote is hand-copied text."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NamedTuple

from plancli.fmt import num
from plancli.i18n import N_, _, colon_join
from plancli.plan_checks import Finding

if TYPE_CHECKING:
    from plancli.model import Target

_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_GROUPED = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")  # 1,053.8
_CLAUSE_END = re.compile(r"[，,。；;、：:|（）()]|[0-9]")
_FLOOR_AFTER = re.compile(r"以上")
_CEILING_AFTER = re.compile(r"以内|以下")
_FLOOR_BEFORE = re.compile(r"(?:不低于|不少于)$")
_CEILING_BEFORE = re.compile(r"(?:不超过|不高于)$")
_AIM_BEFORE = re.compile(r"(?:力争|争取)(?:达到|实现|增长|提高|提升)?$")
# a fall's words before its figure, in the same clause: 下降3%, 下降幅度控制在5%以内, 降幅…,
# 跌幅…, 下降不超过2% (N1: only 下降/降低/减少 right before the figure were read, so 降幅控制在
# 5%以内 read as a ceiling on growth and `min = -5`, right, was told to become `max = 5`)
_FALL_BEFORE = re.compile(
    r"(?:(?:下降|降低|减少|下跌)(?:幅度)?|降幅|跌幅)"
    r"(?:控制在|保持在|不超过|不高于|不大于|在)?$"
)
_HELD_AT = re.compile(r"(?:控制在|保持在)$")
_BETTER = re.compile(r"争取(?:更好|更优|更高|更多)")
_RANGE = re.compile(
    r"([0-9]+(?:\.[0-9]+)?)(?:%|个百分点)?\s*(?:—|–|-|－|～|~|至|到)+\s*([0-9]+(?:\.[0-9]+)?)"
)
BOUNDED = ("growth", "level", "change", "cumulative", "ongoing")


class Place(NamedTuple):
    """One figure of a quote: its value, its words (`7%以上`), the bound key its side asks for
    (min, max, stretch, or None when its words say no side) and whether it is a fall."""

    figure: Decimal
    words: str
    side: str | None
    fall: bool


def _read(quote: str) -> str:
    """The quote as extract reads it (`furniture.quote_as_read`): a PDF copy's page number
    after a figure is no range's other edge (`10` / `— 37 —` / `亿方以上` is 10亿方以上, not
    10—37), nor a page break cutting a figure two (`54` / `11` / `00万吨` is 5400)."""
    from plancli.extract.furniture import quote_as_read

    return _GROUPED.sub("", unicodedata.normalize("NFKC", quote_as_read(quote)))


def _places(quote: str) -> list[Place]:
    text = _read(quote)
    places = []
    for match in _FIGURE.finditer(text):
        before = re.sub(r"\s+", "", text[max(0, match.start() - 14) : match.start()])
        before = re.split(r"[，,。；;、：:|（）()]|[0-9]", before)[-1]  # its own clause
        rest = text[match.end() : match.end() + 12]
        end = _CLAUSE_END.search(rest)
        after = rest[: end.start()] if end else rest
        fall_words = _FALL_BEFORE.search(before)
        fall = fall_words is not None
        side: str | None = None
        if _FLOOR_AFTER.search(after) or _FLOOR_BEFORE.search(before):
            side = "min"
        elif (
            _CEILING_AFTER.search(after)
            or _CEILING_BEFORE.search(before)
            or (fall and _HELD_AT.search(before) and "左右" not in after)  # 降幅控制在5%
        ):
            side = "max"
        elif _AIM_BEFORE.search(before):
            side = "stretch"
        elif fall and "左右" not in after:  # 下降0.2个百分点: a fall of at least 0.2
            side = "min"
        lead = fall_words or re.search(r"(?:力争|争取|不低于|不少于|不超过|不高于)$", before)
        words = (lead.group(0) if lead else "") + match.group(0) + after
        places.append(Place(Decimal(match.group(0)), words, side, fall))
    return places


def _wanted(target: Target, place: Place) -> tuple[str, Decimal] | None:
    """The bound key and value the place's words ask of this target (None: no side)."""
    if place.side is None:
        return None
    if not place.fall or target.decline:  # the decline's bounds are the size of the fall
        return place.side, place.figure
    flipped = {"min": "max", "max": "min", "stretch": "stretch"}[place.side]
    return flipped, -place.figure  # a growth/change without decline: the fall is negative


_SIDE = {
    "min": N_("min = {value} (a floor) contradicts its quote's {words!r}: write {fix}"),
    "max": N_("max = {value} (a ceiling) contradicts its quote's {words!r}: write {fix}"),
}
_BAND_TOP = N_(
    "max = {value} is a ceiling, but its quote {quote!r} asks for more (争取更好): a higher "
    "aim, not a ceiling: write stretch = {value}, not max"
)
_ONE_SIDE = N_(
    "its quote reads {low}—{high}, but the plan keeps only {bound} = {value}: write both "
    "(min = {low} and stretch = {high}, or max = {high})"
)


def _fix(target: Target, key: str, value: Decimal) -> str:
    fix = f"{key} = {num(value)}"
    if value < 0 and target.kind == "growth":  # or, as the bulletin writes it, a decline
        size = {"max": "min", "min": "max"}.get(key, key)
        return _("{fix} (or decline = true, {size})").format(
            fix=fix, size=f"{size} = {num(-value)}"
        )
    return fix


def side_findings(target: Target, index: int, text: str | None) -> list[Finding]:
    """The bounds of one target (the index-th of the plan) whose side or sign its quote's
    words contradict, each message opening with the bound's line in the plan's `text`."""
    found = _side_findings(target)
    if text is None:
        return [finding for _bound, finding in found]
    from plancli.toml_lines import line_of_item

    located = []
    for bound, finding in found:  # the bound's own key, never read back out of the message:
        line = line_of_item(text, "targets", index, bound)  # a translated one names it 下限
        message = colon_join(_("line {n}").format(n=line), finding.message)
        located.append(finding._replace(message=message))
    return located


def _side_findings(target: Target) -> list[tuple[str | None, Finding]]:
    """Each finding with the key of the bound it is about (its line in the plan)."""
    if target.quote is None or target.pending or target.kind not in BOUNDED:
        return []
    places = _places(target.quote)
    findings: list[tuple[str | None, Finding]] = []
    for bound in ("min", "max"):
        value = getattr(target, bound)
        if value is None or value == 0:
            continue
        mine = [p for p in places if p.figure == abs(value)]
        wanted = [_wanted(target, p) for p in mine]
        if not mine or any(w is None or w == (bound, value) for w in wanted):
            continue
        first = next(w for w in wanted if w is not None)
        message = _(_SIDE[bound]).format(
            value=num(value), words=mine[0].words, fix=_fix(target, *first)
        )
        findings.append((bound, Finding("warning", "bound_side_not_in_quote", target.id, message)))
    band = target.min is not None and target.max is not None and target.max > 0
    if band and not findings and _BETTER.search(target.quote) and not _ceiling_said(places, target):
        message = _(_BAND_TOP).format(value=num(target.max), quote=target.quote)
        findings.append(("max", Finding("warning", "band_top_is_aim", target.id, message)))
    one_side = _one_side(target)
    if one_side is not None and not findings:
        findings.append((None, Finding("warning", "range_one_side", target.id, one_side)))
    return findings


def _ceiling_said(places: list[Place], target: Target) -> bool:
    return any(p.side == "max" and p.figure == target.max for p in places)


def _one_side(target: Target) -> str | None:
    """A range X—Y in the quote of which the plan keeps X as `min` with no `max` or `stretch`
    (or Y as `max` with no `min`): the other edge is lost."""
    assert target.quote is not None
    text = _read(target.quote)
    for match in _RANGE.finditer(text):
        try:
            low, high = Decimal(match.group(1)), Decimal(match.group(2))
        except InvalidOperation:  # pragma: no cover - the pattern reads only figures
            continue
        if low >= high or target.decline:
            continue
        if target.min == low and target.max is None and target.stretch is None:
            bound, value = "min", low
        elif target.max == high and target.min is None and target.around is None:
            bound, value = "max", high
        else:
            continue
        return _(_ONE_SIDE).format(low=num(low), high=num(high), bound=bound, value=num(value))
    return None
