"""The values a record is made of, checked as typed (record, import, amend): a figure from its
text (a growth as the bulletin words it, a milestone's `done`, the target's unit or %), the
kind's range, a note's or source's text; a batch's id and time."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from plancli.errors import InputError
from plancli.figure_words import (
    footnote_refusal,
    milestone_words,
    number_text,
    signed_words,
    typed_figure,
    typed_refusals,
)
from plancli.fmt import value_is_percent
from plancli.i18n import N_, _
from plancli.plain import AnyTarget, figure_problem
from plancli.stores.base import shown
from plancli.texts import CELL_CHARS, text_problem

# What a figure may be (finite, magnitude, decimal places, significant digits) is one rule,
# plain.figure_problem, applied to typed figures here and to every figure a ledger holds.
_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
_NOT_FINITE = {"nan", "snan", "inf", "infinity"}


def new_batch_id(now: datetime) -> str:
    """Unique and sortable by time: `20220705T083000Z-1a2b3c`."""
    return f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def parse_number(
    raw: str | Decimal | int | float, what: str, percent: bool = False, unit: str | None = None
) -> Decimal:
    """An exact, plain decimal fit to record (`Record.figure_problem`: finite, at most 10^15,
    10 decimal places and 15 significant digits) from text (or a JSON number), or an InputError.

    Thousands separators are refused rather than guessed: in many locales `4,8` is 4.8, so
    reading `1,441` as 1441 could silently corrupt a figure. A trailing `%` is accepted where
    the figure is a percentage (5.2% growth), the target's `unit` where it is in it (`27.9万人`,
    `typed_figure`); another unit is refused naming the plan's (`6000万元` for 亿元)."""
    if isinstance(raw, bool):
        raise InputError(
            _("{what} must be a number, not {raw}").format(what=_(what), raw=str(raw).lower())
        )
    if isinstance(raw, int | float | Decimal):
        text = str(raw)
        value = Decimal(text) if not isinstance(raw, Decimal) else raw
        return checked_number(value, text, what)
    text, unit = typed_figure(raw.strip(), unit, percent)  # Ⅱ类 in 类: 2; 27.9万人 in 万人: 27.9
    if not text:
        raise InputError(_("{what} is empty").format(what=_(what)))
    if text.endswith(("%", "％")):
        if not percent:
            raise InputError(
                _("{what} {raw!r}: this figure is not a percentage; drop the %").format(
                    what=_(what), raw=_Repr(shown(raw))
                )
            )
        text = text[:-1].rstrip()
    # What is wrong is found in the text as the readers fold it (`number_text`: `ＮａＮ`,
    # `５．２亿元`); the message quotes it as the file holds it (`as_written`).
    probe = text if text.isascii() else number_text(text)
    if probe.lower().lstrip("+-") in _NOT_FINITE:
        raise InputError(
            _("{what} {raw!r} is not a finite number").format(what=_(what), raw=_Repr(shown(raw)))
        )
    if "," in text or "，" in text:
        typed_refusals(text, probe, _(what), shown(raw), unit)  # 2,004.9亿元; 1,02.3
        raise InputError(
            _(
                "{what} {raw!r}: write it without thousands separators and with '.' as the "
                "decimal point, e.g. 1441.37"
            ).format(what=_(what), raw=_Repr(shown(raw)))
        )
    if not _NUMBER.match(text):
        footnote_refusal(text, _(what), shown(raw))  # 5.2¹: a footnote mark, not a digit
        typed_refusals(text, probe, _(what), shown(raw), unit)  # \u200b2.5, 0.60亿元
        raise InputError(
            _("{what} {raw!r} is not a number (e.g. 310, 5.2, -0.3)").format(
                what=_(what), raw=_Repr(shown(raw))
            )
        )
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        raise InputError(
            _("{what} {raw!r} is not a number").format(what=_(what), raw=_Repr(shown(raw)))
        ) from None
    return checked_number(value, raw, what)


class _Repr(str):
    """A text whose repr is itself: `shown(raw)` in a message written with `{raw!r}`."""

    def __repr__(self) -> str:
        return str(self)


def checked_number(value: Decimal, raw: object, what: str) -> Decimal:
    problem = figure_problem(value)  # the rule a ledger's figures are read back with
    if problem is not None:
        raise InputError(
            _("{what} {raw!r} {problem}").format(
                what=_(what), raw=_Repr(shown(raw)), problem=_(problem)
            )
        )
    if "e" in str(value).lower():  # 1e3 and 1E-5 are stored as 1000 and 0.00001
        value = Decimal(format(value, "f"))
    if value.is_zero() and value.is_signed():
        # -0.0 is 0.0: a figure has no signed zero, and PostgreSQL's numeric cannot keep one
        # (a ledger copied there and back must come back as it was).
        value = value.copy_abs()
    return value


def parse_value(
    raw: str | Decimal | int | float, target: AnyTarget, what: str = N_("value")
) -> Decimal:
    """A target's figure: a number, `done` (= 100) for a milestone, or a growth as the bulletin
    writes it (`下降4.0%` is −4.0, `增长5.2%` is 5.2: `signed_words`); range-checked."""
    if isinstance(raw, str):
        if target.kind == "milestone" and (done := milestone_words(raw, what)) is not None:
            return done
        worded = signed_words(raw, target, what)
        if worded is not raw:
            value = parse_number(worded, what, percent=value_is_percent(target))
            return value.copy_abs() if value.is_zero() else value  # 下降0 is 0, not −0
    return parse_number(raw, what, percent=value_is_percent(target), unit=target.unit)


def check_value(target: AnyTarget, value: Decimal, shown: str) -> None:
    """Kind rules: cumulative totals are ≥ 0, milestones are 0–100 percent done."""
    if target.kind == "cumulative" and value < 0:
        raise InputError(
            _(
                "{value} for {target} is negative; a cumulative target records the "
                "year-to-date total, which cannot be below 0"
            ).format(value=shown, target=target.id)
        )
    if target.kind == "milestone" and not 0 <= value <= 100:
        raise InputError(
            _(
                "{value} for {target} is outside 0–100; a milestone records percent done "
                "(or `done`)"
            ).format(value=shown, target=target.id)
        )


def clean_text(value: str | None, what: str = "text") -> str | None:
    """Text to keep with a figure: stripped, None when empty.

    Refused (InputError) when it is not Unicode text: a lone surrogate, which is what invalid
    UTF-8 on the command line becomes in Python (`--note $'\\xff'`) and what JSON may spell
    (`"\\ud800"`). No ledger can store it as UTF-8, so it must not get as far as a write.
    """
    if value is None:
        return None
    value = value.strip()
    problem = text_problem(value, what)
    if problem is not None:
        raise InputError(problem)
    if len(value) > CELL_CHARS:  # what import refuses in a cell, and a report would cut
        message = _("--{what} of {n} characters: at most {limit} (a cell's limit, as for import)")
        raise InputError(message.format(what=what, n=f"{len(value):,}", limit=f"{CELL_CHARS:,}"))
    return value or None
