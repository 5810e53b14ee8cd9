"""Read commands over the plan: targets, show, validate, schema, init, plans."""

import os
import shutil
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
from plancli.cli.ledger_cmds import TargetArg
from plancli.cli.streams import emit, emit_csv
from plancli.errors import InputError, PlanFileError, os_reason
from plancli.i18n import N_, _, ngettext
from plancli.texts import shell_word

if TYPE_CHECKING:
    from plancli.cli.app import State
    from plancli.locations import LedgerLocation
    from plancli.model import Plan
    from plancli.plan_checks import Finding


@command("targets", help=_("List the plan's targets (table, --json or --csv)."))
def targets_cmd(
    ctx: typer.Context,
    section: SectionOpt = None,
    kind: KindOpt = None,
    search: Annotated[
        str | None,
        typer.Option("--search", "-q", help=_("Id, Chinese or English name contains this.")),
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
            ).format(search=repr(search), where=where)
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
        from plancli.output import dump_json, targets_output

        amended = amended_at_year_end(plan, amendments)
        emit(dump_json(targets_output(plan, selected, amended)), utf8=True)
    elif csv_out:
        from plancli.output import csv_text, targets_csv

        emit_csv(csv_text(*targets_csv(selected, amended_at_year_end(plan, amendments))))
    else:
        from plancli.amend import in_force_at_year_end
        from plancli.render import console
        from plancli.render.plan import baseline_text, targets_table
        from plancli.unit_words import shown_units

        out = console()
        in_force = in_force_at_year_end(amendments, plan.plan.year)
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
    from plancli.history import amendment_history, history, set_aside
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
    revisions = set_aside(history(records, target.id, plan.plan.year), aside)
    adjustments = amendment_history(amendments, target.id)
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
        )
        emit(dump_json(out), utf8=True)
    else:
        from rich.console import Group, RenderableType

        from plancli.render import console, shown
        from plancli.render.detail import adjusted_bound, assessment_detail
        from plancli.render.ledger import amendments_table, history_table
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
            ),
            "",
            history_table(plan, revisions, location.shown, st.lang, target.id)
            if revisions  # none yet: a line, as `history ID` says, not an empty table
            else shown(  # a Text: a ledger's path is not read as markup
                _("no records of {target} in {ledger}").format(
                    target=target.id, ledger=location.shown
                )
            ),
        ]
        if adjustments:
            parts.append(amendments_table(plan, adjustments, st.lang, target.id))
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
            file=st.source.path, targets=targets, warnings=warnings
        )
    )


def _stray_records(st: "State", plan: "Plan") -> list["Finding"]:
    """Figures of the plan's ledger file recorded under ids the plan does not have (a database
    ledger is left alone: validate checks files and never waits on a server)."""
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
    return findings + ledger_year_findings(plan, records, location.shown)


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
                name=what, names=", ".join(schemas)
            )
        )


def _init_source(st: "State", directory: Path) -> None:
    """The plan `init` copies when PLANCLI_PLAN names a file that is not there yet.

    A profile's `export PLANCLI_PLAN=plan2022.toml` (monthly-update.md) names the plan of the
    workspace to be; `init`, which writes that file, failed reading it. A bundled plan of that
    file name is copied instead, and a note says so; for any other name init asks which plan
    to copy. A missing file given by --plan stays an error: it was typed for this command.
    """
    try:
        st.source  # noqa: B018 - resolving is the check: a path or id that is there
        return
    except InputError:
        ref = st.plan_ref
        if not st.plan_from_env or ref is None or os.path.lexists(ref):
            raise
    from plancli.locations import DEFAULT_PLAN, bundled_plans

    name = Path(ref).name
    matches = [plan_id for plan_id, path in bundled_plans().items() if path.name == name]
    if len(matches) != 1:
        raise InputError(
            _(
                "PLANCLI_PLAN={ref} is not there yet, and no bundled plan has that file name: "
                "name the plan to copy, plancli --plan ID init {folder} (`plancli plans` lists "
                "them; without PLANCLI_PLAN init copies {default})"
            ).format(ref=ref, folder=shell_word(directory), default=DEFAULT_PLAN)
        ) from None
    say(
        _("note: PLANCLI_PLAN={ref} is not there yet: init copies the bundled plan {plan}").format(
            ref=ref, plan=matches[0]
        )
    )
    st.plan_ref, st.plan_from_env = matches[0], False


@command(
    "init",
    help=_(
        "Start a workspace: copy the plan into DIR under its file name (DIR/plan2022.toml, "
        "DIR/shaanxi.toml); its ledger goes beside it."
    ),
)
def init_cmd(
    ctx: typer.Context,
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help=_("Workspace folder (created)."))
    ],
    force: Annotated[
        bool, typer.Option("--force", help=_("Overwrite an existing plan file."))
    ] = False,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help=_(
                "Fill the new ledger with a half-year of demo figures (source `demo`) made "
                "from the plan's targets, to try plancli out; never over an existing ledger."
            ),
        ),
    ] = False,
) -> None:
    from plancli.locations import BUNDLED_LEDGERS, PlanSource

    if directory.exists() and not directory.is_dir():  # the report's name typed for DIR
        raise InputError(
            _("{folder} is a file, not a folder: give init a folder").format(folder=directory)
        )
    st = state(ctx)
    _init_source(st, directory)
    source = st.source.path
    plan = st.plan  # refuse to copy a plan that does not load
    target = directory / source.name
    if target.exists() and not force:
        raise InputError(_("{file} exists; use --force to overwrite it").format(file=target))
    from plancli.paths import writable_target

    written = writable_target(target, N_("the plan"))  # never a device, a FIFO or out of DIR
    # The workspace's ledger by the usual rules: beside the new plan, unless --ledger or
    # PLANCLI_LEDGER says otherwise.
    location = st.ledger_location_for(PlanSource(target, None), plan)
    ledger = location.shown
    if demo:
        if st.source.bundled_id in BUNDLED_LEDGERS:
            raise InputError(
                _(
                    "{plan} comes with its real figures: `plancli --plan {plan} init {folder}` "
                    "copies them, without --demo"
                ).format(plan=st.source.bundled_id, folder=shell_word(directory))
            )
        if _holds_figures(location):
            raise InputError(
                _(
                    "{ledger} exists; --demo writes its figures only into a new ledger, never "
                    "beside figures already recorded"
                ).format(ledger=ledger)
            )
    try:
        directory.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, written)
    except OSError as exc:
        raise InputError(
            _("cannot write {file}: {reason}").format(file=target, reason=os_reason(exc))
        ) from None
    from plancli.stores.copy import copy_bundled_ledger

    say(_("wrote {file}").format(file=target))
    from plancli.plan_checks import review_warning

    under_review = review_warning(plan, target)
    if under_review is not None:
        say(under_review)

    copied = copy_bundled_ledger(st.source, location)  # the 2021 actuals, never over a ledger
    if copied is not None:
        say(
            _("copied the bundled ledger ({count} records) to {ledger}").format(
                count=copied, ledger=ledger
            )
        )
    if demo:
        _write_demo(plan, location)
        say(
            _("next: plancli --plan {file} status   (then: report -o june.html)").format(
                file=shell_word(target)
            )
        )
        return
    say(_("progress will be recorded in {ledger}").format(ledger=ledger))
    say(_("next: plancli --plan {file} targets").format(file=shell_word(target)))


def _holds_figures(location: "LedgerLocation") -> bool:
    """A ledger file exists, or a database ledger holds records of the plan."""
    if location.url is None:
        return location.path.exists()
    from plancli.stores import open_store
    from plancli.stores.copy import ledger_holds_anything

    return ledger_holds_anything(location, open_store(location))


def _write_demo(plan: "Plan", location: "LedgerLocation") -> None:
    """The demo figures, one batch in a new ledger (so one `plancli undo` removes them)."""
    from plancli.demo import demo_records, describe
    from plancli.ledger import new_batch_id, utc_now
    from plancli.stores import open_store

    now = utc_now()
    records = demo_records(plan, now, new_batch_id(now))
    with open_store(location).transaction() as session:
        if session.records():  # written meanwhile by somebody else: leave it alone
            raise InputError(
                _("{ledger} holds figures now; no demo figures written").format(
                    ledger=location.shown
                )
            )
        session.append(records)
    figures, targets = describe(records)
    year = plan.plan.year
    say(
        _(
            "wrote {figures} DEMO figures of {targets} targets, {year}-01 to {year}-06, to "
            '{ledger}: made up from the plan\'s targets (source "demo"), not statistics; '
            "`plancli undo` removes them"
        ).format(figures=figures, targets=targets, year=year, ledger=location.shown)
    )
