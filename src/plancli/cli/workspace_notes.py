"""One note on stderr when the plan a command uses is not the one the folder looks like it
holds (audit Z D3, D4): PLANCLI_PLAN overruling a workspace's `.plancli.toml`, or the bundled
plan and its app-dir ledger used in a folder that holds a ledger of its own but no marker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.safe import clip_path

if TYPE_CHECKING:
    from plancli.cli.app import State


def say_source_note(st: State) -> None:
    """Said once, when the plan is resolved: by every command that uses it (status, every
    write, report, template), on stderr, so `--json` and `--csv` output stays clean."""
    from plancli.cli.app import say
    from plancli.locations import LEDGER_SUFFIX
    from plancli.workspace import overruled_note, unmarked_note

    source = st._source
    if source is None or source.marker is not None:
        return
    if source.bundled_id is None and source.path.name.endswith(LEDGER_SUFFIX):
        from plancli.errors import InputError
        from plancli.i18n import _

        # audit Z D1: not `version: unknown key`; said of what the user typed, --plan or
        # PLANCLI_PLAN, and of the plan beside it only when there is one (N10, session 27)
        given = f"PLANCLI_PLAN={st.plan_ref}" if st.plan_from_env else f"--plan {st.plan_ref}"
        plan = source.path.with_name(source.path.name.removesuffix(LEDGER_SUFFIX) + ".toml")
        if not plan.is_file():
            raise InputError(
                _("{given}: is a ledger, not a plan file; give its plan file").format(
                    given=clip_path(given)
                )
            )
        raise InputError(
            _("{given}: is a ledger, not a plan file; give the plan, {plan}").format(
                given=clip_path(given), plan=plan
            )
        )
    if not st.discover:
        return
    note = None
    if st.plan_from_env and st.plan_ref:
        note = overruled_note(st.plan_ref, str(source.path))
    elif st.plan_ref is None and source.bundled_id is not None:
        note = unmarked_note(source.bundled_id, st.ledger_location_for(source).shown)
    if note is not None:
        say(note)
