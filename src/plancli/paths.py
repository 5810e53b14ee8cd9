"""Which paths plancli agrees to open: regular files only (issue 14, item 6).

A plan, a ledger, an import file or a report text may name anything the file system holds: a
named pipe (FIFO), which blocks whoever opens it until a writer comes; a device such as
`/dev/zero`, which never ends; a folder; a socket. plancli refuses all of them with one line
and exit 2 before opening them (`stat` first). Reading then opens the file non-blocking and
checks again on the open descriptor, so a path swapped between the two looks is still refused
and a FIFO never blocks. Standard input stays available through `-` where a command takes it.

Symbolic links:
- reading follows a link to a regular file, wherever it points;
- writing (a ledger, a workspace's plan) goes through a link only when its target is a regular
  file in the same folder as the link (`plan2022.progress.toml -> plan2022-v2.progress.toml`).
  The lock and temporary files of a write go beside the file that is replaced, and plancli
  creates files only in the folder the user named, so a link to another folder, or a dangling
  one, is refused with the real path to give instead.

No Pydantic or Rich here: the status dashboard's cached path uses it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from plancli.errors import InputError, PlanError, os_reason
from plancli.i18n import N_, _
from plancli.safe import clip_path

_KINDS = {
    stat.S_IFIFO: N_("a named pipe (FIFO)"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFDIR: N_("a folder"),
    stat.S_IFLNK: N_("a symbolic link"),
}
# What is read or written, as callers name it (`what`): translated where it is shown.
IMPORT_FILE = N_("an import file")
OUTPUT_FILE = N_("an output file")
# Read without blocking on a FIFO, without leaking the descriptor into child processes.
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def kind_of(mode: int) -> str:
    """What a file of this `st_mode` is, in words: `a named pipe (FIFO)`, `a folder`…"""
    return _(_KINDS.get(stat.S_IFMT(mode), N_("not a regular file")))


def not_regular(path: Path | str, mode: int, what: str) -> str:
    """The one-line refusal of a path that is not a regular file."""
    if what == IMPORT_FILE and stat.S_ISFIFO(mode):
        words = _(
            "{path}: is {kind}; {what} must be a regular file (to read a stream, pipe it "
            "into `plancli import -`)"
        )
    else:
        words = _("{path}: is {kind}; {what} must be a regular file")
    return words.format(path=clip_path(path), kind=kind_of(mode), what=_(what))


def check_readable(path: Path, what: str, error: type[PlanError] = InputError) -> bool:
    """True when `path` is a regular file (links followed); False when nothing is there.

    Anything else raises InputError (exit 2) without opening it; a path that cannot be looked
    at raises `error`. `what` names the file in the message: "the plan", "an import file".
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        raise error(
            _("{path}: cannot read: {reason}").format(path=clip_path(path), reason=os_reason(exc))
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(not_regular(path, info.st_mode, what))
    return True


def open_file(path: Path, what: str, error: type[PlanError] = InputError) -> BinaryIO:
    """The regular file at `path`, open for reading in binary (for reading it as a stream).

    Anything else is an InputError (exit 2, like `check_readable`), refused before it is
    opened, and checked again on the open descriptor; a file that cannot be opened raises
    `error`. The caller closes it (`with open_file(...) as handle:`)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(
            _("{path}: cannot read: {reason}").format(path=clip_path(path), reason=os_reason(exc))
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(not_regular(path, info.st_mode, what))
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise error(
            _("{path}: cannot read: {reason}").format(path=clip_path(path), reason=os_reason(exc))
        ) from None
    handle = os.fdopen(fd, "rb")
    info = os.fstat(fd)  # the file opened, which may not be the one looked at above
    if not stat.S_ISREG(info.st_mode):
        handle.close()
        raise InputError(not_regular(path, info.st_mode, what))
    return handle


def read_bytes(path: Path, what: str, error: type[PlanError] = InputError) -> bytes:
    """The bytes of the regular file at `path` (see `open_file`)."""
    with open_file(path, what, error) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise error(
                _("{path}: cannot read: {reason}").format(
                    path=clip_path(path), reason=os_reason(exc)
                )
            ) from None


def open_regular(path: Path) -> int:
    """A descriptor open for reading on the regular file at `path`, never blocking.

    Raises FileNotFoundError when nothing is there and OSError for anything that is not a
    regular file (the callers, the caches, treat both as "not usable" and move on).
    """
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{clip_path(path)}: is {kind_of(info.st_mode)}")
    fd = os.open(path, _READ_FLAGS)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(f"{clip_path(path)}: is not a regular file")
    return fd


def refuse_folder_name(name: str) -> None:
    """Refuse (InputError, exit 2) a file name typed with a trailing separator (`-o d.xlsx/`,
    `--ledger n.toml/`): the user means a folder, and `Path` would drop the slash and write a
    file named `d.xlsx`, as `cp` refuses (`cannot create regular file 'd.xlsx/': Not a
    directory`). A folder that exists is left to the caller's own words (`is a folder`)."""
    separators = tuple(sep for sep in (os.sep, os.altsep) if sep)
    if not name.endswith(separators) or os.path.isdir(name):
        return
    bare = name.rstrip("".join(separators))
    if not bare:
        return
    raise InputError(
        _("{path}: ends in {sep}, so it names a folder, not a file: give {example}").format(
            path=clip_path(name), sep=name[-1], example=clip_path(bare)
        )
    )


def writable_target(path: Path, what: str) -> Path:
    """The file to replace when writing `path`: `path` itself, or the target of a link to a
    regular file in the same folder. InputError (exit 2) for anything else: a device, a FIFO,
    a folder, a dangling link, or a link to another folder.

    Returns `path` unchanged when nothing is there yet (a new file, created on write).
    """
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return path
    except OSError as exc:
        raise InputError(
            _("{path}: cannot write: {reason}").format(path=clip_path(path), reason=os_reason(exc))
        ) from None
    if stat.S_ISREG(info.st_mode):
        return path
    if not stat.S_ISLNK(info.st_mode):
        raise InputError(not_regular(path, info.st_mode, what))
    real = Path(os.path.realpath(path))
    try:
        target = os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # `ln -s a.toml a.toml`: not a file that "does not exist"
            raise InputError(
                _(
                    "{path}: is a symbolic link in a loop (it leads back to itself); give the "
                    "real path, or remove the link"
                ).format(path=clip_path(path))
            ) from None
        raise InputError(
            _(
                "{path}: is a symbolic link to {real}, which does not exist; plancli does not "
                "create files through a link: give the real path, or remove the link"
            ).format(path=clip_path(path), real=clip_path(real))
        ) from None
    if not stat.S_ISREG(target.st_mode):
        link = _("{path} (a link to {real})").format(path=clip_path(path), real=clip_path(real))
        raise InputError(not_regular(link, target.st_mode, what))
    if real.parent != Path(os.path.realpath(path.parent)):
        raise InputError(
            _(
                "{path}: is a symbolic link to {real}, in another folder; plancli writes only "
                "in the folder it is given (its lock and temporary files go beside the file): "
                "use {real} instead"
            ).format(path=clip_path(path), real=clip_path(real))
        )
    return real


# A ledger, by its first bytes: SQLite's header, or a TOML ledger's tables. A TOML ledger
# opens with its comment and `version = 1`; its first table comes within the first few lines.
_SQLITE_HEADER = b"SQLite format 3\x00"
_TOML_LEDGER = re.compile(rb"^[ \t]*\[\[[ \t]*(?:records|amendments)[ \t]*\]\]", re.MULTILINE)
_HEAD = 64 * 1024


def is_ledger(path: Path) -> bool:
    """Does this file hold recorded figures (a SQLite or TOML ledger)? Read from its head; a
    file that is not a regular one (a FIFO) is not opened."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with path.open("rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return False
    return head.startswith(_SQLITE_HEADER) or _TOML_LEDGER.search(head) is not None


def is_sqlite_file(path: Path) -> bool:
    """Is this an existing regular file that opens with SQLite's 16-byte header? (A ledger
    renamed by hand, `city.sqlite3`, is read as what it is, not as invalid TOML.) A FIFO or
    device is not opened; a file that cannot be read is not one."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with path.open("rb") as file:
            return file.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except (OSError, ValueError):
        return False


# A report's text is at most 2,000,000 characters (extract.text.MAX_CHARS), four bytes each at
# most in UTF-8 or GB18030; a Word .docx (a zip) is bounded by its parts' sizes, its body at
# 64 MiB (extract.documents), so the file at that plus room for its images.
REPORT_TEXT = N_("the report text")
MAX_REPORT_TEXT_BYTES = 8 * 1024 * 1024
MAX_REPORT_DOCUMENT_BYTES = 128 * 1024 * 1024
_ZIP = b"PK\x03\x04"
_CHUNK = 1 << 20


def read_report_bytes(source: str, name: str) -> bytes:
    """The bytes of a report (`extract REPORT`, `validate --source`): a regular file (a FIFO or
    device refused before it is opened, as every input), or `-`, standard input read a chunk at
    a time. Either is refused (InputError, exit 2) as soon as it passes what a report can take
    (`MAX_REPORT_TEXT_BYTES`; a .docx, `MAX_REPORT_DOCUMENT_BYTES`), before the rest is read:
    /dev/zero or an endless producer on stdin no longer fills the memory."""
    if source == "-":
        import sys

        return _read_capped(sys.stdin.buffer, name, None)
    path = Path(source)
    with open_file(path, REPORT_TEXT) as handle:
        size = os.fstat(handle.fileno()).st_size
        return _read_capped(handle, name, size)


def _read_capped(handle: BinaryIO, name: str, size: int | None) -> bytes:
    head = handle.read(len(_ZIP))
    limit = MAX_REPORT_DOCUMENT_BYTES if head == _ZIP else MAX_REPORT_TEXT_BYTES
    if size is not None and size > limit:
        raise InputError(_too_large(name, size, limit))
    chunks = [head]
    total = len(head)
    while head:
        try:
            chunk = handle.read(min(_CHUNK, limit + 1 - total))
        except OSError as exc:
            raise InputError(
                _("{path}: cannot read: {reason}").format(
                    path=clip_path(name), reason=os_reason(exc)
                )
            ) from None
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise InputError(_too_large(name, None, limit))
    return b"".join(chunks)


def _too_large(name: str, size: int | None, limit: int) -> str:
    if limit == MAX_REPORT_DOCUMENT_BYTES:
        words = _(
            "{name}: more than {limit:,} bytes, larger than any report's Word file; give one report"
        )
    elif size is None:
        words = _(
            "{name}: more than {limit:,} bytes, more than any report's text (2,000,000 "
            "characters at most); give one report's text"
        )
    else:
        words = _(
            "{name} has {size:,} bytes, more than any report's text can take (2,000,000 "
            "characters, {limit:,} bytes at most); give one report's text"
        )
    return words.format(name=clip_path(name), size=size, limit=limit)
