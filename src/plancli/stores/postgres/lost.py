"""What a lost connection means for the ledger, said by what was being done when it came:
reading, writing a batch (`record`, `import`, `undo`, `amend`), or committing it.

libpq's second line (its hint, a server's DETAIL and HINT: `unreachable.libpq_lines`) goes
under the whole message, not inside its brackets."""

from __future__ import annotations

from typing import Literal

from plancli.errors import LedgerUnavailableError, PlanError
from plancli.i18n import _

# What the store was doing: reading; writing a batch, then committing it.
Stage = Literal["read", "write", "commit"]


def lost_connection(ledger: str, message: str, stage: str) -> LedgerUnavailableError:
    """The connection lost (or the server stopping) at `stage`, `ledger` already clipped."""
    if stage == "commit":
        text = _(
            "lost the connection to {ledger} while committing ({message}): the batch may or "
            "may not have been written; `plancli history` shows which (importing the same file "
            "again records only what is missing)"
        )
    elif stage == "write":
        text = _(
            "lost the connection to {ledger} ({message}); nothing of this batch was written: "
            "run the command again when the server is back"
        )
    else:
        text = _("lost the connection to {ledger}: {message}")
    return LedgerUnavailableError(text.format(ledger=ledger, message=message))


def with_hint(error: Exception, hint: str) -> Exception:
    """`error` with libpq's second line (`hint`, "" for none) under its message."""
    if hint and isinstance(error, PlanError) and error.args:
        error.args = (f"{error.args[0]}\n  {hint}", *error.args[1:])
    return error
