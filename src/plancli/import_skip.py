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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plancli.errors import InputError
from plancli.i18n import _, join_list, ngettext
from plancli.safe import clip_path

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


def names_no_target(load: Callable[[], AnyPlan]) -> Callable[[str], bool]:
    """Whether a target text names no target of the plan once `bulletin.resolve_rows` has mapped
    it (an id, a name, an alias, a name with its unit or a qualifier in brackets; a 合计 row and
    a blank cell are not such rows): the readers keep the first `Problems.KEEP` such rows and
    count the rest (audit S D7: 300,000 unknown rows held 200 MB). The plan is loaded at the
    first row; a plan that cannot be loaded filters nothing, and is refused where it is
    checked."""
    from plancli.bulletin_blanks import TOTAL_ROWS
    from plancli.bulletin_layout import name_with_qualifier, name_with_unit
    from plancli.bulletin_names import name_key, names_index, target_id
    from plancli.errors import PlanError

    loaded: list[AnyPlan | None] = []
    index: list[dict[str, list[str]]] = []

    def no_target(text: str) -> bool:
        if not loaded:
            try:
                loaded.append(load())
            except (PlanError, OSError):
                loaded.append(None)
        plan = loaded[0]
        name = text.strip()
        if plan is None or not name or plan.target(name) is not None:
            return False
        if name_key(text) in TOTAL_ROWS:
            return False
        if not index:
            index.append(names_index(plan))
        try:
            found = target_id(plan, text, index[0]) or name_with_unit(plan, text, index[0])
            found = found or name_with_qualifier(plan, text, index[0])  # （同口径）
        except InputError:  # a name of two targets: a bad row the check names
            return False
        return found is None

    return no_target


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


def skipped_lines(
    plan: AnyPlan, name: str, skipped: Sequence[SkippedRow], more: int = 0
) -> list[str]:
    """What `import` says on stderr of the rows it skipped: how many, then one line a row (a
    name close to a target's as a warning: it may be that target misspelt); none if none.
    `more`: rows skipped past those kept, counted only."""
    if not skipped:
        return []
    count = len(skipped) + more
    from plancli.safe import clip

    lines = [
        ngettext(
            "{file}: {n} row naming no target of plan {plan} skipped (--skip-unknown)",
            "{file}: {n} rows naming no target of plan {plan} skipped (--skip-unknown)",
            count,
        ).format(file=clip_path(name), n=f"{count:,}", plan=plan.plan.id)
    ]
    for row in skipped[:MAX_SHOWN_SKIPPED]:
        shown = clip(row.target)  # a cell of 32,767 characters: its first 60
        if row.suggestions:
            message = _(
                "warning: {file}:{row}: {name} skipped, no target of the plan; did you mean "
                "{ids}? If it is that target, write its name or id and import again"
            )
            ids = join_list([close for _id, close in row.suggestions])
            lines.append(message.format(file=clip_path(name), row=row.row, name=shown, ids=ids))
        else:
            message = _("skipped: {file}:{row}: {name}")
            lines.append(message.format(file=clip_path(name), row=row.row, name=shown))
    if count > MAX_SHOWN_SKIPPED:
        rest = count - MAX_SHOWN_SKIPPED
        lines.append(_("… and {n} more (import --json lists them all)").format(n=f"{rest:,}"))
    return lines


def unknown_hint(
    plan: AnyPlan, refused: InputError, unknown: Sequence[ImportRow], more: int = 0
) -> InputError:
    """The refusal of a file some of whose rows name no target, saying the option exists
    (`more`: such rows past those kept, counted only). An id close to a target's
    (`budget_revenu`: did you mean budget_revenue?) is a misspelt target, not an indicator the
    plan does not track: --skip-unknown would drop its figure, so it is not offered for it;
    without other rows, no hint (session 30 walk F11). A name close to one (城镇调查失业率 beside
    城镇登记失业率) may be another indicator: still offered."""
    found = skipped_rows(plan, unknown)
    near = [row for row in found if row.suggestions and row.target.isascii()]
    untracked = [row for row in unknown if row.row not in {n.row for n in near}]
    if not untracked and not more:
        return refused
    alias = alias_hint(plan, found)
    hint = ngettext(
        "hint: {n} of these rows names no target of plan {plan}: if it is an indicator the "
        "plan does not track, --skip-unknown leaves it out, listed, and imports the rest",
        "hint: {n} of these rows name no target of plan {plan}: if they are indicators the "
        "plan does not track, --skip-unknown leaves them out, listed, and imports the rest",
        len(untracked) + more,
    ).format(n=f"{len(untracked) + more:,}", plan=plan.plan.id)
    return InputError(f"{refused}\n{hint}" + (f"\n{alias}" if alias else ""))


def alias_hint(plan: AnyPlan, found: Sequence[SkippedRow]) -> str | None:
    """What to do where a bulletin names a target otherwise (罗湖区's 一般公共预算收入 for the
    draft's 地方一般公共预算收入, session 43 walk11): the alias that reads the row as it comes,
    each month. Only for the first Chinese name close to exactly one target, the one name
    holding the other whole (a place's word added: 地方…); 城镇调查失业率 beside 城镇登记失业率
    is another statistic, never offered as its alias. The line to paste holds the name as TOML
    writes it (`toml_string`): a bulletin's `"` or `\\` gave a line that broke the plan; a name
    past `NAME_CHARS`, which a message cuts, gets no hint: a cut alias would name nothing."""
    from plancli.safe import NAME_CHARS, clip

    for row in found:
        if row.target.isascii() or len(row.suggestions) != 1 or len(row.target) > NAME_CHARS:
            continue
        target_id = row.suggestions[0][0]
        name = next(t.name for t in plan.targets if t.id == target_id)
        if row.target not in name and name not in row.target:
            continue  # another statistic, close in its characters (城镇调查 vs 城镇登记失业率)
        return _(
            "hint: if {name} is the bulletin's name of {target} ({id}), add it to that "
            "target's aliases in the plan (aliases = [{alias}]) and import again: each "
            "month's bulletin is then read as it comes"
        ).format(
            name=clip(row.target), target=clip(name), id=target_id, alias=toml_string(row.target)
        )
    return None


def toml_string(text: str) -> str:
    """`text` as a TOML basic string on one line that a terminal shows as it is: as tomli-w
    writes it (`"`, `\\` and the C0 controls escaped), then DEL, the C1 and format characters
    as `\\u` escapes (`toml_text`) and a tab as `\\t`: pasted into a plan, it reads `text`
    back exactly."""
    import tomli_w

    from plancli.safe import toml_text

    return toml_text(tomli_w.dumps({"n": text})[4:].rstrip("\n")).replace("\t", "\\t")
