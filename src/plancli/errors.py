"""One error hierarchy; the CLI boundary maps each class to its documented exit code."""

from __future__ import annotations

import errno
import os
from typing import NamedTuple

from plancli.i18n import N_, _, colon_join


class PlanError(Exception):
    """Base of every error a user can act on. The message is shown as `error: <message>`."""

    exit_code = 2
    details: tuple[str, ...] = ()  # every problem, one a line, where the message names one


class PlanProblem(NamedTuple):
    """One error in a file where it is (`validate --json`'s error findings)."""

    line: int | None
    where: str  # the target or section, as the message names it
    target: str | None
    message: str  # `field: message`


class InputError(PlanError):
    """Bad input on the command line or in an import file (unknown target, bad period…)."""

    exit_code = 2


class TargetRefusedError(InputError):
    """A write refused because of one of its targets (a database's department rules: another
    department's target); `target` names it, so an import can name the row that wrote it
    (`import_problems.naming_rows`)."""

    def __init__(self, message: str, target: str) -> None:
        super().__init__(message)
        self.target = target

    def at(self, where: str) -> TargetRefusedError:
        """The same refusal, said of `where` (a file's row: `june.csv:3: refused: …`)."""
        return type(self)(colon_join(where, str(self)), self.target)


class PlanFileError(PlanError):
    """The plan file cannot be read, parsed or validated."""

    exit_code = 3
    located: tuple[PlanProblem, ...] = ()  # `details` with each one's line and target


class LedgerFileError(PlanError):
    """The ledger file cannot be read, parsed or validated; it is never overwritten."""

    exit_code = 3


class LedgerUnavailableError(PlanError):
    """The ledger's database server cannot be reached, or the connection to it was lost: a
    network or server problem, worth retrying (docs/shared-ledger.md). Nothing was written."""

    exit_code = 4


class OutputError(PlanError):
    """The output (stdout) could not be written: a full disk, a closed stdout. Not a bug, and
    for a write command the ledger was written all the same (the CLI says so)."""

    exit_code = 74  # EX_IOERR (sysexits.h): neither 1 (--fail-on) nor 2/3 (nothing written)

    def __init__(self, exc: OSError) -> None:
        self.reason = os_reason(exc)
        super().__init__(_("cannot write the output: {reason}").format(reason=self.reason))


# The reasons a file operation fails that an analyst meets, by errno; the English text is the
# C library's own (what `strerror` gave before), so only the Chinese interface changes.
_OS_REASONS = {
    "ENOENT": N_("No such file or directory"),
    "EACCES": N_("Permission denied"),
    "EPERM": N_("Operation not permitted"),
    "EISDIR": N_("Is a directory"),
    "ENOTDIR": N_("Not a directory"),
    "ENOSPC": N_("No space left on device"),
    "EROFS": N_("Read-only file system"),
    "EDQUOT": N_("Disk quota exceeded"),
    "EFBIG": N_("File too large"),
    "ENAMETOOLONG": N_("File name too long"),
    "EEXIST": N_("File exists"),
    "EBUSY": N_("Device or resource busy"),
    "EIO": N_("Input/output error"),
}


def temporary_file_failed(exc: OSError) -> InputError:
    """A library's temporary file (openpyxl writes each sheet of a workbook to one in TMPDIR
    first) that could not be written: a full /tmp is no bug of plancli's (it was exit 70)."""
    import tempfile

    from plancli.safe import clip_path

    return InputError(
        _(
            "cannot make the workbook: a temporary file in {folder} could not be written: "
            "{reason}; make room there, or set TMPDIR to a folder that has it"
        ).format(folder=clip_path(tempfile.gettempdir()), reason=os_reason(exc))
    )


def name_too_long(exc: OSError) -> InputError | None:
    """A file name longer than the file system allows (ENAMETOOLONG), met where no check
    foresaw it (--plan, a ledger, -o, `init DIR`): an input error (exit 2) naming the path by
    its first 60 characters, not an internal error; None for any other OSError."""
    if exc.errno != errno.ENAMETOOLONG:
        return None
    from plancli.safe import clip_path

    name = exc.filename
    name = os.fsdecode(name) if isinstance(name, str | bytes) else ""
    return InputError(
        _("{path}: file name too long; give a shorter name").format(path=clip_path(name or "?"))
    )


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, for a message: the operating system's reason in the
    interface's language (`strerror` is English whatever the locale)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return _(_OS_REASONS[name])
    return exc.strerror or str(exc)


# Why bytes are no text, as Python's codecs say it (English whatever the locale).
_DECODE_REASONS = {
    "invalid start byte": N_("invalid start byte"),
    "invalid continuation byte": N_("invalid continuation byte"),
    "unexpected end of data": N_("unexpected end of data"),
    "illegal multibyte sequence": N_("illegal multibyte sequence"),
    "incomplete multibyte sequence": N_("incomplete multibyte sequence"),
}


def decode_reason(exc: UnicodeDecodeError) -> str:
    """Why bytes could not be read as text, in the interface's language."""
    known = _DECODE_REASONS.get(exc.reason)
    return _(known) if known else exc.reason


def zip_reason(exc: BaseException) -> str:
    """Why a zip archive (.xlsx, .docx) could not be read: zipfile's and zlib's English as
    they say it in English (an administrator searches it), in words in Chinese."""
    from plancli.i18n import language

    if isinstance(exc, OSError) and not isinstance(exc, EOFError):
        return os_reason(exc)
    if language() == "en":
        return str(exc)
    text = str(exc)
    if text == "File is not a zip file":
        return _("not a zip file")
    if isinstance(exc, NotImplementedError) and text.startswith("zip file version"):
        return _("a kind of zip archive plancli cannot read")
    if isinstance(exc, NotImplementedError):
        return _("a compression method plancli cannot read")
    if isinstance(exc, RuntimeError) and "encrypted" in text:
        return _("encrypted: a password is needed to open it")
    if "zip64" in text.lower() or "span multiple disks" in text:
        return _("a kind of zip archive plancli cannot read")
    return _("damaged or cut short")


# SQLite's primary result codes (`sqlite_errorname` without its extension: SQLITE_IOERR_READ)
# whose English a user meets opening a ledger, said in words in Chinese.
_SQLITE_REASONS = {
    "SQLITE_CANTOPEN": N_("the database file cannot be opened"),
    "SQLITE_NOTADB": N_("not a SQLite database"),
    "SQLITE_CORRUPT": N_("the database file is damaged"),
    "SQLITE_IOERR": N_("a disk read or write failed"),
    "SQLITE_READONLY": N_("the database is read-only here"),
    "SQLITE_FULL": N_("the disk is full"),
    "SQLITE_PERM": N_("permission denied"),
}


def sqlite_reason(exc: BaseException) -> str:
    """SQLite's reason (`unable to open database file`) as SQLite says it in English, in words
    in Chinese for the common ones."""
    from plancli.i18n import language

    name = str(getattr(exc, "sqlite_errorname", ""))
    primary = next((key for key in _SQLITE_REASONS if name.startswith(key)), None)
    if language() == "en" or primary is None:
        return str(exc)
    return _(_SQLITE_REASONS[primary])


# expat's reasons for XML that is no XML (a damaged workbook or document part), by its code.
_XML_REASONS = {
    "XML_ERROR_NO_ELEMENTS": N_("the part is empty or cut short"),
    "XML_ERROR_INVALID_TOKEN": N_("a character XML does not allow"),
    "XML_ERROR_UNCLOSED_TOKEN": N_("the part is cut short"),
    "XML_ERROR_PARTIAL_CHAR": N_("the part is cut short"),
    "XML_ERROR_TAG_MISMATCH": N_("a tag closed that was not opened"),
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT": N_("text after the end of the part"),
}


def xml_reason(code: int) -> str:
    """expat's reason for error `code` as expat says it in English; in Chinese in words (a
    reason plancli does not name is `XML 格式错误`, the line and column said beside it)."""
    from xml.parsers import expat

    from plancli.i18n import language

    english = expat.errors.messages.get(code, "")
    if language() == "en":
        return english or str(code)
    name = next((key for key in _XML_REASONS if getattr(expat.errors, key, None) == english), "")
    return _(_XML_REASONS[name]) if name else _("XML syntax error")
