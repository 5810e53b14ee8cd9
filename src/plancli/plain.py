"""The plan and the ledger as plain data: what read commands work on (issue 15).

Pydantic is how a plan file is read and validated (`model.py`), and what `plancli schema`
documents. Once a plan has passed it, read commands need none of it: the validated plan is
kept in a compiled form (`compiled.py`) and read back into the named tuples below, and
figures come from the ledger as `Record`s and `Figure`s of plain values. Importing Pydantic and
building its models costs more than a whole `status` without them, so nothing here imports
Pydantic, and `status` or `gap` on a plan seen before never do.

The classes mirror the models field for field, in the same order, with the same defaults
(tests/test_plain.py checks it), so `targets --json` and `show --json` write a target as
the model would. They are built from data the models validated; they check nothing. They
are named tuples: `dump_json` writes one as an object of its fields, not as an array.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    NamedTuple,
    Protocol,
    TypeAlias,
    TypeVar,
    get_args,
)

from plancli.i18n import N_

if TYPE_CHECKING:
    from plancli import model

Kind = Literal[
    "growth",
    "level",
    "cumulative",
    "milestone",
    "relative",
    "change",
    "trend",
    "indicator",
    "ongoing",
]
Frequency = Literal["monthly", "quarterly", "annual"]
Direction = Literal["up", "down", "band"]
Relation = Literal["same", "above", "not_below", "below"]

KINDS: tuple[Kind, ...] = get_args(Kind)
# Kinds whose figure is a percentage (or percentage points) whatever the target's unit: a 左右
# tolerance for them is in percentage points (docs/forms.md).
PERCENT_KINDS: frozenset[str] = frozenset({"growth", "relative", "change", "trend"})
# Kinds judged against a bound (min, max or around), unless the bound is pending.
BOUNDED_KINDS: frozenset[str] = frozenset({"growth", "level", "cumulative", "change", "ongoing"})
# What a relation may compare with: growth figures, or an outside series (全国平均水平).
REFERENCE_KINDS: frozenset[str] = frozenset({"growth", "relative", "indicator"})


def decimal_to_json(value: Decimal) -> int | float:
    """JSON numbers, not strings: integral values as integers, others as the shortest float."""
    return int(value) if value == value.to_integral_value() else float(value)


class JsonNumber:
    """Marks a `Decimal` field of an output that JSON writes as a number (`decimal_to_json`).

    Only `plancli schema` asks Pydantic about the outputs: this tells it the field's JSON type
    (integer or number), as `model.Number` does for the models. Nothing else reads it."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import PlainSerializer

        serializer = PlainSerializer(decimal_to_json, return_type=int | float, when_used="json")
        return serializer.__get_pydantic_core_schema__(source, handler)


if TYPE_CHECKING:
    Number: TypeAlias = Decimal
else:
    from typing import Annotated

    Number = Annotated[Decimal, JsonNumber()]


def figure_problem(value: Decimal) -> str | None:
    """What makes `value` unfit to be recorded, or None: the one rule for every figure,
    typed (`ledger_values.parse_number`) or read back from a ledger, TOML or SQLite.

    - finite, and at most 10^15 in magnitude: the district's GDP is 1441 亿元, so anything
      larger is a typing or script error;
    - at most 10 decimal places;
    - at most 15 significant digits: JSON numbers are doubles, which keep 15, so every
      figure plancli accepts is shown exactly by `--json` (decimal_to_json).
    """
    if not value.is_finite():
        return N_("is not a finite number")
    text = str(value)
    if len(text) <= 12 and "E" not in text:
        # Most figures: 12 characters without an exponent hold at most 12 digits and 10
        # decimal places. A shortcut, as as_tuple() below costs 0.5 µs (60 ms a ledger read).
        return None
    # adjusted() first: a cheap test that skips building 10^15 for almost every figure;
    # copy_abs, as abs() would round (and trap) 1e999999999.
    if value.adjusted() >= 15 and value.copy_abs() > Decimal(10) ** 15:
        return N_("is too large (at most 10^15 in magnitude)")
    _, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and exponent < -10:
        return N_("has more than 10 decimal places")
    significant = len(digits)
    while significant > 15 and digits[significant - 1] == 0:
        significant -= 1  # trailing zeros (123456789012345.0) cost a double nothing
    if significant > 15:
        return N_("has more than 15 significant digits (JSON numbers keep 15)")
    return None


# ---------------------------------------------------------------------------- the plan
# Named tuples, not dataclasses: a dataclass generates and compiles its methods when its module
# is imported (2-3 ms for a target's 28 fields), a named tuple one small function; read
# commands pay every millisecond of their imports on every run.


class Baseline(NamedTuple):
    year: int
    value: Decimal | None = None
    growth: Decimal | None = None
    plan: Decimal | None = None
    plan_text: str | None = None
    value_text: str | None = None  # `value` as the report states it (5.67万亿元)


class ProjectCount(NamedTuple):
    total: int
    continuing: int
    new: int
    total_investment: Decimal | None = None


class StatusRules(NamedTuple):
    pace_tolerance: Decimal = Decimal(10)
    growth_tolerance: Decimal = Decimal("1.0")
    relative_tolerance: Decimal = Decimal("1.0")
    around_tolerance: Decimal = Decimal("0.5")
    around_share: Decimal = Decimal("0.05")


class Section(NamedTuple):
    id: str
    name: str
    name_en: str


def effective_direction(
    kind: str, direction: Direction | None, minimum: object, maximum: object
) -> Direction:
    """`direction`, or the one the bounds imply (docs/forms.md)."""
    if direction is not None:
        return direction
    if kind in ("cumulative", "ongoing", "milestone", "relative"):
        return "up"
    if minimum is not None and maximum is not None:
        return "band"
    if maximum is not None:
        return "down"
    return "up"


def decline_problem(target: Any) -> tuple[str, dict[str, object]] | None:
    """Why a `decline = true` target is wrongly written (its msgid and fields), else None: a
    growth target only, and every bound the size of the fall (下降3%以上 is `min = 3`; `min =
    -3` would judge a 2% rise met against "a fall of at least −3")."""
    if target.kind != "growth":
        return N_("`decline` (下降…%) is only for growth targets"), {}
    for bound in ("min", "max", "around", "stretch"):
        value = getattr(target, bound)
        if value is not None and value < 0:
            message = N_(
                "a 下降 (decline) target's {bound} is the size of the fall: write {bound} = "
                "{size} (下降{size}%), not {bound} = {value}"
            )
            return message, {"bound": bound, "size": -value, "value": value}
    return None


class Target(NamedTuple):
    """A target of the plan, as `model.Target` validated it (same fields, same order)."""

    id: str
    section: str
    name: str
    name_en: str
    kind: Kind
    unit: str
    min: Decimal | None = None
    max: Decimal | None = None
    exclusive: bool = False
    direction: Direction | None = None
    around: Decimal | None = None
    tolerance: Decimal | None = None
    stretch: Decimal | None = None
    stretch_exclusive: bool = False
    decline: bool = False
    pending: bool = False
    opening: Decimal | None = None
    year_average: bool | None = None
    relation: Relation | None = None
    reference: str | None = None
    figures_of: str | None = None
    baseline: Baseline | None = None
    frequency: Frequency = "monthly"
    profile: list[Decimal] | None = None
    due: str | None = None
    parts: list[str] = []  # noqa: RUF012 (a named tuple's default: never mutated)
    projects: ProjectCount | None = None
    quote: str | None = None
    owner: str | None = None
    note: str | None = None
    note_en: str | None = None
    review: str | None = None
    aliases: list[str] = []  # noqa: RUF012 (a named tuple's default: never mutated)

    @property
    def effective_direction(self) -> Direction:
        return effective_direction(self.kind, self.direction, self.min, self.max)

    @property
    def percent_figure(self) -> bool:
        """Is the judged figure a percentage (a 左右 tolerance in pp)?"""
        return self.kind in PERCENT_KINDS or self.unit.strip() in ("%", "％")

    @property
    def has_amount(self) -> bool:
        """Growth-type records may carry the YTD amount in `unit` beside the growth %."""
        return self.kind in ("growth", "relative")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """`plancli schema`: a target is written as the plan's model writes it, so the outputs
        that carry one (`targets`, `show`) document it by that model."""
        from plancli.model import Target as TargetModel

        return handler(TargetModel)


class PlanMeta(NamedTuple):
    id: str
    name: str
    name_en: str
    year: int
    source: str | None = None
    status: StatusRules = StatusRules()
    review: str | None = None


_LISTS = ("parts", "aliases")  # lists of strings, empty by default


class TargetRows(Protocol):
    """A plan's targets not built yet (`compiled.py` keeps them as columns): each built when
    asked for, so a process that judges part of a plan builds that part only (`gap_split`)."""

    def __len__(self) -> int: ...

    def column(self, name: str) -> list[Any]:
        """One field of every target, in plan order, as kept (None where a target has none:
        an empty `parts` too)."""
        ...

    def build(self, places: Sequence[int] | None = None) -> list[Target]:
        """The targets at `places` (plan order numbers; None: all), built."""
        ...


class Plan:
    """A validated plan. `target()` looks a target up by id through an index built once.

    Its `targets` may be given as `TargetRows`: they are then built at the first use of
    `targets` or `target()`; `ids()`, `column()` and `part()` read the rows without building
    the rest."""

    __slots__ = ("_by_id", "_rows", "_targets", "plan", "sections")

    def __init__(
        self, plan: PlanMeta, sections: list[Section], targets: list[Target] | TargetRows
    ) -> None:
        self.plan = plan
        self.sections = sections
        self._targets: list[Target] | None = None
        self._rows: TargetRows | None = None
        if isinstance(targets, list):
            self._targets = targets
        else:
            self._rows = targets
        self._by_id: dict[str, Target] | None = None

    @property
    def targets(self) -> list[Target]:
        if self._targets is None:
            assert self._rows is not None
            self._targets = self._rows.build()
            self._rows = None  # the columns freed: everything is built
        return self._targets

    def target(self, target_id: str) -> Target | None:
        if self._by_id is None:
            self._by_id = {target.id: target for target in self.targets}
        return self._by_id.get(target_id)

    def ids(self) -> list[str]:
        """The targets' ids in plan order (not building them)."""
        return self.column("id")

    def column(self, name: str) -> list[Any]:
        """One field of every target in plan order (`TargetRows.column`: None where a target
        has none, an empty `parts` too), not building the targets."""
        if self._targets is None:
            assert self._rows is not None
            return self._rows.column(name)
        if name in _LISTS:
            return [getattr(target, name) or None for target in self._targets]
        return [getattr(target, name) for target in self._targets]

    def part(self, places: Sequence[int]) -> list[Target]:
        """The targets at `places` (plan order numbers), building only those."""
        if self._targets is None:
            assert self._rows is not None
            return self._rows.build(places)
        targets = self._targets
        return [targets[place] for place in places]

    def section(self, section_id: str) -> Section | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Plan):
            return NotImplemented
        return (self.plan, self.sections, self.targets) == (
            other.plan,
            other.sections,
            other.targets,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Plan({self.plan.id!r}, {len(self.targets)} targets)"


# -------------------------------------------------------------------------- the ledger


class Record(NamedTuple):
    """One figure recorded for a target and period, as `model.Record` validated it."""

    target: str
    period: str
    value: Decimal
    amount: Decimal | None
    note: str | None
    source: str | None
    recorded_at: datetime
    batch: str
    recorded_by: str | None = None


class Amendment(NamedTuple):
    """A mid-year adjustment of a target's bound, as `model.Amendment` validated it."""

    target: str
    period: str
    min: Decimal | None
    max: Decimal | None
    around: Decimal | None
    tolerance: Decimal | None
    stretch: Decimal | None
    note: str | None
    recorded_at: datetime
    batch: str
    recorded_by: str | None = None

    @property
    def drops(self) -> bool:
        """A drop (不再考核, `amend --drop`): an amendment without a bound."""
        return self.min is None and self.max is None and self.around is None


class Figure(NamedTuple):
    """What the assessment reads of a record in force. A `Record` takes about ten times the
    memory; a ledger store hands these out so gap and status over 120,000 records stay small."""

    target: str
    period: str
    value: Decimal
    amount: Decimal | None


class FigureQuery(NamedTuple):
    """What an assessment at one period reads of the figures in force (`gap`): per target, the
    figure at its latest position (end month) up to `end_month` of `year`, the year before's
    year-end figure (a `change` target's base), and every position up to then of the targets
    in `series` (a relation and its reference). A store that can select these in its database
    reads only them (stores/postgres); the others give every figure, which the assessment
    reduces the same way."""

    year: int
    end_month: int  # the as-of period's end month; 12 when judging at the latest figures
    series: frozenset[str] = frozenset()


def plan_owners(plan: Plan | model.Plan) -> tuple[tuple[str, str], ...]:
    """The plan's owner (牵头单位) of each target that names one: what a database ledger keeps
    in its `target_owner` table and enforces (stores/postgres): a PDF's radicals read as the
    characters they stand for (⼯信局 copied from a report's 责任分工 is 工信局)."""
    from plancli.radicals import radical_free

    return tuple(
        (t.id, radical_free(t.owner.strip())) for t in plan.targets if t.owner and t.owner.strip()
    )


def plain_record(record: Record | model.Record) -> Record:
    """The record as plain data (a store's models, from a SQLite ledger or a file the quick
    TOML reader left to them)."""
    if isinstance(record, Record):
        return record
    return Record(
        record.target,
        record.period,
        record.value,
        record.amount,
        record.note,
        record.source,
        record.recorded_at,
        record.batch,
        record.recorded_by,
    )


def plain_amendment(amendment: Amendment | model.Amendment) -> Amendment:
    if isinstance(amendment, Amendment):
        return amendment
    return Amendment(
        amendment.target,
        amendment.period,
        amendment.min,
        amendment.max,
        amendment.around,
        amendment.tolerance,
        amendment.stretch,
        amendment.note,
        amendment.recorded_at,
        amendment.batch,
        amendment.recorded_by,
    )


K = TypeVar("K")
T = TypeVar("T")


def latest_in_order(items: Iterable[T], key: Callable[[T], K]) -> dict[K, T]:
    """The last item of each key, in the order those last items come (not the keys' first)."""
    latest: dict[K, T] = {}
    for item in items:
        k = key(item)
        latest.pop(k, None)
        latest[k] = item
    return latest


# Either form, where a helper serves read commands (plain) and writing ones (the models).
AnyPlan: TypeAlias = "Plan | model.Plan"


def plan_ids(plan: AnyPlan) -> list[str]:
    """A plan's target ids in plan order (a plain plan's without building its targets)."""
    return plan.ids() if isinstance(plan, Plan) else [target.id for target in plan.targets]


AnyTarget: TypeAlias = "Target | model.Target"
AnyAmendment: TypeAlias = "Amendment | model.Amendment"
AnyRecord: TypeAlias = "Record | model.Record"
