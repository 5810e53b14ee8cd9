"""Read commands over the plan: targets, show, validate, schema, init, status."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import CsvOpt, JsonOpt, command, emit, state
from plancli.errors import InputError


@command("targets")
def targets_cmd(
    ctx: typer.Context,
    section: Annotated[
        str | None, typer.Option("--section", "-s", help="Only this section id.")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", "-k", help="Only this kind: growth, level, cumulative, milestone, relative."
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", "-q", help="Id, Chinese or English name contains this."),
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    """List the plan's targets (table, --json or --csv)."""
    from plancli.plan import filter_targets

    st = state(ctx)
    plan = st.plan
    selected = filter_targets(plan, section, kind, search)
    if json_out:
        from plancli.output import dump_json, targets_output

        emit(dump_json(targets_output(plan, selected)))
    elif csv_out:
        from plancli.fmt import num
        from plancli.output import csv_text

        columns = [
            "id",
            "section",
            "name",
            "name_en",
            "kind",
            "unit",
            "min",
            "max",
            "exclusive",
            "reference",
            "frequency",
            "baseline_year",
            "baseline_value",
            "baseline_growth",
            "parts",
            "quote",
        ]
        rows = [
            [
                t.id,
                t.section,
                t.name,
                t.name_en,
                t.kind,
                t.unit,
                num(t.min),
                num(t.max),
                str(t.exclusive).lower(),
                t.reference,
                t.frequency,
                t.baseline.year if t.baseline else None,
                num(t.baseline.value) if t.baseline else None,
                num(t.baseline.growth) if t.baseline else None,
                ";".join(t.parts),
                t.quote,
            ]
            for t in selected
        ]
        emit(csv_text(columns, rows))
    else:
        from plancli.render import console
        from plancli.render.plan import targets_table

        console().print(targets_table(plan, selected, st.lang))


@command("show")
def show_cmd(
    ctx: typer.Context,
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="Target id (see `plancli targets`).")
    ],
    json_out: JsonOpt = False,
) -> None:
    """Show every field of one target: bounds, baseline, the report's quote."""
    from plancli.plan import find_target

    st = state(ctx)
    plan = st.plan
    target = find_target(plan, target_id)
    if json_out:
        from plancli.output import SCHEMA_VERSION, dumps

        emit(
            dumps(
                {
                    "schema_version": SCHEMA_VERSION,
                    "plan": plan.plan.id,
                    "target": target.model_dump(mode="json"),
                }
            )
        )
    else:
        from plancli.render import console
        from plancli.render.plan import target_detail

        console().print(target_detail(plan, target, st.lang))


@command("validate")
def validate_cmd(
    ctx: typer.Context,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="The report's text: check that every quote appears in it.",
            dir_okay=False,
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Check the plan file: errors exit 3; warnings (roll-ups, quotes) are listed."""
    from plancli.plan import check_plan

    st = state(ctx)
    plan = st.plan  # a plan that does not load raises PlanFileError → exit 3
    report_text = None
    if source is not None:
        try:
            report_text = source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"--source {source}: cannot read: {exc}") from None
    findings = check_plan(plan, report_text)
    if json_out:
        from plancli.output import FindingOut, ValidateOutput, dump_json

        out = ValidateOutput(
            plan=plan.plan.id,
            file=str(st.source.path),
            valid=True,
            targets=len(plan.targets),
            findings=[
                FindingOut(level=f.level, code=f.code, target=f.target, message=f.message)
                for f in findings
            ],
        )
        emit(dump_json(out))
        return
    from plancli.render import console

    err = console(stderr=True)
    if findings:
        from plancli.render.plan import findings_table

        err.print(findings_table(findings))
    warnings = len(findings)
    typer.echo(
        f"{st.source.path}: valid, {len(plan.targets)} targets, "
        f"{warnings} warning{'s' if warnings != 1 else ''}",
        err=True,
    )


@command("schema")
def schema_cmd(
    what: Annotated[
        str,
        typer.Argument(
            help="plan, targets, validate, history or gap (default: all, keyed by name)."
        ),
    ] = "all",
) -> None:
    """Print the JSON Schema of the plan file and of each JSON output."""
    from plancli.output import dumps, json_schemas

    schemas = json_schemas()
    if what == "all":
        emit(dumps(schemas))
    elif what in schemas:
        emit(dumps(schemas[what]))
    else:
        raise InputError(f"no schema {what!r}; choose one of: all, {', '.join(schemas)}")


@command("init")
def init_cmd(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Workspace folder (created).")],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing plan file.")
    ] = False,
) -> None:
    """Start a workspace: copy the plan into DIR/plan2022.toml (its ledger goes beside it)."""
    st = state(ctx)
    source = st.source.path
    st.plan  # noqa: B018  (refuse to copy a plan that does not load)
    target = directory / source.name
    if target.exists() and not force:
        raise InputError(f"{target} exists; use --force to overwrite it")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError as exc:
        raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    ledger = target.with_name(f"{target.stem}.progress.toml")
    typer.echo(f"wrote {target}", err=True)
    from plancli.ledger import copy_bundled_ledger

    copied = copy_bundled_ledger(st.source, ledger)  # the 2021 actuals, never over a ledger
    if copied is not None:
        typer.echo(f"copied the bundled ledger ({copied} records) to {ledger}", err=True)
    typer.echo(f"progress will be recorded in {ledger}", err=True)
    typer.echo(f"next: plancli --plan {target} targets", err=True)


@command("status")
def status_cmd(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """The plan at a glance: how many targets of each kind in each section."""
    st = state(ctx)
    plan = st.plan
    if json_out:
        from collections import Counter

        from plancli.output import SCHEMA_VERSION, dumps

        counts = Counter((t.section, t.kind) for t in plan.targets)
        emit(
            dumps(
                {
                    "schema_version": SCHEMA_VERSION,
                    "plan": plan.plan.id,
                    "sections": [
                        {
                            "id": s.id,
                            "name": s.name,
                            "name_en": s.name_en,
                            "kinds": {k: n for (sec, k), n in counts.items() if sec == s.id},
                        }
                        for s in plan.sections
                    ],
                }
            )
        )
        return
    from plancli.render import console
    from plancli.render.plan import plan_glance

    console().print(plan_glance(plan, st.lang))
