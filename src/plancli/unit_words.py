"""The one table of the Chinese units plans give (万人, 亿元, 个…): what each means in English,
for the legend under English output (`legend`: 52 万人 stays 52 万人, the data's unit, and the
legend says 万人 = 10,000 people: a gloss, never a conversion), whether things in it are counted
whole (`WHOLE_UNITS`: 月均需完成12个, never 11.5个) and whether English prose says a count in it
as a bare number (`MEASURE_WORDS`: 36, never 36 个)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple


class Unit(NamedTuple):
    gloss: str  # in English, for the legend
    whole: bool = False  # things counted whole: a month's share of one is not written
    measure: bool = False  # a measure word (量词): English prose writes the count alone


_COUNT = "a count"
UNITS: dict[str, Unit] = {
    # measure words of things counted whole
    "个": Unit(_COUNT, True, True),
    "户": Unit("households", True, True),
    "所": Unit("a count (of schools, hospitals…)", True, True),
    "套": Unit("sets, dwellings", True, True),
    "家": Unit("a count (of firms, institutions)", True, True),
    "座": Unit("a count (of buildings, bridges, stations)", True, True),
    "处": Unit("sites", True, True),
    "台": Unit("a count (of machines)", True, True),
    "辆": Unit("vehicles", True, True),
    "间": Unit("rooms", True, True),
    "张": Unit("a count (of beds, sheets…)", True, True),
    "条": Unit("a count (of roads, lines…)", True, True),
    "项": Unit("items, projects", True, True),
    "件": Unit("items, cases", True, True),
    "人": Unit("people", True, True),
    "名": Unit("people", True, True),
    "栋": Unit("buildings", True, True),
    "只": Unit(_COUNT, True, True),
    "头": Unit("head (of livestock)", True, True),
    "艘": Unit("ships", True, True),
    "架": Unit("a count (of aircraft, frames)", True, True),
    "部": Unit(_COUNT, True, True),
    "场": Unit("a count (of events, venues)", True, True),
    "批": Unit("batches", True, True),
    "宗": Unit("cases, lots", True, True),
    "株": Unit("plants", True, True),
    "棵": Unit("trees", True, True),
    "口": Unit(_COUNT, True, True),
    "块": Unit(_COUNT, True, True),
    "幢": Unit("buildings", True),
    "册": Unit("volumes", True),
    "支": Unit(_COUNT, True),
    # measure words said bare in English, but not counted whole (events, people-times…)
    "次": Unit("times", measure=True),
    "本": Unit("volumes", measure=True),
    "位": Unit("people", measure=True),
    "首": Unit(_COUNT, measure=True),
    "门": Unit(_COUNT, measure=True),
    "份": Unit("copies, portions", measure=True),
    "把": Unit(_COUNT, measure=True),
    "人次": Unit("person-times (visits)", measure=True),
    "家次": Unit("firm-times", measure=True),
    "个次": Unit("times", measure=True),
    "项次": Unit("item-times", measure=True),
    # amounts
    "万人": Unit("10,000 people"),
    "万人次": Unit("10,000 person-times (visits)"),
    "万户": Unit("10,000 households"),
    "元": Unit("yuan"),
    "万元": Unit("10,000 yuan"),
    "亿元": Unit("100 million yuan"),
    "万亿元": Unit("1 trillion yuan"),
    "美元": Unit("US dollars"),
    "亿美元": Unit("100 million US dollars"),
    "斤": Unit("jin (0.5 kg)"),
    "万斤": Unit("10,000 jin (5 t)"),
    "亿斤": Unit("100 million jin (50,000 t)"),
    "吨": Unit("tonnes"),
    "万吨": Unit("10,000 tonnes"),
    "亿吨": Unit("100 million tonnes"),
    "万吨标准煤": Unit("10,000 tonnes of standard coal equivalent"),
    "公里": Unit("kilometres"),
    "千米": Unit("kilometres"),
    "平方公里": Unit("square kilometres"),
    "平方米": Unit("square metres"),
    "万平方米": Unit("10,000 square metres"),
    "立方米": Unit("cubic metres"),
    "亿立方米": Unit("100 million cubic metres"),
    "亩": Unit("mu (1/15 hectare)"),
    "万亩": Unit("10,000 mu (about 667 hectares)"),
    "公顷": Unit("hectares"),
    "千瓦": Unit("kilowatts"),
    "万千瓦": Unit("10,000 kilowatts"),
    "亿千瓦时": Unit("100 million kilowatt-hours"),
    "标箱": Unit("TEU (containers)"),
    "万标箱": Unit("10,000 TEU (containers)"),
    "微克/立方米": Unit("micrograms per cubic metre"),
    "个百分点": Unit("percentage points"),
    "类": Unit("class (of water quality, Ⅰ–Ⅴ and 劣Ⅴ: 2 is Ⅱ类, 6 劣Ⅴ类)"),
    "岁": Unit("years of age"),
    "天": Unit("days"),
    "年": Unit("years"),
}

WHOLE_UNITS = frozenset(unit for unit, word in UNITS.items() if word.whole)
MEASURE_WORDS = frozenset(unit for unit, word in UNITS.items() if word.measure)


def gloss(unit: str) -> str | None:
    """The unit in English (万人 → 10,000 people), or None for one the table does not know (no
    guess is printed: a plan's own unit is text from a file)."""
    word = UNITS.get(unit.strip())
    return None if word is None else word.gloss


def _chinese(unit: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in unit)


def legend(units: Iterable[str]) -> str:
    """The legend under English output for the Chinese units it shows, each once in the order
    met: `Units: 万人 = 10,000 people; 亿元 = 100 million yuan; 个 = a count.` "" when none is
    Chinese (%, km) or known."""
    seen: dict[str, str] = {}
    for unit in units:
        unit = unit.strip()
        meaning = gloss(unit) if _chinese(unit) and unit not in seen else None
        if meaning is not None:
            seen[unit] = meaning
    if not seen:
        return ""
    return "Units: " + "; ".join(f"{unit} = {meaning}" for unit, meaning in seen.items()) + "."


def english_legend(units: Iterable[str], lang: str) -> str:
    """`legend` under English output; "" under Chinese, whose reader knows the units."""
    return "" if lang == "zh" else legend(units)


def shown_units(rows: Iterable[object]) -> list[str]:
    """The units a table or a report shows of its rows (targets or assessments): a level's,
    a count's, an amount's; a rate's (growth…) only where an amount is shown beside it
    (`5.3% (31000 亿元)`: an assessment holding one)."""
    return [
        getattr(row, "unit", "")
        for row in rows
        if getattr(row, "kind", "") not in ("growth", "relative", "trend", "milestone", "change")
        or getattr(row, "amount", None) is not None
    ]


# a water-quality class as reports write it (保持Ⅱ类, 达到III类), recorded as its number in 类;
# 劣Ⅴ类 (worse than class Ⅴ, a reading bulletins give) is recorded as 6: worse than every class,
# so a ceiling of Ⅲ类 it is above is missed, as any figure above a `max` is
_CLASSES = "ⅠⅡⅢⅣⅤ"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
WORST_CLASS = 6
_WORST = "劣Ⅴ类"
_WORST_WORDS = ("劣Ⅴ", "劣V", "劣5", "劣五")


def is_class_unit(unit: str | None) -> bool:
    """Is a target's unit a water class (类), whose figures are classes Ⅰ–Ⅴ or 劣Ⅴ类."""
    return unit is not None and unit.strip() == "类"


def class_text(value: Decimal, unit: str) -> str | None:
    """A class recorded in 类 as the report writes it: 2 → `Ⅱ类` (never `2 类`), 6 → `劣Ⅴ类`;
    None for any other unit, or a figure that is no class (2.5: shown as recorded)."""
    if not is_class_unit(unit) or value != value.to_integral_value():
        return None
    if not 1 <= value <= WORST_CLASS:
        return None
    return _WORST if value == WORST_CLASS else f"{_CLASSES[int(value) - 1]}类"


def not_a_class(value: Decimal, unit: str | None) -> bool:
    """A figure in 类 that is no class: not a whole number from 1 (Ⅰ类) to 6 (劣Ⅴ类)."""
    return is_class_unit(unit) and class_text(value, unit or "") is None


def class_figure(text: str, unit: str | None) -> str:
    """A class typed as the report writes it (`Ⅱ类`, `II类`, `Ⅱ`, `iii`, `劣Ⅴ类`) as its
    number, for a target in 类 (`record w7_t01 Ⅱ类` records 2, `劣Ⅴ类` 6); any other text
    or unit as it is."""
    if not is_class_unit(unit):
        return text
    # (劣 Ⅴ 类: a space pdftotext puts between the Chinese and the numeral is no part of it)
    word = "".join(text.split()).removesuffix("类")
    folded = unicodedata.normalize("NFKC", word).upper()  # (劣Ｖ, 劣ⅴ: NFKC gives 劣V)
    if folded in ("劣V", "劣5", "劣五") or word in _WORST_WORDS:
        return str(WORST_CLASS)
    if len(word) == 1 and word in _CLASSES:
        return str(_CLASSES.index(word) + 1)
    # 2类 (２类 too) was refused as `the figure with a unit (类)`, the plan's own unit
    if text != word and (digit := unicodedata.normalize("NFKC", word)) in ("1", "2", "3", "4", "5"):
        return digit
    number = _ROMAN.get(word.upper())
    return text if number is None else str(number)
