"""The year of a bulletin's period written without one (`6月`, `1-6月`, `上半年`): the one a
年份 column gives (`with_year`) or the file's name (`file_year`: `官渡区2022年6月月报.csv`);
and a row's period as the import readers keep it, once per distinct text (`kept_period`).
`bulletin.resolve_rows` maps what is left once the plan's year is known."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from plancli.errors import InputError
from plancli.i18n import _
from plancli.period_numerals import title_digits
from plancli.periods import bulletin_period
from plancli.safe import clip_path

_HAS_YEAR = re.compile(r"^[0-9]{4}(?:年|[-/.]|$)")


def kept_period(text: str, default_year: int | None) -> str:
    """A period as the readers keep it, once per distinct text: plancli's own when the text
    gives its year (`2022年6月` → 2022-06), else as it is (`resolve_rows` maps `1-6月` when the
    plan's year is known, and the period check refuses what is no period)."""
    try:
        return bulletin_period(text, default_year) or text
    except InputError:
        return text  # refused on its row by resolve_rows


def with_year(period: str, year: str) -> str:
    """A period with the year a 年份 column gives: `6月` + 2022 → `2022年6月`. A period that
    has a year of its own keeps it when the two agree, and is refused when they differ."""
    given = unicodedata.normalize("NFKC", year).strip().removesuffix("年")
    if not re.fullmatch(r"[0-9]{4}", given):
        raise InputError(_("year {year!r} is not a year (e.g. 2022)").format(year=year))
    own = _HAS_YEAR.match(unicodedata.normalize("NFKC", period).strip())
    if own is None:
        return f"{given}年{period}"
    if own.group(0)[:4] != given:
        raise InputError(
            _("period {period!r} is in {own}, but the year column says {year}").format(
                period=period, own=own.group(0)[:4], year=given
            )
        )
    return period


_FILE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


def file_year(name: str) -> int | None:
    """The year a file's name gives (`官渡区2022年6月月报.csv` → 2022), when it gives one only."""
    base = title_digits(name.replace("\\", "/").rsplit("/", 1)[-1])  # 二〇二二年: 2022年
    years = set(_FILE_YEAR.findall(base))
    return int(years.pop()) if len(years) == 1 else None


# A title's year, not one it compares with or bases on (N9, session 27: a notes line 单位：亿元，
# 2021年为基期 made 1-6月 2021-06, refused as outside the plan year): 以2020年为基期, 与/比/较
# 2021年同期, 按2020年不变价 name another year than the figures'.
_TITLE_YEAR = re.compile(
    r"(?<![0-9以与比较按])((?:19|20)[0-9]{2})(?=[ \t]*年)"
    r"(?![ \t]*年(?:为|作为)?(?:基期|基年|基数|同期|价|不变价|可比价))"
)


def default_year(name: str, titles: Sequence[str]) -> int | None:
    """The year of a bulletin's periods that name none (1-3月): its file name's, or its title's
    (`官渡区2026年1-3月主要经济指标`); None when neither gives one year (then the plan's).

    A title's year counts as the file name's (audit Z D7: this year's bulletin imported in last
    year's workspace went in as last year's figures); a name and a title naming two years are
    refused: which year are the figures of?"""
    named = file_year(name)
    years = {year for title in titles for year in _TITLE_YEAR.findall(title_digits(title))}
    titled = int(years.pop()) if len(years) == 1 else None
    if named is not None and titled is not None and named != titled:
        raise InputError(
            _(
                "{file}: the title says {title} and the file name {named}; which year are the "
                "figures of? Correct the title or rename the file"
            ).format(file=clip_path(name), title=titled, named=named)
        )
    return named if named is not None else titled


def borrowed_year(
    found: str, text: str, plan_year: int, name: str, titles: Sequence[str]
) -> str | InputError:
    """A period `text` written without a year (`1-6月`) that took the title's year (`found`,
    2026-03) outside the plan year: refused naming the title that gave it, not as though the
    user had typed it (N9); else `found` (a file name's year is the name the user gave)."""
    year = found[:4]
    if year == str(plan_year) or file_year(name) is not None:
        return found
    if _FILE_YEAR.search(unicodedata.normalize("NFKC", text)):
        return found
    title = next((t for t in titles if year in _TITLE_YEAR.findall(title_digits(t))), None)
    if title is None:  # pragma: no cover - the year is the title's when the name gives none
        return found
    message = _(
        "period {period!r} is outside the plan year {year}: {written!r} names no year, and the "
        "title {title!r} gives {given}"
    )
    return InputError(
        message.format(period=found, year=plan_year, written=text, title=title, given=year)
    )
