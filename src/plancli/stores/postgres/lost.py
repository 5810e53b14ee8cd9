"""What a database error means for the ledger, said by what was being done when it came: a
batch written (`record`, `import`, `undo`, `amend`) or a convert, which replaces the plan's
records and adds no batch (`ledger convert`: "nothing of this batch" told it nothing).

libpq's second line (its hint, a server's DETAIL and HINT: `unreachable.libpq_lines`) goes
under the whole message, not inside its brackets."""

from __future__ import annotations

from typing import Literal

from plancli.errors import LedgerUnavailableError, PlanError
from plancli.i18n import _
from plancli.safe import clip_path

# What the store was doing: reading; writing a batch, then committing it; converting (the
# plan's records deleted and copied in), then committing that.
Stage = Literal["read", "write", "commit", "convert", "convert-commit"]


def lost_connection(ledger: str, message: str, stage: str) -> LedgerUnavailableError:
    """The connection lost (or the server stopping) at `stage`; `ledger` as the user named it."""
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
    elif stage == "convert":
        text = _(
            "lost the connection to {ledger} ({message}); nothing was copied: the plan's "
            "records in the database are as they were; convert again when the server is back"
        )
    elif stage == "convert-commit":
        text = _(
            "lost the connection to {ledger} while committing ({message}): the plan's records "
            "may be the copy or as they were; `plancli history` shows which (convert again "
            "with --force to be sure of the copy)"
        )
    else:
        text = _("lost the connection to {ledger}: {message}")
    return LedgerUnavailableError(text.format(ledger=clip_path(ledger), message=message))


def with_hint(error: Exception, hint: str) -> Exception:
    """`error` with libpq's second line (`hint`, "" for none) under its message."""
    if hint and isinstance(error, PlanError) and error.args:
        error.args = (f"{error.args[0]}\n  {hint}", *error.args[1:])
    return error


def convert_stage(stage: Stage) -> Stage:
    """A convert's stage for a batch's: writing is converting, committing is its commit."""
    return "convert-commit" if stage == "commit" else "convert"
