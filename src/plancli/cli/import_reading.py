"""An import's file as the CLI reads it (`read_file`), its refusal as it is told
(`refusal`) and the lines said of it after the import (`say_file_notes`): shared by `import
FILE` and `import A B…` (several files, one batch: `plancli.import_files`)."""

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from plancli.cli.app import say
from plancli.errors import InputError, os_reason
from plancli.i18n import _, ngettext
from plancli.safe import clip_path

if TYPE_CHECKING:
    from plancli.cli.app import State
    from plancli.import_skip import SkippedRow
    from plancli.imports import ImportRejected, ImportResult, ImportRow, Problems
    from plancli.plain import AnyPlan
    from plancli.read_notes import ReadNotes
    from plancli.stores.base import LedgerStore

# The warnings of an import printed, as the refusals are: the first of them, then how many more.
WARNINGS_SHOWN = 1000


class FileRead(NamedTuple):
    """One file read, its names resolved by the plan, ready to be checked."""

    name: str
    rows: "list[ImportRow]"
    problems: "Problems"
    notes: "ReadNotes"
    unknown: "list[ImportRow]"  # the rows naming no target of the plan
    notice: str | None  # a bulletin's period (1-6月: the title's, the header's, a series')
    file_rows: int | None  # a series: the summary counts rows and figures


def read_file(
    st: "State",
    store: "LedgerStore",
    file: str,
    *,
    sheet: str | None,
    skip_unknown: bool,
    json_out: bool,
) -> FileRead:
    """FILE (or `-`) read and resolved: its rows, those naming no target left out with
    --skip-unknown; the reader's refusals as an import says them (GB18030)."""
    from plancli.bulletin import resolve_rows
    from plancli.bulletin_series import period_notice
    from plancli.gdp_sectors import gdp_sectors
    from plancli.import_skip import names_no_target, unknown_rows, without
    from plancli.import_summary import series_rows
    from plancli.imports import read_import
    from plancli.read_notes import ReadNotes

    location = st.ledger_location
    # The file is read before the plan is loaded: a file over a limit is refused at once,
    # and the rows do not need the plan until they are checked.
    from plancli.cli.inputs import open_input

    name, stream, size = open_input(file)
    try:
        notes = ReadNotes()
        if not (skip_unknown and json_out):  # --json lists every row skipped: keep them
            # Rows naming no target past the first 1,000 are counted, not kept (audit S D7).
            notes.no_target = names_no_target(lambda: st.plain_plan)
        notes.plan_year = lambda: st.plain_plan.plan.year  # a typed 1-6's year (xlsx dates)
        name, rows, problems = read_import(stream, name, size=size, sheet=sheet, notes=notes)
    except InputError as exc:  # refused: how the file was read, as an import says it (GB18030)
        raise read_as(exc, name, notes) from None
    except OSError as exc:  # the file, or stdin, failed while it was read
        raise InputError(
            _("{path}: cannot read: {reason}").format(path=clip_path(name), reason=os_reason(exc))
        ) from None
    finally:
        if file != "-":
            stream.close()
    plan = st.plain_plan
    # Names, bulletin periods and 累计值 mapped by the plan (bulletin.py), before the checks;
    # 第一产业 under 地区生产总值 first (gdp_sectors.py), by the rows' order.
    rows = gdp_sectors(plan, rows, notes)
    rows = resolve_rows(plan, name, rows, problems, notes, notes.targets, notes.periods)
    if notes.template_cells:  # a template's rows changed where they should not be?
        from plancli.shared_ledger import database_owners
        from plancli.template_check import template_problems

        # A database's 牵头单位, not the file's, decide whose sheet a row belongs to.
        template_problems(plan, notes, problems, store.read, lambda: database_owners(location))
    # The texts resolve_rows found naming no target: not every text looked up again.
    texts: Iterable[str] | None = notes.unknown
    if texts is None:
        texts = notes.targets or {row.entry.target for row in rows}
    unknown = unknown_rows(plan, rows, texts)
    rows = without(rows, unknown) if skip_unknown else rows  # left out, and listed below
    if not skip_unknown:
        problems.more += notes.dropped  # bad rows, counted
    notice = period_notice(name, notes.header, rows)  # 1-6月: the title's, the header's, a series'
    file_rows = series_rows(notes.header, rows)  # a series: the summary counts rows and figures
    return FileRead(name, rows, problems, notes, unknown, notice, file_rows)


def refusal(
    rejected: "ImportRejected", plan: "AnyPlan", read: FileRead, skip_unknown: bool
) -> InputError:
    """An import's refusal of the file `read`: the column labels of its cells, a hint where
    rows name no target, how the file was read (GB18030)."""
    from plancli.column_labels import with_column_labels
    from plancli.import_skip import unknown_hint

    name, notes, unknown = read.name, read.notes, read.unknown
    labelled = with_column_labels(rejected, notes)  # '本月止累计' '2,004.9亿元': …
    if unknown and not skip_unknown:
        hinted = unknown_hint(plan, labelled, unknown, notes.dropped)
        return read_as(hinted, name, notes)
    return read_as(labelled, name, notes)


def say_file_notes(
    plan: "AnyPlan",
    store: "LedgerStore",
    read: FileRead,
    skipped: "Sequence[SkippedRow]",
    result: "ImportResult",
) -> None:
    """What the import says of one file before its summary: the sheet, how it was read, the
    rows skipped and why, each row's warnings, a sheet older than the ledger's figures."""
    from plancli.bulletin_blanks import figureless_lines
    from plancli.import_skip import skipped_lines

    name, notes, notice = read.name, read.notes, read.notice
    if notes.sheet is not None:
        say(notes.sheet)
    if notes.encoding == "GB18030":
        say(read_as_line(name))
    if notice is not None:
        say(notice)
    if notes.blank_rows:
        say(
            ngettext(
                "{file}: {n} blank row skipped (a template row with no figure yet)",
                "{file}: {n} blank rows skipped (template rows with no figure yet)",
                notes.blank_rows,
            ).format(file=clip_path(name), n=notes.blank_rows)
        )
    if notes.no_data_rows:
        say(
            ngettext(
                "{file}: {n} row marked — (no data) skipped",
                "{file}: {n} rows marked — (no data) skipped",
                notes.no_data_rows,
            ).format(file=clip_path(name), n=notes.no_data_rows)
        )
    if notes.total_rows:
        say(
            ngettext(
                "{file}: {n} total row (合计, 总计, 小计: the table's, not a target) skipped",
                "{file}: {n} total rows (合计, 总计, 小计: the table's, not a target) skipped",
                notes.total_rows,
            ).format(file=clip_path(name), n=notes.total_rows)
        )
    for line in [
        *figureless_lines(name, notes),
        *skipped_lines(plan, name, skipped, notes.dropped),
    ]:
        say(line)  # a bulletin's rows with no figure (bulletin_blanks), the rows of no target
    warned: dict[int, list[str]] = {}
    for row, message in [*notes.warnings, *result.row_warnings()]:
        warned.setdefault(row, []).append(message)
    lines = [(row, warning) for row in sorted(warned) for warning in warned[row]]
    for row, warning in lines[:WARNINGS_SHOWN]:
        say(
            _("warning: {file}:{row}: {message}").format(
                file=clip_path(name), row=row, message=warning
            )
        )
    if len(lines) > WARNINGS_SHOWN:  # a file of 190,000 slips: a terminal cannot read them
        more = len(lines) - WARNINGS_SHOWN
        say(
            ngettext(
                "warning: {file}: {n} more warning not shown (`import --json` lists each row's)",
                "warning: {file}: {n} more warnings not shown (`import --json` lists each row's)",
                more,
            ).format(file=clip_path(name), n=f"{more:,}")
        )
    from plancli.import_summary import stale_sheet

    stale = stale_sheet(name, result, notes, store.read)
    if stale is not None:
        say(_("warning: {message}").format(message=stale))


def read_as_line(name: str) -> str:
    return _("{file}: read as GB18030 text (Excel's CSV on a Chinese Windows)").format(
        file=clip_path(name)
    )


def read_as(exc: InputError, name: str, notes: "ReadNotes") -> InputError:
    """A refusal of a file read as GB18030 says so on its last line, as an import says it: a
    user fixing it (a garbled name) should know how the file was read; `error:` stays first."""
    if notes.encoding == "GB18030":
        exc.args = (f"{exc}\n{read_as_line(name)}",)
    return exc
