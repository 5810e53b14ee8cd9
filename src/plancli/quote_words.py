"""`validate`'s checks of a bound against its quote's words beyond `bound_sides`' (audit D,
session 27, a 统计局 reviewer signing off the bundled plans): each let a mis-encoded plan pass
with 0 warnings, then judged the wrong way.

- an `around` where every place of its figure in the quote says 以上/不低于/不少于 or
  以内/以下/不超过/不高于 (`bound_side_not_in_quote`: 城镇调查失业率5%以内 typed `around = 5`,
  and 5.4 % judged met, the 左右 tolerance read as room the report never gave);
- a bound whose figure the quote writes in another unit (`bound_unit_not_in_quote`: 粮食产量
  1300万吨以上 with `unit = "亿斤"`, five times the report's floor), or only with a 万/亿 scale
  the plan's unit does not have (`bound_scale_not_in_quote`: 突破1万亿元 as `min = 1` 亿元);
- a change in 个百分点 typed as a level (`change_typed_as_level`: 常住人口城镇化率提升1个百分点
  以上 as a level of at least 1 %, which every rate meets).

A place's unit is the word right after its figure (万吨, 亿斤, %, 个百分点); a place with none
agrees with any unit. As in `bound_sides`, a bound is warned of only when every place of its
figure disagrees. Warnings, each naming the bound's line in the plan file."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from plancli.fmt import num
from plancli.i18n import N_, _, colon_join
from plancli.plan_checks import Finding

if TYPE_CHECKING:
    from plancli.model import Target

_GROUPED = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")  # 1,053.8
_SCALE = "(?:万亿|千亿|百亿|亿|千万|百万|十万|万)"
_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_PERCENT = frozenset({"%", "‰", "个百分点", "百分点"})
UNIT_WORDS = (  # the units a quote writes after a figure (no 年/月: 2025年 is a year, not a unit)
    "个百分点|百分点|%|‰|千瓦时|千瓦|吨标准煤|吨|平方公里|平方千米|平方米|立方米|公顷|公里|千米"
    "|千克|公斤|斤|标箱|微克|美元|元|人次|人|户|个|家|项|件|辆|台|套|间|张|床|所|座|处|条|栋"
    "|头|只|株|亩|倍"
)
_FIGURE_UNIT = re.compile(rf"([0-9]+(?:\.[0-9]+)?)\s*({_SCALE}?)\s*({UNIT_WORDS})?")
_SAID = re.compile(r"以上|不低于|不少于|以内|以下|不超过|不高于")
_CHANGE_WORD = re.compile(r"(?:提升|提高|增加|下降|降低|减少|回落)(?:了)?\s*$")
_IN_PERCENT = ("growth", "relative")


class Unit(NamedTuple):
    """A figure of a quote and the unit word right after it: `1300`, `万`, `吨`."""

    figure: Decimal
    scale: str
    base: str
    words: str
    changed: bool  # a change word (提升, 下降…) right before the figure
    rest: str  # the text after the figure (万户次 where the list reads 万户)


def _scale(words: str) -> Decimal:
    scale = Decimal(1)
    for word in words:
        scale *= _SCALES[word]
    return scale


def _folded(unit: str) -> str:
    return "".join(unicodedata.normalize("NFKC", unit).split())


def _units(quote: str) -> list[Unit]:
    text = _GROUPED.sub("", unicodedata.normalize("NFKC", quote))
    found = []
    for match in _FIGURE_UNIT.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        changed = bool(_CHANGE_WORD.search(before))
        after = text[match.end() : match.end() + 4]
        said = re.match(r"(?:以上|以内|以下|左右)", after)
        words = match.group(0) + (said.group(0) if said else "")
        lead = re.search(r"(?:提升|提高|增加|下降|降低|减少|回落)(?:了)?$", before)
        words = (lead.group(0) if lead else "") + re.sub(r"\s+", "", words)
        rest = re.sub(r"\s+", "", text[match.end(1) : match.end(1) + 12])
        unit = Unit(
            Decimal(match.group(1)), match.group(2), match.group(3) or "", words, changed, rest
        )
        found.append(unit)
    return found


def _in_percent(target: Target) -> bool:
    return target.kind in _IN_PERCENT or _folded(target.unit) in _PERCENT


# One message a bound, so that each language names it in its words (下限（min）, not `min`).
_UNIT = {
    "min": N_("min = {value} is in {unit}, but its quote writes {words!r}: {fix}"),
    "max": N_("max = {value} is in {unit}, but its quote writes {words!r}: {fix}"),
    "around": N_("around = {value} is in {unit}, but its quote writes {words!r}: {fix}"),
    "stretch": N_("stretch = {value} is in {unit}, but its quote writes {words!r}: {fix}"),
}
_UNIT_FIX = N_("give the bound in {unit}, or write unit = {quoted!r}")
_SCALE_SLIP = {
    "min": N_(
        "min = {value} is its quote's {words!r} without its {scale}: in {unit}, write min = {fix}"
    ),
    "max": N_(
        "max = {value} is its quote's {words!r} without its {scale}: in {unit}, write max = {fix}"
    ),
    "around": N_(
        "around = {value} is its quote's {words!r} without its {scale}: in {unit}, write "
        "around = {fix}"
    ),
    "stretch": N_(
        "stretch = {value} is its quote's {words!r} without its {scale}: in {unit}, write "
        "stretch = {fix}"
    ),
}
_AROUND = N_("around = {value} (about) contradicts its quote's {words!r}: write {fix}")
_LEVEL = N_(
    'kind = "level", but its quote\'s {words!r} is a change in 个百分点: write kind = "change" '
    "(its bounds then a rise from the baseline's value)"
)


def _unit_slip(target: Target, bound: str, value: Decimal, place: Unit) -> Finding | None:
    """Why the place's unit is not the bound's (None: it is, or the place says none)."""
    word, planned = place.scale + place.base, _folded(target.unit)
    if not place.base or (planned and place.rest.startswith(planned)):
        return None  # a bare figure (5—5.5%: the 5), one the list does not know, the plan's
    if _in_percent(target) or place.base in _PERCENT:
        if _in_percent(target) == (place.base in _PERCENT):
            return None  # (a % bound beside 个百分点 is `_level_slip`'s, if a level)
    elif word == planned or planned.startswith(word + "/"):  # 微克 of 微克/立方米
        return None
    elif word.lstrip("十百千万亿") == planned.lstrip("十百千万亿"):  # another scale
        fix = place.figure * _scale(place.scale) / _scale(re.sub(r"[^十百千万亿].*", "", planned))
        if fix.normalize() == place.figure.normalize():
            return None
        message = _(_SCALE_SLIP[bound]).format(
            value=num(value),
            words=place.words,
            scale=place.scale,
            unit=target.unit,
            fix=num(fix.normalize() * (-1 if value < 0 else 1)),
        )
        return Finding("warning", "bound_scale_not_in_quote", target.id, message)
    else:
        from plancli.figure_slips import same_quantity

        if same_quantity(word, planned) is False:  # 千米 for 公里: one unit spelled otherwise
            return None
    advice = _(_UNIT_FIX).format(unit=target.unit, quoted=word)
    message = _(_UNIT[bound]).format(
        value=num(value), unit=target.unit, words=place.words, fix=advice
    )
    return Finding("warning", "bound_unit_not_in_quote", target.id, message)


def _unit_findings(target: Target) -> list[tuple[str, Finding]]:
    places = _units(target.quote or "")
    found: list[tuple[str, Finding]] = []
    for bound in ("min", "max", "around", "stretch"):
        value = getattr(target, bound)
        if value is None or value == 0:
            continue
        mine = [p for p in places if p.figure == abs(value)]
        slips = [_unit_slip(target, bound, value, p) for p in mine]
        if not mine or any(slip is None for slip in slips):
            continue
        found.append((bound, next(s for s in slips if s is not None)))
    return found


def _level_finding(target: Target) -> tuple[str, Finding] | None:
    """A level whose every bound stands in the quote as a change in 个百分点 (提升1个百分点以上)."""
    if target.kind != "level":
        return None
    places = _units(target.quote or "")
    bounds = [getattr(target, b) for b in ("min", "max", "around")]
    mine = [p for p in places for v in bounds if v is not None and p.figure == abs(v)]
    if not mine or not all(p.changed and p.base in ("个百分点", "百分点") for p in mine):
        return None
    message = _(_LEVEL).format(words=mine[0].words)
    return "kind", Finding("warning", "change_typed_as_level", target.id, message)


def _around_finding(target: Target) -> tuple[str, Finding] | None:
    """An `around` whose figure stands in the quote only beside 以上 or 以内 (and their kin)."""
    from plancli.bound_sides import _places, _wanted

    value = target.around
    if value is None or value == 0:
        return None
    mine = [p for p in _places(target.quote or "") if p.figure == abs(value)]
    wanted = [_wanted(target, p) for p in mine]
    if not mine or any(w is None or w[0] == "stretch" for w in wanted):
        return None
    if not all(_SAID.search(p.words) for p in mine):  # a bare fall (下降3%) is read as a floor
        return None
    first = next(w for w in wanted if w is not None)
    fix = f"{first[0]} = {num(first[1])}"
    message = _(_AROUND).format(value=num(value), words=mine[0].words, fix=fix)
    return "around", Finding("warning", "bound_side_not_in_quote", target.id, message)


def word_findings(target: Target, index: int, text: str | None) -> list[Finding]:
    """The checks above of one target (the index-th of the plan) whose bounds are its quote's
    figures, each message opening with its line in the plan's `text`."""
    from plancli.bound_sides import BOUNDED

    if target.quote is None or target.pending or target.kind not in BOUNDED:
        return []
    found = [f for f in (_around_finding(target), _level_finding(target)) if f is not None]
    found += [] if any(k == "kind" for k, _f in found) else _unit_findings(target)
    if text is None:
        return [finding for _key, finding in found]
    from plancli.toml_lines import line_of_item

    located = []
    for key, finding in found:
        line = line_of_item(text, "targets", index, key)
        message = colon_join(_("line {n}").format(n=line), finding.message)
        located.append(finding._replace(message=message))
    return located
