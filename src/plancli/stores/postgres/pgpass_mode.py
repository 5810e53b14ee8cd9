"""Whether libpq ignores a password file, with a warning of its own in English on the
process's stderr: the one rule `passfile` (on every connection, kept cheap) and `passwords`
(its messages) ask, in a module of its own so that neither imports the other for it (the
stores import in no circle, even lazily).

libpq (`passwordFromFile`) passes over a file it cannot `stat` without a word; one that is
not a plain file (a folder, a FIFO, a device such as /dev/null) it ignores with `WARNING:
password file "…" is not a plain file`; a plain file others may read or write with `…has group
or world access`. On Windows it checks neither."""

from __future__ import annotations

import os
import stat

# A `passfile` libpq cannot stat, wherever the file it stands in for is: a path under this
# module's own file (a plain file, so ENOTDIR), not under the ignored one, which may be a
# folder holding anything.
UNREADABLE_PASSFILE = os.path.join(os.path.abspath(__file__), "ignored-by-libpq")


def _mode(file: str) -> int | None:
    if os.name == "nt":  # libpq checks no type or permission there
        return None
    try:
        return os.stat(os.path.expanduser(file)).st_mode
    except (OSError, ValueError):
        return None


def readable_by_others(file: str) -> bool:
    """libpq ignores a password file that others may read or write: on POSIX, a plain file
    with any group or other permission."""
    mode = _mode(file)
    return mode is not None and stat.S_ISREG(mode) and bool(mode & 0o077)


def not_a_plain_file(file: str) -> str | None:
    """What libpq ignores `file` as, being no plain file: "folder" or "other" (a FIFO, a
    socket, a device); None for a plain file, or one it cannot stat (no file at all)."""
    mode = _mode(file)
    if mode is None or stat.S_ISREG(mode):
        return None
    return "folder" if stat.S_ISDIR(mode) else "other"


def ignored_by_libpq(file: str) -> bool:
    """Does libpq read `file`, ignore it and warn (in English, on stderr)? One `stat`: asked
    on every connection (`passfile`)."""
    mode = _mode(file)
    return mode is not None and (not stat.S_ISREG(mode) or bool(mode & 0o077))
