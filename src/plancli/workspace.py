"""The workspace a folder is in, found as git finds its repository.

`plancli init DIR` writes `DIR/.plancli.toml`, naming the plan it copied
(`plan = "plan2022.toml"`). A command given neither `--plan` nor `PLANCLI_PLAN` looks for that
marker in the current folder, then in each parent up to the filesystem's root (or a folder of
PLANCLI_CEILING_DIRECTORIES, as git's GIT_CEILING_DIRECTORIES), and uses the plan it names; the
ledger is then beside that plan, as for any plan file. One `lstat` a folder on the way up; the
marker is read only once found, and in its usual one-line form without a TOML parser.

A marker is trusted as git's safe.directory trusts a repository: it must be a regular file of
the current user's (POSIX uid), not writable by others, naming a plan file in its own folder
(no `/`, no `..`, no link out of the folder). Anything else is refused in one line, never
followed (`WorkspaceError`, exit 3). No Pydantic, Rich or Typer here (read commands' start-up).
"""

from __future__ import annotations

import os
import re
import stat

from plancli.errors import PlanError
from plancli.i18n import _
from plancli.safe import PATH_CHARS, clip, clip_path

MARKER = ".plancli.toml"
CEILING_ENV = "PLANCLI_CEILING_DIRECTORIES"

# The marker as init writes it: comments, blank lines and one `plan = "…"` of a plain string
# (no escapes). Anything else is read by the TOML parser, which names the line of an error.
_COMMENT = r"[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?"
_SIMPLE = (
    rf"(?:{_COMMENT}\n)*[ \t]*plan[ \t]*=[ \t]*"
    rf'"([^"\\\x00-\x1f\x7f]*)"{_COMMENT}(?:\n{_COMMENT})*\n?'
)  # compiled at its first use (`re`'s cache), not at every start-up


class WorkspaceError(PlanError):
    """A workspace marker plancli does not follow: not the user's, writable by others, naming
    a plan outside its folder, or not parsing. Exit 3, like a plan file that does not load (not
    a PlanFileError: `validate` lists a plan's errors, and this is none of the plan's)."""

    exit_code = 3


def find_marker(start: str | None = None) -> str | None:
    """The nearest `.plancli.toml` from `start` (the current folder) up: its path, or None.

    The current folder is always looked in; a parent only while it is not a ceiling folder
    (PLANCLI_CEILING_DIRECTORIES, absolute paths separated by `:`; `;` on Windows)."""
    try:
        here = os.getcwd() if start is None else os.path.abspath(start)
    except OSError:  # the current folder was removed (audit Z D10): never the bundled plan
        raise WorkspaceError(
            _(
                "the current folder no longer exists (removed or moved?); cd into the "
                "workspace again, or give --plan"
            )
        ) from None
    ceilings = _ceilings()
    while True:
        candidate = os.path.join(here, MARKER)
        try:
            os.lstat(candidate)
            return candidate
        except OSError:  # not there, or a folder that cannot be searched: look higher
            pass
        parent = os.path.dirname(here)
        if parent == here or parent in ceilings:
            return None
        here = parent


def env_wins_note(discover: bool) -> str:
    """What PLANCLI_PLAN overrode where it names no plan: the workspace's marker, if any
    (audit A2 D12: `init` wrote one, and PLANCLI_PLAN still wins)."""
    marker = find_marker() if discover else None
    if marker is None:
        return ""
    return _("; it wins over the workspace's {marker}: unset PLANCLI_PLAN to use that plan").format(
        marker=marker
    )


def _ceilings() -> frozenset[str]:
    value = os.environ.get(CEILING_ENV)
    if not value:
        return frozenset()
    folders = (entry for entry in value.split(os.pathsep) if os.path.isabs(entry))
    return frozenset(os.path.realpath(folder) for folder in folders)


def discover(start: str | None = None) -> tuple[str, str] | None:
    """The workspace the current folder (or `start`) is in: its marker and the plan file it
    names (absolute paths), the marker checked and read and the plan checked; None outside any
    workspace. WorkspaceError for a marker not followed. (Plain tuples: a NamedTuple class
    costs start-up time.)"""
    marker = find_marker(start)
    if marker is None:
        return None
    _check_trusted(marker)
    name = _plan_name(marker)
    return marker, _plan_in_folder(marker, name)


def _check_trusted(marker: str) -> None:
    try:
        info = os.lstat(marker)
    except OSError as exc:
        from plancli.errors import os_reason

        raise WorkspaceError(
            _("{file}: cannot read the workspace marker: {reason}").format(
                file=_shown(marker), reason=os_reason(exc)
            )
        ) from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode):
        raise WorkspaceError(
            _(
                "{file}: not followed: a workspace marker must be a regular file, not a link or "
                "a folder (give --plan, or remove it)"
            ).format(file=_shown(marker))
        )
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    if uid is not None and info.st_uid != uid:
        raise WorkspaceError(
            _(
                "{file}: not followed: the workspace marker is owned by another user (uid "
                "{owner}, you are {uid}); give --plan, or remove it"
            ).format(file=_shown(marker), owner=info.st_uid, uid=uid)
        )
    if info.st_mode & stat.S_IWOTH:
        raise WorkspaceError(
            _(
                "{file}: not followed: other users may write the workspace marker (chmod o-w "
                "it, or give --plan)"
            ).format(file=_shown(marker))
        )


def _plan_name(marker: str) -> str:
    """The plan file name a marker holds (`plan = "plan2022.toml"`)."""
    from pathlib import Path

    from plancli.i18n import N_
    from plancli.paths import read_bytes

    data = read_bytes(Path(marker), N_("the workspace marker"), WorkspaceError)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" (audit Z D9)
        raise WorkspaceError(
            _(
                '{file}: is UTF-16 text (Notepad\'s "Unicode"); save it as UTF-8, or write it '
                "again with plancli init"
            ).format(file=_shown(marker))
        )
    try:
        text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        text = ""  # the parser says where
    simple = re.fullmatch(_SIMPLE, text)
    if simple is not None:
        return simple.group(1)
    from plancli.plan import parse_toml

    parsed, text = parse_toml(data, Path(marker), WorkspaceError)
    value = parsed.get("plan")
    others = sorted(key for key in parsed if key != "plan")
    if others:
        raise WorkspaceError(
            _(
                '{file}:{line}: a workspace marker holds one key, plan = "FILE.toml" (the plan '
                "file in its folder); not {key}"
            ).format(file=_shown(marker), line=_line_of(text, others[0]), key=others[0])
        )
    if not isinstance(value, str):
        raise WorkspaceError(
            _(
                '{file}:{line}: plan must be the plan\'s file name in quotes: plan = "FILE.toml"'
            ).format(file=_shown(marker), line=_line_of(text, "plan"))
        )
    return value


def _line_of(text: str, key: str) -> int:
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*[=.]", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _plan_in_folder(marker: str, name: str) -> str:
    """The plan a marker names: a file name in the marker's folder, never a path out of it."""
    folder = os.path.dirname(marker)
    seps = {os.sep, os.altsep or os.sep, "/", "\\"}
    if name == MARKER:  # not "no folder, no `..`": it has neither (N5, session 27)
        raise WorkspaceError(
            _(
                "{file}: not followed: plan = {name!r} names this marker itself, not a plan: "
                'write plan = "FILE.toml", the plan file in its folder'
            ).format(file=_shown(marker), name=name)
        )
    if (
        not name
        or name in (".", "..")
        or any(sep in name for sep in seps)
        or "\x00" in name
        or os.path.isabs(name)
    ):
        raise WorkspaceError(
            _(
                "{file}: not followed: plan = {name!r} is not a file name in the marker's folder "
                "(no folder, no `..`)"
            ).format(file=_shown(marker), name=name)
        )
    if name.endswith(".progress.toml"):  # the ledger beside the plan (audit Z D1)
        raise WorkspaceError(
            _(
                "{file}: names {name}, a ledger, not a plan file: plan = "
                '"{plan}" names the plan beside it'
            ).format(
                file=_shown(marker),
                name=_shown(name),
                plan=name.removesuffix(".progress.toml") + ".toml",
            )
        )
    path = os.path.join(folder, name)
    try:
        info = os.stat(path)
    except OSError:
        raise WorkspaceError(
            _("{file}: names the plan {name}, which is not in {folder}").format(
                file=_shown(marker), name=_shown(name), folder=_shown(folder)
            )
        ) from None
    if os.path.islink(path) and os.path.dirname(os.path.realpath(path)) != os.path.realpath(folder):
        raise WorkspaceError(
            _(
                "{file}: not followed: the plan {name} is a link to {real}, out of the marker's "
                "folder"
            ).format(file=_shown(marker), name=name, real=os.path.realpath(path))
        )
    if not stat.S_ISREG(info.st_mode):
        raise WorkspaceError(
            _("{file}: names {name}, which is not a regular file").format(
                file=_shown(marker), name=name
            )
        )
    return path


def _shown(text: str) -> str:
    """A name from a hand-edited marker as a message shows it: quoted and escaped when a space
    at either end or a control character (a line break) would not show (audit Z D9)."""
    if len(text) > PATH_CHARS:  # a 100,000-character plan name: 60 of them (audit F D3)
        return clip(text)
    if text == text.strip() and not re.search(r"[\x00-\x1f\x7f]", text):
        return text
    import json

    return json.dumps(text, ensure_ascii=False)


def overruled_note(ref: str, used: str) -> str | None:
    """PLANCLI_PLAN used inside a workspace: the note that says its marker is not (audit Z D3:
    last year's export in ~/.bashrc silently overruled this year's workspace)."""
    try:
        marker = find_marker()
    except WorkspaceError:
        return None
    if marker is None:
        return None
    try:
        name = _plan_name(marker)
        if os.path.samefile(used, os.path.join(os.path.dirname(marker), name)):
            return None  # PLANCLI_PLAN names the workspace's own plan
        plan = _shown(name)
    except (WorkspaceError, OSError):
        plan = "?"
    return _("note: PLANCLI_PLAN={ref} is used, not {marker}'s {plan}").format(
        ref=_shown(ref), marker=shown_path(marker), plan=plan
    )


def unmarked_note(bundled_id: str, ledger: str) -> str | None:
    """The bundled plan used in a folder that holds a ledger of its own but no marker (lost,
    or not copied: audit Z D4), or in a folder just below one (`月报/` of such a folder): the
    note that says which ledger is written and read. Two folders at most, not every one up to
    the root: a stray `x.progress.toml` in /tmp or ~ would put the note under every command run
    anywhere below it (and list big folders at each start)."""
    try:
        here = os.getcwd()
    except OSError:
        return None
    ceilings = _ceilings()
    for _level in range(2):
        try:
            names = sorted(n for n in os.listdir(here) if n.endswith(".progress.toml"))
        except OSError:
            names = []
        parent = os.path.dirname(here)
        if names or parent == here or parent in ceilings:
            break
        here = parent
    if not names:
        return None
    found = _shown(shown_path(os.path.join(here, names[0])))
    folder = shown_path(here)
    if folder in (".", ""):
        return _(
            "note: no .plancli.toml here or above: the bundled plan {plan} and its ledger "
            "{ledger} are used, not {found} (plancli --plan FILE.toml init . makes this folder a "
            "workspace)"
        ).format(plan=bundled_id, ledger=clip_path(ledger), found=found)
    # found in the folder above (月报/ of it, N4): that folder, not this one, is made the workspace
    plan_file = os.path.join(here, names[0].removesuffix(".progress.toml") + ".toml")
    plan_ref = shown_path(plan_file) if os.path.isfile(plan_file) else "FILE.toml"
    return _(
        "note: no .plancli.toml here or above: the bundled plan {plan} and its ledger {ledger} "
        "are used, not {found} (plancli --plan {plan_file} init {folder} makes {folder}, where "
        "that ledger is, a workspace)"
    ).format(
        plan=bundled_id,
        ledger=clip_path(ledger),
        found=found,
        plan_file=_shown(plan_ref),
        folder=_shown(folder),
    )


def shown_path(path: str) -> str:
    """A discovered file as messages name it: relative to the current folder, which is at or
    below the workspace (`plan2022.toml`, `../plan2022.toml`), as git names a repository's
    files."""
    try:
        return os.path.relpath(path)
    except (OSError, ValueError):  # no current folder; another drive (Windows)
        return path


def marker_text(plan_name: str) -> str:
    """What `init` writes into DIR/.plancli.toml: the name as a TOML string, its controls and
    bidi characters escaped (`safe.toml_text`). JSON's string was no TOML one for DEL: a plan
    file named `q\\x7f.toml` made a marker no command could read (session 28)."""
    import tomli_w

    from plancli.safe import toml_text

    return (
        "# plancli workspace: commands run in this folder or below use this plan, unless\n"
        "# --plan or PLANCLI_PLAN names another (docs/recording.md#the-workspace)\n"
        + toml_text(tomli_w.dumps({"plan": plan_name}))
    )


def check_marker_writable(folder: str) -> None:
    """Before `init` copies a plan: a marker already in the folder that is not the user's (or
    that others may write, or a link) is refused, not replaced by one the user trusts."""
    marker = os.path.join(folder, MARKER)
    if os.path.lexists(marker):
        _check_trusted(marker)


def write_marker(folder: str, plan_name: str) -> tuple[str, str | None] | None:
    """`init`: make `folder` a workspace of `plan_name`. None when its marker names that plan
    already; else the marker written and the plan it named before (another init's), if any."""
    marker = os.path.join(folder, MARKER)
    previous = None
    if os.path.lexists(marker):
        _check_trusted(marker)
        try:
            previous = _plan_name(marker)
        except WorkspaceError:  # a marker edited into nonsense: replaced
            previous = None
        if previous == plan_name:
            return None
    from pathlib import Path

    from plancli.atomic import replace_file
    from plancli.errors import os_reason

    def failed(exc: OSError) -> Exception:
        return WorkspaceError(
            _("cannot write {file}: {reason}").format(file=_shown(marker), reason=os_reason(exc))
        )

    replace_file(Path(marker), marker_text(plan_name).encode("utf-8"), failed)
    try:  # never writable by others, whatever the umask: discovery would refuse it
        mode = os.stat(marker).st_mode
        if mode & stat.S_IWOTH:
            os.chmod(marker, stat.S_IMODE(mode) & ~stat.S_IWOTH)
    except OSError as exc:
        raise failed(exc) from None
    return marker, previous
