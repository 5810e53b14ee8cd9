"""Writing a file plancli makes (a report, a template, a drafted plan): all of it or nothing,
never a half-written file, and never over a device, a FIFO or through a link to elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

from plancli.atomic import replace_file
from plancli.errors import InputError, PlanError, os_reason
from plancli.i18n import _
from plancli.safe import clip_path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data`: a temp file in the same folder, fsync, rename.

    A reader sees the old file or the new one; an error (disk full, no permission) leaves the
    old file as it was and no temp file behind, and is raised as InputError naming the path.
    """
    from plancli.paths import OUTPUT_FILE, writable_target

    refuse_marker(str(path))  # extract -o .plancli.toml --force: its draft would break it
    path = writable_target(path, OUTPUT_FILE)  # the file itself, or a same-folder link's target
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise InputError(_("{path}: is a folder; give a file name").format(path=clip_path(path)))
    if not directory.is_dir():
        raise InputError(
            _("cannot write {file}: the folder {folder} does not exist").format(
                file=clip_path(path), folder=clip_path(directory)
            )
        )
    replace_file(
        path,
        data,
        lambda exc: InputError(
            _("cannot write {file}: {reason}").format(file=clip_path(path), reason=os_reason(exc))
        ),
    )


def refuse_marker(output: str) -> None:
    """A report, a template or a draft is never written as a workspace marker (.plancli.toml,
    which names the workspace's plan), nor through a link to one, nor over the marker in use:
    `report -o .plancli.toml` (tab completion of `.p…`) broke every command of the workspace."""
    from plancli.workspace import MARKER, find_marker

    real = os.path.realpath(output)
    named = os.path.basename(output) == MARKER or os.path.basename(real) == MARKER
    if not named and os.path.exists(output):
        try:
            marker = find_marker()
            named = marker is not None and os.path.samefile(output, marker)
        except (OSError, PlanError):  # no current folder, a marker that cannot be read
            named = False
    if named:
        raise InputError(
            _(
                "{file} is a workspace marker (.plancli.toml: it names the workspace's plan); "
                "plancli writes no report, template or draft over it: give the file another "
                "name (june.html)"
            ).format(file=clip_path(output))
        )


def refuse_overwriting(
    output: str | None, plan: Path, ledger: Path | None, *, template: bool = False
) -> None:
    """A report or a template is never written over the plan or the ledger in use, nor through
    a link or a path that resolves to one: a name completed by the shell's tab
    (`-o plan2022.p<Tab>`) replaced months of figures with a web page, and `template LINK.csv
    --force` through a link to the ledger replaced every figure with a blank sheet."""
    if output is None or output == "-":
        return
    refuse_marker(output)
    if not os.path.exists(output):
        return
    if template:
        messages = (
            _(
                "{file} is the plan in use: a template would replace it; give the template "
                "another name (june.csv)"
            ),
            _(
                "{file} is the ledger in use: a template would replace it; give the template "
                "another name (june.csv)"
            ),
        )
    else:
        messages = (
            _(
                "{file} is the plan in use: a report would replace it; give the report another "
                "name (june.html)"
            ),
            _(
                "{file} is the ledger in use: a report would replace it; give the report "
                "another name (june.html)"
            ),
        )
    for kept, message in zip((plan, ledger), messages, strict=True):
        if kept is not None and os.path.exists(kept) and os.path.samefile(output, kept):
            raise InputError(message.format(file=clip_path(output)))
    if template:
        from plancli.paths import is_ledger

        if is_ledger(Path(output)):  # another ledger than the one in use: --force is for sheets
            raise InputError(
                _(
                    "{file} is a ledger of recorded figures; a template never replaces it: "
                    "give the template another name (june.csv)"
                ).format(file=clip_path(output))
            )
