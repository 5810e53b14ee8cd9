"""Pydantic models of the plan file and of ledger records (DESIGN §2, §5).

Numbers are `Decimal`: the report's figures are exact (58.72 亿元, 4.8%) and stay exact from
the TOML file to the JSON output. Models of hand-written files forbid unknown keys, so a typo
such as `taget = 10` fails loudly instead of being ignored.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from plancli.file_types import FROM_FILE as FROM_FILE
from plancli.file_types import PlanRule as PlanRule
from plancli.file_types import file_number, file_time
from plancli.i18n import N_, _
from plancli.level_precision import value_text_problem

# Plain names, imported from here before they moved (re-exported).
from plancli.plain import BOUNDED_KINDS as BOUNDED_KINDS
from plancli.plain import KINDS as KINDS
from plancli.plain import PERCENT_KINDS as PERCENT_KINDS
from plancli.plain import REFERENCE_KINDS as REFERENCE_KINDS
from plancli.plain import Direction as Direction
from plancli.plain import Figure as Figure
from plancli.plain import Frequency as Frequency
from plancli.plain import Kind as Kind
from plancli.plain import Relation as Relation
from plancli.plain import decimal_to_json as decimal_to_json
from plancli.plain import decline_problem, effective_direction, figure_problem
from plancli.plain import latest_in_order as latest_in_order
from plancli.plan_links import FIGURES_OF
from plancli.plan_refs import english_name, reference_problems, with_sections
from plancli.safe import (
    NAME_SHOWS_NOTHING,
    length_note,
    name_problem,
    name_shown,
    shows_nothing,
)
from plancli.unit_words import not_a_class

if TYPE_CHECKING:
    from pydantic.config import JsonDict

# Exact in Python, a plain number in JSON (pydantic would otherwise write Decimal as a string).
_JSON = PlainSerializer(decimal_to_json, return_type=int | float, when_used="json")
Number = Annotated[Decimal, BeforeValidator(file_number), _JSON]  # text in a file refused
# allow_inf_nan: NaN and inf are refused by figure_problem, with the message `record` gives
RecordNumber = Annotated[Decimal, Field(allow_inf_nan=True), BeforeValidator(file_number), _JSON]
FileTime = Annotated[datetime, BeforeValidator(file_time)]  # a number in a file refused


def _fit_plan_figure(value: Decimal) -> Decimal:
    """A plan's figures follow the rule for recorded ones (Record.figure_problem): a bound of
    1e999999999 would otherwise be accepted and then take minutes to print."""
    problem = Record.figure_problem(value)
    if problem is not None:
        raise ValueError(f"{shorten(value)} {_(problem)}")
    return value


def shorten(value: object) -> str:
    """A figure for an error message: a 5,000-digit number is shown by its first digits."""
    text = str(value)
    return text if len(text) <= 40 else text[:20] + length_note(len(text))


# A figure in a plan file: a Number fit to be a figure.
PlanNumber = Annotated[Number, AfterValidator(_fit_plan_figure)]

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
NAME_EN = "the English name; left out, the Chinese name (docs/plans.md)"


def _optional_english(schema: JsonDict) -> None:
    """`plancli schema plan`: `name_en` is not required of the file."""
    required = schema.get("required")
    if isinstance(required, list) and "name_en" in required:
        required.remove("name_en")


_OUT_OF_RANGE = N_("{time} is out of range: in UTC it is before year 1 or after 9999")


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NamedModel(StrictModel):
    """A table with `name` and `name_en`: `name_en` may be left out of the file (its Chinese
    name is taken: `plan_refs.english_name`), though every model has one (as `plain` does)."""

    model_config = ConfigDict(json_schema_extra=_optional_english)

    @model_validator(mode="before")
    @classmethod
    def _english(cls, data: object) -> object:
        return english_name(data)  # no name_en: the Chinese name (audit W D12)

    @field_validator("name", check_fields=False)
    @classmethod
    def _shows_something(cls, name: str) -> str:  # "　" or "\u200b": a row no one can tell
        if shows_nothing(name):
            raise PlanRule(NAME_SHOWS_NOTHING, name=name_shown(name))
        return name


class Baseline(StrictModel):
    """The baseline year's figures (附表1's 2021 columns, or section 一's 2021 result)."""

    year: int
    value: PlanNumber | None = None
    growth: PlanNumber | None = Field(default=None, description="growth % in the baseline year")
    plan: PlanNumber | None = Field(default=None, description="the baseline year's planned figure")
    plan_text: str | None = Field(
        default=None, description="the baseline year's plan as the report words it (正增长…)"
    )
    value_text: str | None = Field(
        default=None, description="`value` as the report states it (5.67万亿元): its precision"
    )


class ProjectCount(StrictModel):
    """Investment categories: how many projects, continuing (续建) and new (新开工)."""

    total: int = Field(ge=0)
    continuing: int = Field(ge=0)
    new: int = Field(ge=0)
    total_investment: PlanNumber | None = Field(
        default=None, description="total investment of the projects (亿元), all years"
    )

    @model_validator(mode="after")
    def _parts_add_up(self) -> ProjectCount:
        if self.continuing + self.new != self.total:
            raise PlanRule(
                N_("continuing ({continuing}) + new ({new}) != total ({total})"),
                continuing=self.continuing,
                new=self.new,
                total=self.total,
            )
        return self


class StatusRules(StrictModel):
    """Tolerances of the status rules (DESIGN §4, docs/forms.md), in percentage points."""

    pace_tolerance: PlanNumber = Decimal(10)
    growth_tolerance: PlanNumber = Decimal("1.0")
    relative_tolerance: PlanNumber = Decimal("1.0")
    around_tolerance: PlanNumber = Field(
        default=Decimal("0.5"),
        ge=0,
        description="左右: tolerance in pp for a percentage figure (growth, level in %…)",
    )
    around_share: PlanNumber = Field(
        default=Decimal("0.05"),
        ge=0,
        le=1,
        description="左右: tolerance as a share of X for other units (29左右 → ±1.45)",
    )


class Section(NamedModel):
    id: str = Field(pattern=ID_PATTERN)
    name: str
    name_en: str = Field(description=NAME_EN)


class Target(NamedModel):
    id: str = Field(pattern=ID_PATTERN, description="stable ASCII id used on the command line")
    section: str
    name: str = Field(min_length=1, description="Chinese name, as in the report")
    name_en: str = Field(description=NAME_EN)
    kind: Kind
    unit: str = Field(description="unit of the value (cumulative, level) or of the amount (growth)")
    min: PlanNumber | None = Field(default=None, description="lower bound (target to reach)")
    max: PlanNumber | None = Field(default=None, description="upper bound (ceiling)")
    exclusive: bool = Field(
        default=False, description="bounds are strict: 正增长 means growth > 0, so 0.0 fails"
    )
    direction: Direction | None = Field(
        default=None,
        description="which way is better: up, down or band (derived when omitted: min alone or "
        "around → up, max alone → down, both → band; cumulative and ongoing → up)",
    )
    around: PlanNumber | None = Field(default=None, description="X左右: the figure aimed at")
    tolerance: PlanNumber | None = Field(
        default=None,
        ge=0,
        description="左右 tolerance (default [plan.status] around_tolerance or around_share), "
        "a relation's tolerance in pp, or a stable trend's band",
    )
    stretch: PlanNumber | None = Field(
        default=None, description="a higher aim, never a ceiling (5%—5.5%，争取更好结果 → 5.5)"
    )
    stretch_exclusive: bool = Field(
        default=False, description="the stretch is met only above it (力争比去年实现更多增长)"
    )
    decline: bool = Field(
        default=False,
        description="growth stated as a fall (下降3.8%): bounds are the size of the fall",
    )
    pending: bool = Field(
        default=False,
        description="完成国家下达目标: no bound yet; `pending` until `plancli amend` gives one",
    )
    opening: PlanNumber | None = Field(
        default=None, description="cumulative stock targets (累计…): the stock at the year's start"
    )
    year_average: bool | None = Field(
        default=None,
        description="level targets: the figure is the year's average or rate to date (PM2.5 "
        "年均浓度, 空气质量优良率), judged against the bound only on the year's figure (…-12); "
        "default: true for a concentration unit (微克/立方米), else false",
    )
    relation: Relation | None = Field(
        default=None,
        description="relative targets: same (同步), above (高于), not_below (不低于), below (低于)",
    )
    reference: str | None = Field(
        default=None,
        description="relative targets: id of the target compared with (growth, relative or "
        "indicator)",
    )
    figures_of: str | None = Field(default=None, description=FIGURES_OF)
    baseline: Baseline | None = None
    frequency: Frequency = "monthly"
    profile: list[PlanNumber] | None = Field(
        default=None, description="expected cumulative share at the end of each quarter"
    )
    due: str | None = Field(default=None, description="milestones: period it is due (year end)")
    parts: list[str] = Field(default_factory=list, description="roll-up: ids summed")
    projects: ProjectCount | None = None
    quote: str | None = Field(default=None, description="exact substring of the report")
    owner: str | None = Field(default=None, description="牵头单位: the department that records it")
    note: str | None = Field(
        default=None, description="the plan editor's reading of the report (ambiguities, caveats)"
    )
    note_en: str | None = Field(default=None, description="`note` in English, where one exists")
    review: str | None = Field(
        default=None, description="what a reviewer must still check (drafts written by extract)"
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="other names bulletins give the target (GDP, 社零): `plancli import` "
        "reads a name or an alias that fits one target as its id",
    )

    @field_validator("aliases")
    @classmethod
    def _aliases_show_something(cls, aliases: list[str]) -> list[str]:  # "\u200b" read a cell
        for alias in aliases:  # that shows nothing as this target's figure
            if shows_nothing(alias):
                raise PlanRule(NAME_SHOWS_NOTHING, name=name_shown(alias))
        return aliases

    @field_validator("owner")
    @classmethod
    def _owner_seen(cls, owner: str | None) -> str | None:  # it decides who may record
        problem = None if owner is None else name_problem(owner)  # 统计\u3164局, 统计局 (space)
        if owner is not None and problem is not None:  # look like 统计局 (audit 3 D7, P D5)
            raise PlanRule(problem, owner=name_shown(owner))
        return owner

    @field_validator("min", "max", "around", "stretch")
    @classmethod
    def _a_class(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        """A bound in 类 is a class: `max = 2.5` was taken as one (shown `≤ 2.5 类`)."""
        kind, unit = info.data.get("kind"), info.data.get("unit")
        if value is not None and kind not in PERCENT_KINDS and not_a_class(value, unit):
            raise PlanRule(
                N_("{value} is no water class: a bound in 类 is Ⅰ类–Ⅴ类 (1–5) or 劣Ⅴ类 (6)"),
                value=value,
            )
        return value

    @field_validator("baseline")
    @classmethod
    def _stated_level(cls, baseline: Baseline | None, info: ValidationInfo) -> Baseline | None:
        if baseline is not None:  # 5.67万亿元 is value = 56700 in 亿元 (level_precision.py)
            value_text_problem(baseline.value, baseline.value_text, info.data.get("unit"))
        return baseline

    @field_validator("profile")
    @classmethod
    def _profile_shape(cls, profile: list[PlanNumber] | None) -> list[Decimal] | None:
        if profile is None:
            return None
        if len(profile) != 4:
            raise PlanRule(N_("profile needs 4 quarter-end shares, e.g. [0.15, 0.4, 0.7, 1.0]"))
        if any(b < a for a, b in itertools.pairwise(profile)):
            raise PlanRule(N_("profile shares must not decrease"))
        if not (profile[0] >= 0 and profile[-1] == 1):
            raise PlanRule(N_("profile shares run from ≥ 0 up to 1 at the fourth quarter"))
        return profile

    @model_validator(mode="after")
    def _bounds(self) -> Target:
        kind = self.kind
        has_bound = self.min is not None or self.max is not None or self.around is not None
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PlanRule(N_("min ({min}) > max ({max})"), min=self.min, max=self.max)
        if self.around is not None and (self.min is not None or self.max is not None):
            raise PlanRule(N_("`around` (X左右) and `min`/`max` are alternatives: give one"))
        if kind == "relative":
            if self.reference is None:
                raise PlanRule(N_("a relative target needs `reference` (the target compared with)"))
            if has_bound:
                raise PlanRule(N_("a relative target is judged against its reference: no bounds"))
        elif self.reference is not None:
            raise PlanRule(N_("`reference` is only for relative targets"))
        if self.relation is not None and kind != "relative":
            raise PlanRule(N_("`relation` is only for relative targets"))
        if self.pending:
            if has_bound:
                raise PlanRule(N_("a pending target has no bound yet (`plancli amend` gives it)"))
            if kind in ("relative", "indicator", "milestone", "trend"):
                raise PlanRule(
                    N_(
                        "a {kind} target cannot be pending: a pending target is judged on the "
                        "bound it gets later (a national 下降 target is growth with decline = true)"
                    ),
                    kind=kind,
                )
        elif kind in BOUNDED_KINDS and not has_bound:
            raise PlanRule(
                N_("a {kind} target needs `min`, `max` or `around` (or `pending`)"), kind=kind
            )
        if kind in ("cumulative", "ongoing") and self.max is not None and self.min is None:
            raise PlanRule(N_("a {kind} target needs `min` (the amount to reach)"), kind=kind)
        if kind in ("trend", "indicator", "milestone", "relative") and has_bound:
            raise PlanRule(N_("a {kind} target takes no `min`, `max` or `around`"), kind=kind)
        if kind == "trend" and self.direction is None:
            raise PlanRule(N_("a trend target needs `direction` (up, down or band: 保持稳定)"))
        if kind in ("indicator", "milestone", "relative") and self.direction is not None:
            raise PlanRule(N_("`direction` does not apply to a {kind} target"), kind=kind)
        if self.direction == "band" and kind in ("cumulative", "ongoing"):
            raise PlanRule(
                N_("a {kind} target is never a band: delivering more is 超额完成"), kind=kind
            )
        if has_bound:
            self._check_direction()
        if self.exclusive and self.around is not None:
            raise PlanRule(N_("`exclusive` is for `min`/`max` (正增长), not for `around` (X左右)"))
        tolerated = self.around is not None or kind in ("relative", "trend")
        if self.tolerance is not None and not tolerated:
            raise PlanRule(N_("`tolerance` applies to `around`, a relation or a trend"))
        if kind == "trend" and self.tolerance is not None and self.direction != "band":
            raise PlanRule(
                N_('a trend\'s `tolerance` is the width of 保持稳定: it needs direction = "band"')
            )
        if self.decline and (wrong := decline_problem(self)) is not None:
            raise PlanRule(wrong[0], **wrong[1])
        if self.opening is not None:
            if kind != "cumulative":
                raise PlanRule(
                    N_(
                        "`opening` (the stock at the year's start) is only for cumulative: set "
                        'kind = "cumulative" or remove it'
                    )
                )
            goal = self.min if self.min is not None else self.around
            if goal is not None and self.opening >= goal:
                raise PlanRule(
                    N_("opening ({opening}) must be below the stock to reach"), opening=self.opening
                )
        if self.year_average and kind != "level":
            raise PlanRule(
                N_(
                    "`year_average` (the year's average or rate to date, judged on the year's "
                    "figure) is only for level targets, not a {kind} one"
                ),
                kind=kind,
            )
        if self.stretch is not None:
            self._check_stretch()
        if self.profile is not None and kind != "cumulative":
            raise PlanRule(N_("`profile` is only for cumulative targets"))
        return self

    def _check_direction(self) -> None:
        """A stated direction the bounds can judge: `direction = "down"` with `min` alone would
        leave nothing to judge against, and every figure would pass."""
        direction, around = self.direction, self.around is not None
        if direction == "down" and not (around or self.max is not None):
            raise PlanRule(N_("direction down needs `max` or `around` (`min` alone says up)"))
        if direction == "up" and not (around or self.min is not None):
            raise PlanRule(N_("direction up needs `min` or `around` (`max` alone says down)"))
        if direction == "band" and not (around or (self.min is not None and self.max is not None)):
            raise PlanRule(N_("a band needs `around` or both `min` and `max`"))

    def _check_stretch(self) -> None:
        assert self.stretch is not None
        if self.kind not in BOUNDED_KINDS or self.pending:
            raise PlanRule(N_("`stretch` needs a bounded target, not a {kind} one"), kind=self.kind)
        direction = self.effective_direction
        if direction == "band":
            raise PlanRule(N_("`stretch` is a higher aim in one direction: not for a band"))
        nominal = (
            self.around
            if self.around is not None
            else (self.min if direction == "up" else self.max)
        )
        if nominal is not None and (
            (direction == "up" and self.stretch < nominal)
            or (direction == "down" and self.stretch > nominal)
        ):
            raise PlanRule(
                N_("stretch ({stretch}) is not beyond the bound ({nominal})"),
                stretch=self.stretch,
                nominal=nominal,
            )

    @property
    def effective_direction(self) -> Direction:
        """`direction`, or the one the bounds imply (docs/forms.md)."""
        return effective_direction(self.kind, self.direction, self.min, self.max)

    @property
    def percent_figure(self) -> bool:
        """Is the judged figure a percentage (a 左右 tolerance in pp)?"""
        return self.kind in PERCENT_KINDS or self.unit.strip() in ("%", "％")

    @property
    def has_amount(self) -> bool:
        """Growth-type records may carry the YTD amount in `unit` beside the growth %."""
        return self.kind in ("growth", "relative")


class PlanMeta(NamedModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    name_en: str = Field(description=NAME_EN)
    year: int = Field(ge=1900, le=2200)
    source: str | None = Field(default=None, description="the report the plan comes from")
    status: StatusRules = Field(default_factory=StatusRules)
    review: str | None = Field(
        default=None, description="what a reviewer must still check of the plan: a draft's name"
    )


class Plan(StrictModel):
    plan: PlanMeta
    sections: list[Section] = Field(
        default_factory=list,
        description="without [[sections]]: one for each `section` the targets name, in order",
    )
    targets: list[Target]
    # Targets by id, built on first lookup: an import of 12,000 rows into a 1,000-target plan
    # looked each row's target up by scanning the list. Rebuilt if `targets` is another list
    # (model_copy) or another length.
    _by_id: tuple[list[Target], dict[str, Target]] | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _sections(cls, data: object) -> object:
        return with_sections(data)  # a plan without [[sections]]: its targets' (audit W D12)

    @model_validator(mode="after")
    def _references(self) -> Plan:
        """The rules across targets (`plan_refs`): the first broken; a plan file's errors
        list every one (`plan._validate`)."""
        section_ids = [s.id for s in self.sections]
        names = [s.name for s in self.sections]
        for problem in reference_problems(
            self.plan.year, section_ids, self.targets, names, every=False
        ):
            raise problem
        return self

    def target(self, target_id: str) -> Target | None:
        index = self._by_id
        if index is None or index[0] is not self.targets or len(index[1]) != len(self.targets):
            index = (self.targets, {target.id: target for target in self.targets})
            self._by_id = index
        return index[1].get(target_id)

    def section(self, section_id: str) -> Section | None:
        for section in self.sections:
            if section.id == section_id:
                return section
        return None


class Record(StrictModel):
    """One figure recorded for a target and period: the position at the END of the period."""

    target: str
    period: str = Field(description="canonical period: 2022-06, 2022-Q2, 2022-H1, 2022")
    value: RecordNumber = Field(
        description="growth %, level, cumulative amount or milestone percent"
    )
    amount: RecordNumber | None = Field(default=None, description="YTD amount (growth targets)")
    note: str | None = None
    source: str | None = None
    recorded_at: FileTime = Field(description="when it was recorded (UTC)")
    batch: str = Field(description="id of the command or import that wrote it")
    recorded_by: str | None = Field(
        default=None, description="the database user who wrote it (PostgreSQL ledgers)"
    )

    @staticmethod
    def figure_problem(value: Decimal) -> str | None:
        """What makes `value` unfit to be recorded, or None (`plain.figure_problem`, the one
        rule for every figure, typed or read back from a ledger)."""
        return figure_problem(value)

    @field_validator("value", "amount")
    @classmethod
    def _fit_to_record(cls, value: Decimal | None) -> Decimal | None:
        if value is not None:
            problem = cls.figure_problem(value)
            if problem is not None:
                raise ValueError(f"{shorten(value)} {_(problem)}")
        return value

    @field_validator("recorded_at")
    @classmethod
    def utc_time(cls, value: datetime) -> datetime:
        """`value` in UTC, as every output shows times (`recorded (UTC)`, `…T08:30:00Z`): a
        time with another offset is converted (refused past year 9999 in UTC); one without an
        offset is refused (ValueError), since the zone it was meant in is unknown."""
        offset = value.utcoffset()
        if offset is None:
            raise PlanRule(N_("needs a UTC offset (2022-07-05T08:30:00Z)"))
        try:
            return value.astimezone(UTC) if offset else value
        except OverflowError:  # 9999-12-31 23:59:59-23:59 is in year 10000 in UTC
            raise PlanRule(_OUT_OF_RANGE, time=value.isoformat()) from None


class Amendment(StrictModel):
    """A mid-year adjustment (年中调整) of a target's bound, kept in the ledger (plancli never
    writes the plan file). From the end of `period` on, the target is judged on these bounds
    instead of the plan's; a pending target gets its first bound this way. An amendment with
    no bound (no min, max or around) drops the target (`plancli amend --drop`, 不再考核): from
    the end of `period` on it is no longer judged (docs/amend.md)."""

    target: str
    period: str = Field(description="the adjustment applies from the end of this period on")
    min: PlanNumber | None = None
    max: PlanNumber | None = None
    around: PlanNumber | None = None
    tolerance: PlanNumber | None = Field(default=None, ge=0)
    stretch: PlanNumber | None = None
    note: str | None = None
    recorded_at: FileTime = Field(description="when it was recorded (UTC)")
    batch: str = Field(description="id of the command that wrote it")
    recorded_by: str | None = Field(
        default=None, description="the database user who wrote it (PostgreSQL ledgers)"
    )

    @property
    def drops(self) -> bool:
        """A drop (不再考核): no bound at all; every store keeps it in the usual columns."""
        return self.min is None and self.max is None and self.around is None

    @model_validator(mode="after")
    def _a_bound(self) -> Amendment:
        if self.drops and (self.tolerance is not None or self.stretch is not None):
            raise PlanRule(N_("an amendment needs --min, --max or --around"))
        if self.around is not None and (self.min is not None or self.max is not None):
            raise PlanRule(N_("`around` and `min`/`max` are alternatives: give one"))
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PlanRule(N_("min ({min}) > max ({max})"), min=self.min, max=self.max)
        return self

    _utc = field_validator("recorded_at")(Record.utc_time.__func__)  # type: ignore[attr-defined]


R = TypeVar("R", bound=Record | Figure)


def current_records(records: list[R]) -> dict[tuple[str, str], R]:
    """The record in force for each (target, period): a later record supersedes an earlier one.

    `records` are in ledger order (oldest first); history keeps every revision. The result is
    in the order of the revisions in force (a revised period moves to where it was revised),
    so a reader can tell which of two periods ending the same month was recorded last.
    """
    return latest_in_order(records, lambda record: (record.target, record.period))
