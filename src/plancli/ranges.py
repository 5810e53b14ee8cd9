"""A range as a plan states it (增长5%—5.5%，努力争取更好结果), read from the plan's own words:
whether a target's `stretch` is the top of a range or a 争取 line of its own (增长7%以上，力争8%),
which the figures alone (`min`, `stretch`) cannot tell (docs/forms.md). Pure: no plan, no I/O."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

# A range as a plan writes it, its two figures (NFKC first: full-width figures, ％, －, ～ read
# as 5%-5.5%, 5%~5.5%): 5%—5.5%, 5—5.5%, 5%-5.5%, 5%～5.5%, 5%至5.5%, 5%到5.5%, 1.2万—1.3万.
_RANGE = re.compile(
    r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)[十百千万亿]*\s*%?\s*(?:[—―–\-~〜−]{1,2}|至|到)\s*"
    r"([0-9]+(?:\.[0-9]+)?)(?![0-9.])"
)


@functools.lru_cache(maxsize=1024)
def states_range(text: str | None, low: Decimal | None, top: Decimal | None) -> bool:
    """Does `text` (a target's quote, an amendment's note) state the range `low`–`top`, its
    two figures equal to them: "增长5%—5.5%，努力争取更好结果" for min 5, stretch 5.5 (the
    stretch is the top of the range), not "增长7%以上，力争8%" for min 7, stretch 8 (a 争取 line
    of its own)? Figures compare as numbers (5 and 5.0); a fall's are its size (docs/forms.md)."""
    if text is None or low is None or top is None:
        return False
    low, top = abs(low), abs(top)
    for match in _RANGE.finditer(unicodedata.normalize("NFKC", text)):
        if Decimal(match.group(1)) == low and Decimal(match.group(2)) == top:
            return True
    return False


def stretch_is_range_top(
    texts: Iterable[str | None],
    minimum: Decimal | None,
    maximum: Decimal | None,
    around: Decimal | None,
    stretch: Decimal | None,
) -> bool:
    """Is a bound's `stretch` the top of a range its plan states (min + stretch, no `max` or
    `around`, and one of `texts` writes min—stretch: `states_range`)? Else it is a 争取 line of
    its own (7%以上，力争8%; 5%左右，争取5.5%), and the report words it as one."""
    if stretch is None or minimum is None or maximum is not None or around is not None:
        return False
    return any(states_range(text, minimum, stretch) for text in texts)


# A figure of a quote and what follows it up to the clause's end (增长7%以上 → 7, %以上).
_FIGURE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(?![0-9.])(?=([^，。；、,;]{0,8}))")
# The words that make a figure a bound of its own kind (7%以上, 4.8%以内, 5%左右, 3户以上).
_QUALIFIERS = ("以上", "以内", "以下", "左右", "之内")


@functools.lru_cache(maxsize=1024)
def states_alone(text: str | None, figure: Decimal | None) -> bool:
    """Does `text` (a target's quote) state `figure` alone, a bare figure with no 以上, 以内 or
    左右 after it: "社会消费品零售总额增长7%" and "实施115个老旧小区改造", not "地区生产总值增长7%
    以上"? The report then quotes the plan's bound as the plan words it (原计划7%, 原计划7%以上:
    audit Y, D6). A quote that does not write the figure as the target counts it (2.3万人 for
    23000人) is read by its other figures: alone unless one of them has such a word."""
    if text is None or figure is None:
        return False
    words = [
        (Decimal(match.group(1)) == abs(figure), any(w in match.group(2) for w in _QUALIFIERS))
        for match in _FIGURE.finditer(unicodedata.normalize("NFKC", text))
    ]
    own = [qualified for same, qualified in words if same]
    return not any(own if own else [qualified for _, qualified in words])
