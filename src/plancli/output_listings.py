"""The shapes of the two JSON outputs built as plain dicts, for `plancli schema`: `plans
--json` (the bundled plans) and `extract --compare --json` (a draft scored against a plan).
Types only: the commands build the data (`cli.plan_cmds`, `extract.compare`), and
tests/test_scripting.py checks each against its schema."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict  # Pydantic reads the schema of this one on 3.11


class BundledPlanEntry(TypedDict):
    """One bundled plan: the id `--plan` takes, its names, year and number of targets."""

    id: str
    name: str
    name_en: str
    year: int
    targets: int


class PlansOutput(TypedDict):
    """`plancli plans --json`."""

    schema_version: Literal[1]
    plans: list[BundledPlanEntry]


class GroupScore(TypedDict):
    """How a draft did on one group of targets (or all): counts, and shares from 0 to 1
    (null where the plan or the draft has none in the group)."""

    gold: int
    found: int
    matched: int
    recall: float | None
    precision: float | None
    exact: int
    exact_share: float | None


class FieldDifference(TypedDict):
    """A field of a matched target where the draft and the plan differ."""

    field: str
    gold: Any
    draft: Any


class MatchedPair(TypedDict):
    """A plan's target and the drafted target matched to it."""

    gold: str
    draft: str
    group: str
    exact: bool
    differences: list[FieldDifference]


class TargetBrief(TypedDict):
    """A target missed by the draft, or drafted but in the plan nowhere."""

    id: str | None
    group: str
    kind: str | None
    quote: str | None


class ExtractComparison(TypedDict):
    """`plancli extract REPORT --compare PLAN --json`."""

    schema_version: Literal[1]
    report: str
    gold: str
    groups: dict[str, GroupScore]
    total: GroupScore
    quotes: int
    quotes_verbatim: int
    pairs: list[MatchedPair]
    missed: list[TargetBrief]
    extra: list[TargetBrief]
