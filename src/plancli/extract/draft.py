"""A drafted target: what the extractor found, where, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plancli.extract.characters import tidy_name
from plancli.i18n import language


def toml_number(value: Decimal) -> int | Decimal:
    """7 for 7 (TOML would write a Decimal 7 as 7.0); 2.30 stays 2.30, digit for digit."""
    return int(value) if value == value.to_integral_value() and "." not in str(value) else value


@dataclass
class DraftTarget:
    """One target as drafted. `start`/`end` locate its quote in the report's text."""

    id: str
    section: str
    name: str
    kind: str
    unit: str
    start: int
    end: int
    name_en: str = ""
    frequency: str = "quarterly"
    min: Decimal | None = None
    max: Decimal | None = None
    around: Decimal | None = None
    stretch: Decimal | None = None
    stretch_exclusive: bool = False  # the stretch only when exceeded (比去年更多增长)
    direction: str | None = None
    exclusive: bool = False
    decline: bool = False
    pending: bool = False
    relation: str | None = None
    reference: str | None = None
    opening: Decimal | None = None  # a stock's at the year's start (schedules)
    baseline: dict[str, Any] | None = None
    due: str | None = None
    parts: list[str] = field(default_factory=list)
    projects: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    shared: bool = False  # the id and English name come from the shared vocabulary
    aliases: list[str] = field(default_factory=list)  # a bulletin's names for it (地区生产总值)
    # 力争比去年实现更多增长 after its floor: the clause, whose stretch is last year's figure
    # where the review states it (baselines.last_years_stretch)
    last_year_aim: str | None = None

    def figure(self) -> Decimal | None:
        """The headline figure (for dedup): around, else min, else max."""
        for value in (self.around, self.min, self.max):
            if value is not None:
                return value
        return None

    def to_toml(self, text: str) -> dict[str, Any]:
        """The plan-file table of this target (keys in the order the bundled plans use)."""
        out: dict[str, Any] = {
            "id": self.id,
            "section": self.section,
            "name": tidy_name(self.name),
            "name_en": self.name_en or tidy_name(self.name),
        }
        if self.aliases:
            out["aliases"] = list(self.aliases)
        out["kind"] = self.kind
        if self.direction is not None:
            out["direction"] = self.direction
        out["unit"] = self.unit
        for key in ("min", "max", "around", "stretch"):
            value = getattr(self, key)
            if value is not None:
                out[key] = toml_number(value)
        if self.stretch_exclusive:
            out["stretch_exclusive"] = True
        if self.opening is not None:
            out["opening"] = toml_number(self.opening)
        for flag in ("exclusive", "decline", "pending"):
            if getattr(self, flag):
                out[flag] = True
        if self.relation is not None:
            out["relation"] = self.relation
        if self.reference is not None:
            out["reference"] = self.reference
        if self.baseline:
            out["baseline"] = self.baseline
        out["frequency"] = self.frequency
        if self.due is not None:
            out["due"] = self.due
        if self.parts:
            out["parts"] = list(self.parts)
        if self.projects is not None:
            out["projects"] = self.projects
        out["quote"] = text[self.start : self.end]
        separator = "。" if language() == "zh" else "; "  # notes in the CLI's language
        if self.notes:
            out["note"] = separator.join(self.notes)
        if self.review:
            out["review"] = separator.join(self.review)
        return out
