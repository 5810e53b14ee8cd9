"""Why a department's write or undo is refused, in one line (issue 13): the statements that
find it, run before the insert or the delete (the policies and `plancli.undo_batch` refuse
anyway, without saying which row), and the messages."""

from __future__ import annotations

from typing import Any

from plancli.errors import TargetRefusedError
from plancli.i18n import _, join_list, ngettext, tight
from plancli.radicals import told_apart
from plancli.stores.postgres.connection import DepartmentRefusedError

# The departments current_user records for in plan %(plan)s, separated by U+001F.
_MINE = """(SELECT string_agg(DISTINCT d.department, E'\\x1f')
     FROM plancli.department_role d JOIN pg_catalog.pg_roles r ON r.rolname = d.role
     WHERE d.plan_id = %(plan)s AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))"""

# Where current_user records in other plans than %(plan)s: department, plan and the granted
# role it is a member of, separated by U+001E, each by U+001F (audit V D6).
_ELSEWHERE = """(SELECT string_agg(DISTINCT d.department || E'\\x1e' || d.plan_id || E'\\x1e'
        || d.role, E'\\x1f')
     FROM plancli.department_role d JOIN pg_catalog.pg_roles r ON r.rolname = d.role
     WHERE d.plan_id <> %(plan)s AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))"""

# Of `targets` (in batch order), the first this role may not write, its owner, how many are
# refused, the departments the role records for in the plan, and the role: current_user, the
# one a row's recorded_by names (a pooler's `SET ROLE gongxin`, not its login role).
REFUSED = f"""
SELECT t.target, o.department, count(*) OVER (), {_MINE}, current_user::text, {_ELSEWHERE}
FROM unnest(%(targets)s::text[]) WITH ORDINALITY AS t(target, n)
LEFT JOIN plancli.target_owner o ON o.plan_id = %(plan)s AND o.target = t.target
WHERE NOT plancli.may_write(%(plan)s, t.target)
ORDER BY t.n LIMIT 1
"""


class TargetNotOwnedError(DepartmentRefusedError, TargetRefusedError):
    """A batch refused for a target this role's departments do not own, `target` (an import
    names the row that wrote it)."""


def moving_refusal(batch_id: str) -> DepartmentRefusedError:
    """A department's undo of a batch written before a later amendment, whose place in
    ledger order only the ledger's owner may change (no policy lets a department update)."""
    return DepartmentRefusedError(
        _(
            "refused: batch {batch} was recorded before a mid-year adjustment written "
            "after it, whose place in the ledger reverting it would move; only the "
            "ledger's owner may do that; nothing was reverted"
        ).format(batch=batch_id)
    )


def refusal(
    row: tuple[Any, ...], plan_id: str, *, undoing: bool = False, converting: bool = False
) -> DepartmentRefusedError:
    """The refusal of a batch for `REFUSED`'s row: the first target refused, its owner, how
    many are refused, and the departments the role records for (a write's and a dry run's;
    `undoing`: an undo's, which reverts nothing; `converting`: a convert's, which copies
    nothing)."""
    target, owner, count, departments, user, *rest = row
    elsewhere = rest[0] if rest else None  # `_ELSEWHERE`: where it records in other plans
    more = (
        ngettext(
            "; {n} more target of this batch is refused too",
            "; {n} more targets of this batch are refused too",
            count - 1,
        ).format(n=count - 1)
        if count > 1
        else ""
    )
    mine = _mine(user, departments, plan_id, elsewhere, owner)
    if owner is None:
        whose = _(
            "{target} has no owner (牵头单位) in the database for plan {plan} (the "
            "ledger's owner sets them: plancli ledger init)"
        ).format(target=target, plan=plan_id)
    else:
        owned = _("{target} is owned by {owner} (牵头单位)")  # a PDF's radical said: ⼯信局
        whose = owned.format(target=target, owner=told_apart(owner))
    if undoing:
        message = _("refused: {whose}{more}; {mine}; nothing was reverted")
    elif converting:  # `ledger convert` writes no batch: it replaces the plan's records
        message = _(
            "refused: {whose}{more}; {mine}; nothing was copied: the plan's records in the "
            "database are as they were"
        )
    else:
        message = _("refused: {whose}{more}; {mine}; nothing of this batch was written")
    return TargetNotOwnedError(message.format(whose=whose, more=more, mine=mine), target)


# Of batch %(batch)s, a writer not of the departments current_user records for (a department's
# undo reverts only batches its own roles wrote: `plancli.foreign_writer`): its name ('' for
# rows copied from a file, which name no writer), the departments it records for in the plan,
# whether it is the ledger's owner, current_user's departments and current_user, where it
# records in other plans, whether the writer's role is gone (dropped) and the ledger's owner.
# No row: none.
UNDO_REFUSED = f"""
SELECT w.writer,
    (SELECT string_agg(DISTINCT d.department, E'\\x1f')
     FROM plancli.department_role d JOIN pg_catalog.pg_roles r ON r.rolname = d.role
     JOIN pg_catalog.pg_roles wr ON wr.rolname = w.writer
     WHERE d.plan_id = %(plan)s AND NOT wr.rolsuper
       AND pg_catalog.pg_has_role(wr.oid, r.oid, 'MEMBER')),
    w.writer = (SELECT pg_catalog.pg_get_userbyid(n.nspowner) FROM pg_catalog.pg_namespace n
                WHERE n.nspname = 'plancli'),
    {_MINE}, current_user::text, {_ELSEWHERE},
    NOT EXISTS (SELECT FROM pg_catalog.pg_roles gone WHERE gone.rolname = w.writer),
    (SELECT pg_catalog.pg_get_userbyid(n.nspowner) FROM pg_catalog.pg_namespace n
     WHERE n.nspname = 'plancli')
FROM (SELECT plancli.foreign_writer(%(plan)s, %(batch)s, current_user::text) AS writer) AS w
WHERE w.writer IS NOT NULL
"""


def _mine(
    user: str,
    departments: str | None,
    plan: str,
    elsewhere: str | None = None,
    owner: str | None = None,
) -> str:
    """`alice records for 统计局`, or that she records for none in this plan: where she does
    in others (through which group role), and the grant of a department's role to ask for,
    never one of her login role (the page's model: a group role per department, audit V D6)."""
    if departments:
        return _("{user} records for {departments}").format(
            user=user, departments=join_list(map(told_apart, departments.split("\x1f")))
        )
    found = [tuple(each.split("\x1e")) for each in (elsewhere or "").split("\x1f") if each]
    if not found:
        return _(
            "{user} records for no department in plan {plan}; the ledger's owner grants its "
            "department's role: plancli ledger grant DEPARTMENT ROLE"
        ).format(user=user, plan=plan)
    found.sort(key=lambda each: (each[0] != owner, each))  # the refused target's first
    where = join_list(
        _("{department} in plan {plan} through {role}").format(
            department=told_apart(department), plan=other, role=role
        )
        for department, other, role in found[:3]
    )
    department, _other, role = found[0]
    return _(
        "{user} records for no department in plan {plan} (it records for {where}); the "
        "ledger's owner grants its department's role: plancli ledger grant {department} {role}"
    ).format(user=user, plan=plan, where=where, department=department, role=role)


def undo_refusal(row: tuple[Any, ...], batch: str, plan: str) -> DepartmentRefusedError:
    """The refusal of a department's undo of a batch `UNDO_REFUSED`'s row names the writer of:
    the ledger's owner's, another department's, or rows copied from a file."""
    writer, theirs, is_owner, mine, user, elsewhere, gone, owner = row
    if writer and gone in (True, "t"):  # a departed colleague's role, dropped (audit V D11)
        message = _(
            "refused: batch {batch} was written by {writer}, a role that no longer exists "
            "(dropped), so of no department now: only the ledger's owner, role {owner}, may "
            "undo it; {mine}; nothing was reverted"
        )
        return DepartmentRefusedError(
            message.format(
                batch=batch, writer=writer, owner=owner, mine=_mine(user, mine, plan, elsewhere)
            )
        )
    if not writer:
        message = _(
            "refused: batch {batch} was written by no one on record (rows copied from a ledger "
            "file); a department undoes only the batches its own roles wrote; {mine}; nothing "
            "was reverted"
        )
        return DepartmentRefusedError(
            message.format(batch=batch, mine=_mine(user, mine, plan, elsewhere))
        )
    if is_owner:
        who = _("{writer}, the ledger's owner").format(writer=writer)
    elif theirs:
        who = _("{writer} for {departments}").format(
            writer=writer, departments=join_list(theirs.split("\x1f"))
        )
    else:
        who = writer
    message = _(
        "refused: batch {batch} was written by {who}; a department undoes only the batches "
        "its own roles wrote; {mine}; nothing was reverted"
    )
    # `由 bob（代 工信局）录入`: no space beside the full-width bracket in Chinese
    return DepartmentRefusedError(
        tight(message.format(batch=batch, who=who, mine=_mine(user, mine, plan, elsewhere)))
    )
