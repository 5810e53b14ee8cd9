"""Report commands: `report` (Markdown, HTML or Excel) and `template` (a blank input sheet).

Files are written atomically; a report overwrites an existing file (it is generated), a
template does not without --force (it may hold figures somebody typed). Jinja2 and openpyxl
are imported only by the formats that need them.
"""

import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from plancli.cli.app import command, say, state
from plancli.cli.assess_cmds import AsOfOpt
from plancli.cli.streams import emit_csv, write_markdown
from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.paths import refuse_folder_name
from plancli.safe import clip_path
from plancli.texts import shell_word

FORMATS = ("md", "html", "xlsx")
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".xlsx": "xlsx"}


def report_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible output, as build tools do)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            seconds = int(epoch)
        except ValueError:
            raise InputError(
                _("SOURCE_DATE_EPOCH={value!r} is not a number of seconds since 1970").format(
                    value=epoch
                )
            ) from None
        # 1970 to 9999: a number before 1970 (-1) dated a report 1969, one past 9999 is
        # no date; both are refused as out of range, not as "not a number".
        if not 0 <= seconds <= _LAST_EPOCH:
            raise InputError(
                _(
                    "SOURCE_DATE_EPOCH={value!r} is out of range: seconds from 0 (1970-01-01) "
                    "to {last} (9999-12-31)"
                ).format(value=epoch, last=_LAST_EPOCH)
            )
        return datetime.fromtimestamp(seconds, UTC)
    return datetime.now(UTC)


_LAST_EPOCH = 253402300799  # 9999-12-31 23:59:59 UTC, the last second a datetime holds


def _report_date(moment: datetime) -> date:
    # The report is dated in local time (the reader's calendar), except a fixed epoch.
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return moment.date()
    return moment.astimezone().date()


def choose_format(fmt: str | None, output: str | None) -> str:
    """--format, else from the output file's suffix (a folder refused), else Markdown."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(_("--format {value!r}: choose md, html or xlsx").format(value=fmt))
        _refuse_a_contrary_suffix(fmt, output)
        return fmt
    if output and output != "-":
        if Path(output).is_dir():  # before its suffix: no format makes a folder a file
            raise InputError(
                _(
                    "{file}: is a folder; give -o a file to write, such as {example} "
                    "(or .html, .xlsx)"
                ).format(
                    file=clip_path(output),
                    example=clip_path(shell_word(Path(output) / "report.md")),
                )
            )
        suffix = Path(output).suffix.lower()
        if suffix in SUFFIXES:
            return SUFFIXES[suffix]
        raise InputError(
            _("cannot tell the format from {file!r}; give --format md, html or xlsx").format(
                file=clip_path(output)
            )
        )
    return "md"


def _refuse_a_contrary_suffix(fmt: str, output: str | None) -> None:
    """`-f xlsx -o 六月.md` would mail a workbook named .md: a suffix of another known format is
    refused, before anything is read (audit X D4); an unknown one (`-f md -o june.txt`) is the
    name the user chose."""
    if not output or output == "-":
        return
    path = Path(output)
    implied = SUFFIXES.get(path.suffix.lower())
    if implied is None or implied == fmt:
        return
    raise InputError(
        _(
            "--format {format} but -o {file} is a {suffix} name ({implied}); drop --format, "
            "or write -o {example}"
        ).format(
            format=fmt,
            file=clip_path(shell_word(output)),
            suffix=path.suffix,
            implied=implied,
            example=clip_path(shell_word(path.with_suffix("." + fmt))),
        )
    )


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _refuse_a_terminal(output: str | None, what: str) -> None:
    """A binary file is never written to a terminal: refused before any of it is built."""
    if (output is None or output == "-") and _stdout_is_terminal():
        raise InputError(
            _(
                "{what} is a binary file and stdout is a terminal; give -o FILE.xlsx "
                "(or redirect stdout to a file)"
            ).format(what=what)
        )


def _write(output: str | None, data: bytes, what: str, binary: bool) -> None:
    if output is None or output == "-":
        if binary:
            _refuse_a_terminal(output, what)
        from plancli.cli import streams

        if isinstance(sys.stdout, streams._ClosedStdout):  # `>&-`: the output is lost, 74
            import errno

            from plancli.errors import OutputError

            raise OutputError(OSError(errno.EBADF, _("stdout is closed")))
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            raise InputError(
                _("{what}: stdout cannot take binary data here; give -o FILE").format(what=what)
            )
        with streams.writing():  # a full disk: exit 74, not a bug's 70 (session 42)
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        return
    from plancli.report.files import write_atomically

    write_atomically(Path(output), data)


@command(
    "report",
    help=_("Progress report for leadership: headline table, sections, investment, what is behind."),
)
def report_cmd(
    ctx: typer.Context,
    as_of: AsOfOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="md|html|xlsx",
            help=_(
                "Markdown, a self-contained HTML page with charts, or an Excel workbook "
                "(default: from the -o suffix, else md)."
            ),
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_("File to write (an existing one is replaced); `-` or none: stdout."),
        ),
    ] = None,
) -> None:
    from plancli.assess import assess_plan
    from plancli.ledger_read import read_ledger
    from plancli.report.files import refuse_overwriting
    from plancli.report.model import build_report

    if output is not None:
        refuse_folder_name(output)  # `-o d.xlsx/` wrote a file d.xlsx
    chosen = choose_format(fmt, output)
    if chosen == "xlsx":  # before reading the ledger and building the workbook (0.3 s)
        _refuse_a_terminal(output, _("an xlsx report"))
    st = state(ctx)
    # As every read command: the plan and the ledger as plain data, no Pydantic on a plan seen
    # before (a ledger named but missing, then an invalid plan, reported first).
    location = st.read_ledger()
    refuse_overwriting(output, st.source.path, None if location.url else location.path)
    plan = st.plain_plan
    contents = read_ledger(location)
    records = contents.records
    assessment = assess_plan(plan, records, as_of, contents.amendments)
    from plancli.stored_classes import records_warning

    if note := records_warning(plan, records):  # a figure in 类 from before: 2.5
        say(note)
    moment = report_time()
    report = build_report(assessment, records, _report_date(moment))
    if report.as_of is None and as_of is None:  # figures of another year: said, not "none"
        from plancli.ledger_read import ledger_strays, stray_ledger_note

        known, year = set(plan.ids()), plan.plan.year
        report.strays = ledger_strays(known, year, records)
        note = stray_ledger_note(known, year, records, location.shown)
        if note is not None:
            say(note)
    if chosen == "md":
        from plancli.report.markdown import render_markdown

        text = render_markdown(report, st.lang)
        if output is None or output == "-":  # text for people: in the terminal's encoding
            # (GBK on a Chinese Windows), as tables and CSV are; ≥ as >= where it lacks ≥
            referenced = write_markdown(sys.stdout, text)
            if referenced:
                encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
                say(
                    _(
                        "note: stdout's encoding {encoding} cannot write {count} characters of "
                        "the report: written as Markdown references (&#20159;); -o FILE "
                        "writes UTF-8"
                    ).format(encoding=encoding, count=referenced)
                )
            return
        data = text.encode("utf-8")  # a file: UTF-8, as Markdown files are
    elif chosen == "html":
        from plancli.report.html import render_html

        data = render_html(report, st.lang).encode("utf-8")
    else:
        from plancli.report.xlsx import report_workbook

        data = report_workbook(report, st.lang)
    _write(output, data, _("an xlsx report"), binary=chosen == "xlsx")
    if output is not None and output != "-":
        count = len(report.assessments)
        targets = ngettext("{n} target", "{n} targets", count).format(n=count)
        if report.as_of:
            message = _("wrote {file} ({format}, as of {as_of}, {targets}; ledger {ledger})")
        elif report.strays is not None:
            message = _(
                "wrote {file} ({format}, no figures for {year}, {targets}; ledger {ledger})"
            )
        else:
            message = _("wrote {file} ({format}, no figures recorded, {targets}; ledger {ledger})")
        say(
            message.format(
                file=clip_path(output),
                format=chosen,
                as_of=report.as_of,
                targets=targets,
                year=report.year,
                # audit Z D4: which ledger the report was made from
                ledger=clip_path(st.ledger_shown),
            )
        )


@command(
    "template",
    help=_("Blank input sheet of the figures due for a period, to fill in and `plancli import`."),
)
def template_cmd(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help=_("FILE.xlsx or FILE.csv to write; `-` writes CSV to stdout."),
        ),
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period",
            "-p",
            metavar="PERIOD",
            help=_(
                "Period to fill in: 2022-06, 2022-Q2, 2022-H1 or 2022, also as a bulletin "
                "writes it (2022年6月, 1-6月, 上半年)."
            ),
        ),
    ],
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            metavar="DEPARTMENT",
            help=_("Only the targets of this department (the plan's owner, 牵头单位)."),
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help=_("Replace an existing FILE (it may hold figures)."))
    ] = False,
) -> None:
    from plancli.periods import parse_plan_period
    from plancli.report.files import refuse_overwriting
    from plancli.report.template import sheet_headers, template_csv, template_rows
    from plancli.shared_ledger import database_owners, warn_owners_moved
    from plancli.stores import open_store

    refuse_folder_name(file)  # `t.xlsx/` wrote a file t.xlsx
    suffix = Path(file).suffix.lower() if file != "-" else ".csv"
    if suffix not in (".xlsx", ".csv"):
        raise InputError(
            _("{file}: write a .xlsx or .csv file (or `-` for CSV on stdout)").format(
                file=clip_path(file)
            )
        )
    st = state(ctx)
    plan = st.plan
    at = parse_plan_period(period, plan.plan.year)
    location = st.read_ledger()
    refuse_overwriting(file, st.source.path, None if location.url else location.path, template=True)
    held = database_owners(location)  # a database's 牵头单位, not the file's (audit V D8)
    store = open_store(location)
    rows = template_rows(plan, store.read(), at, owner, held, store.amendments())
    if held is not None:  # warned of as `targets` and `show` do: the sheet's targets, and
        # those the plan file gives --owner that the database gives another
        listed = {row.target.id for row in rows}
        mine = owner.strip() if owner is not None else None
        concerned = [
            t for t in plan.targets if t.id in listed or (mine and (t.owner or "").strip() == mine)
        ]
        warn_owners_moved(location, concerned, held)
    if file != "-" and Path(file).exists() and not force:
        raise InputError(
            _("{file} exists and may hold figures; use --force to replace it").format(
                file=clip_path(file)
            )
        )
    if suffix == ".xlsx":
        from plancli.report.xlsx import template_workbook

        data = template_workbook(rows, st.lang, created=report_time())
    elif file == "-":  # CSV on stdout in the terminal's encoding, as every --csv (GBK too)
        emit_csv(template_csv(rows, st.lang), json=False)  # template has no --json
        data = None
    else:  # Excel opens a CSV as UTF-8 only with the byte-order mark
        data = template_csv(rows, st.lang).encode("utf-8-sig")
    if data is not None:
        _write(file, data, _("an xlsx template"), binary=suffix == ".xlsx")
    if file != "-":
        count = ngettext("{n} row", "{n} rows", len(rows)).format(n=len(rows))
        # The value column as the file heads it: 本期数值 on the Chinese sheet and CSV.
        value = sheet_headers(("value",), st.lang)[0]
        wrote = _(
            "wrote {file}: {count} due for {period} ({lasts}); fill in {value}, then "
            "`plancli import {file}`"
        )
        if st.plan_ref is not None and not st.plan_from_env:
            # The plan given with --plan is the import's too: without it, the import reads
            # the workspace's or the default plan (another plan's ledger, or its owners).
            wrote = _(
                "wrote {file}: {count} due for {period} ({lasts}); fill in {value}, then "
                "`plancli --plan {plan} import {file}`"
            )
        # a new workspace's ledger is not there yet: no last figures were read from it
        lasts = (
            _("last figures from {ledger}")
            if location.url or Path(location.path).exists()
            else _("no figures recorded yet: {ledger} is made by the first record or import")
        )
        say(
            wrote.format(
                file=clip_path(shell_word(file)),
                count=count,
                period=at,
                value=value,
                lasts=lasts.format(ledger=clip_path(st.ledger_shown)),
                plan=clip_path(st.ledger_location.plan_arg or shell_word(st.plan_ref or "")),
            )
        )
    if not rows:
        say(_("note: no target is due for {period}").format(period=at))
