"""One error hierarchy; the CLI boundary maps each class to its documented exit code."""

from __future__ import annotations


class PlanError(Exception):
    """Base of every error a user can act on. The message is shown as `error: <message>`."""

    exit_code = 2
    details: tuple[str, ...] = ()  # every problem, one a line, where the message names one


class InputError(PlanError):
    """Bad input on the command line or in an import file (unknown target, bad period…)."""

    exit_code = 2


class PlanFileError(PlanError):
    """The plan file cannot be read, parsed or validated."""

    exit_code = 3


class LedgerFileError(PlanError):
    """The ledger file cannot be read, parsed or validated; it is never overwritten."""

    exit_code = 3


class LedgerUnavailableError(PlanError):
    """The ledger's database server cannot be reached, or the connection to it was lost: a
    network or server problem, worth retrying (docs/shared-ledger.md). Nothing was written."""

    exit_code = 4
