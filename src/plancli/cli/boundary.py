"""The one error boundary around every command, and how plancli talks on stderr.

`guarded` wraps each command (`app.command`): a `PlanError` becomes `error: …` on stderr and
its documented exit code, never a traceback; a full disk or a closed stdout is exit 74; an
exception no rule foresaw is one `error: internal error: …` line, exit 70.
"""

import functools
import os
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import typer

from plancli import __version__
from plancli.cli import streams
from plancli.errors import InputError, OutputError, PlanError, name_too_long
from plancli.i18n import _
from plancli.locations import hide_passwords
from plancli.safe import visible

F = TypeVar("F", bound=Callable[..., Any])

# Exit codes: 0 ok, 1 only `gap --fail-on`, 2 usage or input error, 3 plan or ledger file
# invalid, 130 interrupted, 143 terminated (SIGTERM). An exception no rule foresaw is a bug in
# plancli; it is reported as one `error: internal error: …` line with EX_SOFTWARE from
# sysexits.h, so a script can tell it from a verdict (1) or from bad input (2, 3).
INTERNAL_ERROR_EXIT = 70


def is_typer_exception(exc: BaseException) -> bool:
    """Typer's exits and Click's usage errors, which Typer reports itself (Typer vendors Click
    from 0.26, so its ClickException is found by name, not imported from one place)."""
    return isinstance(exc, typer.Exit | typer.Abort) or any(
        cls.__name__ == "ClickException" for cls in type(exc).__mro__
    )


def internal_error_message(exc: BaseException) -> str:
    """One line, whatever the exception holds (its text may come from a file: no control
    characters, no second line)."""
    detail = " ".join(hide_passwords(str(exc)).split())[:300]
    detail = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in detail)
    name = type(exc).__name__
    return _(
        "error: internal error: {error} (plancli {version}; please report it with the command "
        "that caused it)"
    ).format(error=f"{name}{': ' + detail if detail else ''}", version=__version__)


def interrupted_message(stop: BaseException | None = None) -> str:
    """Ctrl-C's line: an `error:` line (`错误：`), as every error is, not a bare word; SIGTERM's
    says `terminated` (`错误：已终止`, stopping.py)."""
    from plancli.stopping import Terminated

    word = _("terminated") if isinstance(stop, Terminated) else _("interrupted")
    return _("error: {message}").format(message=word)


# Command parameters that are file names given as text (`import FILE`, `report --output FILE`).
_FILE_ARGUMENTS = frozenset({"file", "files", "output", "report", "from_ledger", "to_ledger"})


def check_text_arguments(arguments: dict[str, Any]) -> None:
    """Refuse a text argument holding a byte that is not UTF-8 (Python passes it on as a lone
    surrogate, which crashes whatever writes it: a ledger, a cache key, the terminal). File
    names (FILE, -o, REPORT, FROM, TO) are not: on Linux a file name may be any bytes."""
    from plancli.texts import text_problem

    for key, value in arguments.items():
        if key in _FILE_ARGUMENTS or not isinstance(value, str):
            continue
        if (problem := text_problem(value, key)) is not None:
            ctx = arguments.get("ctx")
            params = {p.name: p for p in getattr(getattr(ctx, "command", None), "params", [])}
            param = params.get(key)
            if param is not None:
                label = param.opts[0] if getattr(param, "param_type_name", "") == "option" else None
                problem = text_problem(value, label or param.human_readable_name)
            raise InputError(problem or key)


def guarded(func: F) -> F:
    """`func` inside the error boundary (what `app.command` registers for each command)."""

    @functools.wraps(func)
    def wrapper(*call_args: Any, **call_kwargs: Any) -> Any:
        from plancli.notices import taken

        taken()  # a notice of an earlier command in this process is not this one's
        streams.reset()
        try:
            check_text_arguments(call_kwargs)
            try:
                result = func(*call_args, **call_kwargs)
            except typer.Exit:
                streams.flush_stdout()  # a full disk is found here, not at the exit
                raise
            except OSError as exc:  # a file name too long (ENAMETOOLONG): exit 2, no bug
                raise name_too_long(exc) or exc from None
            streams.flush_stdout()
            if (summary := streams.said()) is not None:  # the output is out: say it
                say(summary)
            for line in taken():
                say(line)
            return result
        except OutputError as exc:  # a full disk, a closed stdout: exit 74, not a bug
            _drop_stdout()
            say(_("error: {message}").format(message=streams.output_message(exc)))
            raise typer.Exit(exc.exit_code) from None
        except PlanError as exc:
            say(_("error: {message}").format(message=exc))
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:  # `plancli targets | head`: stop quietly
            _drop_stdout()  # the interpreter's final flush must not fail too
            if (summary := streams.said()) is not None:  # no error: what was written
                say(summary)
            # 0, or the verdict settled before printing (`gap --fail-on … | head -1`: 1)
            raise typer.Exit(streams.verdict()) from None
        except KeyboardInterrupt as stop:  # Ctrl-C 130, SIGTERM 143 (stopping.py)
            from plancli.stopping import stop_code

            say(interrupted_message(stop))
            raise typer.Exit(stop_code(stop)) from None
        except Exception as exc:  # a bug: never a traceback, and never exit 1 (--fail-on)
            if is_typer_exception(exc):
                raise  # Typer's own: usage errors (exit 2) and the exits commands ask for
            typer.echo(internal_error_message(exc), err=True)
            raise typer.Exit(INTERNAL_ERROR_EXIT) from None

    return wrapper  # type: ignore[return-value]


def _drop_stdout() -> None:
    """Point descriptor 1 at /dev/null: what stdout still holds could not be written, and the
    interpreter's final flush would fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)


def fail(message: str) -> NoReturn:
    """A usage error found before a command runs: `error: …`, exit 2."""
    say(_("error: {message}").format(message=message))
    raise typer.Exit(2)


def say(text: str) -> None:
    """Talk on stderr (confirmations, warnings, `error: …`): control characters of files'
    strings shown as escapes (issue 14), passwords typed in a connection string masked."""
    typer.echo(visible(hide_passwords(text), newlines=True), err=True)
