"""A bulletin column that gives a fall (`比上年下降（%）`, `降幅（%）`): its figure is the size of
the fall, as a 统计公报 writes 单位地区生产总值能耗比上年下降2.7%.

Session 41 (the 天津 walk) found `指标,单位,全年,比上年下降（%）` refused as an unknown column.
Decided then: under such a column a row's 2.7 is read as `下降2.7` is typed (docs/forms.md:
a growth recorded in words), so the ledger holds −2.7, the signed growth `plancli record
energy_intensity 下降2.7` records, and only for a target meant to fall (`growth_slips.falls`:
a 下降 target, a trend down). Any other target's row is refused, naming why: GDP 比上年下降2.7
would be a growth of −2.7, a sign the person filling the sheet never typed, so plancli does
not flip it unseen. A figure with its own sign or word in the column (`-2.7`, `下降2.7`) is
refused as `下降-2.7` is, not guessed.

Session 42: a sheet with a rise column and a fall column side by side (`比上年增长（%）` and
`比上年下降（%）`, as 统计局 sheets give energy intensity's fall beside GDP's growth) was refused
as two value columns. The fall column is read as `FALL` beside the value column: each row takes
its figure from the column that has one (`rise_or_fall`), the fall's as above; a row with a
figure in both is refused naming both cells."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.i18n import _, kind_word

if TYPE_CHECKING:
    from collections.abc import Mapping

    from plancli.bulletin import Header
    from plancli.plain import AnyTarget
    from plancli.read_notes import ReadNotes

# Header keys (as `bulletin.header_key` folds them: no `(%)`) of a column whose figures are the
# size of a fall; `bulletin.HEADERS` reads them as the figure column.
FALL_HEADERS = frozenset(
    (  # noqa: SIM905 (a table of words)
        "下降 降幅 下降率 同比下降 累计下降 比上年下降 比去年下降 较上年下降 比上年同期下降 "
        "比去年同期下降 较上年同期下降 累计比上年同期下降"
    ).split()
)


# The fall column beside a rise column (`read_header`); a row's figure is one of the two.
FALL = "fall"


def fall_beside(
    positions: dict[str, int], labels: dict[str, str], key: str, position: int, text: str
) -> bool:
    """A second value column (header `text`, folded `key`) read as `FALL` where one of the two
    is a fall column and the other not (`read_header`): True when so taken."""
    from plancli.bulletin import header_key

    if "value" not in positions or FALL in positions:
        return False
    first_falls = header_key(labels["value"]) in FALL_HEADERS
    if first_falls == (key in FALL_HEADERS):
        return False  # two growths or two falls: refused as two value columns
    if first_falls:
        positions[FALL], labels[FALL] = positions["value"], labels["value"]
        positions["value"], labels["value"] = position, text
    else:
        positions[FALL], labels[FALL] = position, text
    return True


def fall_cells(
    header: Header, cells: Mapping[str, str | Decimal | None], row: int, notes: ReadNotes
) -> dict[str, str | Decimal | None] | str:
    """A row's cells with a fall column's figure in `value` as its words say it (2.7 → 下降2.7,
    `fall_value`): the figure column's, or of a rise column and a fall column side by side the
    one that has a figure (a row with neither keeps its rise cell, empty or — for no data, or
    else the fall column's); the row's refusal naming both cells (the problem names the
    target) when both have one."""
    from plancli.figure_words import NO_DATA
    from plancli.safe import cell_shown, visible

    read = dict(cells)
    if FALL not in header.positions:  # the fall column alone
        if str(read.get("value")) not in NO_DATA:
            read["value"] = fall_value(read.get("value"), row, notes)
        return read
    rise, fall = read.get("value"), read.pop(FALL, None)
    has_rise = rise is not None and str(rise) not in NO_DATA
    has_fall = fall is not None and str(fall) not in NO_DATA
    if has_rise and has_fall:
        return _(
            "a figure under both {rise_column} ({rise}) and {fall_column} ({fall}); give one: "
            "the rise, or the size of the fall"
        ).format(
            rise_column=cell_shown(header.label("value")),
            rise=visible(str(rise)),
            fall_column=cell_shown(header.label(FALL)),
            fall=visible(str(fall)),
        )
    if has_fall:
        read["value"] = fall_value(fall, row, notes)
    elif rise is None and fall is not None:  # its — (no data)
        read["value"] = fall
    return read


def fall_value(value: str | Decimal | None, row: int, notes: ReadNotes) -> str | Decimal | None:
    """A fall column's figure as the bulletin's words say it (`2.7` → `下降2.7`), the row noted
    in `notes.falls` for `fall_refused`; an empty cell stays empty."""
    if value is None:
        return None
    notes.falls.add(row)
    return "下降" + (str(value) if isinstance(value, Decimal) else value)


def fall_refused(target: AnyTarget, notes: ReadNotes, row: int, value: object) -> str | None:
    """Why a fall column's row (its figure `value`, 下降2.7) cannot be read for `target`: one
    not meant to fall."""
    from plancli.bulletin import column_label
    from plancli.growth_slips import falls

    if row not in notes.falls:
        return None
    from plancli.safe import visible

    header = notes.header
    column = column_label(notes, FALL if header and FALL in header.positions else "value")
    figure = str(value)[2:] if str(value).startswith("下降") else str(value)
    if figure.strip()[:1] in ("+", "-", "−", "＋", "－") or figure.strip()[:1] >= "\x80":
        return _(
            "column {column} gives the size of a fall, and {figure} says its own sign or word: "
            "write a fall of 2.7 % as 2.7 under it, or give the signed figure in a 数值 column"
        ).format(column=column, figure=visible(figure))
    if falls(target):
        return None
    return _(
        "column {column} gives the size of a fall ({figure}), read only for a target meant to "
        "fall (a 下降 target, a trend down); {target} is a {kind} target, and plancli does not "
        "put a minus sign on its figure unseen: give it as it is to be recorded (-{figure} or "
        "下降{figure} if it fell) in a 数值 column"
    ).format(
        column=column,
        figure=visible(figure),
        target=target.id,
        kind=kind_word(target.kind),
    )
