"""How a run is stopped from outside: Ctrl-C (SIGINT, exit 130) or SIGTERM (exit 143).

SIGTERM is what `timeout`, systemd, a container's stop and a job scheduler send. Python's
default for it ends the process at once, silently, with 143: a script's log showed nothing.
`on_terminate` turns it into `Terminated`, a KeyboardInterrupt, so it takes Ctrl-C's way out:
every open transaction rolls back (a ledger is written whole or not at all), one line on
stderr (`error: terminated`, `错误：已终止`), exit 143 (128 + 15, as the shell reports it).
Kept free of imports: `plancli.__main__` installs it before anything else is loaded.
"""

import contextlib
import signal

INTERRUPTED_EXIT = 130  # 128 + SIGINT
TERMINATED_EXIT = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM received: stop as Ctrl-C does, with its own line and exit code."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def on_terminate() -> None:
    """SIGTERM raises `Terminated` in the main thread (the program's, never a test runner's)."""
    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no SIGTERM
        signal.signal(signal.SIGTERM, _raise_terminated)


def stop_code(exc: BaseException) -> int:
    """143 for SIGTERM, 130 for Ctrl-C."""
    return TERMINATED_EXIT if isinstance(exc, Terminated) else INTERRUPTED_EXIT


def stop_word(exc: BaseException) -> str:
    """The untranslated word of the stop's line (`interrupted`, `terminated`)."""
    return "terminated" if isinstance(exc, Terminated) else "interrupted"
