"""plancli commands in processes forked from the test's (`Forked`), for the tests of separate
processes at once: concurrent writers of a ledger file (tests/test_ledger_durability.py) and of
a PostgreSQL ledger (tests/test_ledger_postgres.py)."""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from plancli.__main__ import main as plancli_main


class Forked:
    """A plancli command in a child forked from this process: a real process of its own (its
    own file descriptors, flock and SQLite locks), without an interpreter's start-up and
    imports, so thirty of them contend for the ledger at once in a fraction of the time (the
    suite spent 30-40 s per store starting thirty interpreters)."""

    def __init__(self, args: Sequence[str], errors: Path) -> None:
        self.errors = errors
        pid = os.fork()
        if pid == 0:  # the child: run the command as `plancli` would, then leave at once
            # No collection of what it inherited (the copy's pages stay shared, and no
            # finaliser of an object of the parent's, a connection of the tests', runs here).
            gc.disable()
            code = 70
            try:
                err = os.open(errors, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(err, 2)
                os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.stderr = open(2, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                sys.argv = ["plancli", *args]
                try:
                    plancli_main()
                    code = 0
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 0
                sys.stderr.flush()
            finally:
                os._exit(code)
        self.pid = pid

    def wait(self, timeout: float) -> tuple[int, str]:
        """(exit code, stderr) of the child, killing it if it outlives `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status), self.errors.read_text("utf-8")
            if time.monotonic() > deadline:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
                return -9, "timed out"
            time.sleep(0.01)
