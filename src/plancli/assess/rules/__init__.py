"""The status rules, one module per kind of target (docs/forms.md): a new form is a new file.

Each module has `assess(ctx, target, as_of) -> Assessment`.
"""

from __future__ import annotations

from plancli.assess.core import Rule
from plancli.assess.rules import (
    change,
    cumulative,
    growth,
    indicator,
    level,
    milestone,
    ongoing,
    relative,
    trend,
)
from plancli.plain import Kind, Target

RULES: dict[Kind, Rule] = {
    "growth": growth.assess,
    "level": level.assess,
    "cumulative": cumulative.assess,
    "milestone": milestone.assess,
    "relative": relative.assess,
    "change": change.assess,
    "trend": trend.assess,
    "indicator": indicator.assess,
    "ongoing": ongoing.assess,
}


def rule_for(target: Target) -> Rule:
    return RULES[target.kind]
