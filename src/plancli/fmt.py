"""Plain-text formatting shared by tables, CSV and reports (no Rich here)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from plancli.i18n import Lang, t
from plancli.ranges import stretch_is_range_top
from plancli.unit_words import class_figure as class_figure  # (for `ledger_values.parse_number`)
from plancli.unit_words import class_text

if TYPE_CHECKING:  # plain data (read commands) or the models (writing ones): both read alike
    from plancli.plain import AnyAmendment, AnyTarget


def num(value: Decimal | int | float | None, places: int | None = None) -> str:
    """A number as people write it: no exponent, no trailing zeros (7, 58.72, 0.5)."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        value = Decimal(str(value))
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def stated(value: Decimal | int | float | None) -> str:
    """A figure someone wrote, as stated: `num`, but its places kept where they end in zeros
    (3.0 stays 3.0, 4.10 stays 4.10: the bulletin's or the analyst's precision, as the ledger
    keeps it). A plan's figures too (session 43): a bound, an aim, an X左右's X as the plan
    file writes them, which is as the report printed them (官渡's 年度计划投资2.30亿元: `≥ 2.30
    亿元`, `0.62/2.30`, never 2.3 in one view and 2.30 in another); `bound_text` and every
    cell and sentence that writes a plan's figure alone go through here. A figure plancli
    computed (a gap, a share, a pace, a tolerance derived) is `num`'s (no trailing zeros)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return num(value)
    text = format(value, "f")
    return text.lstrip("-") if value.is_zero() else text  # (-0.0: 0.0)


def computed(value: Decimal | None) -> Decimal | None:
    """A figure plancli computed, for a view that writes figures `stated` (`bound_text`): its
    trailing zeros dropped (an X左右's edge 5.5 − 0.5 is 5, never a stated-looking 5.0)."""
    return None if value is None else value.normalize()


def percent_figure(value: Decimal) -> str:
    """A recorded percentage as a table, card or page writes it: `3.0%`, the figure `stated`
    and the sign against it (a bulletin's 3.0 was `3%` in `status`, `gap` and the report).
    A line of text keeps its spaced `3.0 %` (`figure_text`: `record`, `history`, JSON)."""
    return f"{stated(value)}%"


def gap_num(gap: Decimal | int | float | None, status: str) -> str:
    """A gap as a table shows it: `num`, but a bound not satisfied by less than the figure's
    last place (正增长 at 0.0 %: nothing, yet > 0 is not met) reads "> 0", never 0 beside a
    red status."""
    text = num(gap)
    return "> 0" if text == "0" and status in ("at_risk", "behind", "missed") else text


# What a table prints for a gap that is nothing (a target met or on track lacks nothing): the
# same mark in the terminal and in the reports, where `0 个百分点` would read as a figure.
ASCII_SIGNS = {"≈": "~", "≥": ">=", "≤": "<=", "±": "+/-"}
"""≈, ≥, ≤ and ± as text is written where the output's encoding lacks them (ASCII, cp1252):
`~ 2 %`, never three alike `?` (≈ 2 % read as ≥ 2 %). The tables (`render.shown`) and the
report on stdout (`cli.streams.write_markdown`) from this one table."""
SATISFIED = "—"

# A space between a figure and a Chinese word, either way round (52 个, 争取 5.5%): a Chinese
# cell writes them together, as the summary's prose does (52个, 争取5.5%).
_SPACED = re.compile(r"(?<=[0-9%]) (?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff]) (?=[0-9])")


def zh_cell(text: str) -> str:
    """A figure's cell in a Chinese table as the bureau writes it: no space between a number
    and a Chinese unit (1.4个百分点, 28.02亿元), full-width parentheses (5.6%（708.5亿元）,
    ≥ 39个（推进中）). Never for a name: a plan's name keeps its own characters."""
    text = _SPACED.sub("", text)
    return text.replace(" (", "（").replace("(", "（").replace(")", "）")


def table_cell(text: str, lang: str) -> str:
    """A figure or a bound in a table cell, in the tables' one typography: `5%` and `≥ 7%`
    (never `≥ 7 %` beside `5%`), in Chinese `≥ 310个`, `2个百分点`, `5%（争取5.5%）`."""
    text = text.replace(" %", "%")
    return zh_cell(text) if lang == "zh" else text


_RELATION_SIGN = {"same": "≈", "above": ">", "not_below": "≥", "below": "<"}
_WORDS = {
    "fall": ("fall", "下降"),
    "rise": ("rise", "提高"),
    "exactly": ("exactly", "="),
    "pp": ("pp", "个百分点"),
    "stretch": ("aim", "争取"),
    # a stretch that is last year's figure, to be passed (力争比去年实现更多增长), as the
    # report's tables write it (`report.text`)
    "above_last_year": ("aim: above last year's", "力争高于上年"),
    "pending": ("pending", "待下达"),
    "dropped": ("dropped", "不再考核"),
    "ongoing": ("under way", "推进中"),
    "stable": ("stable", "保持稳定"),
}


def relation_sign(relation: str | None) -> str:
    """How a relative target compares with its reference: ≈ 同步, > 高于, ≥ 不低于, < 低于."""
    return _RELATION_SIGN[relation or "same"]


def _word(key: str, lang: str) -> str:
    en, zh = _WORDS[key]
    return zh if lang == "zh" else en


class BoundFields(Protocol):
    """What `bound_text` reads: a plan's `Target`, or an assessment's output (`AssessmentOut`,
    whose bounds are the ones in force, amended or not)."""

    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def min(self) -> Decimal | None: ...
    @property
    def max(self) -> Decimal | None: ...
    @property
    def around(self) -> Decimal | None: ...
    @property
    def stretch(self) -> Decimal | None: ...
    @property
    def tolerance(self) -> Decimal | None: ...
    @property
    def direction(self) -> str | None: ...
    @property
    def relation(self) -> str | None: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def exclusive(self) -> bool: ...
    @property
    def decline(self) -> bool: ...


def bound_text(target: BoundFields, amendment: AnyAmendment | None = None, lang: str = "en") -> str:
    """The target's bound in the report's sense: `≥ 7 %`, `> 0 %`, `≤ 4.8 %`, `1–2 个`,
    `≈ 5 %` (5%左右), `exactly 5 个` (min = max), `fall ≥ 3.8 %` (下降3.8%), `≥ 5 % (aim 5.5 %)`
    (争取更好结果), `≈ gdp`.

    `amendment`, when one is in force, gives the bound instead of the plan (年中调整); a drop
    (`amend --drop`) leaves none: `dropped` (不再考核).
    """
    if amendment is not None and amendment.drops:
        return _word("dropped", lang)
    kind = target.kind
    if kind == "relative":
        return f"{relation_sign(target.relation)} {target.reference}"
    if kind == "milestone":
        return "100 %"
    if kind == "indicator":
        return "—"
    if kind == "trend":
        direction = target.direction or "band"
        if direction == "band" and target.tolerance:  # 保持稳定 ±0.5 %: a growth's band, or
            points = target.unit.strip() in ("pp", "个百分点", "百分点")  # in points (session 41)
            unit = _word("pp", lang) if points else "%"
            return f"{_word('stable', lang)} ±{num(target.tolerance)} {unit}"
        if direction == "band":
            return _word("stable", lang)
        return "↑ > 0 %" if direction == "up" else "↓ < 0 %"
    source: BoundFields | AnyAmendment = amendment if amendment is not None else target
    low, high, around = source.min, source.max, source.around
    if low is None and high is None and around is None:
        return _word("pending", lang)
    unit = "%" if kind in ("growth", "relative") else target.unit
    stretch = source.stretch
    given = [v for v in (low, high, around, stretch) if v is not None]
    falls = kind == "change" and all(v <= 0 for v in given) and any(v < 0 for v in given)
    if kind == "change":
        unit = _word("pp", lang)
    if falls:  # 下降0.2个百分点 (max = -0.2): `fall ≥ 0.2 pp`, not `rise ≤ -0.2 pp` (audit W D9)
        low, high = (None if high is None else -high), (None if low is None else -low)
        around = None if around is None else -around
        stretch = None if stretch is None else -stretch
    if around is not None:
        text = f"≈ {stated(around)} {unit}"
    elif _range_top(target, amendment, low, high, stretch):
        # 增长4.5%—5%，全力争取更好结果: the range the plan states, never `≥ 4.5 % (aim 5 %)`, a
        # 争取 line the plan does not set (audit R, D1); written as the report's sentences do
        assert low is not None and stretch is not None
        text = (
            (
                f"{stated(low)}%—{stated(stretch)}%"
                if lang == "zh"
                else f"{stated(low)} %–{stated(stretch)} %"
            )
            if unit == "%"
            else f"{stated(low)}–{stated(stretch)} {unit}"
        )
        stretch = None
    elif low is not None and high is not None:
        # one figure: a word, as a fall's and a change's: `= 5 个` would be a formula in a
        # spreadsheet (CSV guard); the Chinese sign stays, its text is never a CSV cell
        exact = f"{_word('exactly', lang)} {stated(low)} {unit}"
        text = exact if low == high else f"{stated(low)}–{stated(high)} {unit}"
    elif low is not None:
        figure = class_text(low, unit) or f"{stated(low)} {unit}"
        text = f"{'>' if target.exclusive else '≥'} {figure}"
    else:
        assert high is not None
        figure = class_text(high, unit) or f"{stated(high)} {unit}"
        text = f"{'<' if target.exclusive else '≤'} {figure}"
    if target.decline or falls:
        text = f"{_word('fall', lang)} {text}"
    elif kind == "change":
        # a word, as a fall's: `+≥ 1 pp` would read as a formula in a spreadsheet (CSV guard)
        text = f"{_word('rise', lang)} {text}"
    exceeds = stretch_exceeds(source)
    if exceeds == "last_year":  # 力争比去年实现更多增长: (aim: above last year's 1350.97 亿斤)
        space = "" if lang == "zh" else " "
        text += f" ({_word('above_last_year', lang)}{space}{stated(stretch)} {unit})"
    elif stretch is not None:  # with its unit, as the bound's: (aim 5.5 %), not (aim 5.5)
        over = "> " if exceeds == "figure" else ""  # more than it
        text += f" ({_word('stretch', lang)} {over}{stated(stretch)} {unit})"
    if kind == "ongoing":
        text += f" ({_word('ongoing', lang)})"
    return text.replace("  ", " ")


def _range_top(
    target: object,
    amendment: object,
    low: Decimal | None,
    high: Decimal | None,
    stretch: Decimal | None,
) -> bool:
    """Is the bound's stretch the top of a range its plan states (`ranges.stretch_is_range_top`:
    4.5%—5% is min 4.5, stretch 5)? An assessment says it (`stretch_is_range_top`, of the bound
    in force); a plan's target by its quote, an amendment in force by its note too."""
    if low is None or high is not None or stretch is None:
        return False
    said = getattr(target, "stretch_is_range_top", None)
    if said is not None:
        return bool(said)
    texts = (getattr(target, "quote", None), getattr(amendment, "note", None))
    return stretch_is_range_top(texts, low, high, None, stretch)


def stretch_exceeds(source: object) -> str | None:
    """How a stretch met only above its figure (`stretch_exclusive`) is worded: `last_year`
    where that figure is the baseline's value, last year's (河南 粮食产量1300亿斤以上、力争比去年
    实现更多增长: 1350.97), `figure` for another; None for a stretch reached at its figure, and
    an amendment's. A plan's target says it by its keys, an assessment (`AssessmentOut`) by its
    `stretch_exceeds`."""
    if hasattr(source, "stretch_exceeds"):
        exceeds: str | None = source.stretch_exceeds
        return exceeds
    stretch = getattr(source, "stretch", None)
    if stretch is None or not getattr(source, "stretch_exclusive", False):
        return None
    baseline = getattr(source, "baseline", None)
    last_year = baseline is not None and baseline.value is not None and baseline.value == stretch
    return "last_year" if last_year else "figure"


def fall_text(target: BoundFields, actual: Decimal, lang: str) -> str | None:
    """A decline target's figure (`actual`, the fall) as the bulletin states it, in every
    table and cell: `下降2.1%` / `增长1%` in Chinese, the signed growth `-2.1%` / `+1%` in
    English (a fall is negative, as recorded). A bare `2.1%` beside `下降 ≥ 3%` would hide
    which way the figure went, and a bare `-1%` (the fall of a rise) says the opposite of
    what happened. None for a target that is not a decline."""
    if not target.decline:
        return None
    if actual == 0:
        return "0%"
    if lang == "zh":
        return f"{'下降' if actual > 0 else '增长'}{percent_figure(abs(actual))}"
    return f"{'-' if actual > 0 else '+'}{percent_figure(abs(actual))}"


def change_text(target: BoundFields, actual: Decimal, lang: str) -> str | None:
    """A `change` target's figure (`actual`, level − base, in 百分点) as a change, in every
    table and cell: `提高0.42个百分点` / `下降0.3个百分点` in Chinese, `+0.42 pp` / `-0.3 pp` in
    English. A bare `0.42%` beside `提高 ≥ 1个百分点` reads as the rate itself (城镇化率0.42%)
    and a fall as a growth rate. None for a target that is not a change."""
    if target.kind != "change":
        return None
    if actual == 0:
        return f"0{_word('pp', lang)}" if lang == "zh" else "0 pp"
    if lang == "zh":
        return f"{'提高' if actual > 0 else '下降'}{num(abs(actual))}{_word('pp', lang)}"
    return f"{'+' if actual > 0 else '-'}{num(abs(actual))} pp"


def stated_text(target: BoundFields, actual: Decimal, lang: str) -> str | None:
    """The figure judged as the bulletin states it where a bare figure would mislead: a
    decline's fall (`fall_text`), a change in 百分点 (`change_text`); else None."""
    fall = fall_text(target, actual, lang)
    return fall if fall is not None else change_text(target, actual, lang)


def value_is_percent(target: AnyTarget) -> bool:
    """Is the target's recorded figure a percentage (`5.2%` accepted, shown as `5.2 %`)?"""
    return (
        target.kind in ("growth", "relative", "milestone", "change", "trend")
        or target.unit.strip() == "%"
    )


def actual_words(target: AnyTarget, actual: Decimal | None) -> str | None:
    """The figure judged in words, with its unit, for the JSON's and CSV's `actual_text` beside
    the number `actual`, as `bound` writes its figure and `history` a record's: `Ⅱ类`, `劣Ⅴ类`
    (`actual` 2, 6), `5.2 %`, `120 个`; a decline's fall and a change as the English tables
    state them, `-2.1%` (a fall of 2.1), `+0.42 pp`; a figure in 类 that is no class as
    recorded, `2.5 类`. In English whatever `--lang` (as `bound`): a script's field does not
    change with the reader's language. None where `actual` is null."""
    if actual is None:
        return None
    if (stated := stated_text(target, actual, "en")) is not None:
        return stated
    return figure_text(actual, None, target).rstrip()


def figure_text(
    value: Decimal, amount: Decimal | None, target: AnyTarget | None, lang: Lang = "en"
) -> str:
    """A recorded figure with its unit: `150 个`, `5.2 % (amount 700 亿元)`, `100 %`; in
    Chinese the amount in full-width brackets, `5.2 %（总量 700 亿元）`, as every bracket of
    a Chinese table and sentence is (it was `5.2 % (总量 700 亿元)`)."""
    if target is None:  # a record of a target the plan no longer has
        text = stated(value)
    elif value_is_percent(target):  # spaced, as the JSON's actual_text (a table's cell and
        # record's line write it `3.0%`: `record_text.figure_cell`, `table_cell`)
        text = f"{stated(value)} %"
    else:  # (a water class as the report writes it: Ⅱ类, not 2 类)
        text = class_text(value, target.unit) or f"{stated(value)} {target.unit}"
    if amount is not None:
        unit = f" {target.unit}" if target is not None else ""
        amount_text = f"{t('amount', lang)} {stated(amount)}{unit}"
        text += f"（{amount_text}）" if lang == "zh" else f" ({amount_text})"
    return text


def growth_rest_text(
    value: Decimal,
    lang: Lang,
    form: str = "needs",
    strict: bool = False,
    goal: str | None = None,
    ahead: bool = False,
) -> str:
    """`required_growth_rest` read as what it means. A positive figure is the growth the rest
    of the year needs; a negative one is a fall the year can afford: −6.03 is "the rest of the
    year may fall by up to 6.03% and still meet the target", never "needs −6.03%".

    `strict`: the bound excludes its figure (正增长, > 0): growing exactly the figure leaves the
    year on the bound, not past it, so the rest of the year needs *more than* it (需增长超过0.98%,
    never 需增长0%) and may fall by *less than* it (降幅小于4.92%).

    `form`: `needs` (a report's table cell), `sentence` (the written summary, after a comma),
    `detail` (`show`'s line), `compact` (the gap table's narrow column). `goal`: what the pace
    reaches where that is not the bound the figure is judged at (an X左右's X: 方能达到5.5%);
    `ahead`: the year so far grew faster than the pace asks, which then is all it takes
    (福建 5.2% in 上半年 for 5%左右: 余下月份增长4.82%即可达到5%, where `需增长…方能达到` read as a
    demand to speed up; walk4 of session 37).
    """
    key = f"growth_rest.{form}" + (".fall" if value < 0 else "") + (".strict" if strict else "")
    text = t(key, lang).format(value=num(abs(value)))
    if goal is None or form not in ("needs", "sentence"):
        return text
    # an X左右's pace is to X, not to the edge it is judged at: 符合5.5%左右的目标 beside a bare
    # 余下月份需增长5.88% read as a contradiction, or 5.88 as the floor (audit R, D7)
    if value < 0:
        zh, en = f"仍可达到{goal}", f"and still reach {goal}"
        return text.replace("仍可完成", zh).replace("and still meet the target", en)
    if ahead and not strict:
        key = f"growth_rest.{form}.ahead"
        return t(key, lang).format(value=num(value), goal=goal)
    return text + (f"方能达到{goal}" if lang == "zh" else f" to reach {goal}")


def halfway_note(base: Decimal, around: Decimal, unit: str, lang: str) -> str:
    """Why an X左右 level is judged where it is (docs/forms.md): its edge is half-way from the
    baseline to X, `（上年4.5%至目标4.6%的中点）` / ` (half-way from last year's 4.5 % to the
    target 4.6 %)`."""
    gap = " " if lang != "zh" and unit else ""
    was, goal = f"{num(base)}{gap}{unit}", f"{stated(around)}{gap}{unit}"
    return t("around_halfway", "zh" if lang == "zh" else "en").format(base=was, around=goal)


def halfway_clause(a: BoundFields, zh: bool) -> str:
    """The report's words for `halfway_note`, after its 按…考核: `，即上年4.5%至目标4.6%的中点`
    / `, half-way from last year's 4.5% to 4.6%`; empty unless the edge is capped so."""
    base, around = getattr(a, "around_baseline", None), a.around
    if base is None or around is None:
        return ""
    unit = a.unit if zh or a.unit in ("%", "％") else f" {a.unit}"
    was, goal = f"{num(base)}{unit}", f"{stated(around)}{unit}"
    if zh:
        return f"，即上年{was}至目标{goal}的中点"
    return f", half-way from last year's {was} to {goal}"
