"""Last year's GDP amount from the review where it states the level reached apart from the
growth: 湖北's "十四五" review closes 经济规模稳步壮大，地区生产总值迈上6万亿元台阶，达到62661亿元,
its 2025 review says only 地区生产总值增长5.5%; 甘肃's 全省地区生产总值达到13697.5亿元, 贵州's
全省地区生产总值突破2万亿元、达到23562亿元 likewise. The level a review says was reached is the
latest one, last year's (a five-year review ends with the year before the plan's): the bundled
plans take it as `baseline.value`, and the growth the rest of the year needs (`gap`'s `needs`)
takes it. Taken once and unambiguous only, in 亿元 (the target's unit; never converted from
万亿元), of the whole place's GDP (not 武汉都市圈经济总量, 成都平原经济区经济总量, nor
武汉's), never an approximate or a floor (左右, 以上, 多), nor a level of another year the
sentence names."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.sections import Layout
from plancli.i18n import _

NUM = r"\d+(?:\.\d+)?"
# the whole place's: at a clause's start, or after 全省/全市…; a city's or a region's name
# before it (武汉地区生产总值, …经济区经济总量) is another place's
_LEVEL = re.compile(
    r"(?:(?<=全[省市区县州盟])|(?<![\u4e00-\u9fff]))(?:地区)?生产总值"
    rf"(?P<between>[^。；;！!？?\n%％增]{{0,14}}?)达到\s*(?P<value>{NUM})\s*亿元"
)
_APPROXIMATE = re.compile(r"\s*(?:左右|以上|以下|多|余|上下)")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")
_YEAR = re.compile(r"(\d{4})\s*年")
_SPAN_WORDS = re.compile(r"年均|累计|平均")


def review_gdp_amount(parse: str, layout: Layout, target: DraftTarget, words: str) -> None:
    """Add last year's amount to the review's growth baseline of `target` (the GDP growth),
    where the review states the level reached once (see the module's doc); its note quotes
    `words`, the report's text at the parse form's offsets."""
    baseline = target.baseline
    if target.id != "gdp" or target.unit != "亿元" or not baseline or "value" in baseline:
        return
    found: dict[int | Decimal, str] = {}
    for span in layout.review_spans():
        for match in _LEVEL.finditer(parse, span.start, span.end):
            if _APPROXIMATE.match(parse, match.end()):
                continue
            head = parse[max(span.start, match.start() - 60) : match.start()]
            ends = list(_SENTENCE_END.finditer(head))
            sentence = head[ends[-1].end() :] if ends else head
            years = {int(y) for y in _YEAR.findall(sentence + match.group("between"))}
            if years - {layout.year - 1} or _SPAN_WORDS.search(sentence + match.group(0)):
                continue
            found.setdefault(
                toml_number(Decimal(match.group("value"))), words[match.start() : match.end()]
            )
    if len(found) != 1:
        return  # none, or several levels: not unambiguous
    ((value, quote),) = found.items()
    # as the bundled plans write it: { year, value, growth }
    target.baseline = {"year": baseline["year"], "value": value, **baseline}
    target.notes.append(_("last year's amount from the review: “{quote}”").format(quote=quote))
