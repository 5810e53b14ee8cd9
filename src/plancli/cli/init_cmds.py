"""`plancli init DIR`: a workspace started — the plan copied into DIR, its ledger beside it (the
2021 actuals copied, or demo figures), and DIR/.plancli.toml, by which a command run in DIR or
below finds the plan (`workspace.py`)."""

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plancli.atomic import replace_file
from plancli.cli.app import command, say, state
from plancli.errors import InputError, os_reason
from plancli.i18n import N_, _
from plancli.made_folders import make_folder, removed_on_failure
from plancli.safe import clip_path
from plancli.texts import shell_word, text_problem

if TYPE_CHECKING:
    from plancli.cli.app import State
    from plancli.locations import LedgerLocation
    from plancli.model import Plan


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
            ).format(
                ref=clip_path(ref), folder=clip_path(shell_word(directory)), default=DEFAULT_PLAN
            )
        ) from None
    say(
        _("note: PLANCLI_PLAN={ref} is not there yet: init copies the bundled plan {plan}").format(
            ref=clip_path(ref), plan=matches[0]
        )
    )
    st.plan_ref, st.plan_from_env = matches[0], False


def _bundled_name_without_plan(directory: Path) -> None:
    """Refuse DIR named as a bundled plan other than the default, with no plan named: `plancli
    init shandong-2026` copied guandu-2022's plan2022.toml into shandong-2026/ (s40's 山东 walk),
    a 山东 analyst's workspace tracking 官渡's targets. Its id or its file's name (shandong)."""
    from plancli.locations import DEFAULT_PLAN, bundled_plans

    name = directory.name
    plans = bundled_plans()
    named = next((i for i, path in plans.items() if name in (i, path.stem)), None)
    if named is None or named == DEFAULT_PLAN:
        return
    raise InputError(
        _(
            "{folder} is the name of the bundled plan {plan}, but init without --plan copies "
            "{default}: for {plan}, run plancli --plan {plan} init {folder} (for {default} in "
            "a folder so named, plancli --plan {default} init {folder})"
        ).format(plan=named, default=DEFAULT_PLAN, folder=clip_path(shell_word(directory)))
    )


def _current_folder_exists(directory: Path) -> None:
    """Refuse a relative DIR in a current folder that no longer exists: DIR would be made in
    it. --plan does not help there (it names the plan, not where DIR is), a full path does."""
    from plancli.workspace import WorkspaceError

    try:
        os.getcwd()
    except OSError:
        raise WorkspaceError(
            _(
                "the current folder no longer exists (removed or moved?); cd into a folder "
                "that exists, or give init the full path of {folder}"
            ).format(folder=clip_path(shell_word(str(directory))))
        ) from None


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

    if not directory.is_absolute():  # in a removed folder: not "cannot write x/…" (N11)
        _current_folder_exists(directory)
    if directory.exists() and not directory.is_dir():  # the report's name typed for DIR
        raise InputError(
            _("{folder} is a file, not a folder: give init a folder").format(
                folder=clip_path(directory)
            )
        )
    st = state(ctx)
    st.discover = False  # init copies the plan named, or the default: not the workspace's
    if st.plan_ref is None:
        _bundled_name_without_plan(directory)
    _init_source(st, directory)
    source = st.source.path
    plan = st.plan  # refuse to copy a plan that does not load
    target = directory / source.name
    if text_problem(source.name, "") is not None:  # before anything is copied
        raise InputError(
            _(
                "{file}: a file name that is not UTF-8: the workspace's .plancli.toml (UTF-8) "
                "cannot name it; rename the plan file, then run init again"
            ).format(file=clip_path(source.name))
        )
    in_place = _same_file(source, target)  # the plan is DIR's already: the marker only
    if target.exists() and not force and not in_place:
        raise InputError(
            _(
                "{file} exists; use --force to overwrite it, or make {folder} a workspace of it "
                "as it is: plancli --plan {file} init {folder}"
            ).format(file=clip_path(target), folder=clip_path(shell_word(directory)))
        )
    replaced = target.exists() and not in_place and target.read_bytes() != source.read_bytes()
    from plancli.paths import writable_target

    written = writable_target(target, N_("the plan"))  # never a device, a FIFO or out of DIR
    from plancli.workspace import check_marker_writable, write_marker

    check_marker_writable(str(directory))  # another user's marker is refused, not replaced
    # The workspace's ledger by the usual rules: beside the new plan, unless --ledger or
    # PLANCLI_LEDGER says otherwise.
    location = st.ledger_location_for(PlanSource(target, None), plan)
    ledger = location.shown
    if location.url is None and not location.path.exists():  # before anything is written
        from plancli.locations import unknown_ledger_name

        refusal = unknown_ledger_name(location.path)
        if refusal is not None:
            raise InputError(refusal)
    if demo:
        if st.source.bundled_id in BUNDLED_LEDGERS:
            raise InputError(
                _(
                    "{plan} comes with its real figures: `plancli --plan {plan} init {folder}` "
                    "copies them, without --demo"
                ).format(plan=st.source.bundled_id, folder=clip_path(shell_word(directory)))
            )
        if _holds_figures(location):
            raise InputError(
                _(
                    "{ledger} exists; --demo writes its figures only into a new ledger, never "
                    "beside figures already recorded"
                ).format(ledger=clip_path(ledger))
            )
    outer = _outer_workspace(directory)

    def failed(exc: OSError) -> InputError:
        return InputError(
            _("cannot write {file}: {reason}").format(file=clip_path(target), reason=os_reason(exc))
        )

    try:
        made = make_folder(directory)
        data = None if in_place else source.read_bytes()
    except OSError as exc:
        raise failed(exc) from None
    # All or nothing: a failure from here on (a full disk, Ctrl-C) removes the folder init
    # made, with what it wrote there; init run again then starts as the first time.
    with removed_on_failure(made, _say_removed):
        if data is not None:  # all or nothing: a full disk left an empty plan init refused
            replace_file(written, data, failed)
        from plancli.stores.copy import copy_bundled_ledger

        if in_place:
            say(
                _("{file} is in {folder} already: not copied").format(
                    file=clip_path(target), folder=clip_path(directory)
                )
            )
        elif replaced:  # audit Z D5: `init . --force` over a plan edited in place
            say(
                _(
                    "wrote {file}: replaced by {plan}; the edits made to it in {folder} are gone"
                ).format(
                    file=clip_path(target), plan=clip_path(source), folder=clip_path(directory)
                )
            )
        else:
            say(_("wrote {file}").format(file=clip_path(target)))
        _say_marker(write_marker(str(directory), target.name), directory, target.name)
        if outer is not None and outer[1] == target.name:  # audit Z D8: one plan's figures split
            say(
                _(
                    "note: {folder} is inside the workspace of {marker} ({plan}); plancli run in "
                    "{folder} or below now uses {ledger}, not that workspace's ledger"
                ).format(
                    folder=clip_path(directory),
                    marker=clip_path(outer[0]),
                    plan=clip_path(outer[1]),
                    ledger=clip_path(ledger),
                )
            )
        # the next step a folder's plan would take, unless PLANCLI_PLAN wins over it there
        unset = "unset PLANCLI_PLAN && " if _say_env_wins(directory, target) else ""
        from plancli.plan_checks import review_warning

        under_review = review_warning(plan, target)
        if under_review is not None:
            say(under_review)

        copied = copy_bundled_ledger(st.source, location)  # the 2021 actuals, never over a ledger
        if copied is not None:
            say(
                _("copied the bundled ledger ({count} records) to {ledger}").format(
                    count=copied, ledger=clip_path(ledger)
                )
            )
        if demo:
            _write_demo(plan, location)
            say(
                _("next: {cd}plancli status   (then: plancli report -o june.html)").format(
                    cd=unset + _cd(directory)
                )
            )
            return
        if unset:  # (audit A2's leftover: no ledger of this workspace is used while it is set)
            say(
                _("progress will be recorded in {ledger} once PLANCLI_PLAN is unset").format(
                    ledger=clip_path(ledger)
                )
            )
        else:
            say(_("progress will be recorded in {ledger}").format(ledger=clip_path(ledger)))
        say(_("next: {cd}plancli targets").format(cd=unset + _cd(directory)))


def _say_removed(folder: Path) -> None:
    say(
        _("removed {folder} again, with what init had written in it").format(
            folder=clip_path(folder)
        )
    )


def _same_file(source: Path, target: Path) -> bool:
    try:
        return os.path.samefile(source, target)
    except OSError:  # not there yet
        return False


def _outer_workspace(directory: Path) -> tuple[str, str] | None:
    """The workspace DIR is inside (its marker, shown, and the plan it names), when DIR is
    not that workspace's own folder. A workspace of the same plan inside it would split the
    year's figures between two ledgers (audit Z D8); one of another plan is another's."""
    from plancli.workspace import WorkspaceError, discover, shown_path

    try:
        parent = os.path.dirname(os.path.abspath(directory))
        found = discover(parent)
    except (OSError, WorkspaceError):  # a marker refused says so when it is used
        return None
    if found is None or os.path.dirname(found[0]) == os.path.abspath(directory):
        return None
    return shown_path(found[0]), os.path.basename(found[1])


def _cd(directory: Path) -> str:
    """`cd DIR && ` before the next command, which finds the workspace from there; nothing
    when DIR is the current folder."""
    try:
        if directory.resolve() == Path.cwd().resolve():
            return ""
    except OSError:
        pass
    return f"cd {clip_path(shell_word(directory))} && "


def _say_marker(written: tuple[str, str | None] | None, directory: Path, plan: str) -> None:
    """What init's marker makes of DIR: the plan commands run there use."""
    if written is None:  # it named this plan already
        return
    marker, previous = written
    if previous is None:
        message = _("wrote {file}: plancli run in {folder} or below uses {plan}")
    else:
        message = _("{file}: plancli run in {folder} or below now uses {plan}, not {previous}")
    say(
        message.format(
            file=clip_path(marker),
            folder=clip_path(directory),
            plan=clip_path(plan),
            previous=clip_path(previous),
        )
    )


def _say_env_wins(directory: Path, plan: Path) -> bool:
    """PLANCLI_PLAN, set and naming another plan, wins over the marker just written: plancli
    run in DIR would not use the workspace's plan (audit A2 D12). Whether it said so."""
    ref = os.environ.get("PLANCLI_PLAN")
    if not ref or os.path.abspath(os.path.join(directory, ref)) == os.path.abspath(plan):
        return False
    say(
        _(
            "warning: PLANCLI_PLAN={ref} is set and wins over {folder}/.plancli.toml: plancli "
            "run there uses {ref}, not {plan}; unset PLANCLI_PLAN to use the workspace's plan"
        ).format(ref=clip_path(ref), folder=clip_path(directory), plan=clip_path(plan.name))
    )
    return True


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
    from plancli.ledger_values import new_batch_id, utc_now
    from plancli.stores import open_store

    now = utc_now()
    records = demo_records(plan, now, new_batch_id(now))
    with open_store(location).transaction() as session:
        if session.records():  # written meanwhile by somebody else: leave it alone
            raise InputError(
                _("{ledger} holds figures now; no demo figures written").format(
                    ledger=clip_path(location.shown)
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
        ).format(figures=figures, targets=targets, year=year, ledger=clip_path(location.shown))
    )
