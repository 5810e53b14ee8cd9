"""What `plancli ledger init` says of a shared PostgreSQL ledger's owners (牵头单位): kept out
of the command line's module (it only prints these lines) and out of the store (which only
finds the facts: `stores.postgres.InitResult`). No Pydantic, no driver imported here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol

from plancli.errors import InputError
from plancli.i18n import _, join_list, ngettext
from plancli.radicals import radical_free, told_apart
from plancli.safe import clip_path

if TYPE_CHECKING:
    from plancli.locations import LedgerLocation
    from plancli.plain import Target
    from plancli.stores.postgres import InitResult, OwnerChange


class Owned(Protocol):
    """A target as the plan file names its owner: the plain plan's or the model's."""

    @property
    def id(self) -> str: ...

    @property
    def owner(self) -> str | None: ...


SHOWN_CHANGES = 5  # targets named in a message; the rest are counted


def _changes(changes: Sequence[OwnerChange]) -> str:
    """`g5 (工信局 → 统计局), centre (none → 住建局) and 3 more`."""
    none = _("none")
    named = [
        f"{c.target} ({told_apart(c.held or none)} → {told_apart(c.planned or none)})"
        for c in changes[:SHOWN_CHANGES]
    ]
    text = join_list(named)
    rest = len(changes) - SHOWN_CHANGES
    if rest > 0:
        text += _(" and {n} more").format(n=rest)
    return text


def owners_lines(done: InitResult, plan: str) -> list[str]:
    """What `ledger init` says of the plan's owners: those it changed in the database (only
    init changes or removes one), or that they were there already."""
    if not done.owners and done.changes:  # a plan naming none: the database's owners stand
        return [
            _(
                "plan {plan} names no owner (牵头单位): the database's owners of {n} targets "
                "stand (an init with a plan naming none never clears them)"
            ).format(plan=plan, n=len(done.changes))
        ]
    lines: list[str] = []
    changed = [c for c in done.changes if c.held is not None]
    if done.owners_pushed and changed:
        lines.append(
            ngettext(
                "plan {plan}: owners (牵头单位) changed for {n} target in the database: {changes}",
                "plan {plan}: owners (牵头单位) changed for {n} targets in the database: {changes}",
                len(done.changes),
            ).format(plan=plan, n=len(done.changes), changes=_changes(done.changes))
        )
    elif done.owners and done.owners_pushed and done.changes:
        lines.append(
            _("plan {plan}: {n} targets with an owner (牵头单位) pushed to the database").format(
                plan=plan, n=done.owners
            )
        )
    elif not done.owners_pushed and done.changes:
        lines.append(
            ngettext(
                "plan {plan}: {n} of its targets' owners (牵头单位) differs from the database's "
                "(database → this plan: {changes}); the database's stand: only the ledger's "
                "owner, role {owner}, changes them (plancli ledger init)",
                "plan {plan}: {n} of its targets' owners (牵头单位) differ from the database's "
                "(database → this plan: {changes}); the database's stand: only the ledger's "
                "owner, role {owner}, changes them (plancli ledger init)",
                len(done.changes),
            ).format(
                plan=plan,
                n=len(done.changes),
                changes=_changes(done.changes),
                owner=done.ledger_owner,
            )
        )
    elif done.owners:
        lines.append(
            _("plan {plan}: its {n} targets' owners are in the database already").format(
                plan=plan, n=done.owners
            )
        )
    if not done.owners:
        lines.append(
            _(
                "plan {plan} names no owner (牵头单位) for its targets: only the ledger's owner "
                'may record (add `owner = "…"` to the plan\'s targets, then run init again)'
            ).format(plan=plan)
        )
    return lines


def owner_lines(done: InitResult) -> list[str]:
    """Which role owns the ledger (the one that first ran `ledger init`: it records every
    target and sets the owners), and a warning when that is a superuser (the administrator
    who created the database, not the planning office) or not the database's owner."""
    owner = done.ledger_owner
    lines = [
        _(
            "the ledger's owner is role {owner}: it records every target and sets the plan's "
            "owners (牵头单位)"
        ).format(owner=owner)
    ]
    if done.owner_is_superuser:
        lines.append(
            _(
                "warning: role {owner}, the ledger's owner, is a superuser: the planning "
                "office's role (e.g. the database's owner, {database_owner}) should own it: "
                "while it holds nothing, DROP SCHEMA plancli CASCADE and run plancli ledger "
                "init as that role"
            ).format(owner=owner, database_owner=done.database_owner)
        )
    elif owner != done.database_owner:
        lines.append(
            _(
                "warning: role {owner}, the ledger's owner, is not the database's owner "
                "({database_owner})"
            ).format(owner=owner, database_owner=done.database_owner)
        )
    return lines


def grant_warning(department: str, plan: str, owners: Sequence[tuple[str, str]]) -> str | None:
    """A warning when no target of the plan is owned by `department` (a typo: 统计厅 for
    统计局): the role would be granted, and its users refused every target."""
    departments = list(dict.fromkeys(owner for _target, owner in owners))
    if radical_free(department.strip()) in map(radical_free, departments):
        return None
    return _(
        "warning: no target of plan {plan} is owned by {department} (its departments: "
        "{departments})"
    ).format(
        plan=plan,
        department=told_apart(department),
        departments=join_list(map(told_apart, departments)) or _("none"),
    )


def owner_twin_refusal(department: str, owners: Sequence[tuple[str, str]]) -> None:
    """InputError for a grant to a department written otherwise than a plan's owner it is
    under NFKC (人社局 with 社 U+FA4C, a CJK compatibility ideograph; ＩＴ办 for IT办): alike on
    screen, yet the database's check matches owners exactly, so the role's users would be
    refused every target. Refused, naming both, rather than stored folded: NFKC rewrites
    names (（） to ()), and a department granted before under its own spelling would lose
    its targets when `ledger init` pushed the folded owners."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", department)
    owned = dict.fromkeys(owner for _target, owner in owners)
    if department in owned:
        return
    twin = next((o for o in owned if unicodedata.normalize("NFKC", o) == folded), None)
    if twin is None:
        return
    odd = {c: unicodedata.normalize("NFKC", c) for c in department}
    said = "; ".join(
        _("{char} is U+{code:04X}, read as {read} under NFKC").format(char=c, code=ord(c), read=r)
        for c, r in odd.items()
        if r != c
    )
    raise InputError(
        _(
            "{department} ({said}) is written otherwise than the plan's owner {owner}, which "
            "it reads as: the ledger matches owners exactly, so its users would record "
            "nothing; grant {owner} as the plan writes it"
        ).format(department=told_apart(department), said=said, owner=told_apart(twin))
    )


class GrantsListing(NamedTuple):
    """`ledger grants`: a header line, and a row per department and role (printed
    tab-separated, each field made visible)."""

    header: str
    rows: list[tuple[str, ...]]


def grants_listing(
    plan: str,
    ledger: str,
    grants: Sequence[tuple[str, str]],
    owners: Sequence[tuple[str, str]],
    lost: Mapping[str, str] | None = None,
) -> GrantsListing:
    """The plan's departments (in plan order) with the roles that record for each, those
    without a role yet said so, then departments granted that no target of the plan names
    (a typo, or another plan's), said so too. `lost`: the granted roles that record for
    nobody (`dropped`: no such role; `unusable`: no USAGE on the schema, a role dropped and
    made again), marked so and not counted as the department's (audit V D2)."""
    from plancli.safe import name_shown

    lost = lost or {}
    notes = {
        "dropped": _("(no such role: dropped? plancli ledger grant --revoke, or CREATE ROLE)"),
        "unusable": _("(may not read the ledger: no USAGE on schema plancli; grant it again)"),
    }
    departments = list(dict.fromkeys(owner for _target, owner in owners))
    roles: dict[str, list[str]] = {}
    for department, role in grants:
        roles.setdefault(department, []).append(role)

    def row(department: str, role: str, *more: str) -> tuple[str, ...]:
        said = (notes[lost[role]],) if role in lost else ()
        # shown escaped: `统计局\u034f` is not 统计局 (audit P D5)
        return (name_shown(department), name_shown(role), *more, *said)

    rows: list[tuple[str, ...]] = []
    for department in departments:
        if department in roles:
            rows += [row(department, role) for role in roles[department]]
        else:
            rows.append((name_shown(department), _("(no role yet)")))
    elsewhere = _("(no target in plan {plan})").format(plan=plan)
    for department in sorted(set(roles) - set(departments)):
        rows += [row(department, role, elsewhere) for role in roles[department]]
    granted = sum(
        1
        for department in departments
        if any(role not in lost for role in roles.get(department, ()))
    )
    header = ngettext(
        "plan {plan}, ledger {ledger}: departments and the roles that record for them; "
        "{granted} of its {n} departments has a role",
        "plan {plan}, ledger {ledger}: departments and the roles that record for them; "
        "{granted} of its {n} departments have a role",
        granted,  # "1 of its 3 departments has a role" (audit V D2)
    ).format(plan=plan, ledger=clip_path(ledger), granted=granted, n=len(departments))
    return GrantsListing(header, rows)


def spread_grants_warning(grants: int, plans: int) -> str | None:
    """The warning of a migration from schema version 1 whose database-wide grants were kept
    for more than one plan (schema_v2.sql): said by `ledger init`, and by the write of the
    ledger's owner that migrated (it changed what each grant allows as init does)."""
    if plans <= 1:
        return None
    return _(
        "warning: grants made before schema version 2 applied to every plan: each was "
        "kept for every plan whose owners name its department ({grants} grants in "
        "{plans} plans); check each plan's with plancli --plan PLAN ledger grants, and "
        "take away those not meant with ledger grant --revoke"
    ).format(grants=grants, plans=plans)


def owners_differ_warning(plan: str, differ: int) -> None:
    """An ordinary write by the ledger's owner, with a plan whose owners differ from the
    database's for `differ` targets: it changes none of them (only `ledger init` does), and
    says so once, after the command's own lines."""
    from plancli.notices import notice

    notice(
        ngettext(
            "warning: plan {plan} names other owners (牵头单位) than the database for {n} "
            "target; the database's stand: plancli ledger init pushes the plan's",
            "warning: plan {plan} names other owners (牵头单位) than the database for {n} "
            "targets; the database's stand: plancli ledger init pushes the plan's",
            differ,
        ).format(plan=plan, n=differ)
    )


def enforced_owners(location: LedgerLocation, targets: list[Target]) -> list[Target]:
    """The targets with the owners (牵头单位) a database ledger holds and enforces, not the
    plan file's (a department's older copy names the owner of last month): `show` and
    `targets` name who may record, as a refusal would. When the plan file names others,
    a warning says which, after the command's lines, as a write's does. A file ledger
    enforces none: its targets are the plan's."""
    held = database_owners(location)
    if held is None:
        return targets
    warn_owners_moved(location, targets, held)
    return [t._replace(owner=held.get(t.id)) for t in targets]


def database_owners(location: LedgerLocation) -> dict[str, str] | None:
    """A database ledger's owner (牵头单位) of each target that has one, as it enforces them;
    None for a file ledger, which enforces none."""
    if location.url is None:
        return None
    from plancli.stores.postgres import PostgresLedgerStore

    return PostgresLedgerStore(location).owners()


def warn_owners_moved(
    location: LedgerLocation, targets: Sequence[Owned], held: dict[str, str]
) -> None:
    """Warn, after the command's lines, of the targets whose owner in the plan file is not
    the database's (`show`, `targets`, `template` give the database's)."""
    from plancli.notices import notice

    moved = [t for t in targets if radical_free((t.owner or "").strip()) != held.get(t.id, "")]
    if moved:
        notice(
            ngettext(
                "warning: plan {plan} names other owners (牵头单位) than the database for {n} "
                "target ({changes}): shown are the database's, which it enforces",
                "warning: plan {plan} names other owners (牵头单位) than the database for {n} "
                "targets ({changes}): shown are the database's, which it enforces",
                len(moved),
            ).format(
                plan=location.plan_id,
                n=len(moved),
                changes=_file_and_database(moved, held),
            )
        )


def _file_and_database(moved: Sequence[Owned], held: dict[str, str]) -> str:
    """`g5 (plan 工信局, database 住建局) and 3 more`."""
    none = _("none")
    named = [
        _("{target} (plan {planned}, database {held})").format(
            target=t.id,
            planned=told_apart((t.owner or "").strip() or none),
            held=told_apart(held.get(t.id) or none),
        )
        for t in moved[:SHOWN_CHANGES]
    ]
    text = join_list(named)
    if len(moved) > SHOWN_CHANGES:
        text += _(" and {n} more").format(n=len(moved) - SHOWN_CHANGES)
    return text
