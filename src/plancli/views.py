"""The status dashboard, computed once per state of the files and kept until they change.

Analysts and scripts run `plancli status` many times between two updates of the figures.
Its answer depends only on the plan file, the ledger file, the language, `--as-of` and
plancli's own code, so the finished dashboard (Rich objects, rendered to the terminal's width
and colours at print time) and its JSON are kept in plancli's cache (see cache.py) and read
back while all of those are unchanged. That path imports neither Pydantic nor the plan models
nor the assessment: issue 5's start-up goal (status ≤ 1.3x the import floor) is met by it.
The first run after a change computes everything from the files, validating them as always;
it is no slower than without the cache but for writing the entry.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from plancli.cache import entry_path, fingerprint, read_entry, write_entry
from plancli.locations import LedgerLocation, PlanSource, ledger_format

if TYPE_CHECKING:
    from rich.console import RenderableType

    from plancli.i18n import Lang


@dataclass(frozen=True, slots=True)
class StatusView:
    """`plancli status` as printed: the dashboard, and the document `--json` prints."""

    dashboard: RenderableType
    json: str


def status_view(
    source: PlanSource, ledger: LedgerLocation, lang: Lang, as_of: str | None
) -> StatusView:
    """The dashboard of the plan and ledger at `as_of` (text of --as-of; None: the default).

    A database ledger is computed every time: its state is not a file to fingerprint, and
    asking the server whether it changed costs what reading the figures costs."""
    if ledger.url is not None:
        return _compute(source, ledger, lang, as_of)
    identity = (str(source.path.resolve()), str(ledger.path.resolve()), lang, as_of or "")
    shown = str(ledger.path)  # the dashboard names the ledger as it was given
    files = [*ledger_files(ledger.path), source.path]

    def key() -> bytes:
        return fingerprint(files, [*identity, shown], ["rich"])

    try:
        before = key()
    except OSError:
        return _compute(source, ledger, lang, as_of)  # reading the files reports the problem
    entry = entry_path("status", *identity)
    view = read_entry(entry, before)
    if isinstance(view, StatusView):
        return view
    view = _compute(source, ledger, lang, as_of)
    with contextlib.suppress(OSError):
        # Kept only if no writer changed the files while they were being read: a figure
        # recorded meanwhile must not be filed under the bytes from before it.
        if key() == before:
            write_entry(entry, before, view)
    return view


def ledger_files(path: Path) -> list[Path]:
    """The files a ledger's content lives in: SQLite keeps recent writes in its `-wal` file,
    which it names after the real file when the ledger is a symbolic link."""
    if ledger_format(path) == "sqlite":
        real = Path(os.path.realpath(path))
        return [path, real.with_name(real.name + "-wal")]
    return [path]


def _compute(
    source: PlanSource, ledger: LedgerLocation, lang: Lang, as_of: str | None
) -> StatusView:
    from plancli.assess import assess_plan, status_output
    from plancli.ledger import open_store
    from plancli.output import dump_json
    from plancli.plan import load_plan_file
    from plancli.render.assess import dashboard

    # Only the figures in force: at 120,000 records full `Record`s cost 10x the memory.
    store = open_store(ledger)
    assessment = assess_plan(
        load_plan_file(source.path), store.figures(), as_of, store.amendments()
    )
    out = status_output(assessment).model_copy(update={"ledger": ledger.shown})
    return StatusView(dashboard=dashboard(out, lang), json=dump_json(out))
