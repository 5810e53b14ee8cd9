"""What plancli writes on stdout, in the encoding each format asks for.

JSON and TOML are UTF-8 whatever the locale (RFC 8259, TOML's spec). CSV and plain text are in
the terminal's encoding (a GBK one's: what Excel on a Chinese Windows opens); where that
encoding lacks a character of a name (䶮, an Extension A ideograph, is in no GBK table), a GBK
terminal gets GB18030, GBK's superset — the same bytes for every character GBK has, nothing
lost — and any other a clear error pointing to --json, never a traceback."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from plancli.errors import OutputError
from plancli.i18n import _

# GB18030 encodes all of Unicode and writes each character GBK (or GB2312) has as GBK does.
_SUPERSET = {"gbk": "gb18030", "gb2312": "gb18030"}


def emit(text: str, *, utf8: bool = False, csv: str | None = None) -> None:
    """Data on stdout, ending with one newline. JSON and CSV come here already safe for a
    terminal: `output.dump_json` and `output.csv_text` make them so (issue 14). JSON and TOML
    (`utf8`) are UTF-8 whatever the locale (`emit_parts`); CSV and text are in the terminal's
    encoding, or its superset where it lacks a character (the module's docstring). `csv`: the
    text is CSV, and the hint of an encoding that lacks a character names what else writes it
    (`emit_csv`)."""
    if utf8:
        emit_parts([text])
        return
    write_text(sys.stdout, text if text.endswith("\n") else text + "\n", csv=csv)


def emit_csv(text: str, *, json: bool = True) -> None:
    """CSV on stdout: in the terminal's encoding (`emit`), or, where `PLANCLI_CSV_BOM` is on
    (`csv_bom`), as UTF-8 with the byte-order mark: Excel reads a CSV as UTF-8 only with it (a
    Chinese Excel reads one without it as GBK), so a CSV made on a UTF-8 system (a server, WSL,
    a Mac) for Excel asks for it. `json`: the command has --json, which an encoding that lacks a
    character is told of (`template` has none)."""
    if csv_bom():
        emit_parts(["\ufeff", text if text.endswith("\n") else text + "\n"])
        return
    emit(text, csv="json" if json else "")


_ON, _OFF = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def csv_bom() -> bool:
    """Is `PLANCLI_CSV_BOM` on? The usual spellings of yes and no, in any case; anything else
    is refused (exit 2). "Set and not 0" turned the BOM on for `false` and `no`, and a
    dashboard's CSV reader then saw a first header `\ufeffid`."""
    value = os.environ.get("PLANCLI_CSV_BOM", "").strip()
    if value.lower() in _ON:
        return True
    if value.lower() in _OFF:
        return False
    from plancli.errors import InputError

    raise InputError(
        _("PLANCLI_CSV_BOM={value}: choose 1, true, yes or on, or 0, false, no or off").format(
            value=value
        )
    )


def write_text(stream: TextIO, text: str, *, csv: str | None = None) -> None:
    """CSV and text on `stream` in its encoding. A GBK terminal (zh_CN.GBK) lacks some
    characters (𠮷, 䶮, an emoji): those are written in GB18030, GBK's superset, whose bytes are
    GBK's for every character GBK has (they raised UnicodeEncodeError, exit 70). Another
    encoding that lacks one is an InputError naming it: CSV is data, and a `?` in its place
    would be a wrong figure's name (the exact text is in --json). `csv` (CSV: "json" where the
    command has --json, "" where not): the error names PLANCLI_CSV_BOM=1 too, which writes the
    CSV as UTF-8 whatever the terminal's encoding (`PYTHONIOENCODING=ascii gap --csv`)."""
    try:
        with writing():
            stream.write(text)  # encoded whole before a byte is written: nothing written twice
    except UnicodeEncodeError as exc:
        buffer = getattr(stream, "buffer", None)
        superset = _SUPERSET.get(codecs.lookup(exc.encoding).name)
        if buffer is not None and superset is not None:
            stream.flush()
            buffer.write(text.replace("\n", os.linesep).encode(superset))
            buffer.flush()
            return
        from plancli.errors import InputError

        lacking = exc.object[exc.start : exc.end]
        if csv is not None:
            raise InputError(_csv_hint(csv).format(encoding=exc.encoding, text=lacking)) from None
        raise InputError(
            _(
                "the terminal's encoding {encoding} cannot write {text!r}; set a UTF-8 locale "
                "or use --json"
            ).format(encoding=exc.encoding, text=lacking)
        ) from None


def _csv_hint(csv: str) -> str:
    if csv == "json":
        return _(
            "the terminal's encoding {encoding} cannot write {text!r}; set a UTF-8 locale, "
            "set PLANCLI_CSV_BOM=1 (the CSV in UTF-8) or use --json"
        )
    return _(
        "the terminal's encoding {encoding} cannot write {text!r}; set a UTF-8 locale or "
        "set PLANCLI_CSV_BOM=1 (the CSV in UTF-8)"
    )


# Text for people where the output's encoding lacks it: the signs as the tables write them
# (`fmt.ASCII_SIGNS`), dashes and the ellipsis as their ASCII.
_NEAR_TEXT = {"–": "-", "—": "-", "…": "...", "“": '"', "”": '"', "‘": "'", "’": "'"}


def write_markdown(stream: TextIO, text: str) -> int:
    """Markdown (the report) on `stream` in its encoding, as `write_text`. Where the encoding
    lacks ≈, ≥ and ≤ (ASCII, cp1252, `LANG=C` with `PYTHONUTF8=0`) they are `~`, `>=` and
    `<=`, as the tables write them, never `?` and never an error; a dash is `-`. Any other
    character it lacks (亿元 in an English report) is a Markdown character reference,
    `&#20159;&#20803;`, which every Markdown reader shows as the character: nothing lost.
    A GBK terminal lacks none of these, and what else it lacks is GB18030 (`write_text`).
    Returns how many characters were written as references."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        if codecs.lookup(exc.encoding).name not in _SUPERSET:
            text, referenced = _nearest_text(text, encoding)
            write_text(stream, text)
            return referenced
    except LookupError:
        pass
    write_text(stream, text)
    return 0


def _nearest_text(text: str, encoding: str) -> tuple[str, int]:
    from plancli.fmt import ASCII_SIGNS

    near = {**ASCII_SIGNS, **_NEAR_TEXT}
    out: list[str] = []
    referenced = 0
    for character in text:
        try:
            character.encode(encoding)
        except UnicodeEncodeError:
            if character in near:
                at_start = not out or out[-1].endswith("\n")
                # `>=` or `-` opening a line would be Markdown's quote or list: escaped
                character = ("\\" if at_start else "") + near[character]
            else:
                character = f"&#{ord(character)};"
                referenced += 1
        out.append(character)
    return "".join(out), referenced


def emit_parts(parts: Iterable[str | bytes]) -> None:
    """JSON on stdout as UTF-8 bytes whatever the locale (RFC 8259: a GBK locale's stdout would
    write GBK), given in pieces written as they come (`output.dump_json_parts`; bytes: the
    rows of `gap --json` split in two processes), ending with one newline."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    stream.flush()  # the text written before it first

    def out(data: bytes) -> None:
        if buffer is None:  # a stream of text only (a test's capture)
            stream.write(data.decode("utf-8"))
        else:
            buffer.write(data)

    last = b""
    with writing():
        for part in parts:
            data = part.encode("utf-8") if isinstance(part, str) else part
            if data:
                out(data)
                last = data
        if not last.endswith(b"\n"):
            out(b"\n")
        if buffer is not None:
            buffer.flush()


# What a command has settled before it writes its output, so that an output that cannot be
# written changes neither: `gap --fail-on`'s verdict (exit 1 even when the reader closed the
# pipe early: `gap --fail-on behind --json | head -1`), and the batch a write command wrote.
_verdict = 0
_written: str | None = None


def set_verdict(code: int) -> None:
    """The exit code the command ends with even if its reader goes away (`gap --fail-on`)."""
    global _verdict
    _verdict = code


def verdict() -> int:
    return _verdict


def wrote(summary: str, *, held: bool = False) -> None:
    """The ledger was written (`summary` says what): an output lost after it must say so.
    `held`: the summary is said once the output is written (`said`), not before it — a
    `record --json > /dev/full` said it as done, then again as the error's first half."""
    global _written, _held
    _written = summary
    if held:
        _held = summary


def written() -> bool:
    return _written is not None


def said() -> str | None:
    """The summary held until the output was written, once (then None)."""
    global _held
    summary, _held = _held, None
    return summary


_held: str | None = None


def reset() -> None:
    global _verdict, _written, _held
    _verdict, _written, _held = 0, None, None


class _ClosedStdout:
    """sys.stdout when the process started with it closed (`plancli gap --json >&-`): Python
    leaves it None (AttributeError, exit 70); writing to it is the error it is."""

    encoding = "utf-8"
    errors = "strict"
    buffer = None

    def write(self, text: str) -> int:
        raise OutputError(OSError(errno.EBADF, _("stdout is closed")))

    def flush(self) -> None:
        pass  # nothing is ever held

    def isatty(self) -> bool:
        return False


def hold_if_closed(fd: int, flags: int) -> bool:
    """Was descriptor `fd` (0, 1) closed? Then it is held on /dev/null, opened with `flags`,
    so no file plancli opens (a ledger) takes its number and becomes "stdin" or "stdout"."""
    with contextlib.suppress(OSError):
        os.fstat(fd)
        return False
    opened = os.open(os.devnull, flags)  # the lowest free number: `fd`, as the lower are open
    if opened != fd:
        os.close(opened)
    return True


def guard_closed_stdout() -> None:
    """With stdout closed, hold descriptor 1 on /dev/null and make any output an error."""
    if sys.stdout is None and hold_if_closed(1, os.O_WRONLY):
        sys.stdout = _ClosedStdout()


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Writing stdout: a failure other than a closed pipe (a full disk) is an OutputError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc) from None


def flush_stdout() -> None:
    if sys.stdout is not None:
        with writing():
            sys.stdout.flush()


def output_message(exc: OutputError) -> str:
    """What to say of an output lost: for a write command, that the ledger was written."""
    if _written is None:
        return str(exc)
    return _("{written}; could not write the output: {reason}").format(
        written=_written, reason=exc.reason
    )


class _GuardedStderr:
    """sys.stderr for the whole run: a message that cannot be written (`2>/dev/full` on a
    full log disk, `2>&-`) is noted, not raised. The OSError escaped the error handlers
    themselves, and Python, unable to print its traceback either, exited 1 — `gap --fail-on`'s
    verdict — after a record was written, and a usage error or an undo ended there too. The
    command now runs to its end, and `main` exits 74 where it would have exited 0. A reader
    that closed the pipe (`plancli validate 2>&1 | head -1`) is not such a failure, as it is
    not on stdout: the rest is dropped and the exit code is the command's (session 42)."""

    buffer = None  # Click then writes to this stream itself, never around it to the bytes

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream  # None: stderr was closed when the process started
        self.encoding = getattr(stream, "encoding", None) or "utf-8"
        self.errors = getattr(stream, "errors", None) or "strict"

    def write(self, text: str) -> int:
        if self.stream is None:
            if text:
                _lose_stderr(OSError(errno.EBADF, "stderr is closed"))
        elif _stderr_lost is None and not _stderr_gone:
            try:
                self.stream.write(text)
                self.stream.flush()  # the error here, where it is caught, not at the exit
            except OSError as exc:
                _lose_stderr(exc)
        return len(text)

    def flush(self) -> None:
        if self.stream is not None and _stderr_lost is None and not _stderr_gone:
            try:
                self.stream.flush()
            except OSError as exc:
                _lose_stderr(exc)

    def isatty(self) -> bool:
        return (
            self.stream is not None
            and _stderr_lost is None
            and not _stderr_gone
            and self.stream.isatty()
        )

    def fileno(self) -> int:
        return 2


_stderr_lost: str | None = None
_stderr_gone = False  # the reader of a stderr pipe closed it: what is left is dropped


def _lose_stderr(exc: OSError) -> None:
    """Note the failure and point descriptor 2 at /dev/null: what the stream still buffers is
    dropped there, and the interpreter's final flush does not fail again."""
    global _stderr_lost, _stderr_gone
    from plancli.errors import os_reason

    if isinstance(exc, BrokenPipeError):
        _stderr_gone = True  # `2>&1 | head -1`: the reader took what it wanted, no error
    else:
        _stderr_lost = os_reason(exc)
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def guard_stderr() -> None:
    """Install `_GuardedStderr`. With stderr closed (`2>&-`), descriptor 2 is held on
    /dev/null first, so that no file plancli opens (a ledger) becomes "stderr"."""
    stream = sys.stderr
    if stream is None:
        with contextlib.suppress(OSError):
            os.fstat(2)
            return
        fd = os.open(os.devnull, os.O_WRONLY)
        if fd != 2:
            os.close(fd)
    sys.stderr = _GuardedStderr(stream)


def stderr_lost() -> str | None:
    """Why a message could not be written on stderr, if one could not."""
    return _stderr_lost
