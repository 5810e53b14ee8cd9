"""A bulletin column that gives a fall (`比上年下降（%）`, `降幅（%）`): its figure is the size of
the fall, as a 统计公报 writes 单位地区生产总值能耗比上年下降2.7%.

Session 41 (the 天津 walk) found `指标,单位,全年,比上年下降（%）` refused as an unknown column.
Decided then: under such a column a row's 2.7 is read as `下降2.7` is typed (docs/forms.md:
a growth recorded in words), so the ledger holds −2.7, the signed growth `plancli record
energy_intensity 下降2.7` records, and only for a target meant to fall (`growth_slips.falls`:
a 下降 target, a trend down). Any other target's row is refused, naming why: GDP 比上年下降2.7
would be a growth of −2.7, a sign the person filling the sheet never typed, so plancli does
not flip it unseen. A figure with its own sign or word in the column (`-2.7`, `下降2.7`) is
refused as `下降-2.7` is, not guessed."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.i18n import _, kind_word

if TYPE_CHECKING:
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

    figure = str(value)[2:] if str(value).startswith("下降") else str(value)
    if figure.strip()[:1] in ("+", "-", "−", "＋", "－") or figure.strip()[:1] >= "\x80":
        return _(
            "column {column} gives the size of a fall, and {figure} says its own sign or word: "
            "write a fall of 2.7 % as 2.7 under it, or give the signed figure in a 数值 column"
        ).format(column=column_label(notes, "value"), figure=visible(figure))
    if falls(target):
        return None
    return _(
        "column {column} gives the size of a fall ({figure}), read only for a target meant to "
        "fall (a 下降 target, a trend down); {target} is a {kind} target, and plancli does not "
        "put a minus sign on its figure unseen: give it as it is to be recorded (-{figure} or "
        "下降{figure} if it fell) in a 数值 column"
    ).format(
        column=column_label(notes, "value"),
        figure=visible(figure),
        target=target.id,
        kind=kind_word(target.kind),
    )
