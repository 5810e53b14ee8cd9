"""`plancli import a.csv b.csv…`: several files, one batch, all or none (`import_files`).

A script's `import 2022-06/*.csv`, a department's three sheets: each file is read and named
as when it is imported alone, and the summary says what each gives; any refusal refuses them
all (nothing written), and `plancli undo` takes the batch back whole. `-` (stdin) is read
alone, and `--json`, one file's document, takes one file.
"""

import os

import typer

from plancli.cli import streams
from plancli.cli.app import say, say_created, state
from plancli.cli.ledger_opts import advise
from plancli.errors import InputError
from plancli.i18n import _, ngettext
from plancli.safe import clip_path


def import_several(
    ctx: typer.Context, files: list[str], *, sheet: str | None, skip_unknown: bool, dry_run: bool
) -> None:
    from plancli.cli.import_reading import read_file, refusal, say_file_notes
    from plancli.import_files import FileRows, import_files
    from plancli.import_skip import skipped_rows
    from plancli.import_summary import periods_text
    from plancli.imports import ImportRejected
    from plancli.record_text import import_counts
    from plancli.stores import open_store

    if "-" in files:
        raise InputError(_("`-` (stdin) is imported alone, not with other files"))
    seen: dict[str, str] = {}
    for file in files:
        real = os.path.realpath(file)
        if real in seen:
            raise InputError(
                _("{file} is given twice (as {earlier}); name each file once").format(
                    file=clip_path(file), earlier=clip_path(seen[real])
                )
            )
        seen[real] = file
    st = state(ctx)
    location = st.ledger_location
    creating = st.ledger_to_create()
    store = open_store(location)
    store.check_writable()
    reads = [
        read_file(st, store, file, sheet=sheet, skip_unknown=skip_unknown, json_out=False)
        for file in files
    ]
    plan = st.plain_plan
    try:
        results = import_files(
            store,
            plan,
            [FileRows(r.name, r.rows, r.problems, r.notes.pasted) for r in reads],
            dry_run=dry_run,
        )
    except ImportRejected as rejected:
        read = next(r for r in reads if r.name == rejected.name)
        refused = refusal(rejected, plan, read, skip_unknown)
        refused.args = (
            f"{refused}\n"
            + ngettext(
                "nothing of the {n} file was imported (several files are one batch)",
                "nothing of the {n} files was imported (several files are one batch)",
                len(files),
            ).format(n=len(files)),
        )
        raise refused from None
    written = any(result.written for result in results)
    say_created(location.path, creating, written, dry_run, store)
    lines = []
    for read, result in zip(reads, results, strict=True):
        skipped = skipped_rows(plan, read.unknown) if skip_unknown else []
        say_file_notes(plan, store, read, skipped, result)
        counts = import_counts(result, read.file_rows) + periods_text(result)
        lines.append(_("{file}: {counts}").format(file=clip_path(read.name), counts=counts))
    ledger = clip_path(location.shown)
    if dry_run:
        if any(result.changes for result in results):
            from plancli.render import console
            from plancli.render.ledger import import_table

            for result in results:
                if result.changes:
                    console().print(import_table(plan, result, st.lang))
        for line in lines:
            say(_("would import {line}").format(line=line))
        say(
            ngettext(
                "{n} file, one batch; nothing written to {ledger} (--dry-run)",
                "{n} files, one batch; nothing written to {ledger} (--dry-run)",
                len(files),
            ).format(n=len(files), ledger=ledger)
        )
    elif written:
        for line in lines:
            say(_("imported {line}").format(line=line))
        said = ngettext(
            "{n} file imported into {ledger} as one batch {batch} (`plancli undo` takes it "
            "back whole)",
            "{n} files imported into {ledger} as one batch {batch} (`plancli undo` takes "
            "them back whole)",
            len(files),
        ).format(n=len(files), ledger=ledger, batch=results[0].batch)
        streams.wrote(said, held=False)
        say(said)
    else:
        for line in lines:
            say(line)
        say(
            ngettext(
                "{n} file: nothing to import; {ledger} unchanged",
                "{n} files: nothing to import; {ledger} unchanged",
                len(files),
            ).format(n=len(files), ledger=ledger)
        )
    advise(store)
