"""Plain data and its JSON (issue 15): the dataclasses mirror the models, and `dump_json` writes
what Pydantic writes for the same outputs."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from plancli import model, plain
from plancli.assess import (
    GapOutput,
    ShowOutput,
    StatusOutput,
    assess_plan,
    assessment_out,
    gap_output,
    select,
    status_output,
)
from plancli.history import amendment_history, amendment_out, history, history_record
from plancli.locations import bundled_plans
from plancli.output import dump_json, number_text, plain_data
from plancli.output_history import HistoryOutput, TargetsOutput
from plancli.plan import load_plain_plan
from plancli.safe import json_text

PAIRS = [
    (plain.Baseline, model.Baseline),
    (plain.ProjectCount, model.ProjectCount),
    (plain.StatusRules, model.StatusRules),
    (plain.Section, model.Section),
    (plain.Target, model.Target),
    (plain.PlanMeta, model.PlanMeta),
    (plain.Record, model.Record),
    (plain.Amendment, model.Amendment),
]


@pytest.mark.parametrize("pair", PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_plain_classes_mirror_the_models(pair: tuple[Any, type[BaseModel]]) -> None:
    """Same fields in the same order (JSON writes them in this order), same defaults."""
    cls, twin = pair
    assert list(cls._fields) == list(twin.model_fields)
    if cls in (plain.Record, plain.Amendment):
        return  # built whole from a ledger's tables (ledger_read): no defaults
    defaults = cls._field_defaults
    for name, info in twin.model_fields.items():
        if info.is_required():
            assert name not in defaults, name
        else:
            theirs = info.get_default(call_default_factory=True)
            if isinstance(theirs, BaseModel):  # PlanMeta.status: the rules' own defaults
                assert plain_data(defaults[name]) == theirs.model_dump(mode="json"), name
            else:
                assert defaults[name] == theirs, name
                assert str(defaults[name]) == str(theirs), name  # 1.0 is not 1 here


def test_derived_properties_agree() -> None:
    for path in bundled_plans().values():
        validated = model.Plan.model_validate(
            __import__("tomllib").loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        )
        compiled = load_plain_plan(path)
        for ours, theirs in zip(compiled.targets, validated.targets, strict=True):
            assert ours.effective_direction == theirs.effective_direction
            assert ours.percent_figure == theirs.percent_figure
            assert ours.has_amount == theirs.has_amount


def test_numbers_are_written_as_pydantic_writes_them() -> None:
    rng = random.Random(15)
    floats = [0.1, 12.5, 1e-5, 9.99e-5, 1e-4, 1.5e-7, 1e16, 123456789012345.6, -0.00001234]
    floats += [rng.choice((-1, 1)) * 10 ** rng.uniform(-12, 20) for _ in range(3000)]
    adapter = TypeAdapter(float)
    for value in floats:
        assert number_text(value) == adapter.dump_json(value).decode(), value
    for value in (0, -7, 10**15, 2**70):
        assert number_text(value) == str(value)


def test_times_are_written_as_pydantic_writes_them() -> None:
    adapter = TypeAdapter(datetime)
    for moment in (
        datetime(2022, 7, 5, 8, 30, tzinfo=UTC),
        datetime(2022, 7, 5, 8, 30, 0, 120, tzinfo=UTC),
        datetime(2022, 7, 5, 16, 30, tzinfo=timezone(timedelta(hours=8))),
        datetime(2022, 7, 5, 8, 30),
    ):
        assert dump_json(moment) == adapter.dump_json(moment).decode()


def made_up_records(plan: plain.Plan, rng: random.Random) -> list[plain.Record]:
    """A year of monthly figures for every target, some revised, of every size and shape."""
    year = plan.plan.year
    records = []
    for month in range(1, 13):
        for target in plan.targets:
            value = Decimal(rng.randrange(-3000, 300000)).scaleb(-rng.randrange(0, 5))
            amount = None if rng.random() < 0.5 else Decimal(rng.randrange(1, 10**9)).scaleb(-2)
            at = datetime(year, month, 28, 8, rng.randrange(60), tzinfo=UTC)
            records.append(
                plain.Record(target.id, f"{year}-{month:02d}", value, amount, None, None, at, "b")
            )
    return records + rng.sample(records, 10)


def documents() -> list[tuple[type, object]]:
    """Every JSON document of the read commands, for each bundled plan with a year of made-up
    figures and an amendment."""
    out: list[tuple[type, object]] = []
    rng = random.Random(5)
    for path in bundled_plans().values():
        plan = load_plain_plan(path)
        records = made_up_records(plan, rng)
        year = plan.plan.year
        first = plan.targets[0]
        amendments = [
            plain.Amendment(
                first.id,
                f"{year}-06",
                Decimal("4.5"),
                None,
                None,
                None,
                Decimal("5.25"),
                "调整\u202e",
                datetime(year, 7, 20, tzinfo=UTC),
                "b",
            )
        ]
        assessment = assess_plan(plan, records, None, amendments)
        chosen = select(assessment, plan.targets)
        out.append((GapOutput, gap_output(assessment, chosen)))
        out.append((StatusOutput, status_output(assessment, ledger="x.toml")))
        out.append((TargetsOutput, TargetsOutput(plan=plan.plan.id, targets=plan.targets)))
        revisions = history(records)
        out.append(
            (
                HistoryOutput,
                HistoryOutput(
                    plan=plan.plan.id,
                    ledger="x.toml",
                    target=None,
                    records=[history_record(r.record, r.current) for r in revisions],
                    amendments=[
                        amendment_out(plan, a.amendment, a.current)
                        for a in amendment_history(amendments)
                    ],
                ),
            )
        )
        for target in plan.targets:
            out.append(
                (
                    ShowOutput,
                    ShowOutput(
                        plan=plan.plan.id,
                        target=target,
                        as_of=str(assessment.as_of),
                        assessment=assessment_out(assessment.get(target.id)),
                        ledger="x.toml",
                        history=[],
                    ),
                )
            )
    return out


def test_dump_json_writes_what_pydantic_writes() -> None:
    """The JSON contract did not change when the outputs stopped being models: Pydantic,
    serialising the same dataclasses (the schema command's view of them), writes the same
    bytes as `dump_json` (a target by its plain class's own fields, which the model shares)."""
    adapters: dict[type, TypeAdapter[Any]] = {}  # one per type: each is a Pydantic schema build
    for output_type, document in documents():
        if output_type in (TargetsOutput, ShowOutput):  # plain.Target is schema'd as the model
            expected = json.dumps(plain_data(document), ensure_ascii=False, indent=2)
            assert json.loads(dump_json(document)) == json.loads(expected)
            continue
        if output_type not in adapters:
            adapters[output_type] = TypeAdapter(output_type)
        adapter = adapters[output_type]
        written = adapter.dump_json(document, indent=2).decode()
        assert dump_json(document) == json_text(written), output_type.__name__


def test_plain_data_is_what_the_models_dumped() -> None:
    for path in bundled_plans().values():
        plan = load_plain_plan(path)
        validated = model.Plan.model_validate(
            __import__("tomllib").loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        )
        for ours, theirs in zip(plan.targets, validated.targets, strict=True):
            assert plain_data(ours) == theirs.model_dump(mode="json")
            assert dump_json(ours) == json_text(theirs.model_dump_json(indent=2))
