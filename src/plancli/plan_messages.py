"""A plan's validation errors in the user's words: plan rules by their msgid, pydantic's
common messages by their type, a figure typed as text with the figure to write."""

from __future__ import annotations

import re
from typing import Any

from plancli.i18n import N_, _

# pydantic's own messages for the mistakes a hand-written plan makes, in the user's language.
_PYDANTIC_MESSAGES = {
    "missing": N_("required, and missing"),
    "extra_forbidden": N_("not a field plancli knows (a typo?)"),
    "string_type": N_("must be text (in quotes)"),
    "bool_type": N_("must be true or false"),
    "bool_parsing": N_("must be true or false"),
    "int_type": N_("must be a whole number"),
    "int_parsing": N_("must be a whole number"),
    "list_type": N_("must be a list ([…])"),
    "decimal_parsing": N_("must be a number"),
    "decimal_type": N_("must be a number"),
    "string_too_short": N_("must not be empty"),
}


def _validation_message(error: Any, english: str) -> str:
    """One pydantic error in the user's language: a plan rule (model.PlanRule) by its msgid,
    pydantic's common messages by their type, anything else as pydantic says it."""
    from plancli.model import PlanRule

    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, PlanRule):
        return _(cause.msgid).format(**cause.fields)
    from plancli.i18n import language

    hint = _text_figure_hint(error)
    if language() == "en":  # English keeps pydantic's own words (docs and scripts quote them)
        return english + hint
    kind = error.get("type", "")
    if kind in _PYDANTIC_MESSAGES:
        return _(_PYDANTIC_MESSAGES[kind]) + hint
    if kind == "literal_error":
        return _("must be one of {expected}").format(
            expected=(error.get("ctx") or {}).get("expected", "")
        )
    if kind == "string_pattern_mismatch":
        return _("{value!r} is not a valid id (the pattern is {pattern})").format(
            value=error.get("input"), pattern=(error.get("ctx") or {}).get("pattern", "")
        )
    return english


def _text_figure_hint(error: Any) -> str:
    """A figure typed as text (`min = "5%"`, `"1,053.8"`): the value, and the figure to write."""
    value = error.get("input")
    if error.get("type") not in ("decimal_parsing", "decimal_type") or not isinstance(value, str):
        return ""
    figure = re.sub(r"[\s,，%％]", "", value)
    if not re.fullmatch(r"-?\d+(\.\d+)?", figure):
        return ""
    return _(": {value!r} is text; write the figure without quotes: {figure}").format(
        value=value, figure=figure
    )
