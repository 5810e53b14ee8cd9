"""Read commands over the plan: targets, show, validate, schema, plans (init: `init_cmds`)."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plancli.cli.app import (
    CsvOpt,
    JsonOpt,
    KindOpt,
    SectionOpt,
    command,
    one_format,
    say,
    state,
)
from plancli.cli.assess_cmds import AsOfOpt, print_legend
from plancli.cli.ledger_opts import TargetArg
from plancli.cli.streams import emit, emit_csv
from plancli.errors import InputError, PlanFileError
from plancli.i18n import _, join_list, ngettext
from plancli.safe import Clipped, clip, clip_path

if TYPE_CHECKING:
    from plancli.cli.app import State
    from plancli.model import Plan
    from plancli.plan_checks import Finding


@command("targets", help=_("List the plan's targets (table, --json or --csv)."))
def targets_cmd(
    ctx: typer.Context,
    section: SectionOpt = None,
    kind: KindOpt = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-q",
            help=_("Id, Chinese or English name, alias or a bulletin's name for it contains this."),
        ),
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    from plancli.plan import filter_targets

    one_format(json_out, csv_out)
    st = state(ctx)
    plan = st.plain_plan
    selected = filter_targets(plan, section, kind, search)
    if search and not selected and not (json_out or csv_out):  # not an empty table
        where = _(" (in section {section})").format(section=section) if section else ""
        say(
            _(
                "no target's id or name contains {search}{where}; `plancli targets` lists them all"
            ).format(search=clip(search, quote=True), where=where)
        )
        return
    from plancli.history import amended_at_year_end
    from plancli.shared_ledger import enforced_owners
    from plancli.stores import open_store

    # The amendment in force at the year's end of each target (a bound adjusted, a target
    # dropped, 不再考核, or re-instated), marked with a †. A ledger not written yet has none
    # (`targets` reads the plan, needs no ledger).
    location = st.ledger_location
    stored = location.url is not None or os.path.lexists(location.path)
    amendments = open_store(location).amendments() if stored else []
    selected = enforced_owners(location, selected)  # a database's 牵头单位, not the file's
    if json_out:
        from plancli.output import dump_json
        from plancli.output_history import targets_output

        amended = amended_at_year_end(plan, amendments)
        emit(dump_json(targets_output(plan, selected, amended)), utf8=True)
    elif csv_out:
        from plancli.output import csv_text
        from plancli.output_history import targets_csv

        emit_csv(csv_text(*targets_csv(selected, amended_at_year_end(plan, amendments))))
    else:
        from plancli.amend import in_force_at_year_end
        from plancli.render import console
        from plancli.render.plan import baseline_text, targets_table
        from plancli.unit_words import shown_units

        out = console()
        from plancli.milestone_due import milestone_ids

        in_force = in_force_at_year_end(amendments, plan.plan.year, milestone_ids(plan))
        out.print(targets_table(plan, selected, st.lang, out.width, in_force))
        amounts = [t.unit for t in selected if baseline_text(t, False).endswith(t.unit.strip())]
        print_legend([*shown_units(selected), *amounts], st.lang)  # 605.02 亿元 of a growth's


@command(
    "show",
    help=_("Show one target: its fields, its assessment, every recorded revision and amendment."),
)
def show_cmd(
    ctx: typer.Context,
    target_id: TargetArg,
    as_of: AsOfOpt = None,
    json_out: JsonOpt = False,
) -> None:
    from plancli.assess import assess_plan, assessment_out
    from plancli.history import amendment_history, history, outside_year_note, set_aside
    from plancli.ledger_read import read_ledger
    from plancli.plan import find_target
    from plancli.shared_ledger import enforced_owners

    st = state(ctx)
    plan = st.plain_plan
    target = find_target(plan, target_id)
    location = st.read_ledger()
    contents = read_ledger(location)
    target = enforced_owners(location, [target])[0]  # a database's 牵头单位, not the file's
    records, amendments = contents.records, contents.amendments
    assessment = assess_plan(plan, records, as_of, amendments)
    internal = assessment.get(target.id)
    judged = assessment_out(internal)
    own = internal.superseded_own  # set aside for its parts' sum: not `*` in the history
    aside = {} if own is None else {target.id: own.period}
    figures_id = target.figures_of or target.id  # judged on another's figures: its records
    revisions = set_aside(history(records, figures_id, plan.plan.year), aside)
    from plancli.milestone_due import milestone_ids

    adjustments = amendment_history(amendments, target.id, plan.plan.year, milestone_ids(plan))
    own_amendments = [a for a in amendments if a.target == target.id]
    from plancli.met_first import first_met_period
    from plancli.settled import met_by

    # a cumulative target: the first figure of the run that met it, not the latest (s36)
    first = first_met_period(plan, records, own_amendments, target, assessment.as_of)
    met_period = first or judged.period
    done_by = met_by(judged.status, met_period, [(r.record, r.current) for r in revisions])
    if note := outside_year_note(own_amendments, plan.plan.year, location.shown):
        say(note)
    from plancli.stored_classes import records_warning

    if note := records_warning(plan, [r for r in records if r.target == target.id]):
        say(note)  # its figure in 类 from before they had to be classes (2.5)
    if json_out:
        from plancli.assess import ShowOutput
        from plancli.assess.output import month_end
        from plancli.history import amendment_out, history_record
        from plancli.output import dump_json

        out = ShowOutput(
            plan=plan.plan.id,
            target=target,
            as_of=str(assessment.as_of) if assessment.as_of else None,
            as_of_end=month_end(assessment.as_of),
            assessment=judged,
            ledger=location.shown,
            history=[history_record(rev.record, rev.current) for rev in revisions],
            amendments=[amendment_out(plan, a.amendment, a.current) for a in adjustments],
            met_by=None if done_by is None else history_record(done_by, True),
        )
        emit(dump_json(out), utf8=True)
    else:
        from rich.console import Group, RenderableType

        from plancli.render import console
        from plancli.render.detail import adjusted_bound, assessment_detail
        from plancli.render.ledger import amendments_table, history_table
        from plancli.render.no_records import no_records
        from plancli.render.plan import reference_name, target_detail

        as_of_text = str(assessment.as_of) if assessment.as_of else None
        parts: list[RenderableType] = [
            target_detail(plan, target, st.lang, adjusted_bound(judged, st.lang)),
            "",
            assessment_detail(
                judged,
                as_of_text,
                st.lang,
                reference_name(plan, target, st.lang),
                None if own is None else (own.value, str(own.period)),
                target,
                done_by,
            ),
            "",
            history_table(plan, revisions, location.shown, st.lang, figures_id)
            if revisions  # none yet: a line, as `history ID` says, not an empty table
            else no_records(figures_id, location.shown),
        ]
        if adjustments:
            parts.append(amendments_table(plan, adjustments, st.lang, target.id))
        from plancli.rollup_sums import show_note

        parts[3:3] = show_note(plan, judged, assessment, st.lang)  # parts at odds (audit Y D1)
        console().print(Group(*parts))
        print_legend([target.unit], st.lang)  # shown whatever the kind: `unit of the amount`


@command(
    "validate",
    help=_(
        "Check the plan file: errors exit 3; warnings (roll-ups, quotes, review notes) are listed."
    ),
)
def validate_cmd(
    ctx: typer.Context,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help=_(
                "The report's text ('-' reads standard input): check that every quote "
                "appears in it."
            ),
            dir_okay=False,
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    from plancli.plan_checks import check_plan

    st = state(ctx)
    try:
        plan = st.plan  # a plan that does not load raises PlanFileError → exit 3
    except PlanFileError as exc:  # validate lists every error, one a line, after the first
        say(_("error: {message}").format(message=exc))
        if json_out:  # the errors as findings, for a script; the one line above for a person
            from plancli.output import dump_json
            from plancli.output_writes import invalid_plan_output

            emit(dump_json(invalid_plan_output(str(st.source.path), exc)), utf8=True)
        else:
            for detail in exc.details[1:]:
                say(detail)
        raise typer.Exit(exc.exit_code) from None
    from plancli.source_checks import plan_file_text, read_report, wrong_report

    report_text = None if source is None else read_report(source)
    plan_text = plan_file_text(st.source.path)  # each bound's line in its warning
    findings = check_plan(plan, report_text, plan_text) + _stray_records(st, plan)
    # most quotes missing: another plan's report, an error (exit 3)
    wrong = None if source is None else wrong_report(plan, findings, source)
    if json_out:
        from plancli.output import dump_json
        from plancli.output_writes import FindingOut, ValidateOutput

        listed = [
            FindingOut(level=f.level, code=f.code, target=f.target, message=f.message)
            for f in findings
        ]
        if wrong is not None:
            listed.append(
                FindingOut(level="error", code="wrong_report", target=None, message=wrong)
            )
        out = ValidateOutput(
            plan=plan.plan.id,
            file=str(st.source.path),
            valid=wrong is None,
            targets=len(plan.targets),
            findings=listed,
        )
        emit(dump_json(out), utf8=True)
        if wrong is not None:
            say(_("error: {message}").format(message=wrong))
            raise typer.Exit(3)
        return
    from plancli.render import console

    err = console(stderr=True)
    if findings:
        from plancli.render.plan import findings_table

        err.print(findings_table(findings))
    if wrong is not None:
        say(_("error: {message}").format(message=wrong))
        raise typer.Exit(3)
    targets = ngettext("{n} target", "{n} targets", len(plan.targets)).format(n=len(plan.targets))
    warnings = ngettext("{n} warning", "{n} warnings", len(findings)).format(n=len(findings))
    say(
        _("{file}: valid, {targets}, {warnings}").format(
            file=clip_path(st.source.path), targets=targets, warnings=warnings
        )
    )


def _stray_records(st: "State", plan: "Plan") -> list["Finding"]:
    """Figures of the plan's ledger file recorded under ids the plan does not have, or for
    another year, and figures in 类 that are no class (a database ledger is left alone:
    validate checks files and never waits on a server)."""
    from plancli.errors import PlanError
    from plancli.ledger_read import read_ledger
    from plancli.plan_checks import ledger_year_findings, stray_record_findings

    location = st.ledger_location
    if location.url is not None or not location.path.is_file():
        return []
    try:
        records = read_ledger(location).records
    except PlanError:  # a ledger that does not parse: the commands that read it say so
        return []
    findings = stray_record_findings(plan, [r.target for r in records], location.shown)
    findings += ledger_year_findings(plan, records, location.shown)
    from plancli.ledger_read import figures_in_force
    from plancli.stored_classes import figures_not_classes, not_a_class_findings

    found = figures_not_classes(plan, figures_in_force(records))  # 2.5 in 类, from before
    return findings + not_a_class_findings(found, location.shown)


@command(
    "plans",
    help=_("List the bundled plans, by the id `--plan` takes (zhejiang-2026, guandu-2022…)."),
)
def plans_cmd(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    from plancli.plan import bundled_catalog

    catalog = bundled_catalog()
    if json_out:
        from plancli.output import dumps

        plans = [{k: v for k, v in p._asdict().items() if k != "path"} for p in catalog]
        emit(dumps({"schema_version": 1, "plans": plans}), utf8=True)
        return
    from plancli.render import console
    from plancli.render.plan import plans_table

    console().print(plans_table(catalog, state(ctx).lang))


@command("schema", help=_("Print the JSON Schema of the plan file and of each JSON output."))
def schema_cmd(
    what: Annotated[
        str,
        typer.Argument(
            help=_(
                "plan, targets, show, validate, history, amend, record, import, undo, gap or "
                "status (default: all, keyed by name)."
            )
        ),
    ] = "all",
) -> None:
    from plancli.output import dumps
    from plancli.schemas import json_schemas

    schemas = json_schemas()
    if what == "all":
        emit(dumps(schemas), utf8=True)
    elif what in schemas:
        emit(dumps(schemas[what]), utf8=True)
    else:
        raise InputError(
            _("no schema {name!r}; choose one of: all, {names}").format(
                name=Clipped(what), names=join_list(schemas)
            )
        )
