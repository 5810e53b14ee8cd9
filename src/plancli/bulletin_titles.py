"""The period a bulletin's title (`官渡区2022年1-6月主要经济指标`) or its file's name
(`2022年6月月报.csv`) names, for a table without a period column (docs/formats.md, "The period
in the title"); a title and a name naming two periods are refused."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence

from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_numerals import title_digits
from plancli.period_since import since_written
from plancli.periods import DASHES as _DASHES
from plancli.periods import bulletin_form, bulletin_period

# A period in a table's title or a file's name (官渡区2022年1-6月主要经济指标, 2022年6月月报);
# and since session 35 a range of months after the year (2022.1-6, 2022/1~6, 2022年1-6: over a
# column, 1—6月累计), never a date (2022-07-15 发布: `period_ranges`).
# Session 36: the year at both ends (2022.1-2022.6, 2022年1月-2022年6月: `period_ranges`), a
# range's 至 or ~ (1至6月 was read as 6月), a quarter's digit or 季 without 度 (第2季, 2季度; not
# after a numeral alone: 四季, 统一季 are words), and a quarter's or half's end (二季度末 was read
# as 二季度, the quarter alone, and refused). Session 43: a span of quarters (1-3季度, 截至2-3季度,
# 二至三季度), read as `record -p` reads it (`period_since`): 2026年1-3季度 was read as 1-3月, and
# 截至2-3季度 as 3季度, the quarter alone.
_TITLE_PERIOD = re.compile(
    r"(?:(?:截至|截止)到?)?(?:"  # 截至4-6月 as written, for the row's refusal (session 43)
    r"(?<![0-9])[0-9]{4}[./年-][0-9]{1,2}月?[-~〜至到][0-9]{4}[./年-][0-9]{1,2}月?"
    r"(?![0-9]|\.[0-9])"
    r"|(?:[0-9]{4}年)?(?:(?<![0-9])[1-4一二三四][-~〜至到][1-4一二三四]季度?(?:末|底)?"
    r"|[0-9]{1,2}月?[-~〜至到][0-9]{1,2}月|[0-9]{1,2}月"
    r"|(?:第[一二三四1-4]季度?|[一二三四]季度|(?<![0-9])[1-4]季度?)(?:末|底)?"
    r"|前[二三2-3]季度?|[上下]半年(?:末|底)?|全年(?!目标|计划|任务|预期|预计|预算|工作))"
    r"|(?<![0-9])[0-9]{4}[./年][0-9]{1,2}[-~〜至到][0-9]{1,2}(?![0-9]|\.[0-9]|季))"
)

# A workbook's location as the xlsx reader names it (`月报.xlsx:9月`): its file, its sheet.
_WORKBOOK_SHEET = re.compile(r"(.*\.xls[xm]):(.+)", re.IGNORECASE | re.DOTALL)


def title_period(texts: Sequence[str]) -> str | None:
    """The one period the first of `texts` naming any names (`2022年6月` and `1-6月` are one),
    as written; None when none does or it names two (`2022年1-6月与1-5月对比`)."""
    for text in texts:
        base = text.replace("\\", "/").rsplit("/", 1)[-1]
        normal = "".join(unicodedata.normalize("NFKC", base).translate(_DASHES).split())
        normal = title_digits(normal)  # 二〇二二年一至六月: 2022年1至6月 (session 37)
        found: list[str] = sorted(
            set(_TITLE_PERIOD.findall(normal)), key=lambda f: ("年" not in f, f)
        )
        if found:
            try:
                ends = {(_read(f) or f)[4:] for f in found}
            except InputError:  # 4-6月: the row's own check says why
                return found[0]
            years = {f[:4] for f in found if "年" in f or f[:4].isdigit()}
            return found[0] if len(ends) == 1 and len(years) <= 1 else None
    return None


def _read(text: str) -> str | None:
    """A title's period in year 9999 (`截至6月` as 1-6月: `period_since`), or None."""
    return bulletin_period(since_written(text, bulletin_form), 9999)


def period_position(text: str) -> tuple[int, int] | None:
    """(year, end month) of a period `title_period` gives, or a header's period cell; year 0
    when it names none. Two periods are one when these agree and at most one year is named:
    `2026年1-6月` and `上半年` (2026-06, YEAR-H1) both end in June (session 38); None for a
    period not from January (`4-6月`)."""
    from plancli.periods import parse_period

    try:
        period = parse_period(_read(text) or text)
    except InputError:  # 4-6月: the row's own check says why
        return None
    return (0 if period.year == 9999 else period.year), period.end_month


def same_period(first: tuple[int, int] | None, second: tuple[int, int] | None) -> bool:
    """Do two `period_position`s name one period: the same end month, at most one year?"""
    if first is None or second is None:
        return False
    return first[1] == second[1] and len({first[0], second[0]} - {0}) <= 1


def check_title_and_name(titles: Sequence[str], name: str, at: Mapping[str, object]) -> None:
    """A title and a file (or sheet) name naming different periods are refused: a table
    copied from last month's and renamed (`2022年7月月报.csv`, its title still 2022年1-6月)
    would have been imported as June, revising June's figures with July's; in a workbook whose
    sheet's name gives the period, the refusal names the sheet."""
    title, named = title_period(titles), title_period([name])
    if title is None or named is None:
        return
    first, second = period_position(title), period_position(named)
    if first is None or second is None:
        return
    if same_period(first, second):
        return
    workbook = _WORKBOOK_SHEET.match(name)
    if workbook is not None and title_period([workbook.group(2)]) is not None:
        raise InputError(  # the sheet's name, not the file's: rename the sheet (audit K D12)
            _(
                "{file}:{line}: the title says {title} and the sheet's name {named}; which "
                "period are the figures for? Add a period column, or correct the title or "
                "rename the sheet"
            ).format(**at, title=title, named=named)
        )
    raise InputError(
        _(
            "{file}:{line}: the title says {title} and the file name {named}; which period "
            "are the figures for? Add a period column, or correct the title or rename the file"
        ).format(**at, title=title, named=named)
    )
