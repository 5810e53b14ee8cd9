"""Assessment commands: `gap` (every target, for analysts and scripts) and `status` (dashboard).

Rich and the assessment are imported inside the commands (start-up speed). Both read the plan
and the ledger as plain data (`State.plain_plan`, `ledger_read`): on a plan seen before they
import no Pydantic (issue 15), and compute everything from the files on every run.
"""

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from plancli.cli import streams
from plancli.cli.app import (
    CsvOpt,
    JsonOpt,
    KindOpt,
    SectionOpt,
    State,
    command,
    one_format,
    state,
)
from plancli.cli.completion import complete_status
from plancli.cli.streams import emit, emit_csv
from plancli.errors import InputError
from plancli.i18n import _
from plancli.safe import Clipped, clip_path

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from plancli.assess import Assessment, PlanAssessment
    from plancli.assess.core import Context
    from plancli.assess.gap_split import SplitGap
    from plancli.assess.records import Recorded
    from plancli.assess.select import Choice
    from plancli.i18n import Lang
    from plancli.ledger_read import Strays
    from plancli.plain import AnyAmendment

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="PERIOD",
        help=_(
            "Judge at the end of this period: 2022-06, 2022-Q2, 2022-H1 or 2022, also as a "
            "bulletin writes it (2022年6月, 1-6月, 上半年, 三季度: its end); default: the latest "
            "period with a record."
        ),
    ),
]


class _Leaving:
    """Whether the process may end without freeing its objects, and whether `gap` asked."""

    allowed = False  # set by the `plancli` program (`__main__`); never in a test's runner
    wanted = False
    kept: tuple[object, ...] = ()


LEAVING = _Leaving()


def leave_without_freeing(*objects: object) -> None:
    """After `gap`, which builds many objects (at 100,000 targets freeing them took 0.3 s
    after the last byte): where the program allows it, `objects` are kept alive and the
    process ends without freeing anything, once its output is flushed and its `atexit`
    handlers have run (`__main__._leave`). Elsewhere (a test's runner) nothing."""
    if LEAVING.allowed:
        LEAVING.kept = objects
        LEAVING.wanted = True


def assess_state(st: State, as_of: str | None, judged_only: bool = False) -> "PlanAssessment":
    """Load the plan and its ledger and judge every target at `as_of`."""
    from plancli.assess.engine import PlanAssessment

    context = assess_context(st, as_of, judged_only)
    assessments = [context.assess(t) for t in context.plan.targets]
    return PlanAssessment(
        context.plan, context.as_of, assessments, context.index, context.amendments
    )


def assess_context(st: State, as_of: str | None, judged_only: bool = False) -> "Context":
    """Load the plan and its ledger, ready to judge any target at `as_of`."""
    from plancli.assess import figure_query
    from plancli.assess.engine import plan_context
    from plancli.ledger_read import read_figures

    location = st.read_ledger()  # a ledger named but missing, then an invalid plan, first
    plan = st.plain_plan
    # Only the figures in force: at 120,000 records full `Record`s cost 10x the memory. `gap`
    # judges each target on its latest figures: a database ledger selects only those
    # (issue 13); `status` shows the headline targets' every figure, and reads them all.
    query = figure_query(plan, as_of) if judged_only else None
    figures, amendments = read_figures(location, query)
    read_warnings(st, figures, amendments)
    return plan_context(plan, figures, as_of, amendments)


def read_warnings(
    st: State, figures: "Sequence[Recorded]", amendments: "Sequence[AnyAmendment]"
) -> None:
    """What `gap` and `status` warn of in what they read, before judging anything: a figure
    in 类 that is no class, an amendment outside the plan year. (`gap --json` split in two:
    the parent's figures, which hold those of every target in 类.)"""
    from plancli.stored_classes import figures_warning

    plan = st.plain_plan
    if note := figures_warning(plan, figures):
        from plancli.cli.app import say

        say(note)  # a figure in 类 from before they had to be classes (2.5): correct it
    if amendments:  # (history's module only then: most ledgers hold no amendment)
        from plancli.cli.app import say
        from plancli.history import outside_year_note

        if note := outside_year_note(amendments, plan.plan.year, st.ledger_shown):
            say(note)  # an amendment no assessment applies (audit F D10)


@command("gap", help=_("Every target's status, gap and what it takes to recover, worst first."))
def gap_cmd(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    section: SectionOpt = None,
    kind: KindOpt = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUS[,STATUS]",
            help=_(
                "Only these statuses: met, on_track, at_risk, behind, missed, no_data, "
                "seasonal, pending, tracked, dropped (or their words as a table shows them: "
                "滞后, 无全年数据). seasonal: a year's average shown for part of the year, not "
                "judged (of no_data)."
            ),
            autocompletion=complete_status,
        ),
    ] = None,
    sort: Annotated[
        str,
        typer.Option("--sort", metavar="worst|plan", help=_("Worst first, or in plan order.")),
    ] = "worst",
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS[,STATUS]",
            help=_(
                "Exit 1 when a target shown has one of these statuses (for scripts and CI); "
                "the words of --status."
            ),
            autocompletion=complete_status,
        ),
    ] = None,
    json_out: JsonOpt = False,
    csv_out: CsvOpt = False,
) -> None:
    from plancli.assess import parse_statuses, select
    from plancli.assess.gap_shares import filter_ids
    from plancli.plan import filter_targets

    one_format(json_out, csv_out)
    if sort not in ("worst", "plan"):
        raise InputError(_("--sort {value!r}: choose worst or plan").format(value=Clipped(sort)))
    statuses = parse_statuses(status) if status is not None else None
    failing = parse_statuses(fail_on, "--fail-on") if fail_on is not None else ()
    st = state(ctx)
    order: Literal["worst", "plan"] = "worst" if sort == "worst" else "plan"
    from plancli.assess.gap_split import can_split

    if json_out and can_split(len(st.plain_plan.ids())):  # 100,000 targets: two processes
        # the targets are not built here: each process builds its share's (`gap_split`)
        wanted = filter_ids(st.plain_plan, section, kind)
        split = _split_gap_json(st, as_of, wanted, statuses, order, failing)
        if split:
            raise typer.Exit(1)
        if split is not None:
            return
    targets = filter_targets(st.plain_plan, section, kind)
    assessment = assess_state(st, as_of, judged_only=True)
    chosen = select(assessment, targets, statuses, order)
    from plancli.assess import takes

    matched = any(takes(a, failing) for a in chosen)
    if matched:  # settled before printing: a reader that goes away early does not change it
        streams.set_verdict(1)
    no_figures = assessment.as_of is None and as_of is None
    # (the warning whatever the format, before the table; the hint for the person at it only)
    strays = stray_ledger(st) if no_figures else None
    _show_gap(st, assessment, chosen, json_out, csv_out, strays)
    leave_without_freeing(assessment, chosen)
    if no_figures and strays is None and not (json_out or csv_out):
        first_run_hint(st)
    if matched:
        raise typer.Exit(1)


def _split_gap_json(
    st: State,
    as_of: str | None,
    wanted: "frozenset[str]",
    statuses: "Sequence[Choice] | None",
    order: 'Literal["worst", "plan"]',
    failing: "Sequence[Choice]",
) -> bool | None:
    """`gap --json` read, judged and written by two processes (`assess.gap_split`); whether
    a target shown has one of the `failing` statuses. None: not split (an as-of period that
    is not the plan year's: the single process says what is wrong, in its order)."""
    from plancli.assess import figure_query
    from plancli.assess.gap_shares import Figures, Source
    from plancli.assess.gap_split import SplitGap
    from plancli.cli.streams import emit_parts
    from plancli.errors import PlanError
    from plancli.period_ends import as_of_period
    from plancli.stores.shares import share_reader

    location = st.read_ledger()  # a ledger named but missing, then an invalid plan, first
    plan = st.plain_plan
    try:
        period = as_of_period(as_of, plan.plan.year) if as_of is not None else None
    except PlanError:
        return None
    if period is not None and period.year != plan.plan.year:
        return None
    query = figure_query(plan, period)
    source: Callable[[], Source] | None = share_reader(location, query)
    if source is None:  # a store read whole, once, before the fork (its pages shared)
        from plancli.ledger_read import read_figures

        source = partial(Figures, *read_figures(location, query))

    def warn(figures: "Sequence[Recorded]", amendments: "Sequence[AnyAmendment]") -> None:
        read_warnings(st, figures, amendments)  # as one process warns (`gap_split`)

    with SplitGap(plan, period, source, wanted, statuses, order, warn=warn) as split:
        if split.judged_at is None and as_of is None:
            stray_ledger(st)  # no figure for the plan: one process's warning (and hint's test)

        def parts() -> "Iterator[str | bytes]":
            for part in split.parts():  # the counts come before the targets they count
                if _fails(split, failing):
                    streams.set_verdict(1)  # a reader gone early does not change it
                yield part

        emit_parts(parts())
    leave_without_freeing(split)
    return _fails(split, failing)


def _fails(split: "SplitGap", failing: "Sequence[Choice]") -> bool:
    """Whether a target of the split `gap --json` has one of `--fail-on`'s choices."""
    return any(split.chosen_counts[c] for c in failing)


def _show_gap(
    st: State,
    assessment: "PlanAssessment",
    chosen: "list[Assessment]",
    json_out: bool,
    csv_out: bool,
    strays: "Strays | None" = None,
) -> None:
    from plancli.assess import gap_json_parts, gap_output

    if json_out:
        from plancli.cli.streams import emit_parts

        emit_parts(gap_json_parts(assessment, chosen))  # 100,000 targets: 130 MB, in pieces
        return
    out = gap_output(assessment, chosen)
    if csv_out:
        from plancli.assess import CSV_COLUMNS, csv_rows
        from plancli.output import csv_text

        emit_csv(csv_text(CSV_COLUMNS, csv_rows(out)))
    else:
        from plancli.render import console
        from plancli.render.amended import reference_names
        from plancli.render.assess import gap_table
        from plancli.unit_words import shown_units

        plan = st.plain_plan
        name = plan.plan.name if st.lang == "zh" else plan.plan.name_en
        ids = (target.id for target in plan.targets)  # the † footnote's order, read if any
        names = reference_names(out.targets, plan.target, st.lang)
        from plancli.ledger_read import no_figures_line

        empty = no_figures_line(strays, plan.plan.year, st.lang)
        console().print(gap_table(out, name, st.lang, ids, names, empty))
        print_legend(shown_units(out.targets), st.lang)


@command(
    "status",
    help=_("Dashboard: time progress, headline indicators, sections, investment, worst ten."),
)
def status_cmd(ctx: typer.Context, as_of: AsOfOpt = None, json_out: JsonOpt = False) -> None:
    from plancli.assess import status_output

    st = state(ctx)
    out = status_output(assess_state(st, as_of), ledger=st.ledger_shown)
    strays = stray_ledger(st) if as_of is None and out.as_of is None else None
    if json_out:
        from plancli.output import dump_json

        emit(dump_json(out), utf8=True)
        return
    from plancli.ledger_read import no_figures_line
    from plancli.render import console
    from plancli.render.amended import reference_names
    from plancli.render.assess import dashboard
    from plancli.unit_words import shown_units

    plan = st.plain_plan
    names = reference_names([*out.headline, *out.worst], plan.target, st.lang)
    empty = no_figures_line(strays, plan.plan.year, st.lang)
    ids = (target.id for target in plan.targets)
    source = st.source
    found = None if source.marker is None else (str(source.path), source.marker)
    console().print(dashboard(out, st.lang, ids, names, empty, found))
    print_legend(shown_units([*out.headline, *out.investment, *out.worst]), st.lang)
    if as_of is None and out.as_of is None and strays is None:  # nothing recorded yet
        first_run_hint(st)


def print_legend(units: "Iterable[str]", lang: "Lang") -> None:
    """Under an English table, what its Chinese units mean (`unit_words.legend`: 万人 = 10,000
    people): the figures stay in the data's units, an English reader gets their scale."""
    from plancli.render import console, shown
    from plancli.unit_words import english_legend

    line = english_legend(units, lang)
    if line:
        console().print(shown(line))


def stray_ledger(st: State) -> "Strays | None":
    """No figure for the plan: warn (and say what the ledger holds) when the ledger holds
    figures all the same, every one for an id the plan lacks or for another year, on stderr
    whatever the format (`gap --fail-on` in cron)."""
    from plancli.cli.app import say
    from plancli.errors import PlanError
    from plancli.ledger_read import ledger_strays, stray_ledger_note
    from plancli.stores import open_store

    try:
        records = list(open_store(st.read_ledger()).read())
    except PlanError:  # no ledger yet: the first run
        return None
    plan = st.plain_plan
    known, year = set(plan.ids()), plan.plan.year
    note = stray_ledger_note(known, year, records, st.ledger_shown)
    if note is not None:
        say(note)
    return ledger_strays(known, year, records)


def first_run_hint(st: State) -> None:
    """On a ledger with no figures for the plan (a first run): where to see plancli at work
    (the 2021 review, real figures) and, outside a workspace, how to start one. Two lines on
    stderr, for the person at the table; --json and --csv stay silent."""
    from plancli.cli.app import say
    from plancli.i18n import t

    say(t("hint.first_run", st.lang).format(ledger=clip_path(st.ledger_shown)))
    if st.source.marker is None:  # in a workspace (`init` just made it), no `init` again
        say(t("hint.first_run_init", st.lang))
