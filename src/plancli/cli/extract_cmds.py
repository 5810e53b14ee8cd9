"""`plancli extract`: draft a plan from a report's text, or score a draft against a plan."""

import os
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.models import TyperPath

from plancli.cli.app import command, say
from plancli.cli.streams import emit
from plancli.errors import InputError, os_reason
from plancli.i18n import N_, _, join_list, ngettext
from plancli.paths import refuse_folder_name
from plancli.safe import clip_path

# A file name as typed, a folder that exists refused (Typer >= 0.26 vendors Click).
_FILE_AS_TYPED = TyperPath(dir_okay=False)


@command(
    "extract",
    help=_("Draft a plan from a development-plan or government work report: every target quoted."),
)
def extract_cmd(
    report: Annotated[
        str,
        typer.Argument(
            metavar="REPORT",
            help=_(
                "The report: its text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030, "
                "or Big5: cp950, Big5-HKSCS) or a Word file (.docx); - reads standard input."
            ),
        ),
    ],
    output_name: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PLAN.toml",
            help=_(
                "Write the draft here (default, or -: stdout); never over the report or a ledger."
            ),
            # As typed: a Path drops the `/` of `-o p.toml/` (a folder meant), Click's path
            # type keeps it and still refuses a folder that exists.
            click_type=_FILE_AS_TYPED,
        ),
    ] = None,
    plan_id: Annotated[
        str | None,
        typer.Option(
            "--id", metavar="ID", help=_("The plan's id (default: from the report's title).")
        ),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", metavar="YEAR", help=_("The plan year (default: from the report).")),
    ] = None,
    compare: Annotated[
        Path | None,
        typer.Option(
            "--compare",
            metavar="GOLD.toml",
            help=_("Score the draft against this plan: precision, recall, exact bounds and form."),
            dir_okay=False,
        ),
    ] = None,
    json_out: Annotated[
        bool,
        typer.Option(
            "--json", help=_("With --compare: print the comparison as JSON (UTF-8) on stdout.")
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=_(
                "Overwrite an existing -o file (a link there is replaced, not written through)."
            ),
        ),
    ] = False,
) -> None:
    from plancli.extract import extract_plan
    from plancli.extract.text import read_report

    if year is not None and not 1900 <= year <= 2200:
        raise InputError(_("--year {year}: a plan year is between 1900 and 2200").format(year=year))
    to_stdout = output_name == "-"
    output = None  # standard output, as the report's `-` is standard input
    if output_name is not None and not to_stdout:
        refuse_folder_name(output_name)
        output = Path(output_name)
    if output is not None:
        from plancli.extract.destination import check_destination

        check_destination(output, None if report == "-" else Path(report), force)
    if json_out and compare is None:
        raise InputError(_("--json goes with --compare (the draft itself is TOML)"))
    gold = None
    if compare is not None:  # before the report is read: a gold that is no plan is refused
        from plancli.extract.compare import read_gold

        gold = read_gold(compare)
    name = _("standard input") if report == "-" else report
    data = _read(report, name)
    text, dropped = read_report(data, shown := clip_path(name))  # (messages: one line)
    if dropped:
        say(
            ngettext(
                "warning: {name}: {count} character no reader sees dropped (of a terminal's "
                "escape sequence, a control, bidi or zero-width character): the draft and its "
                "quotes read the text without it",
                "warning: {name}: {count} characters no reader sees dropped (terminal escape "
                "sequences, controls, bidi and zero-width characters): the draft and its "
                "quotes read the text without them",
                dropped,
            ).format(name=shown, count=dropped)
        )
    draft = extract_plan(text, plan_id=plan_id, year=year, name=shown)
    toml_text = _toml(draft.plan, name)
    problem = _model_problem(draft.plan, toml_text)
    if output is not None:
        from plancli.extract.destination import write_draft

        behind = write_draft(output, toml_text.encode("utf-8"), force)
        if behind is not None:
            say(
                _(
                    "note: {file} was a link to {real}; the draft replaces the link, {real} "
                    "is unchanged"
                ).format(file=clip_path(output), real=clip_path(behind))
            )
    elif compare is None:
        emit(toml_text, utf8=True)  # TOML is UTF-8 (its spec), as the file -o writes
    counts = _counts(draft.plan)
    if output is not None:
        where = _("to {file}").format(file=clip_path(output))
    else:
        where = _("to stdout")
        if compare and to_stdout:
            # (-o - with --compare: stdout holds the score, the draft cannot go there too)
            where = _(
                "(not written: --compare prints the score on stdout; give -o FILE to keep it)"
            )
        elif compare:
            where = _("(not written: -o writes it)")
    say(
        ngettext(
            "drafted {count} target ({counts}) of plan {plan} ({year}) {where}; "
            "{review} need review (`review = …`)",
            "drafted {count} targets ({counts}) of plan {plan} ({year}) {where}; "
            "{review} need review (`review = …`)",
            len(draft.targets),
        ).format(
            count=len(draft.targets),
            counts=counts,
            plan=draft.plan["plan"]["id"],
            year=draft.plan["plan"]["year"],
            where=where,
            review=draft.needs_review,
        )
    )
    if draft.plan["plan"].get("review"):
        say(
            _(
                "check the plan's name, which heads every screen and report: {name} (then delete "
                "`review` under [plan])"
            ).format(name=draft.plan["plan"]["name"])
        )
    planned = draft.plan["plan"]["year"]
    if draft.report_year is not None and draft.lead_year == planned:
        # the targets paragraph names the year --year gives: --year is right, the title misread
        say(
            _(
                "note: the report's title reads as plan year {found}, but its targets "
                "paragraph names {year}'s targets: drafted as {year}'s (--year)"
            ).format(found=draft.report_year, year=planned)
        )
    elif draft.report_year is not None:
        say(
            _(
                "warning: the report's plan year is {found}, not {year} (--year): its targets "
                "are drafted as {year}'s; leave --year out to draft the report's year"
            ).format(found=draft.report_year, year=year)
        )
    elif draft.lead_year is not None and draft.lead_year != planned:
        say(
            _(
                "warning: the plan year is {year}, but the report's targets paragraph names "
                "{lead}'s targets: check the report's title; --year {lead} drafts {lead}'s"
            ).format(year=planned, lead=draft.lead_year)
        )
    if problem:
        say(_("warning: the draft does not load as a plan yet: {problem}").format(problem=problem))
    if compare is not None and gold is not None:
        _compare(draft.plan, gold, compare, text, name, json_out)


def _read(report: str, name: str) -> bytes:
    from plancli.paths import read_report_bytes

    if report != "-":
        try:
            if Path(report).is_dir():
                raise InputError(
                    _("{file} is a folder, not a report's text").format(file=clip_path(report))
                )
            os.stat(report)
        except OSError as exc:
            raise InputError(
                _("cannot read {file}: {reason}").format(
                    file=clip_path(report), reason=os_reason(exc)
                )
            ) from None
    return read_report_bytes(report, name)


def _toml(plan: dict[str, object], name: str) -> str:
    from plancli.extract.assemble import plan_toml
    from plancli.safe import toml_text, visible

    header = _(
        "# Draft plan drafted by `plancli extract` from {name}.\n"
        "# Every quote is a verbatim substring of the report. Check each target that carries\n"
        "# `review = …`, then delete that key; `plancli validate --source REPORT.txt` checks\n"
        "# the quotes."
    ).format(name=visible(name))  # a comment: one line, whatever the file's name
    # the report's text is read without controls (`read_report`); --id and a name drafted
    # from elsewhere are escaped too: no draft carries a bidi override raw
    return toml_text(plan_toml(plan, header + "\n\n"))


def _counts(plan: dict[str, object]) -> str:
    targets = plan["targets"]
    assert isinstance(targets, list)
    by_group: dict[str, int] = {}
    for target in targets:
        section = target["section"]
        group = section if section in ("headline", "investment") else "work"
        by_group[group] = by_group.get(group, 0) + 1
    words = {"headline": _GROUP_HEADLINE, "work": _GROUP_WORK, "investment": _GROUP_INVESTMENT}
    return join_list(_(words[group]).format(n=n) for group, n in by_group.items())


_GROUP_HEADLINE = N_("{n} headline")
_GROUP_WORK = N_("{n} work")
_GROUP_INVESTMENT = N_("{n} investment")


def _model_problem(plan: dict[str, Any], toml_text: str) -> str | None:
    """Why the draft does not load as a plan (None when it does), in `validate`'s words (the
    draft's line, the target, the rule, translated): a bug of the extractor, a copy that
    changed a target's kind, or a plan model without the genre's keys."""
    from pydantic import ValidationError

    from plancli.model import Plan
    from plancli.plan import describe_validation_error

    try:
        Plan.model_validate(plan)
    except ValidationError as exc:
        return describe_validation_error(exc, plan, toml_text)
    return None


def _compare(
    plan: dict[str, object],
    gold: dict[str, object],
    gold_path: Path,
    text: str,
    name: str,
    json_out: bool,
) -> None:
    from plancli.extract.compare import compare_plans, comparison_json, comparison_text

    comparison = compare_plans(plan, gold, text)
    if json_out:
        from plancli.output import dumps

        emit(dumps(comparison_json(comparison, name, str(gold_path))), utf8=True)
    else:
        emit(comparison_text(comparison))
