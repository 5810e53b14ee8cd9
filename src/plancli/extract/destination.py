"""Where `plancli extract -o FILE` may write its draft: never over the report it reads, never
over a ledger, and over a plan whose figures are recorded only when told to (`--force`)."""

from __future__ import annotations

import os
from pathlib import Path

from plancli.errors import InputError
from plancli.i18n import _
from plancli.locations import LEDGER_SUFFIX
from plancli.paths import is_ledger
from plancli.safe import clip_path


def check_destination(output: Path, report: Path | None, force: bool) -> None:
    """Refuse (InputError) an `-o` that would lose what the analyst has: the report itself, a
    ledger's figures (even with --force: it is for drafts), an existing file without --force,
    naming the ledger when the file is a plan whose figures are recorded beside it."""
    if report is not None and _same_file(output, report):
        raise InputError(
            _("-o {file} is the report itself; write the draft to another file").format(
                file=clip_path(output)
            )
        )
    if not output.is_file():
        return  # a new file; a folder or a device is refused where it is written
    if is_ledger(output):
        raise InputError(
            _(
                "{file} is a ledger of recorded figures, not a plan; extract never writes over "
                "it: write the draft to another file"
            ).format(file=clip_path(output))
        )
    if force:
        return
    # Beside the name given, or beside the file a link names (`-o draft.toml`, a link to the
    # plan in use: its figures are beside the plan, not beside the link).
    real = Path(os.path.realpath(output))
    besides = (
        output.with_name(output.stem + LEDGER_SUFFIX),
        real.with_name(real.stem + LEDGER_SUFFIX),
    )
    ledger = next((path for path in besides if path.is_file() and is_ledger(path)), None)
    if ledger is not None:
        raise InputError(
            _(
                "{file} exists, and figures of its plan are recorded in {ledger}: a new draft "
                "may give its targets other ids; write the draft to another file, or use "
                "--force to overwrite it"
            ).format(file=clip_path(output), ledger=clip_path(_as_given(ledger, output)))
        )
    raise InputError(_("{file} exists; use --force to overwrite it").format(file=clip_path(output)))


def _as_given(path: Path, given: Path) -> Path:
    """`path` relative to the current folder when the user gave a relative name."""
    if given.is_absolute():
        return path
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive (Windows)
        return path


def _same_file(output: Path, report: Path) -> bool:
    try:
        return os.path.samefile(output, report)
    except OSError:  # either does not exist (yet)
        return False


def write_draft(output: Path, data: bytes, force: bool) -> Path | None:
    """Write the draft to `output`, atomically. With --force, a link there to a file in its
    folder is replaced by the draft, as git and `cp --remove-destination` do, not written
    through: the plan it leads to, whose figures may be recorded beside it, is left as it was.
    A link to nothing, in a loop or to another folder is refused as every output refuses it
    (`paths.writable_target`); without --force `check_destination` refused a link to a file.
    Returns the file the replaced link led to (the note says it is unchanged), else None."""
    from plancli.atomic import replace_file
    from plancli.errors import os_reason
    from plancli.paths import OUTPUT_FILE, writable_target
    from plancli.report.files import refuse_marker, write_atomically

    if not (force and output.is_symlink()):
        write_atomically(output, data)
        return None
    refuse_marker(str(output))  # a link named or leading to .plancli.toml: never replaced
    real = writable_target(output, OUTPUT_FILE)  # the refusals of every output's link
    replace_file(  # the rename replaces the link itself, whatever it leads to
        output,
        data,
        lambda exc: InputError(
            _("cannot write {file}: {reason}").format(file=clip_path(output), reason=os_reason(exc))
        ),
    )
    return _as_given(real, output)
