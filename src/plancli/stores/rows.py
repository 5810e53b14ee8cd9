"""Stored rows checked by the Pydantic models, for every store: a ledger is as valid in one store
as in another. The plain read path (`ledger_read`, `stores.sqlite_read`'s plain readers) never
imports this module."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from pydantic import TypeAdapter, ValidationError

from plancli.i18n import _, ngettext
from plancli.model import Amendment, Record
from plancli.stores.base import period_problems


@functools.cache
def records_adapter() -> TypeAdapter[list[Record]]:
    """Validates a whole ledger in one call; built on first use (it costs ms at start-up)."""
    return TypeAdapter(list[Record])


@functools.cache
def amendments_adapter() -> TypeAdapter[list[Amendment]]:
    return TypeAdapter(list[Amendment])


def record_problem(records: Sequence[Record | Amendment]) -> tuple[int, str, str] | None:
    """(index, field, message) of the first record breaking a rule its model does not check
    (a canonical period), or None. Record's validators check figures and times; TOML and
    SQLite reads run both, so a ledger is as valid in one store as in the other."""
    for index, record in enumerate(records):  # target = "": SQLite's CHECK refused it in a
        if not record.target:  # convert, blaming the new file, which it left behind
            return index, "target", _("empty: a record names its target's id")
    bad_periods = period_problems(record.period for record in records)
    if bad_periods:
        for index, record in enumerate(records):
            if record.period in bad_periods:
                return index, "period", bad_periods[record.period]
    return None


def validated_rows(
    adapter: TypeAdapter[list[Any]], raw: list[dict[str, Any]]
) -> tuple[list[Any], tuple[int, str, str] | None]:
    """Stored rows of a database store validated by the models in one call: (the records or
    amendments, None), or ([], (index, field, message)) of the first row the models or the
    ledger's rules refuse (`validation_problem`, `record_problem`). Each store names the row."""
    try:
        items = adapter.validate_python(raw)
    except ValidationError as exc:
        return [], validation_problem(exc)
    return items, record_problem(items)


def not_utf8(value: object) -> str:
    """Why a stored value that should be text is not: `b'\\xff' is not UTF-8 text`."""
    from plancli.safe import clip

    return _("{value} is not UTF-8 text").format(value=clip(repr(value)))


def error_text(error: Any) -> str:
    """One pydantic error of a record: a model rule (`PlanRule`: `recorded_at: needs a UTC
    offset`) in the user's language, anything else as pydantic says it."""
    from plancli.model import PlanRule

    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, PlanRule):
        return _(cause.msgid).format(**cause.fields)
    if error.get("type") == "string_unicode":  # a SQLite blob where text belongs (x'ff')
        return not_utf8(error.get("input"))
    from plancli.file_types import text_type_hint
    from plancli.plan_messages import pydantic_words, text_figure_hint

    # `value = "7"` in a TOML ledger: the value typed and the figure to write (as a plan's);
    # pydantic's English in the Chinese interface's words
    said = pydantic_words(error)
    if said is None:
        said = str(error["msg"]).removeprefix("Value error, ")
    return said + text_figure_hint(error, unit_key=False) + text_type_hint(error)


def validation_problem(exc: ValidationError) -> tuple[int, str, str]:
    """(index of the record, field, message) of the first error validating a list of records."""
    errors = exc.errors()
    # A typo (`taget = "g5"`) is both an unknown and a missing field: name the typo first.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = list(first["loc"])
    index = loc[0] if loc and isinstance(loc[0], int) else 0
    field_name = ".".join(str(part) for part in loc[1:]) or "record"
    message = error_text(first)
    if first["type"] == "missing":
        message = _("missing")
    elif first["type"] == "extra_forbidden":
        message = _("unknown field")
    more = len(errors) - 1
    if more:
        message += ngettext(" (and {n} more error)", " (and {n} more errors)", more).format(n=more)
    return index, field_name, message
