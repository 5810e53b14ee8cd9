"""The types a value must have in a file a person writes (the TOML plan, the TOML ledger):
a figure written as a number, a time as a date and time. Pydantic's lax mode would take the
text "7" as the figure 7 and the integer 1 as 1970-01-01T00:00:01Z, so a typo went in
silently; a database ledger keeps its figures and times as text by design, and is read
without the `FROM_FILE` context, as before."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationInfo

from plancli.i18n import N_

# The validation context of a TOML plan or ledger: `Plan.model_validate(data, context=…)`.
FROM_FILE = {"from_file": True}


class PlanRule(ValueError):
    """A rule of the plan file broken. The message is English (pydantic keeps it); its msgid
    and fields are kept too, so `plan.describe_validation_error` shows it in the user's
    language."""

    def __init__(self, message: str, **fields: object) -> None:
        self.msgid = message
        self.fields = fields
        super().__init__(message.format(**fields))


def _from_file(info: ValidationInfo) -> bool:
    context = info.context
    return isinstance(context, dict) and bool(context.get("from_file"))


def file_number(value: Any, info: ValidationInfo) -> Any:
    """A figure of a file as it is: text in quotes that reads as a figure (`min = "7"`)
    refused, naming the figure to write; other text is left to pydantic, which refuses it
    (`plan_messages.text_figure_hint` says `"5%"` is 5)."""
    if type(value) is int and _from_file(info):
        return Decimal(value)
    if not _from_file(info):
        return value
    if type(value) is not str:
        if type(value) is not Decimal:  # `amount = true`, `value = [1]`: said as TOML wrote it
            raise PlanRule(
                N_("{value} is {kind}, not a number"),
                value=toml_shown(value),
                kind=toml_kind(value),
            )
        return value
    figure = value.strip()
    try:
        Decimal(figure)
    except (InvalidOperation, ValueError):
        return value  # no figure: pydantic's own error, as before
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", figure):
        raise PlanRule(
            N_("{value} is text, not a number: write the figure without quotes: {figure}"),
            value=toml_shown(value),
            figure=_clip(figure),
        )
    raise PlanRule(
        N_("{value} is text, not a number: write a figure without quotes"),
        value=toml_shown(value),
    )


def file_time(value: Any, info: ValidationInfo) -> Any:
    """A time of a file as it is: a number (`recorded_at = 1`) is no date and time, nor is text
    in quotes (`recorded_at = "2022-07-05T08:30:00Z"`, read as a time by pydantic's lax mode
    before session 29)."""
    if isinstance(value, datetime) or not _from_file(info):
        return value
    if isinstance(value, str):
        raise PlanRule(
            N_(
                "{value} is text, not a date and time: write it without quotes "
                "(2022-07-05T08:30:00Z)"
            ),
            value=toml_shown(value),
        )
    if isinstance(value, date | time):  # a TOML date or time alone (`recorded_at = 2022-07-05`)
        raise PlanRule(
            N_(
                "{value} is not a date and time: write both, with the UTC offset "
                "(2022-07-05T08:30:00Z)"
            ),
            value=value,
        )
    raise PlanRule(
        N_("{value} is a number, not a date and time (2022-07-05T08:30:00Z)"), value=value
    )


def _clip(text: str) -> str:
    from plancli.safe import clip

    return clip(text)


def toml_kind(value: object) -> str:
    """What a TOML value is, in words (`true`: true or false), translated."""
    from plancli.i18n import _

    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | Decimal | float):
        return _("a number")
    if isinstance(value, datetime | date | time):
        return _("a date or time")
    if isinstance(value, list):
        return _("an array")
    if isinstance(value, dict):
        return _("a table")
    return _("text")


def type_reason(value: object) -> str:
    """`'1' is text, not a number`: a value of a file where a number belongs, translated."""
    from plancli.i18n import _

    return _("{value} is {kind}, not a number").format(
        value=toml_shown(value), kind=toml_kind(value)
    )


def toml_shown(value: object) -> str:
    """A value as a TOML file writes it, short and printable (`true`, `[1, 2]`)."""
    from plancli.safe import clip

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return clip("[" + ", ".join(toml_shown(item) for item in value[:3]) + "]")
    if isinstance(value, dict):
        pairs = [f"{key} = {toml_shown(item)}" for key, item in list(value.items())[:3]]
        return clip("{" + ", ".join(pairs) + "}")
    if isinstance(value, str):
        return clip(value, quote=True)
    return clip(str(value))


def text_type_hint(error: Any) -> str:
    """A key that holds text given another type (`batch = 3`, `period = 202206`): the value as
    written and what it is, after pydantic's words."""
    if error.get("type") != "string_type" or "input" not in error:
        return ""
    from plancli.i18n import _

    value = error["input"]
    return _(": {value} is {kind}, not text in quotes").format(
        value=toml_shown(value), kind=toml_kind(value)
    )
