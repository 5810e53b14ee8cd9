"""A figure as a bulletin writes it: in full-width digits or grouped by commas (`１２３．４`,
`1,234.5`: `number_text`, which `record` reads too without loading the bulletin readers), and
in words: a growth (`下降4.0%` is −4.0, `增长5.2%` 5.2) and a milestone done (`完成`, `已完成` are
100 percent done)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import N_, _, kind_word
from plancli.periods import DASHES
from plancli.stores.base import shown

if TYPE_CHECKING:
    from plancli.plain import AnyTarget


_GROUPED = re.compile(r"^([+-]?)([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?)(\s*%?)$")
# Thousands grouped by a space as Excel exports them (`1 050`; a no-break or thin space is one
# after NFKC): every group after the first of exactly three digits, one space between.
_SPACED = re.compile(r"^([+-]?)([0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]+)?)(\s*%?)$")
# An accounting negative `(1.2)`: parentheses around the whole unsigned figure, nothing else.
_UNSIGNED = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)%?$")


def footnote_marks(text: str) -> str:
    """The characters of `text` that NFKC would read as digits but that are not digits of a
    figure: superscripts and subscripts (`5.2¹`, `10⁵`, `5.2₁`), circled and parenthesised
    numbers (`①`, `㉑`, `⒌`), mathematical digits (`𝟓`): the footnote marks a bulletin glues
    to a figure. Full-width digits (`５`, the CJK input methods' digits) are not among them."""
    if text.isascii():
        return ""
    return "".join(
        ch
        for ch in text
        if not ch.isascii()
        and not "０" <= ch <= "９"
        and any("0" <= c <= "9" for c in unicodedata.normalize("NFKC", ch))
    )


def footnote_refusal(text: str, what: str, raw: str) -> None:
    """InputError for a figure with a footnote mark (`5.2¹`: `footnote_marks`), naming it; `raw`
    is the figure as a message shows it (`stores.base.shown`)."""
    marks = footnote_marks(text)
    if marks:
        raise InputError(
            _(
                "{what} {raw}: {marks} is not a digit: a footnote mark after the figure? "
                "give the figure alone"
            ).format(what=what, raw=raw, marks=" ".join(marks))
        )


def footnotes_refusal(cells: tuple[tuple[str, object], ...]) -> None:
    """InputError naming every figure of a row with a footnote mark (`value '5.2¹', amount
    '702.6²'`) when more than one has: refused by the first alone, a clerk fixes one cell and
    imports again only to be told of the next. `cells`: (what, as translated; raw)."""
    marked = [
        (what, raw, marks)
        for what, raw in cells
        if isinstance(raw, str) and (marks := footnote_marks(raw))
    ]
    if len(marked) > 1:
        raise InputError(
            _(
                "{cells}: {marks} are not digits: footnote marks after the figures? give each "
                "figure alone"
            ).format(
                cells=_(", ").join(f"{what} {shown(raw)}" for what, raw, _marks in marked),
                marks=" ".join(mark for _w, _r, marks in marked for mark in marks),
            )
        )


# A figure and a unit typed after it (`6000万元`, `0.6 万亿元` for a target in 亿元), its
# thousands grouped or not (`20,049万元`: the unit is what is wrong there, not the comma, audit
# K D9); the plan's own unit is read before (`own_unit_figure`: `2,004.9亿元` is 2004.9).
_WITH_UNIT = re.compile(
    r"^[+-]?(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?\s*([^\s0-9.,，+-][^0-9]{0,7})$"
)


def own_unit_figure(text: str, unit: str | None) -> str:
    """The figure of `text` typed with exactly the plan's own `unit` after it (`27.9万人`,
    `27.9 万人`, `２７.９万人`, `2,004.9亿元` for a target in 万人 or 亿元: as hledger takes an
    amount written with its commodity), folded as `number_text` folds it (`2004.9`); else
    `text` as it is, for `typed_refusal` to refuse a unit that is not the plan's (`279000人`
    for 万人, `0.6万亿元` for 亿元, `27.9万人左右`, `5000元/人` for 元: plancli never
    converts). The unit is compared after NFKC and without spaces (`万 人`, as pdftotext
    spaces Chinese, is 万人); a % (`value_is_percent`) and a class (类: `class_figure`) are
    read where they were, and a figure with an invisible character or a footnote mark is left
    whole for its own refusal."""
    if not unit or unit.strip() in ("%", "％", "类") or (text.isascii() and text.isdigit()):
        return text
    own = "".join(unicodedata.normalize("NFKC", unit).split())
    if not own or footnote_marks(text) or not text.isprintable():
        return text
    from plancli.safe import readable

    if readable(text) != text:
        return text
    folded = unicodedata.normalize("NFKC", text).translate(DASHES).strip()
    number = r"[+-]?[0-9](?:[0-9,]| (?=[0-9]))*(?:\.[0-9]+)?"  # (1,050 and 1 050: number_text's)
    scale, counted = scaled_unit(own)
    for word in (own, scale) if scale and counted else (own,):
        spaced = r"\s*".join(map(re.escape, word))
        match = re.fullmatch(rf"({number})\s*{spaced}", folded)
        if match is not None:
            return number_text(match.group(1))
    return text


# The scale words a plan's unit starts with (万人, 亿元, 万亿元), longest first, and the power of
# ten each is: a figure typed with the scale word alone (`36.2万` for 万人) is in the plan's unit.
_SCALES = (("万亿", 12), ("亿", 8), ("万", 4))


def scaled_unit(unit: str) -> tuple[str, str]:
    """The scale word a unit starts with and the thing it counts (`万人`: 万, 人; `亿元`: 亿,
    元; `万亿元`: 万亿, 元; `人`: "", 人); a unit per something (`元/人`, `万元/人`) or with no
    thing after its scale word (`万`) is no scale of a counted thing: ("", the unit)."""
    plain = "".join(unicodedata.normalize("NFKC", unit).split())
    if "/" in plain or "每" in plain or "%" in plain:
        return "", plain
    for word, _power in _SCALES:
        rest = plain.removeprefix(word)
        if rest != plain:
            return (word, rest) if rest and rest[0] not in "万亿" else ("", plain)
    return "", plain


def unit_scale(unit: str) -> tuple[int, str] | None:
    """The power of ten of a unit's scale word and the thing it counts (`万人`: 4, 人; `人`:
    0, 人); None for a unit per something (`元/人`)."""
    word, counted = scaled_unit(unit)
    if not counted or any(mark in counted for mark in "/每%") or counted in dict(_SCALES):
        return None
    return dict(_SCALES).get(word, 0), counted


def other_scale(number: str, given: str, unit: str) -> str | None:
    """`number` typed in `given`, a scale of the thing the plan's `unit` counts other than the
    plan's (`279000` in 人 for 万人, `6000` in 万元 for 亿元), in the plan's unit as text
    (`27.9`, `0.6`): for a refusal to show what to type, plancli never converting a figure
    itself; None for a unit of another thing (`万元` for 万人) or a figure it cannot read.
    Another scale word alone is that scale of the plan's thing, as the plan's own scale word
    alone is the plan's unit (`own_unit_figure`): `1.2万亿` for 亿元 is 12000, `0.362亿` for 万人
    3620, `6000万` for 亿元 0.6 (session 41); a plan's unit without a scale word (个) takes none."""
    typed, planned = unit_scale(given), unit_scale(unit)
    word = "".join(unicodedata.normalize("NFKC", given).split())
    if typed is None and planned is not None and planned[0] and word in dict(_SCALES):
        typed = dict(_SCALES)[word], planned[1]  # 1.2万亿 for 亿元: 万亿元
    if typed is None or planned is None or typed[1] != planned[1] or typed[0] == planned[0]:
        return None
    try:
        value = Decimal(number_text(number))
    except ArithmeticError:
        return None
    if not value.is_finite():
        return None
    return f"{value.scaleb(typed[0] - planned[0]).normalize():f}"


def typed_figure(text: str, unit: str | None, percent: bool) -> tuple[str, str | None]:
    """A figure typed, for `ledger_values.parse_number`: its class as a number for a target in 类
    (`Ⅱ类` is 2: `class_figure`), or without the plan's own unit (`own_unit_figure`); and the
    unit it is in: % for a percentage (a growth's figure, whose plan's unit is its amount's:
    `5.0亿元` is no growth, and a refusal names % as the unit to give it in)."""
    from plancli.unit_words import class_figure

    text = class_figure(text, unit)
    if percent:
        return text, "%"
    if text.isascii() and text[-1:].isdigit():  # (a plain figure: no unit to read)
        return text, unit
    return own_unit_figure(text, unit), unit


class _AsIs(str):
    def __repr__(self) -> str:  # `shown(raw)` is a repr already
        return str(self)


def misplaced_separator(probe: str, what: str, raw: str) -> None:
    """InputError for a figure grouped, but not by three (`1,０２.3`, folded `1,02.3`: a comma
    with a decimal point after it, or two commas), which was told not to group its thousands
    though 1,234 is read (session 30 walk F10); a decimal comma (4,8) is left to the caller."""
    if not _GROUPED.match(probe) and (probe.count(",") > 1 or "." in probe):
        raise InputError(
            _(
                "{what} {raw!r}: a thousands separator out of place (groups of three "
                "digits, e.g. 1,023.4); or write it without separators, e.g. 1023.4"
            ).format(what=what, raw=_AsIs(raw))
        )


def typed_refusal(text: str, what: str, raw: str, unit: str | None) -> None:
    """InputError for a figure typed with something a reader cannot see or act on (audit W
    D10): an invisible character pasted with it from a web page or WeChat (a zero-width
    space, shown as `visible` shows it), or a unit typed after it that is not the plan's
    (`6000万元` for 亿元, `11000人` for 万人), naming the plan's, which the figure must be in
    (plancli does not convert); the plan's own unit is read (`own_unit_figure`)."""
    from plancli.safe import readable, visible

    if readable(text) != text or not text.isprintable():
        hidden = sorted({c for c in text if not c.isprintable() or readable(c) != c})
        raise InputError(
            _(
                "{what} {raw}: holds an invisible character ({chars}: a zero-width space or "
                "the like, pasted with the figure); retype the figure"
            ).format(what=what, raw=raw, chars=" ".join(visible(c) for c in hidden))
        )
    match = _WITH_UNIT.match(text)
    if match is not None and unit:  # (the plan's own unit is read: `own_unit_figure`)
        number = text[: match.start(1)].strip()
        converted = other_scale(number, match.group(1), unit)
        if converted is not None:  # (`279000人` for 万人: the same thing at another scale)
            raise InputError(
                _(
                    "{what} {raw}: the figure in {given}, the plan's unit is {unit}; plancli "
                    "does not convert units: give the number alone, in {unit} ({number}{given} "
                    "is {converted}{unit})"
                ).format(
                    what=what,
                    raw=raw,
                    given=match.group(1),
                    unit=unit.strip(),
                    number=number,
                    converted=converted,
                )
            )
        raise InputError(
            _(
                "{what} {raw}: the figure with a unit ({given}); give the number alone, in "
                "the plan's unit ({unit})"
            ).format(what=what, raw=raw, given=match.group(1), unit=unit.strip())
        )


def typed_refusals(text: str, probe: str, what: str, raw: str, unit: str | None) -> None:
    """`typed_refusal` of the text as written (an invisible character NFKC would make a
    space), then of it folded (`５．２亿元`: the unit typed after the figure); then a thousands
    separator out of place."""
    typed_refusal(text, what, raw, unit)
    if probe != text:
        typed_refusal(probe, what, raw, unit)
    if "," in probe:  # not a unit: a separator out of place? (`misplaced_separator`)
        misplaced_separator(probe, what, raw)


def number_text(text: str) -> str:
    """A figure as plancli reads it: full-width digits and signs as ASCII (`１２３．４`,
    `５％`, `－2.1`), thousands grouped by commas or spaces without them (`1,234.5`, `1，234`,
    `1 050`: a no-break or thin space too), and an accounting negative as one (`(1.2)` is
    -1.2). A comma or space that does not group thousands (`4,8`, `1 05`) and a parenthesis
    not around the whole figure (`(1.2`) are left for the number check to refuse, and a
    footnote mark (`5.2¹`, `①`: `footnote_marks`) left as it is, for the number check to refuse
    by name: read as a digit it would make 5.2¹ the figure 5.21."""
    if footnote_marks(text):
        return text.strip()
    normal = unicodedata.normalize("NFKC", text).translate(DASHES).strip()
    if len(normal) > 2 and normal[0] == "(" and normal[-1] == ")":
        inner = _ungrouped(normal[1:-1].strip())
        return "-" + inner if _UNSIGNED.match(inner) else normal
    return _ungrouped(normal)


def _ungrouped(normal: str) -> str:
    """`normal` (NFKC) without the separators of its thousands, when they group it exactly."""
    for mark, grouped in ((",", _GROUPED), (" ", _SPACED)):
        if mark in normal:
            match = grouped.match(normal)
            if match is not None:
                return match.group(1) + match.group(2).replace(mark, "") + match.group(3).strip()
    return normal


class _NoData:
    """A figure cell holding only a statistical table's mark for 无数据 (read as empty): a run
    of dashes (`—`, `——`, `-`, `－－`, `――`, `–`), a slash (`/`, `／`: 不适用) or an ellipsis
    (`…`, `...`), each in its full-width form too, as the number reader folds them."""

    __slots__ = ()
    _MARK = re.compile(r"[-\u2010-\u2015\u2212\u2500\ufe58\ufe63\uff0d]+|[/\uff0f]|(?:…|\.{3})+")

    def __contains__(self, cell: object) -> bool:
        if not isinstance(cell, str) or not cell or len(cell) > 12:
            return False
        return self._MARK.fullmatch(unicodedata.normalize("NFKC", cell).strip()) is not None


NO_DATA = _NoData()


# What a figure reads as once folded (`number_text`): a number, signed or with its %, after a
# growth's words (`同比下降3`); or a milestone's word (`_DONE_WORDS`).
_READ = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*%?")


def as_written(text: str) -> str:
    """`number_text` when the folded text reads as a figure (`１２３．４`, `下降３％`), else
    the text as written (`－－３`, `／`, `５．２亿元`): the error refusing it quotes the cell
    as the file holds it, not `--3` (`parse_number` works out what is wrong from the folded
    text)."""
    folded = number_text(text)
    written = text.strip()
    if folded == written:
        return folded
    rest = folded
    for words in (_SAME_PERIOD_WORDS, _FALL_WORDS + _RISE_WORDS):
        rest = next((rest[len(w) :].lstrip() for w in words if rest.startswith(w)), rest)
    if _READ.fullmatch(rest) or folded.lower() in _DONE_WORDS:
        return folded
    return written


_DONE_WORDS = {"done", "完成", "已完成", "全部完成"}  # 已完成: a progress table's word


def milestone_words(raw: str, what: str = N_("value")) -> Decimal | None:
    """100 for a milestone's `done` (完成, 已完成); None for a figure; an InputError saying
    what a milestone takes for any other word (进行中)."""
    if raw.strip().lower() in _DONE_WORDS:
        return Decimal(100)
    if any(ch.isdigit() for ch in raw):
        return None
    raise InputError(
        _(
            "{what} {raw} is not a number: a milestone takes its percent done, 0 to 100, or "
            "done (完成, 已完成)"
        ).format(what=_(what), raw=shown(raw))
    )


# Kinds whose figure is a (signed) growth %: a record may be written as the bulletin writes it.
SIGNED_KINDS = frozenset({"growth", "relative", "trend", "indicator"})
# 下降4.0 is a growth of −4.0, 增长5.2% one of 5.2 (statistical bulletins, 统计公报 and 月报);
# 上涨0.2 a price's rise, as a bulletin writes CPI (居民消费价格同比上涨0.2%; 山东 walk, s40).
_FALL_WORDS = ("下降", "降低", "减少", "回落")
_RISE_WORDS = ("增长", "上升", "上涨", "提高", "增加")
_SAME_PERIOD_WORDS = ("同比", "比上年")
assert all(w[0] >= "\x80" for w in (*_FALL_WORDS, *_RISE_WORDS, *_SAME_PERIOD_WORDS))


def rate_level(target: AnyTarget) -> bool:
    """A level that is itself a rate of change, in % (居民消费价格涨幅: CPI 2%左右): its bulletin
    writes 居民消费价格同比下降0.3%, so 下降0.3 records it as -0.3 (audit R, D3)."""
    name = getattr(target, "name", "") or ""
    return target.kind == "level" and target.unit.strip() == "%" and name.endswith(("涨幅", "增幅"))


def rise_stated(raw: object) -> bool:
    """Does the text state a rise in so many words (`增长0.6`, `同比增长0.6%`, `上升0.3`) or
    with its sign (`+0.6`)? Then a rise recorded for a 下降 target is what the bulletin says,
    not a fall typed without its sign (audit S D7)."""
    if not isinstance(raw, str):
        return False
    text = raw.strip()
    for prefix in _SAME_PERIOD_WORDS:
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip()
            break
    return text.startswith(("+", "＋", *_RISE_WORDS))


def signed_words(raw: str, target: AnyTarget, what: str = N_("value")) -> str:
    """A growth as the bulletin writes it, as a signed number's text: `下降4.0%` → `-4.0%`,
    `增长5.2` → `5.2`, `同比下降3` → `-3`; any other text unchanged.

    Only for targets whose figure is a signed growth (growth, relative, trend): a level or a
    total is never "下降" anything, so the word is refused there.
    """
    text = raw.strip()
    if not text or text[0] < "\x80":  # every word starts with a Chinese character
        return raw
    for prefix in _SAME_PERIOD_WORDS:
        if text.startswith(prefix):
            text = text[len(prefix) :].lstrip()
            break
    for words, sign in ((_FALL_WORDS, "-"), (_RISE_WORDS, "")):
        word = next((w for w in words if text.startswith(w)), None)
        if word is None:
            continue
        if target.kind not in SIGNED_KINDS and not rate_level(target):
            raise InputError(
                _(
                    "{what} {raw!r}: {word} is for growth figures (growth, relative and trend "
                    "targets); {target} is a {kind} target: record its figure as a number"
                ).format(
                    what=_(what), raw=raw, word=word, target=target.id, kind=kind_word(target.kind)
                )
            )
        rest = text[len(word) :].strip()
        if rest[:1] in ("+", "-", "−"):
            raise InputError(
                _("{what} {raw!r}: write {words} or a signed number, not both").format(
                    what=_(what), raw=raw, words=f"{word}{rest[1:]}"
                )
            )
        return f"{sign}{rest}"
    return raw
