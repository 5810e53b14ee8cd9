"""Reporting periods: `2022-06` (month), `2022-Q2`, `2022-H1`, `2022` (year).

A period stands for the position at its END, cumulative from January 1st; time progress
is the share of the year's months elapsed at that end (2022-06 → 1/2, 2022-Q3 → 3/4).
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from fractions import Fraction
from typing import Literal

from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_numerals import period_words
from plancli.period_ranges import as_months, date_or_span, two_years
from plancli.period_since import malformed_written, since_period
from plancli.period_slips import period_slip
from plancli.safe import Clipped as _clipped  # the period as typed: 60 characters, escaped

Granularity = Literal["M", "Q", "H", "Y"]

_MONTHS_PER = {"M": 1, "Q": 3, "H": 6, "Y": 12}
# ASCII digits: `\d` also took Arabic-Indic and Devanagari digits here, which no other form
# took; a full-width ２０２２-０６ is folded to 2022-06 first (NFKC), as every form is.
_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})|-Q([0-9])|-H([0-9]))?$")


class Period:
    """A period, compared and hashed by what it names (year, granularity, index). Written out
    rather than a dataclass: every read command imports it, and a dataclass compiles its
    methods at import (issue 15). Not to be changed once made."""

    __slots__ = ("end_month", "granularity", "index", "sort_key", "year")

    year: int
    granularity: Granularity
    index: int  # month 1-12, quarter 1-4, half 1-2, or 1 for the year
    # Derived once: the assessment reads them hundreds of thousands of times at 10,000 targets.
    end_month: int
    """Months elapsed in the year at the end of this period (1-12)."""
    sort_key: tuple[int, int, int]
    """Same end month: the longer period sorts last (2022-06 < 2022-Q2 < 2022-H1)."""

    def __init__(self, year: int, granularity: Granularity, index: int) -> None:
        length = _MONTHS_PER[granularity]
        self.year = year
        self.granularity = granularity
        self.index = index
        self.end_month = index * length
        self.sort_key = (year, self.end_month, length)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Period:
            return NotImplemented
        assert isinstance(other, Period)
        return (self.year, self.granularity, self.index) == (
            other.year,
            other.granularity,
            other.index,
        )

    def __hash__(self) -> int:
        return hash((self.year, self.granularity, self.index))

    def __repr__(self) -> str:
        return f"Period(year={self.year!r}, granularity={self.granularity!r}, index={self.index!r})"

    @property
    def start_month(self) -> int:
        return self.end_month - _MONTHS_PER[self.granularity] + 1

    @property
    def months_left(self) -> int:
        return 12 - self.end_month

    @property
    def time_progress(self) -> Fraction:
        """Share of the year elapsed at the end of the period (exact)."""
        return Fraction(self.end_month, 12)

    @property
    def is_final(self) -> bool:
        """True for the year's last period (2022-12, 2022-Q4, 2022-H2, 2022)."""
        return self.end_month == 12

    def __lt__(self, other: Period) -> bool:
        return self.sort_key < other.sort_key

    def __le__(self, other: Period) -> bool:
        return self.sort_key <= other.sort_key

    def __gt__(self, other: Period) -> bool:
        return self.sort_key > other.sort_key

    def __ge__(self, other: Period) -> bool:
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        if self.granularity == "M":
            return f"{self.year}-{self.index:02d}"
        if self.granularity == "Y":
            return str(self.year)
        return f"{self.year}-{self.granularity}{self.index}"

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(year, "M", month)


def malformed_period(text: str, year: int = 2022) -> str:
    """The message for a period that is none, its examples in `year` (the plan's)."""
    return _(
        "malformed period {period!r}: use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, "
        "e.g. {year}-06, {year}-Q2, {year}-H1, {year}"
    ).format(period=_clipped(text), year=year)  # a 30,000-character cell: its first 60


def parse_period(text: str, year: int = 2022) -> Period:
    """Parse a period string; raise InputError with a hint (examples in `year`) on anything
    malformed."""
    normal = text.strip()
    if not normal.isascii():  # ２０２２-Ｑ２: the input methods' digits, as every form takes them
        normal = unicodedata.normalize("NFKC", normal)
    match = _PATTERN.match(normal)
    if match is None:
        raise no_such_month(text) or InputError(malformed_period(text, year))
    year = int(match.group(1))
    month, quarter, half = match.group(2), match.group(3), match.group(4)
    if month is not None:
        index, granularity, limit = int(month), "M", 12
    elif quarter is not None:
        index, granularity, limit = int(quarter), "Q", 4
    elif half is not None:
        index, granularity, limit = int(half), "H", 2
    else:
        return Period(year, "Y", 1)
    if not 1 <= index <= limit:  # 2022-13, 2022-Q5, 2022-H3: the month (quarter, half) named
        raise no_such_month(text) or InputError(malformed_period(text, year))
    return Period(year, granularity, index)  # type: ignore[arg-type]


_MONTH_WRITTEN = re.compile(
    r"^(?:[0-9]{4}年)?(?:(?P<start>[0-9]{1,2})月?[-~至到])?(?P<month>[0-9]{1,2})月(?:份|末|底)?"
    r"(?:累计)?$"
)
# 1-13: a range of months without 月 (`_FORMS`' 1-6) from a month to none (session 36); 22-06
# is a year and a month, 13-14 either (the generic message)
_MONTHS_BARE = re.compile(r"^(?P<start>0?[1-9]|1[0-2])[-~至到](?P<month>1[3-9]|[2-9][0-9])$")
# A quarter a bulletin writes, or a range of them, whatever its number: 5季度, 1-5季度, 一至五季度,
# 前五季度, 2022年5季度末 (the forms of `_FORMS` with any digit where a quarter goes).
_QUARTER_DIGIT = r"[0-9]{1,2}|[〇零一二三四五六七八九十]"
_QUARTER_WRITTEN = re.compile(
    rf"^(?:[0-9]{{4}}年)?(?:前|第?(?P<start>{_QUARTER_DIGIT})(?:季度)?[-~至到])?第?"
    rf"(?P<quarter>{_QUARTER_DIGIT})季度(?:末|底|累计)?$"
)
_CN_NUMBERS = {c: n for n, c in enumerate("〇一二三四五六七八九十")} | {"零": 0}


# plancli's forms with any number where the month, quarter or half goes: 2022-13, 2022/13,
# 2022-Q5, 2022q0, 2022-H3, 2022-Q005 (after NFKC: 2022-Ｑ５ too).
_CODE_WRITTEN = re.compile(
    r"^[0-9]{4}(?:[-/.](?P<month>[0-9]{1,2})|[-年]?[Qq](?P<quarter>0{0,9}[0-9]{1,2})"
    r"|[-年]?[Hh](?P<half>0{0,9}[0-9]{1,2}))$"
)
# Q5 2022, H3-2022: the year written last (`period_slips`), the quarter (half) none.
_LAST_WRITTEN = re.compile(
    r"^(?:[Qq](?P<quarter>0{0,9}[0-9]{1,2})|[Hh](?P<half>0{0,9}[0-9]{1,2}))[-/]?[0-9]{4}$"
)


def no_such_month(text: str) -> InputError | None:
    """A period written right whose month is none (`2026年13月`, `1-13月`, `0月`, `2026-13`),
    or a range of months that starts or ends on none (`13-14月`: both named, the first first;
    `1-13` without 月 too, from a month to none: session 36),
    or whose quarter is none (`1-5季度`, `5季度末`, `2026-Q5`), or half (`2026-H3`): it was told
    `malformed … use YYYY-MM`, as if the form were wrong and not the month, and `13-14月` named
    14 alone (session 31); `2026-13` and `2026-Q5` were, until session 32. Also a period
    nearly written right, named with the form it takes (`2026-Q02`, `2026-M6`, `2026-6月`:
    `period_slips`, session 33)."""

    folded = "".join(unicodedata.normalize("NFKC", text).split())  # 2022.1~13: as 2022年1-13月
    normal = as_months(period_words(folded)).translate(PERIOD_DASHES)  # 二〇二二年十三月 too
    found = _MONTH_WRITTEN.match(normal) or _MONTHS_BARE.match(normal)
    if found is not None:
        return _none_of(text, [found["start"], found["month"]], 12)
    found = _QUARTER_WRITTEN.match(normal)
    if found is not None:
        return _none_of(text, [found["start"], found["quarter"]], 4)
    found = _CODE_WRITTEN.match(normal) or _LAST_WRITTEN.match(normal)
    if found is not None and found["half"] is not None:
        wrong = _none_of(text, [found["half"]], 2)
    elif found is not None:
        month = found.groupdict().get("month")
        wrong = _none_of(text, [month], 12) or _none_of(text, [found["quarter"]], 4)
    else:
        wrong = None
    # 2022-Q02, 2022-M6, 2022-6月: nearly plancli's form, each named with the form it takes
    return wrong or period_slip(normal, _clipped(text))


def _none_of(text: str, given: list[str | None], limit: int) -> InputError | None:
    """The error of a period whose months (limit 12), quarters (limit 4) or halves (2) are not
    all real, naming the first that is not, and the second too when both ends of a range are
    none (`there is no month 13 or 14`); None when all are."""
    numbers = [int(g) if g.isdigit() else _CN_NUMBERS[g] for g in given if g is not None]
    wrong = list(dict.fromkeys(n for n in numbers if not 1 <= n <= limit))
    if not wrong:
        return None
    period = _clipped(text)
    if limit == 2:
        message = _("malformed period {period!r}: there is no half {half} (a half is H1 or H2)")
        return InputError(message.format(period=period, half=wrong[0]))
    if limit == 12 and len(wrong) == 1:
        message = _("malformed period {period!r}: there is no month {month} (a month is 1-12)")
        return InputError(message.format(period=period, month=wrong[0]))
    if limit == 12:
        message = _(
            "malformed period {period!r}: there is no month {first} or {second} (a month is 1-12)"
        )
    elif len(wrong) == 1:
        message = _("malformed period {period!r}: there is no quarter {quarter} (a quarter is 1-4)")
        return InputError(message.format(period=period, quarter=wrong[0]))
    else:
        message = _(
            "malformed period {period!r}: there is no quarter {first} or {second} (a quarter "
            "is 1-4)"
        )
    return InputError(message.format(period=period, first=wrong[0], second=wrong[1]))


def read_period(text: str, plan_year: int, point: bool = False) -> Period:
    """A period as a user writes it on the command line or in a bulletin: plancli's own
    (2022-06, 2022-Q2), or a bulletin's (`2022年6月`, `2022-6`, `6月`, `一季度`, `上半年`,
    `1-6月`, `2022Q2`: `bulletin_period`, the one reader `import` uses too), the plan year
    supplying a missing year. InputError, one line, for what is not a period, naming the
    month (quarter, half) that is none (`no_such_month`: 2022-13, 2022-Q5, 2022年13月)."""
    try:
        return parse_period(text, plan_year)
    except InputError:  # 截至3月末 as 1-3月 (session 42); a refusal in the words typed (43)
        written = since_period(text, plan_year, point)
    try:
        if written is not None:
            return parse_period(written, plan_year)
    except InputError:  # 2022 - 13: said of the text as given
        pass
    raise no_such_month(text) or InputError(malformed_written(text, plan_year))


def parse_plan_period(text: str, plan_year: int, point: bool = False) -> Period:
    """Read a period as a user writes it (`read_period`; `point`: `as_of_period`) and check
    that it lies in the plan year."""
    period = read_period(text, plan_year, point)
    if period.year != plan_year:
        raise InputError(
            _("period {period!r} is outside the plan year {year}").format(
                period=_clipped(text), year=plan_year
            )
        )
    return period


# ------------------------------------------------------------ periods as bulletins write them

DASHES = str.maketrans({"−": "-", "—": "-", "–": "-", "﹣": "-"})
# A period's dash may be a word processor's too (2022‐06: U+2010, U+2011 after NFKC) or the wave
# dash of 1〜6月; not a figure's (DASHES reads a minus sign: 〜5 is no −5).
PERIOD_DASHES = DASHES | str.maketrans({"‐": "-", "‒": "-", "―": "-", "〜": "-"})
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:(?P<year>[0-9]{4})年)?"
_TO = r"[-~至到]"
_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?P<year>[0-9]{4})[-/.](?P<month>[0-9]{1,2})$"), "M"),
    (re.compile(rf"^{_YEAR}(?P<month>[0-9]{{1,2}})月(?:份|末|底)?$"), "M"),  # 12月末: its end
    (
        re.compile(
            rf"^{_YEAR}(?P<start>[0-9]{{1,2}})月?{_TO}(?P<month>[0-9]{{1,2}})月份?(?:累计)?$"
        ),
        "M",
    ),
    # 1-6, 1~6: a range of months without year or 月, as 1-6月 (session 36); 6-1 is none
    (re.compile(rf"^(?P<start>[0-9]{{1,2}}){_TO}(?P<month>[0-9]{{1,2}})$"), "B"),
    (re.compile(rf"^{_YEAR}第?(?P<quarter>[一二三四1-4])季度$"), "A"),  # 二季度: alone
    (re.compile(rf"^{_YEAR}第?(?P<quarter>[一二三四1-4])季度(?:末|底)$"), "Q"),  # its end
    (re.compile(rf"^{_YEAR}上半年(?:末|底)$"), "H"),
    (re.compile(r"^(?:(?P<year>[0-9]{4}))?年(?:末|底)$"), "Y"),  # 2022年末, 年底
    (re.compile(rf"^{_YEAR}前(?P<quarter>[二三四2-4])季度$"), "Q"),
    # 1-3季度, 1—3季度, 一至三季度, 2022年1-4季度: quarters from the first, as 1-9月 (audit Y, D9)
    (
        re.compile(
            rf"^{_YEAR}第?(?P<start>[一二三四1-4])(?:季度)?{_TO}第?(?P<quarter>[一二三四1-4])"
            r"季度(?:累计)?$"
        ),
        "R",
    ),
    (re.compile(rf"^{_YEAR}(?P<half>[上下])半年$"), "A"),  # 下半年: alone
    # 2022Q2, 2022-q2, 2022年Q2: plancli's letter, the position at the quarter's end
    (re.compile(r"^(?P<year>[0-9]{4})[-年]?[Qq](?P<quarter>[1-4])$"), "Q"),
    (re.compile(r"^(?P<year>[0-9]{4})[-年]?[Hh](?P<half>[12])$"), "H"),
    (re.compile(rf"^{_YEAR}全年$"), "Y"),
    (re.compile(r"^(?P<year>[0-9]{4})年度?$"), "Y"),
)
DATE_CELL = re.compile(  # a date, as a CSV saved by Excel writes it (2022/6/1), or a script
    r"^(?P<year>[0-9]{4})[-/.年](?P<month>[0-9]{1,2})[-/.月](?P<day>[0-9]{1,2})日?"
    r"(?:T?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$"
)
_CANONICAL = re.compile(r"^[0-9]{4}(?:-[0-9]{2}|-Q[0-9]|-H[0-9])?$")


def bulletin_form(normal: str) -> tuple[str, dict[str, str | None]] | None:
    """The granularity (`_FORMS`: M, B, A, Q, H, R, Y) and the parts of the bulletin's form
    `normal` (folded, `period_words`) is written in, a quarter's 一二三四 as 1-4; None: none."""
    for pattern, granularity in _FORMS:
        if found := pattern.match(normal):
            return granularity, {
                k: v and str(_CN_DIGITS.get(v, v)) for k, v in found.groupdict().items()
            }
    return None


def bulletin_period(text: str, default_year: int | None, point: bool = False) -> str | None:
    """plancli's period for a period as a bulletin writes it (`2022年6月` → 2022-06, `1-6月` →
    YEAR-06, `一季度` → YEAR-Q1, `上半年` → YEAR-H1, `全年` → YEAR), YEAR being the period's own
    year or else `default_year`; None when it is not one (the period check then says why).
    Every plancli period stands for the position at its end, from January; a span that does
    not start in January is refused: `4-6月`, and `二季度`, `三季度`, `四季度`, `下半年`, which
    in a bulletin name the quarter (half) alone (二季度 0.4 %, 上半年 2.5 %); and `2022.1`
    (January, or October typed as the number 2022.10?). A point in time is read as the period
    it ends: `三季度末` → YEAR-Q3, `12月末` → YEAR-12, `上半年末` → YEAR-H1, `年末` → YEAR
    (what plancli itself prints: 数据截至2022年三季度末). `point` (a point in time, `--as-of`:
    `period_ends.as_of_period`): a quarter, half or span alone is read as its end too."""
    # 二〇二二年六月: 2022年6月; 第2季: 第2季度 (`period_numerals`), before the ranges: 二〇二二年
    # 一月至二〇二二年六月 is 2022年1月至2022年6月 (session 37)
    folded = period_words("".join(unicodedata.normalize("NFKC", text).split()))
    if both := date_or_span(folded, _clipped(text)) or two_years(folded, _clipped(text)):
        raise both  # 2022-1-6: 6 January or 1-6月? 2021.7-2022.6 (`period_ranges`)
    normal = as_months(folded).translate(PERIOD_DASHES)  # 2022.1-6: 2022年1-6月
    date = DATE_CELL.match(normal)  # Excel's date for a typed 2022-06: its month, as in a sheet
    dated = (int(date["year"]), int(date["month"])) if date else (1, 1)
    if date and 1 <= dated[1] <= 12 and 1 <= int(date["day"]) <= monthrange(*dated)[1]:
        normal = f"{date['year']}-{date['month']}"
    if _CANONICAL.match(normal):
        # 2022-Q０ is no 2022-Q0 to be refused under that name: None, and the period check
        # names the month (quarter, half) in the text as typed (`no_such_month`)
        return None if no_such_month(normal) else normal
    if re.fullmatch(r"[0-9]{4}\.1", normal):  # Excel keeps 2022.10 typed in a cell as 2022.1
        raise InputError(
            _(
                "period {period!r}: January or October? A spreadsheet shows {year}.10 typed as "
                "a number as {year}.1; write {year}-01 or {year}-10"
            ).format(period=_clipped(text), year=normal[:4])
        )
    if (form := bulletin_form(normal)) is None:
        return None
    granularity, parts = form
    year = int(parts["year"] or 0) if parts.get("year") else default_year
    if year is None:
        return None  # a period without a year: mapped when the plan's year is known
    if granularity == "B" and int(parts["start"] or 0) > int(parts["month"] or 0):
        return None  # 6-1: no span of months (a date?): the forms are told
    if granularity in ("M", "B"):
        month = int(parts["month"] or 0)
        start = parts.get("start")
        if not 1 <= month <= 12 or (start is not None and not 1 <= int(start) <= 12):
            return None  # 13-14月, 13-6月: the month is none (`no_such_month`), not the span
        if start is not None and int(start) != 1 and not point:
            raise InputError(
                _(
                    "period {period!r} is not year to date: plancli records figures from "
                    "January (1-{month}月, {year}-{month:02d})"
                ).format(period=_clipped(text), month=month, year=year)
            )
        return f"{year}-{month:02d}"
    if granularity == "A":
        return _from_january(text, parts, year, point)
    if granularity == "R" and _CN_DIGITS[parts["start"] or ""] != 1 and not point:
        quarter = int(parts["quarter"] or 0)
        raise InputError(
            _(
                "period {period!r} is not year to date: plancli records figures from "
                "January (1-{quarter}季度, {whole}, 1-{month}月, {year}-Q{quarter})"
            ).format(
                period=_clipped(text),
                quarter=quarter,
                whole=_YEAR_TO_DATE.get(quarter, "一季度"),
                month=quarter * 3,
                year=year,
            )
        )
    if granularity in ("Q", "R"):
        return f"{year}-Q{int(parts['quarter'] or 0)}"
    if granularity == "H":
        return f"{year}-H{1 if parts.get('half', '上') in ('上', '1') else 2}"
    return str(year)


# What a bulletin writes for the position from January at the end of quarter 2, 3 or 4.
_YEAR_TO_DATE = {2: "上半年", 3: "前三季度", 4: "全年"}


def _from_january(text: str, parts: dict[str, str | None], year: int, point: bool) -> str:
    """一季度 and 上半年 start in January: 2022-Q1, 2022-H1. 二季度, 三季度, 四季度 and 下半年
    name the quarter (half) alone: refused, naming the forms of the position from January."""
    half = parts.get("half")
    if half == "上":
        return f"{year}-H1"
    quarter = 4 if half == "下" else _CN_DIGITS[parts["quarter"] or ""]
    if quarter == 1 or point:  # a point: the quarter's (下半年's: the year's) end
        return str(year) if half == "下" else f"{year}-Q{quarter}"
    message = (
        _(
            "period {period!r} is the half-year alone (its own growth is not year to date): "
            "plancli records the position at a period's end, from January; write {end} or "
            "{period_code} for the position at the year's end (a level, a rate, a total or "
            "growth to date), or {whole}, 1-{month}月"
        )
        if half == "下"
        else _(
            "period {period!r} is the quarter alone (its own growth is not year to date): "
            "plancli records the position at a period's end, from January; write {end} or "
            "{period_code} for the position at the quarter's end (a level, a rate, a total or "
            "growth to date), or {whole}, 1-{month}月"
        )
    )
    raise InputError(
        message.format(
            period=_clipped(text),
            end="年末" if half == "下" else f"{'一二三四'[quarter - 1]}季度末",
            whole=_YEAR_TO_DATE[quarter],
            month=quarter * 3,
            period_code=str(year) if half == "下" else f"{year}-Q{quarter}",
        )
    )


def zh_period(code: str) -> str:
    """2022年6月, 2022年二季度, 2022年上半年, 2022年: a period in Chinese prose, where the
    machine's 2022-06 or 2022-Q2 would read as a code."""
    period = parse_period(code)
    year = period.year
    if period.granularity == "M":
        return f"{year}年{period.index}月"
    if period.granularity == "Q":
        return f"{year}年{'〇一二三四'[period.index]}季度"
    if period.granularity == "H":
        return f"{year}年{'上' if period.index == 1 else '下'}半年"
    return f"{year}年"


def applies_from(code: str) -> str:
    """The month an amendment's period (`--from 上半年`, 2026-H1) applies from, as its entries
    say it: the period's last month, 2026-06 (自2026年6月起), since the new bound judges the
    figures from the end of the period on; `自2026年上半年起` read as from January (audit S
    D6). A code that is no period is returned as it is."""
    try:
        period = parse_period(code)
    except InputError:
        return code
    return str(Period.month(period.year, period.end_month))


# The end month of a target's first figure of the year, by its frequency: 1-2月 for a
# monthly one (China publishes no January bulletin: 1-2月 is the first), 一季度 for a
# quarterly one, the year for an annual one; with no earlier figure, `--add` adds to 0 there.
_FIRST_END = {"monthly": 2, "quarterly": 3, "annual": 12}


def first_of_year(frequency: str, period: Period) -> bool:
    """Is `period` (for a target of this frequency) one with nothing of the year before it:
    2022-01 or 2022-02 (1-2月), 2022-Q1 for a quarterly target, 2022 for an annual one?"""
    if frequency == "annual" and period.granularity != "Y":
        return period.end_month <= _FIRST_END["monthly"]
    return period.end_month <= _FIRST_END.get(frequency, 2)


_PART_ZH = {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}
_PART_EN = {3: "Q1", 6: "H1", 9: "Q1–Q3"}
_MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def earlier_part(period: str | None, as_of: str | None, frequency: str, lang: str) -> str:
    """The part of the year a year-to-date figure of `period` covers where it ends before
    `as_of` — 前三季度, 1-9月; in English, for a table's cell, Q1–Q3, Jan–Sep — and "" where
    it is of `as_of`'s month (or either is unknown): the words the report and the tables
    give a figure of another period than theirs (report/when.py; a relation's reference)."""
    if period is None or as_of is None:
        return ""
    figure = parse_period(period)
    end = figure.end_month
    if end >= parse_period(as_of).end_month:
        return ""
    quarterly = figure.granularity != "M" or frequency == "quarterly"
    if lang == "zh":
        return _PART_ZH[end] if quarterly and end in _PART_ZH else f"1-{end}月"
    if quarterly and end in _PART_EN:
        return _PART_EN[end]
    return "Jan" if end == 1 else f"Jan–{_MONTHS_SHORT[end - 1]}"
