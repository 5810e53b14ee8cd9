"""Copying a ledger from one store into another (`ledger convert`, `init`'s bundled ledger)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from plancli.errors import InputError, LedgerFileError, os_reason
from plancli.i18n import _, join_list, ngettext
from plancli.locations import (
    BUNDLED_LEDGERS,
    LedgerLocation,
    PlanSource,
    data_dir,
)
from plancli.paths import writable_target
from plancli.safe import clip, clip_path
from plancli.stores import open_store, read_records
from plancli.stores.base import LEDGER, LedgerContents, LedgerStore
from plancli.stores.toml import write_atomically


def convert_ledger(
    source: Path, destination: Path, *, force: bool = False, allow_empty: bool = False
) -> int:
    """Copy every record of one ledger into another; returns how many records were copied
    (`copy_ledger` says how many amendments too)."""
    return len(copy_ledger(source, destination, force=force, allow_empty=allow_empty).records)


def copy_ledger(
    source: Path | LedgerLocation,
    destination: Path | LedgerLocation,
    *,
    force: bool = False,
    allow_empty: bool = False,
    check: Callable[[LedgerContents], None] | None = None,
    replacing: Callable[[LedgerContents], None] | None = None,
) -> LedgerContents:
    """Copy a ledger into another, of any store (TOML, SQLite, PostgreSQL): every revision,
    batch, time, note, source and writer, and every amendment, in ledger order. Returns what
    was copied.

    An existing destination is replaced only with `force`, and only if it is a valid ledger
    (its store's transaction reads it first), so a file that is not a ledger is never lost. A
    database ledger "exists" when it holds records or amendments of the plan; `force` replaces
    those of that plan only. `check` sees what is to be copied before anything is written,
    and may refuse it (raise). `replacing` sees what a forced copy into a database replaces
    (the plan's records there), before it is written.

    Out of a database, a plan it holds nothing of while it holds other plans' is refused: a
    backup taken under the wrong `--plan` would be empty, and restoring it with `--force`
    would empty the plan.

    An empty source (no record, no amendment) replacing a destination that holds some is
    refused unless `allow_empty` (`--allow-empty`, as git's for an empty commit): a wrong or
    blank file given with `--force` silently emptied a bureau's whole ledger (session 37).
    """
    source = source if isinstance(source, LedgerLocation) else LedgerLocation(source, "option")
    if not isinstance(destination, LedgerLocation):
        destination = LedgerLocation(destination, "option")
    if source.url is None and not source.path.exists():
        raise InputError(_("{path}: no such ledger").format(path=clip_path(source.path)))
    if _same_ledger(source, destination):
        same = (
            _("{source} and {destination} are the same ledger")
            if source.url is not None
            else _("{source} and {destination} are the same file")
        )
        raise InputError(
            same.format(source=clip_path(source.shown), destination=clip_path(destination.shown))
        )
    target_store = open_store(destination)
    if destination.url is not None:
        from plancli.stores.postgres import PostgresLedgerStore

        if isinstance(target_store, PostgresLedgerStore):
            target_store.check_may_replace()  # a department never hears of --force
    source_store = open_store(source)
    contents = source_store.contents()
    if source.url is not None and not contents.records and not contents.amendments:
        _refuse_another_plans_backup(source, source_store)
    if check is not None:  # first: --force is not offered for a copy refused anyway
        check(contents)
    if not allow_empty:  # before --force's check: said whether or not --force was given
        _refuse_emptying(source, destination, contents, target_store)
    if not force and ledger_holds_anything(destination, target_store):
        if destination.url is not None:  # a database "exists" by its records of this plan
            raise InputError(
                _(
                    "{ledger} already holds records of plan {plan}; pass --force to replace "
                    "them (the database's other plans are kept)"
                ).format(ledger=clip_path(destination.shown), plan=destination.plan_id or "PLAN")
            )
        raise InputError(
            _("{path} exists; pass --force to replace its records").format(
                path=clip_path(destination.shown)
            )
        )
    forced_into_database = force and destination.url is not None
    if (
        replacing is not None
        and forced_into_database
        and ledger_holds_anything(destination, target_store)
    ):
        replacing(target_store.contents())
    with target_store.transaction() as session:
        session.replace(contents.records, contents.amendments)
    return contents


def _refuse_another_plans_backup(source: LedgerLocation, store: LedgerStore) -> None:
    """A database holding nothing of the plan, but other plans' records: --plan forgotten or
    wrong (the bundled default's, a workspace's), refused naming the plans it holds."""
    from plancli.stores.postgres import PostgresLedgerStore

    held = store.plans_held() if isinstance(store, PostgresLedgerStore) else []
    if not held:
        return
    raise InputError(
        _(
            "{ledger} holds no records of plan {plan}, only of {plans}: give the ledger's "
            "plan with --plan (plancli --plan PLAN.toml ledger convert …); nothing was written"
        ).format(
            ledger=clip_path(source.shown),
            plan=clip(source.plan_id or "PLAN"),
            plans=join_list([*(clip(plan) for plan in held[:5]), *(["…"] if held[5:] else [])]),
        )
    )


def _refuse_emptying(
    source: LedgerLocation,
    destination: LedgerLocation,
    contents: LedgerContents,
    target_store: LedgerStore,
) -> None:
    """An empty source would replace the figures `destination` holds (of the plan, in a
    database) with none: refused, naming both and how many it holds; nothing is written."""
    if contents.records or contents.amendments:
        return
    if not ledger_holds_anything(destination, target_store):
        return
    held = target_store.contents()
    if not held.records and not held.amendments:
        return  # an empty ledger replaced by an empty one loses nothing
    what = ngettext("{n} record", "{n} records", len(held.records)).format(n=len(held.records))
    if held.amendments:
        n = len(held.amendments)
        amendments = ngettext("{n} amendment", "{n} amendments", n).format(n=n)
        what = _("{records} and {amendments}").format(records=what, amendments=amendments)
    plan = destination.plan_id or source.plan_id
    names = {
        "source": clip_path(source.shown),
        "destination": clip_path(destination.shown),
        "held": what,
    }
    if plan is None:  # file to file: the whole file is copied, of whatever plan
        raise InputError(
            _(
                "{source} holds no records; {destination} holds {held}: nothing was written "
                "(to empty it, pass --force --allow-empty)"
            ).format(**names)
        )
    raise InputError(
        _(
            "{source} holds no records of plan {plan}; {destination} holds {held} of it: "
            "nothing was written (to empty it, pass --force --allow-empty)"
        ).format(plan=clip(plan), **names)
    )


def _same_ledger(a: LedgerLocation, b: LedgerLocation) -> bool:
    if a.url is not None or b.url is not None:
        return a.url == b.url and a.plan_id == b.plan_id
    return b.path.exists() and b.path.resolve() == a.path.resolve()


def ledger_holds_anything(location: LedgerLocation, store: LedgerStore) -> bool:
    """Is there a ledger to overwrite: a file, or a plan's records in a database?"""
    if location.url is None:
        return location.path.exists()
    from plancli.stores.postgres import PostgresLedgerStore

    return isinstance(store, PostgresLedgerStore) and store.holds_anything()


def copy_bundled_ledger(plan: PlanSource, destination: Path | LedgerLocation) -> int | None:
    """`plancli init`: copy the ledger bundled with a plan (guandu-2021's 2021 actuals) into the
    new workspace. Returns how many records were copied; None when the plan ships no ledger or
    `destination` exists already (an existing ledger is never overwritten). A database ledger
    gets the records (`copy_ledger`) unless it holds some of the plan already."""
    if plan.bundled_id not in BUNDLED_LEDGERS:
        return None
    bundled = data_dir() / BUNDLED_LEDGERS[plan.bundled_id]
    if isinstance(destination, LedgerLocation):
        if destination.url is not None:
            target_store = open_store(destination)
            if ledger_holds_anything(destination, target_store):
                return None
            return len(copy_ledger(LedgerLocation(bundled, "bundled"), destination).records)
        destination = destination.path
    if destination.exists():
        return None
    records = read_records(bundled)  # refuse to spread a bundled file that does not validate
    try:
        text = bundled.read_text(encoding="utf-8")
    except OSError as exc:
        raise LedgerFileError(
            _("{path}: cannot read: {reason}").format(
                path=clip_path(bundled), reason=os_reason(exc)
            )
        ) from None
    write_atomically(writable_target(destination, LEDGER), text)
    return len(records)
