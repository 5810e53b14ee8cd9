"""A password file libpq would read and ignore, kept from libpq on every connection: one
`stat` of each file it may read, the full lookup (`passwords.passfile_stand_in`, slower to
import) only when libpq would ignore one of them (`pgpass_mode.ignored_by_libpq`).

libpq ignores a password file that other users may read, and says so with `fprintf(stderr)`:
`WARNING: password file "…" has group or world access; …`, in English under `--lang zh` too,
above plancli's own error, which says the same in the user's language and how to fix it
(session 36's walk). Connecting with a stand-in `passfile` that cannot exist, libpq passes
over it without a word, as it passes over the file it would have ignored.

Session 37: a `.pgpass` that is a folder (or any file not plain: PGPASSFILE=/dev/null) got
libpq's `WARNING: password file "…" is not a plain file` the same way, above plancli's Chinese
error for a server that was not even reached; it is passed over the same way."""

from __future__ import annotations

import os
from collections.abc import Mapping

from plancli.stores.postgres.pgpass_mode import ignored_by_libpq


def passfile_stand_in(params: Mapping[str, str]) -> str | None:
    """The `passfile` to connect with instead of the one libpq would ignore, or None."""
    files = (params.get("passfile"), os.environ.get("PGPASSFILE"), "~/.pgpass")
    if not any(file and ignored_by_libpq(file) for file in files):
        return None
    from plancli.stores.postgres import passwords

    return passwords.passfile_stand_in(params)
