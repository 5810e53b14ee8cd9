"""Last year's figures a review states other than as a level: a concentration's change alone,
and a price index.

- 河南 2026's review says 全省PM2.5浓度下降13.7% and gives no concentration. A level target of
  `pm25` (细颗粒物平均浓度控制在…微克/立方米以内) takes it as the bundled plans write the change
  beside a level (北京's 细颗粒物年均浓度27微克/立方米、下降11.5%: growth -11.5): baseline
  `{ year, growth = -13.7 }`, with no value (the review states none; plancli never works one
  out), and a `review` asking for last year's level.
- 居民消费价格指数为100.1 (the index, last year = 100) is a rise of 0.1%: a level target of `cpi`
  (居民消费价格涨幅2%左右) takes value 0.1 (99.8 is a fall, -0.2), as the review's 居民消费价格
  上涨0.1% would give (review_ratios); its note quotes the index.

Taken only where the target has no baseline yet (review_ratios found no level once), the
review states the figure once, of the whole place (全省…, not 国考10市…), as last year's: not
a bound (以上, 左右… after it), not compared with another year (较2020年下降25%, 比“十三五”末…),
not a span's (年均, 累计, 五年, 连续…), not in a five-year passage, not an aim (…的目标, 力争…)
nor in a paragraph of the coming years' goals (十五五, 今后五年, 到2030年)."""

from __future__ import annotations

import re
from decimal import Decimal

from plancli.extract.draft import DraftTarget, toml_number
from plancli.extract.estimates import not_last_years
from plancli.extract.review_levels import five_year_passages, in_passages
from plancli.extract.sections import Layout
from plancli.i18n import N_, _

NUM = r"\d+(?:\.\d+)?"
# the whole place's: after a mark, a digit's end or 全省/全市… (not 国考10市PM2.5浓度)
_PLACE = r"(?:(?<=全[省市区县州盟])|(?<![\u4e00-\u9fff\w.]))"
_PM25 = re.compile(
    rf"{_PLACE}(?:细颗粒物|PM2\.5)(?:年均|平均)?浓度(?P<between>[^,，;；。\d]{{0,6}}?)"
    rf"(?:同比)?(?P<verb>下降|降低|上升|升高|增长)\s*(?P<by>{NUM})\s*[%％]"
)
_INDEX = re.compile(
    rf"{_PLACE}(?:居民消费价格(?:总)?指数|CPI)(?:[（(][^）)]{{1,8}}[）)])?(?:同比)?"
    r"(?:为|是|达到|达)?\s*(?P<index>(?:9\d|1[01]\d)(?:\.\d+)?)(?![\d.%％])"
)
_BOUND_AFTER = re.compile(r"\s*(?:左右|以上|以下|以内|多|余|上下|之内)")
# compared with another year than last (较2020年, 比“十四五”末), or a span's words
_OTHER_BASE = re.compile(r"\d{4}年|十三五|十四五|五年|年均|累计|连续|每年|平均")
_SENTENCE_END = re.compile(r"[。；;！!？?\n，,]")

CHANGE_ONLY_REVIEW = N_(
    "the review states only last year's change of {name} (“{quote}”), not its level: add "
    "baseline.value (last year's level, in {unit}) from the bulletin"
)
INDEX_NOTE = N_(
    "baseline from the review's price index (last year = 100): “{quote}”, a change of {value}%"
)


def _last_years(parse: str, layout: Layout, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of `pattern` in the review that state last year's figure (the module's doc)."""
    found: list[re.Match[str]] = []
    for span in layout.review_spans():
        passages = five_year_passages(parse, span)
        for match in pattern.finditer(parse, span.start, span.end):
            head = parse[max(span.start, match.start() - 20) : match.start()]
            sentence = _SENTENCE_END.split(head)[-1] + (match.groupdict().get("between") or "")
            if (
                in_passages(match.start(), passages)
                or _BOUND_AFTER.match(parse, match.end())
                or _OTHER_BASE.search(sentence)
                or not_last_years(parse, sentence, match.end())
            ):
                continue
            found.append(match)
    return found


def review_changes(parse: str, layout: Layout, targets: list[DraftTarget], words: str) -> None:
    """Give a level target of `pm25` or `cpi` with no baseline the review's change or index
    (see the module's doc); notes quote `words`, the report's text at the parse form's offsets."""
    for target in targets:
        if target.baseline or target.kind != "level":
            continue
        if target.id == "pm25" and target.unit == "微克/立方米":
            found = _last_years(parse, layout, _PM25)
            changes = {
                Decimal(m.group("by")) * (-1 if m.group("verb") in ("下降", "降低") else 1)
                for m in found
            }
            if len(changes) != 1:
                continue  # none, or several figures: not unambiguous
            quote = words[found[0].start() : found[0].end()]
            target.baseline = {"year": layout.year - 1, "growth": toml_number(changes.pop())}
            target.notes.append(_("baseline from the review: “{quote}”").format(quote=quote))
            target.review.append(
                _(CHANGE_ONLY_REVIEW).format(name=target.name, quote=quote, unit=target.unit)
            )
        elif target.id == "cpi" and target.unit == "%":
            found = _last_years(parse, layout, _INDEX)
            rises = {Decimal(m.group("index")) - 100 for m in found}
            if len(rises) != 1:
                continue
            value = toml_number(rises.pop())
            quote = words[found[0].start() : found[0].end()]
            target.baseline = {"year": layout.year - 1, "value": value}
            target.notes.append(_(INDEX_NOTE).format(quote=quote, value=value))
