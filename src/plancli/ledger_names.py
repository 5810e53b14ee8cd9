"""How long a ledger file's name may be: every command says the same of a name too long.

A ledger file never lives alone: plancli and SQLite keep files named after it beside it, and the
file system limits each name (NAME_MAX, 255 bytes on most). A name that fits while its
companions do not was readable by some commands and refused by others, each in its own words: a
255-byte SQLite ledger was `file name too long` (exit 2) to `status`, whose check of the
write-ahead log met it, and `unreadable SQLite ledger` (exit 3) to `record`, to which SQLite
could only say it could not open the file. Checked once where the ledger is named, before any
file is touched, the name is refused alike by every command, as a name the user gave: an input
error (exit 2), as a name longer than the file system allows has been since session 27.

The companions, by store:
- TOML: `<name>.lock` (the writers' lock) and `.<name>.XXXXXXXX.tmp` (the atomic rewrite:
  `atomic.replace_file`), 14 bytes more;
- SQLite: `<name>-journal`, `-wal` and `-shm`, 8 bytes more; a new ledger is first written whole
  as `.<name>.<pid>.<ns>.new` (`stores.sqlite_db.create_ledger_file`): 34 bytes more, with
  room for any process id (7 digits) and clock (20 digits).
"""

from __future__ import annotations

import os
from pathlib import Path

from plancli.errors import InputError
from plancli.i18n import _

# The bytes a companion adds to the ledger's name, by store: see the module's docstring.
_TOML_EXTRA = len(".") + len(".") + 8 + len(".tmp")  # `.NAME.` + 8 random + `.tmp`
_SQLITE_EXTRA = len("-journal")
_NEW_SQLITE_EXTRA = len(".") + len(".") + 7 + len(".") + 20 + len(".new")
DEFAULT_NAME_MAX = 255  # where the file system does not say (a folder not there yet)


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, the folder's file system allows."""
    try:
        return int(os.pathconf(folder if str(folder) else ".", "PC_NAME_MAX"))
    except (OSError, ValueError):
        return DEFAULT_NAME_MAX


def longest_ledger_name(path: Path, form: str) -> int:
    """The longest name, in bytes, the ledger at `path` may have in its folder: its file
    system's limit less what its longest companion adds (`form`: "toml" or "sqlite")."""
    if form == "sqlite":
        extra = _SQLITE_EXTRA if os.path.lexists(path) else _NEW_SQLITE_EXTRA
    else:
        extra = _TOML_EXTRA
    return name_max(path.parent) - extra


def check_ledger_name(path: Path, form: str) -> None:
    """Refuse (InputError, exit 2) a ledger file whose name leaves no room for the files kept
    beside it; nothing is read or written before."""
    length = len(os.fsencode(path.name))
    most = longest_ledger_name(path, form)
    if length <= most:
        return
    from plancli.safe import clip_path

    raise InputError(
        _(
            "{path}: file name too long for a ledger (at most {most} bytes here); give a "
            "shorter name"
        ).format(path=clip_path(path), most=most)
    )
