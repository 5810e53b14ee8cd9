"""Whether libpq ignores a password file for its permissions: the one rule `passfile` (on
every connection, kept cheap) and `passwords` (its messages) ask, in a module of its own so
that neither imports the other for it (the stores import in no circle, even lazily)."""

from __future__ import annotations

import os
import stat


def readable_by_others(file: str) -> bool:
    """libpq ignores a password file that others may read or write: on POSIX, a plain file
    with any group or other permission (a folder it passes over as no file at all)."""
    if os.name == "nt":  # libpq checks no permission there
        return False
    try:
        mode = os.stat(os.path.expanduser(file)).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(mode) and bool(mode & 0o077)
