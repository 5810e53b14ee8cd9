"""A news page's title lines that state a headline target its first paragraph states again in
the report's words (set OO's 东莞 2024: the subheading 地区生产总值预期增长5% over the lede's
2024年，东莞目标明确，…，地区生产总值预期目标增长5%。): the lede's sentence is quoted, the
report's own words rather than the editor's."""

from __future__ import annotations

import re

from plancli.extract.draft import DraftTarget
from plancli.extract.headline import HeadlineReader
from plancli.extract.sections import Span

_YEAR = re.compile(r"(20\d\d)年")


def _key(target: DraftTarget) -> tuple[object, ...] | None:
    """What makes two readings the same target: a shared indicator's id, kind and bounds
    (`assemble._without_repeats`' test); None for any other target."""
    bounded = (target.min, target.max, target.around) != (None, None, None)
    if not target.shared or not bounded or target.pending:
        return None
    base = re.sub(r"_\d+$", "", target.id)
    figures = (target.min, target.max, target.around, target.stretch, target.relation)
    return (base, target.kind, target.reference, *figures)


def lede_restated(
    parse: str, body: Span, headline: Span, year: int, targets: list[DraftTarget]
) -> list[DraftTarget]:
    """`targets` with each one a title line states replaced by the same target its first
    paragraph's sentence states, under the title's id. Only where the headline lies on lines
    before the paragraph of the body's first full stop (a page's title lines, never a report's
    own list, nor a list that ends in that stop) and only a sentence of the plan year
    (2023年，…增长5% is last year's)."""
    first_stop = parse.find("。", body.start, body.end)
    if first_stop < 0 or first_stop < headline.end:
        return targets
    start = parse.rfind("\n", body.start, first_stop) + 1
    if start < headline.end:
        return targets  # the headline's own paragraph (a report's list ending in 。)
    end = parse.find("\n", first_stop)
    end = body.end if end < 0 else min(end, body.end)
    wanted = {k: t for t in targets if (k := _key(t)) is not None}
    if not wanted:
        return targets
    swaps: dict[int, DraftTarget] = {}
    sentence_start = start
    for stop in re.finditer(r"。", parse[start:end]):
        sentence_end = start + stop.end()
        sentence = parse[sentence_start:sentence_end]
        span = (sentence_start, sentence_end)
        sentence_start = sentence_end
        if any(int(y) != year for y in _YEAR.findall(sentence)):
            continue
        for found in HeadlineReader(parse).read(*span):
            key = _key(found)
            title = wanted.get(key) if key is not None else None
            if title is not None and id(title) not in swaps:
                found.id = title.id
                swaps[id(title)] = found
    return [swaps.get(id(t), t) for t in targets]
