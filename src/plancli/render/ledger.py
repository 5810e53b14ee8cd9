"""Rich renderers of the ledger: history, what `undo` will revert, what an import would change."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from plancli.fmt import bound_text, fall_text, figure_text, stated, table_cell
from plancli.history import AmendmentRevision, Revision, due_text
from plancli.history import amendment_bound_text as amended
from plancli.i18n import Lang
from plancli.milestone_due import planned_due
from plancli.render import shown, target_name, zh_bound
from plancli.render.amended import listed_from
from plancli.render.fitted import FittedTable
from plancli.render.kept_words import ids_fit, words_kept
from plancli.render.runs import NoteText, clause_lines, note_text
from plancli.render.widths import Column, id_column

if TYPE_CHECKING:  # `history` and `show` render plain data and import no models (issue 15)
    from decimal import Decimal

    from plancli.imports import ImportResult
    from plancli.model import Plan
    from plancli.plain import AnyAmendment, AnyPlan, AnyRecord, AnyTarget
    from plancli.undo import UndoPlan

_ZH = {
    "target": "目标",
    "period": "期间",
    "value": "数值",
    "amount": "总量",
    "recorded (UTC)": "记录时间（UTC）",
    "recorded\n{year} (UTC)": "{year}年录入\n（UTC）",
    "recorded by": "录入人",
    "batch": "批次",
    "note": "备注",
    "row": "行",
    "now": "现值",
    "new": "新值",
    "to revert": "撤销",
    "in force after undo": "撤销后生效",
    "in force": "* 现行数值；批次：编号末尾",
    "; unmarked {years}: not the plan's year ({year})": (
        "；{years}年数据无 *：非本计划年度（{year}年）"
    ),
    "from": "起始期",
    "bound": "调整后目标",
    "amendment to revert": "撤销的调整",
    "bound after undo": "撤销后目标",
    "plan": "计划",
    "amendments": "年中调整",
    # In words, not in grey: a pipe, NO_COLOR and a printout have no colour
    "amendments in force": "* 现行，自起始期起适用；无 * 者已被后来的调整取代",
    "superseded": "已被取代",
    "not applied: outside the plan year": "未适用：不在计划年度内",
    "superseded by its parts' sum": "已被取代：以各构成合计为准",
    "batch {batch},": "批次 {batch}，",
    "recorded {time} UTC": "录入于 {time} UTC",
    "{bound} ({source})": "{bound}（{source}）",
    "{figure} (unchanged)": "{figure}（不变）",
    "{period}'s {figure}": "{period} 的 {figure}",
    "unchanged: a later batch had already superseded it": "不变：已被后来的批次取代",
    "unchanged: a later adjustment had already superseded it": "不变：已被后来的调整取代",
}


_EN_CAPTION = "* in force; batch: end of its id"
_EN = {
    "in force": _EN_CAPTION,
    "amendments": "mid-year adjustments (年中调整)",
    "amendments in force": "* in force from its period on; unmarked: superseded by a later one",
}
_BATCH_ID = re.compile(r"^\d{8}T\d{6}Z-([0-9a-f]{6})$")


def _w(text: str, lang: Lang) -> str:
    if lang == "zh":
        return _ZH.get(text, text)
    return _EN.get(text, text)


def recorded_text(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _note(record: AnyRecord) -> str:
    # (`更正 (区工信局)` in Chinese too: the space is where a narrow note column wraps;
    # `上半年（区统计局）` broke inside the source at 80 columns, tests/test_narrow.py)
    parts = [record.note or "", f"({record.source})" if record.source else ""]
    return " ".join(p for p in parts if p)


def batch_label(batch: str) -> str:
    """plancli's batch ids start with the time already shown beside them: keep the suffix."""
    match = _BATCH_ID.match(batch)
    return match.group(1) if match else batch


def recorded_figure(value: Decimal, target: AnyTarget | None, lang: Lang) -> str:
    """A recorded figure with its unit, in the tables' one typography (`table_cell`, as
    `record_text.figure_cell`: `5.3%`, `40 个`; in Chinese `5.3%`, `40个`); a decline's in
    Chinese as the bulletin writes it (`下降3%`, never `-3 %`: forms.md), the record being the
    signed growth (-3). Before session 42 `history` and `undo` wrote `5.3 %` in English (and
    `undo` in Chinese too)."""
    if lang == "zh" and target is not None and target.decline:
        text = fall_text(target, -value, lang) or figure_text(value, None, target)
    else:
        text = figure_text(value, None, target)
    return table_cell(text, lang)


def history_table(
    plan: AnyPlan,
    revisions: Sequence[Revision[Any]],
    ledger: str,
    lang: Lang,
    target_id: str | None = None,
) -> FittedTable:
    """Every revision, oldest first; `*` marks the figure in force for its target and period.

    Amount, writer (a database ledger's `recorded_by`, 录入人) and note columns appear only
    when some record has one, and the target column only when the history is of several
    targets, to keep 80 columns readable. The target's id is never folded: when the terminal
    is too narrow, the time recorded is left out, then the note, then the writer (who entered
    a figure of a shared ledger is read before its note), then the batch, which `undo
    --batch` needs (`history ID` and `--json` have them). At 80 columns a 31-character id
    beside an amount leaves no room for the writer (audit V D4: the page says so)."""
    with_amount = any(rev.record.amount is not None for rev in revisions)
    with_note = any(rev.record.note or rev.record.source or rev.set_aside for rev in revisions)
    title = shown(ledger)
    if target_id is not None:
        target = plan.target(target_id)
        name = "" if target is None else f" {target_name(target, lang)}"
        title = Text("\n").join([shown(f"{target_id}{name}"), shown(ledger)])
    records = [rev.record for rev in revisions]
    figure = {"justify": "right", "no_wrap": True}
    columns = [Column("", [Text("*" if rev.current else "") for rev in revisions], 0, {"width": 1})]
    if target_id is None:
        columns.append(id_column(_w("target", lang), [r.target for r in records]))
    columns += [
        Column(_w("period", lang), [shown(r.period) for r in records], 0, {"no_wrap": True}),
        Column(
            _w("value", lang),
            [shown(recorded_figure(r.value, plan.target(r.target), lang)) for r in records],
            0,
            figure,
        ),
    ]
    if with_amount:
        columns.append(_amount_column(plan, records, lang))
    columns += [
        _recorded_column(records, lang),
        # Who recorded each figure, where the ledger keeps it (a database's current_user): a
        # column only when some record has one, so a file ledger's table is as it was.
        Column(
            _w("recorded by", lang),
            [shown(r.recorded_by or "") for r in records],
            2,
            {"no_wrap": True},
        ),
        Column(
            _w("batch", lang), [shown(batch_label(r.batch)) for r in records], 1, {"no_wrap": True}
        ),
    ]
    if with_note:  # a note may span lines
        notes = [
            note_text(
                shown(
                    _set_aside(_note(rev.record), lang) if rev.set_aside else _note(rev.record),
                    newlines=True,
                )
            )
            for rev in revisions
        ]
        columns.append(_note_column(_w("note", lang), notes))
    return FittedTable(
        columns,
        row_styles=[None if rev.current else "dim" for rev in revisions],
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        # two cells between columns, not three: at 80 columns a note `(区统计局)` on one line
        collapse_padding=True,
        padding=(0, 1),
        title=title,
        caption=shown(_w("in force", lang) + _other_years(plan, records, lang)),
    )


# A longer phrase may break in a note column: 16 cells hold `(区发展和改革局)`
NOTE_PHRASE = 16


def _note_column(header: str, notes: list[NoteText]) -> Column:
    """The notes, a column that folds (8 cells kept for it); beside ids that leave it less than
    its widest phrase, up to `NOTE_PHRASE` (`(区工信局)`, `协议已签订，`), the rows are cards,
    whose note has the line's room. At 100 columns, beside a 35-character
    id and the time recorded, the notes got 8 cells: `上半年累` over `计 (区工` over `信局)`,
    three lines a record where the cards of 99 columns had two (session 31). Where the table
    fits without them, the notes are listed under it, keyed by row (`keyed_notes`)."""
    phrase = min(NOTE_PHRASE, max((note.phrase_width() for note in notes), default=0))
    return Column(header, list(notes), 3, {"overflow": "fold"}, room=8, phrase=phrase, keyed=True)


def _recorded_column(records: Sequence[AnyRecord | AnyAmendment], lang: Lang) -> Column:
    """When each figure (or amendment) was recorded; when all in one year, that year in the
    header and each time without it (`12-03 11:31` under `recorded` / `2026 (UTC)`): five cells
    narrower, so that beside a 35-character id a record is one line from 96 columns, not 101
    (session 31)."""
    years = {r.recorded_at.year for r in records}
    if len(years) != 1:
        times = [recorded_text(r.recorded_at) for r in records]
        return Column(_w("recorded (UTC)", lang), [shown(t) for t in times], 4, {"no_wrap": True})
    [year] = years
    header = _w("recorded\n{year} (UTC)", lang).format(year=year)
    times = [f"{r.recorded_at:%m-%d %H:%M}" for r in records]
    return Column(header, [Text(t) for t in times], 4, {"no_wrap": True})


def _other_years(plan: AnyPlan, records: Sequence[Any], lang: Lang) -> str:
    """The caption's word on figures of years other than the plan's (`history`: not `*`)."""
    year = plan.plan.year
    years = sorted({r.period[:4] for r in records if not r.period.startswith(str(year))})
    if not years:
        return ""
    words = _w("; unmarked {years}: not the plan's year ({year})", lang)
    return words.format(years=("、" if lang == "zh" else ", ").join(years), year=year)


def amendments_table(
    plan: AnyPlan,
    revisions: Sequence[AmendmentRevision[Any]],
    lang: Lang,
    target_id: str | None = None,
) -> FittedTable:
    """Mid-year adjustments, oldest first: from which period, the bound, the note, when, by whom
    (a database ledger's `recorded_by`) and in which batch; `*` marks those still in force from
    their period on. The id is never folded (history's rule: the time recorded, the writer, the
    note, then the batch make room)."""
    with_note = any(rev.amendment.note or not rev.current for rev in revisions)
    amendments = [rev.amendment for rev in revisions]
    columns = [Column("", [Text("*" if rev.current else "") for rev in revisions], 0, {"width": 1})]
    if target_id is None:
        columns.append(id_column(_w("target", lang), [a.target for a in amendments]))
    bounds = [shown(zh_bound(amended(plan.target(a.target), a, lang), lang)) for a in amendments]
    froms = [Text(listed_from(a.period)) for a in amendments]  # 2022-12 for a bare 2022
    columns += [
        Column(_w("from", lang), froms, 0, {"no_wrap": True}),
        Column(_w("bound", lang), bounds, 0, {"justify": "right", "no_wrap": True}),
        _recorded_column(amendments, lang),  # `12-03 11:31` under `2026 (UTC)`, as history's
        # Who adjusted or dropped the target (a database's current_user), as for figures.
        Column(
            _w("recorded by", lang),
            [shown(a.recorded_by or "") for a in amendments],
            3,
            {"no_wrap": True},
        ),
        Column(
            _w("batch", lang),
            [shown(batch_label(a.batch)) for a in amendments],
            1,
            {"no_wrap": True},
        ),
    ]
    if with_note:
        # a superseded adjustment says so in words (its grey is lost off a terminal)
        notes = [
            note_text(
                shown(
                    rev.amendment.note
                    if rev.current
                    else _superseded(rev.amendment.note, lang, _outside(rev.amendment, plan)),
                    newlines=True,
                )
            )
            for rev in revisions
        ]
        columns.append(_note_column(_w("note", lang), notes))
    return FittedTable(
        columns,
        row_styles=[None if rev.current else "dim" for rev in revisions],
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        # two cells between columns, not three: at 80 columns a note `(区统计局)` on one line
        collapse_padding=True,
        padding=(0, 1),
        title=Text(_w("amendments", lang)),
        caption=clause_lines(_w("amendments in force", lang)),
    )


def _amount_column(plan: AnyPlan, records: Sequence[AnyRecord], lang: Lang) -> Column:
    """The amounts (累计值), their unit under the header when they share one (`总量` over
    `亿元`: a unit in each cell pushed the notes to wrap at 80 columns), else beside each
    (`338.6 亿元`, `27650 元`; in zh together, `338.6亿元`, as the figure column)."""
    units = {
        (target.unit.strip() if (target := plan.target(r.target)) is not None else "")
        for r in records
        if r.amount is not None
    }
    figure = {"justify": "right", "no_wrap": True}
    header = _w("amount", lang)
    if len(units) == 1:
        [unit] = units
        if unit:
            header += f"\n{unit}"  # no brackets: as narrow as the figures (`120.3`)
        return Column(header, [Text(stated(r.amount)) for r in records], 0, figure)
    cells = []
    for r in records:
        target = plan.target(r.target)
        unit = ("" if lang == "zh" else " ") + (target.unit.strip() if target is not None else "")
        cells.append(shown(f"{stated(r.amount)}{unit}".strip() if r.amount is not None else ""))
    return Column(header, cells, 0, figure)


def _set_aside(note: str, lang: Lang) -> str:
    """A roll-up's own figure set aside for its parts' later sum (`show`: 已被取代：各构成均有
    更新的数据，以其合计为准), before its note: `已被取代：以各构成合计为准；…`."""
    word = _w("superseded by its parts' sum", lang)
    return f"{word}{'；' if lang == 'zh' else '; '}{note}" if note else word


def _outside(amendment: Any, plan: AnyPlan) -> bool:
    """An amendment for a period outside the plan year: never applied (audit F D10)."""
    return not amendment.period.startswith(f"{plan.plan.year}-")


def _superseded(note: str | None, lang: Lang, outside: bool = False) -> str:
    """A superseded adjustment's note: `已被取代；第一次`, `superseded; first`; one outside the
    plan year, not applied: `not applied: outside the plan year; first`."""
    word = _w("not applied: outside the plan year" if outside else "superseded", lang)
    return f"{word}{'；' if lang == 'zh' else '; '}{note}" if note else word


def undo_table(plan: Plan, undo: UndoPlan, lang: Lang) -> RenderableType:
    """The records of the batch to revert, and the figure in force for each afterwards; or
    the amendment to revert, and the bound in force from its period on afterwards."""
    header = _Header(
        _w("batch {batch},", lang).format(batch=undo.batch),
        _w("recorded {time} UTC", lang).format(time=recorded_text(undo.recorded_at)),
    )
    if not undo.steps:
        return Group(header, _undo_amendments_table(plan, undo, lang))
    table = _AtWidth(lambda width: _undo_records_table(plan, undo, lang, width))
    if undo.amendment_steps:
        return Group(header, table, _undo_amendments_table(plan, undo, lang))
    return Group(header, table)


class _Header:
    """`batch …, recorded 2026-12-02 00:42 UTC` above the tables, at the console's width (a
    table's title wrapped at the table's, inside the timestamp): on one line, or on two at
    the comma, each folded only where the console is narrower than it."""

    def __init__(self, batch: str, time: str) -> None:
        self.batch, self.time = batch, time

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        whole = f"{self.batch}{'' if self.batch.endswith('，') else ' '}{self.time}"
        parts = [whole] if cell_len(whole) <= options.max_width else [self.batch, self.time]
        for part in parts:  # a batch id from a file, control characters escaped
            text = shown(part, "table.title")
            text.no_wrap, text.overflow = True, "fold"
            yield text


def _undo_amendments_table(plan: Plan, undo: UndoPlan, lang: Lang) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(_w("target", lang), style="cyan", overflow="fold")
    table.add_column(_w("from", lang), no_wrap=True)
    table.add_column(_w("amendment to revert", lang), justify="right")
    table.add_column(_w("bound after undo", lang), justify="right")
    for step in undo.amendment_steps:
        amendment, restored = step.amendment, step.restored
        target = plan.target(amendment.target)
        if restored is not None:
            after = _w("{bound} ({source})", lang).format(
                bound=zh_bound(amended(target, restored, lang), lang), source=restored.period
            )
        elif target is not None and target.kind == "milestone" and not amendment.drops:
            after = _w("{bound} ({source})", lang).format(  # its due, the plan's (amend --due)
                bound=due_text(planned_due(target.due, plan.plan.year), lang),
                source=_w("plan", lang),
            )
        elif target is not None:
            after = _w("{bound} ({source})", lang).format(
                bound=zh_bound(bound_text(target, None, lang), lang), source=_w("plan", lang)
            )
        else:
            after = "—"
        if not step.in_force:
            after = _w("{figure} (unchanged)", lang).format(figure=after)
        table.add_row(
            shown(amendment.target),
            amendment.period,
            shown(zh_bound(amended(target, amendment, lang), lang)),
            shown(after),
        )
    if not all(step.in_force for step in undo.amendment_steps):
        table.caption = _w("unchanged: a later adjustment had already superseded it", lang)
    return table


def _undo_records_table(plan: Plan, undo: UndoPlan, lang: Lang, width: int) -> Table:
    with_amount = any(r.amount is not None for r in undo.records)
    rows: list[list[Text]] = []
    for step in undo.steps:
        record, restored = step.record, step.restored
        target = plan.target(record.target)
        cells = [shown(record.target), shown(record.period)]
        cells.append(shown(recorded_figure(record.value, target, lang)))
        if with_amount:  # in the target's unit, as the figures beside it are: 330.8 亿元
            unit = f" {target.unit}" if target is not None and record.amount is not None else ""
            cells.append(shown(table_cell(f"{stated(record.amount)}{unit}", lang)))  # 330.8亿元
        after = recorded_figure(restored.value, target, lang) if restored else "—"
        if restored is not None and restored.period != record.period:  # same month: 2022-Q2
            after = _w("{period}'s {figure}", lang).format(period=restored.period, figure=after)
        if not step.in_force:  # a later batch's figure, which stays in force
            after = _w("{figure} (unchanged)", lang).format(figure=after)
        cells.append(shown(after))
        rows.append(cells)
    words = ["target", "period", "to revert", *(["amount"] if with_amount else [])]
    headers = [_w(word, lang) for word in (*words, "in force after undo")]
    # The id is never folded while the figures' headers can wrap beside it (on a narrow
    # terminal it folds rather than crop a figure).
    columns = [(h, [row[i] for row in rows], i > 1) for i, h in enumerate(headers)]
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column(headers[0], style="cyan", no_wrap=ids_fit(columns, width, 4), overflow="fold")
    table.add_column(headers[1], no_wrap=True)
    for header, kept in zip(headers[2:], words_kept(columns, width, 4)[2:], strict=True):
        table.add_column(header, justify="right", width=kept, overflow="fold")  # 撤销后/生效
    for row in rows:
        table.add_row(*row)
    if not all(step.in_force for step in undo.steps):
        table.caption = shown(_w("unchanged: a later batch had already superseded it", lang))
    return table


def import_table(plan: AnyPlan, result: ImportResult, lang: Lang) -> RenderableType:
    """The rows an import would write: new figures and those superseding the one in force;
    laid out when printed, at the terminal's width."""
    from plancli.record_text import revision_texts

    rows = []
    for row_change in result.changes:
        record = row_change.change.record
        now, new = revision_texts(plan, row_change.change.previous, record, lang)
        rows.append(
            (
                Text(str(row_change.row)),
                shown(record.target),
                shown(record.period),
                shown(now or "—"),
                shown(new),
            )
        )
    return _AtWidth(lambda width: _import_table(rows, result.name, lang, width))


def _import_table(
    rows: list[tuple[Text, Text, Text, Text, Text]], name: str, lang: Lang, width: int
) -> Table:
    # The id is never folded while the figures can wrap between words beside it; on a terminal
    # too narrow for that (a 35-column id at 60 columns) it folds rather than crop a figure.
    headers = [_w(word, lang) for word in ("row", "target", "period", "now", "new")]
    columns = [(h, [row[i] for row in rows], i != 2) for i, h in enumerate(headers)]
    kept = words_kept(columns, width, edges=4)
    table = Table(box=box.SIMPLE_HEAD, title=shown(name))
    table.add_column(headers[0], justify="right", width=kept[0], overflow="fold")
    table.add_column(headers[1], style="cyan", no_wrap=ids_fit(columns, width, 4), overflow="fold")
    table.add_column(headers[2], no_wrap=True)
    table.add_column(headers[3], justify="right", width=kept[3], overflow="fold")
    table.add_column(headers[4], justify="right", width=kept[4], overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


class _AtWidth:
    """A table built when it is printed, for the console's width."""

    def __init__(self, build: Callable[[int], Table]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.build(options.max_width))
