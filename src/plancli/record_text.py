"""What `record` and `import` say they did: core text, no typer (the CLI prints it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.fmt import fall_text, figure_text, stated, table_cell
from plancli.i18n import Lang, _, language, ngettext
from plancli.safe import clip_path

if TYPE_CHECKING:
    from plancli.imports import ImportResult
    from plancli.ledger import Change
    from plancli.plain import AnyPlan, AnyRecord, AnyTarget


def recorded_time(record_time: object) -> str:
    """When a figure was recorded, as the messages say it: `2022-07-05 08:00 UTC`."""
    return f"{record_time:%Y-%m-%d %H:%M} UTC"


def record_message(plan: AnyPlan, change: Change, ledger: str, dry_run: bool) -> str:
    lang = language()
    record = change.record
    target = plan.target(record.target)
    figure = figure_cell(record, target, lang)  # 下降3%, 5.3%, as the tables write them
    what = f"{record.target} {record.period} = {figure}"
    if change.unchanged:
        return _("{what} is already the figure in force; nothing written ({ledger})").format(
            what=what, ledger=clip_path(ledger)
        )
    if change.increment is not None:
        base = change.base
        increment = stated(change.increment)
        if base is not None:
            added = _("{period}'s {value} + {increment}").format(
                period=base.period, value=stated(base.value), increment=increment
            )
        else:
            added = _("0 at the start of the year + {increment}").format(increment=increment)
        what = _("{what} ({added})").format(what=what, added=added)  # zh: （…）
    previous = change.previous
    if previous is None:
        text = (
            _("would record {what}; nothing written to {ledger} (--dry-run)")
            if dry_run
            else _("recorded {what} in {ledger} (batch {batch})")
        )
        return text.format(what=what, ledger=clip_path(ledger), batch=record.batch)
    text = (
        _(
            "would record {what}; nothing written to {ledger} (--dry-run); would supersede "
            "{previous} recorded {time}"
        )
        if dry_run
        else _("recorded {what} in {ledger} (batch {batch}); supersedes {previous} recorded {time}")
    )
    return text.format(
        what=what,
        ledger=clip_path(ledger),
        batch=record.batch,
        previous=in_force_text(plan, previous, record),
        time=recorded_time(previous.recorded_at),
    )


def import_counts(result: ImportResult, file_rows: int | None = None) -> str:
    """`1 new, 0 revised, 0 unchanged of 1 row`, and the rows kept out, if any. `file_rows`:
    the file's rows where a row gives several figures (a series across the columns, 2 rows ×
    4 periods: `… of 8 figures in 2 rows`, session 39; it said `of 8 rows`)."""
    if file_rows is not None and file_rows != result.rows:
        counts = ngettext(
            "{new} new, {revised} revised, {unchanged} unchanged of {figures} figures in "
            "{rows} row",
            "{new} new, {revised} revised, {unchanged} unchanged of {figures} figures in "
            "{rows} rows",
            file_rows,
        ).format(
            new=result.new,
            revised=result.revised,
            unchanged=result.unchanged_count,
            figures=result.rows,
            rows=file_rows,
        )
    else:
        counts = ngettext(
            "{new} new, {revised} revised, {unchanged} unchanged of {rows} row",
            "{new} new, {revised} revised, {unchanged} unchanged of {rows} rows",
            result.rows,
        ).format(
            new=result.new,
            revised=result.revised,
            unchanged=result.unchanged_count,
            rows=result.rows,
        )
    if result.kept_count:
        # Named, as the others are, by what happened to the rows: each has its warning.
        counts += ngettext(", {kept} kept out", ", {kept} kept out", result.kept_count).format(
            kept=result.kept_count
        )
    return counts


def revision_texts(
    plan: AnyPlan, previous: AnyRecord | None, record: AnyRecord, lang: Lang
) -> tuple[str, str]:
    """(the figure in force, the new one) as an import's preview shows them: the figure in
    force named by its period where another period ending the same month holds it (2022-H1's
    5 % under a 2022-Q2 row), and the note or source where only they change (the figure, or
    the figure and its period), so the preview says why the row is a revision. ("", new)
    where nothing is in force. In Chinese each figure is a table's cell (`5.3%`, `4.5万吨`,
    `5.0%（总量700亿元）`), as status and gap write it beside `下降2.9%` (docs/chinese.md);
    the note or source after it stays as given."""
    target = plan.target(record.target)
    new = figure_cell(record, target, lang)
    if previous is None:
        return "", new
    now = figure_cell(previous, target, lang)
    if previous.period != record.period:  # the same figure under 2022-09 as 2022-Q3's: the
        # period changes, and the note or source with it, said as for the same period
        now = _("{period}'s {figure}").format(period=previous.period, figure=now)
    if (previous.value, previous.amount) == (record.value, record.amount):
        for label, was, given in (
            (_("; note: {text}"), previous.note, record.note),
            (_("; source: {text}"), previous.source, record.source),
        ):
            if was != given:
                now += label.format(text=was or "—")
                new += label.format(text=given or "—")
    return now, new


def figure_cell(record: AnyRecord, target: AnyTarget | None, lang: Lang) -> str:
    """A recorded figure with its unit as the ledger's tables and messages write it (the
    preview's, `record`'s line, a kept-out row's warning, the figure in force they name):
    `_stated`, in the tables' one typography (`table_cell`), as status and gap write it:
    `5.3%`, `4.5 万吨`, `5.0% (amount 700 亿元)`; in Chinese `5.3%`, `4.5万吨`,
    `5.0%（总量700亿元）` beside `下降2.9%`. Before session 42 the English preview wrote `5.3 %`
    beside status's `5.3%`, and `record` and a kept-out row's warning `5.3 %` (`文件中的 150
    个`) in both languages."""
    return table_cell(_stated(record, target, lang), lang)


def _stated(record: AnyRecord, target: AnyTarget | None, lang: Lang) -> str:
    """A figure as the preview shows it: a 下降 target's as the bulletin states it (`下降3.8%`,
    `增长3.8%`; `-3.8%`, `+3.8%`), as status and show do (docs/forms.md), never a bare `3.8 %`."""
    if target is not None and target.decline and record.amount is None:
        fall = fall_text(target, -record.value, lang)  # the recorded figure is the signed growth
        if fall is not None:
            return fall
    return figure_text(record.value, record.amount, target, lang)


def in_force_text(plan: AnyPlan, previous: AnyRecord, record: AnyRecord) -> str:
    """The figure in force a record supersedes, named by its period where it is another's."""
    lang = language()
    text = figure_cell(previous, plan.target(record.target), lang)
    if previous.period != record.period:
        return _("{period}'s {figure}").format(period=previous.period, figure=text)
    return text


def dropped_amount(plan: AnyPlan, previous: AnyRecord | None, record: AnyRecord) -> list[str]:
    """The warning when a figure without an amount supersedes one with it (2022-Q2 = 5.2
    after 2022-H1 = 5 % with 700 亿元): the amount drops out of force, and what needs it
    (the growth the rest of the year needs) goes with it."""
    if previous is None or previous.amount is None or record.amount is not None:
        return []
    target = plan.target(record.target)
    unit = f" {target.unit}" if target is not None else ""
    amount = table_cell(f"{stated(previous.amount)}{unit}", language())  # 701亿元; 701 亿元
    return [
        _(
            "{target} {period} has no amount: {previous}'s amount {amount} is no longer in "
            "force (give it with the figure to keep it)"
        ).format(
            target=record.target,
            period=record.period,
            previous=previous.period,
            amount=amount,
        )
    ]


def pending_note(plan: AnyPlan, record: AnyRecord, amended: bool) -> str | None:
    """The note of a figure recorded for a target whose bound is still to come (`pending`, no
    amendment has given it: 完成国家下达目标), or None: recorded, as a figure of it is
    legitimate, shown but never judged, and not setting the dashboard's as-of
    (`RecordIndex.default_as_of`); the bound itself (the national allocation, 下降3%) is given
    by `plancli amend`, which a new user may not know of (audit N D7)."""
    target = plan.target(record.target)
    if target is None or not target.pending or amended:
        return None
    if target.decline:  # its bound is the size of the fall: --max alone is refused (audit S D1)
        return _(
            "{target} awaits its bound (pending: the plan leaves it to come, e.g. a national "
            "allocation): its figures are shown, never judged, and do not set the dashboard's "
            "as-of; when the bound comes, give the fall with `plancli amend {target} --from "
            "PERIOD --min X` (下降X%以上; or --around), not as a figure"
        ).format(target=target.id)
    return _(
        "{target} awaits its bound (pending: the plan leaves it to come, e.g. a national "
        "allocation): its figures are shown, never judged, and do not set the dashboard's "
        "as-of; when the bound comes, give it with `plancli amend {target} --from PERIOD "
        "--min X` (or --max, --around), not as a figure"
    ).format(target=target.id)
