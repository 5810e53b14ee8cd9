"""`plancli import --skip-unknown`: the rows that name no target of the plan, left out and listed.

A bureau's 主要经济指标 table carries indicators the plan does not track (规模以上工业增加值,
进出口总额, 存贷款余额…). Without the option such a row is a bad row like any other, and the
refusal says the option exists (`unknown_hint`). With it, the rows whose target — an id, a
name or an alias, once `bulletin.resolve_rows` has mapped the names the plan knows — is no
target of the plan are left out before the checks, and listed, never silently: their row,
their text, and the targets closest to it, because a misspelt name is skipped too (城镇调查失业率
is another indicator than 城镇登记失业率, but 社会消费品零售额 is a slip for 社会消费品零售总额:
the listing shows what each resembles). Every other bad row — a figure, a period, a unit, a
name that fits two targets — still refuses the whole file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _, join_list, ngettext

if TYPE_CHECKING:
    from plancli.imports import ImportRow
    from plancli.output_writes import SkippedOut
    from plancli.plain import AnyPlan

MAX_SHOWN_SKIPPED = 20  # lines on stderr; `import --json` lists every row


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int
    target: str  # as the file gives it
    suggestions: tuple[tuple[str, str], ...]  # (id, as shown) of the closest targets

    def output(self) -> SkippedOut:
        """As `import --json` lists it."""
        from plancli.output_writes import SkippedOut

        return SkippedOut(
            row=self.row, target=self.target, suggestions=[i for i, _shown in self.suggestions]
        )


def unknown_rows(plan: AnyPlan, rows: Sequence[ImportRow], texts: Iterable[str]) -> list[ImportRow]:
    """The rows naming no target of the plan. `texts`: the distinct target texts of the file
    (the readers keep them); the rows are walked only when one of them names no target, so a
    million-row file of ids pays one lookup per distinct text."""
    # A blank target cell names no indicator: the row stays a bad row (the check says so).
    from plancli.plan import repeated_header

    unknown = {
        text
        for text in texts
        if text.strip() and plan.target(text.strip()) is None and not repeated_header(text)
    }
    if not unknown:
        return []
    # A row mapped by name holds its target's id now, so its text is no longer among these.
    return [row for row in rows if row.entry.target in unknown]


def without(rows: list[ImportRow], skipped: Sequence[ImportRow]) -> list[ImportRow]:
    """The rows but those skipped."""
    if not skipped:
        return rows
    left_out = {row.row for row in skipped}  # a file's rows are numbered once each
    return [row for row in rows if row.row not in left_out]


def skipped_rows(plan: AnyPlan, rows: Sequence[ImportRow]) -> list[SkippedRow]:
    """The rows left out, each with the targets closest to its text (worked out once a text)."""
    from plancli.plan import close_targets

    closest: dict[str, tuple[tuple[str, str], ...]] = {}
    found = []
    for row in rows:
        text = row.entry.target.strip()
        if text not in closest:
            closest[text] = tuple(close_targets(plan, text)) if text else ()
        found.append(SkippedRow(row.row, text, closest[text]))
    return found


def skipped_lines(plan: AnyPlan, name: str, skipped: Sequence[SkippedRow]) -> list[str]:
    """What `import` says on stderr of the rows it skipped: how many, then one line a row (a
    name close to a target's as a warning: it may be that target misspelt); none if none."""
    if not skipped:
        return []
    from plancli.safe import clip

    lines = [
        ngettext(
            "{file}: {n} row naming no target of plan {plan} skipped (--skip-unknown)",
            "{file}: {n} rows naming no target of plan {plan} skipped (--skip-unknown)",
            len(skipped),
        ).format(file=name, n=f"{len(skipped):,}", plan=plan.plan.id)
    ]
    for row in skipped[:MAX_SHOWN_SKIPPED]:
        shown = clip(row.target)  # a cell of 32,767 characters: its first 60
        if row.suggestions:
            message = _(
                "warning: {file}:{row}: {name} skipped, no target of the plan; did you mean "
                "{ids}? If it is that target, write its name or id and import again"
            )
            ids = join_list([close for _id, close in row.suggestions])
            lines.append(message.format(file=name, row=row.row, name=shown, ids=ids))
        else:
            message = _("skipped: {file}:{row}: {name}")
            lines.append(message.format(file=name, row=row.row, name=shown))
    if len(skipped) > MAX_SHOWN_SKIPPED:
        more = len(skipped) - MAX_SHOWN_SKIPPED
        lines.append(_("… and {n} more (import --json lists them all)").format(n=f"{more:,}"))
    return lines


def unknown_hint(plan: AnyPlan, refused: InputError, unknown: Sequence[ImportRow]) -> InputError:
    """The refusal of a file some of whose rows name no target, saying the option exists."""
    hint = ngettext(
        "hint: {n} of these rows names no target of plan {plan}: if it is an indicator the "
        "plan does not track, --skip-unknown leaves it out, listed, and imports the rest",
        "hint: {n} of these rows name no target of plan {plan}: if they are indicators the "
        "plan does not track, --skip-unknown leaves them out, listed, and imports the rest",
        len(unknown),
    ).format(n=f"{len(unknown):,}", plan=plan.plan.id)
    return InputError(f"{refused}\n{hint}")
