"""A bad row's figure named by its column as the file heads it (audit K D9): in a bulletin's
table, `'累计/本月止累计' '2,004.9亿元'` rather than plancli's own word for the column (`amount`,
总量), which the person who filled the sheet never saw. Only the leading word of a refusal of
one figure (`check_entry`'s `{what} {raw}…`) is changed; every other message, and one naming
two cells (`value '5.2¹', amount '702.6²'`), is kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plancli.i18n import _
from plancli.safe import clip

if TYPE_CHECKING:
    from plancli.imports import ImportRejected
    from plancli.read_notes import ReadNotes


def with_column_labels(exc: ImportRejected, notes: ReadNotes) -> ImportRejected:
    """`exc` again, each refusal of a figure naming the column it was read from as the file
    heads it, when the file's header is a bulletin's (not plancli's `value`, `amount`)."""
    from plancli.bulletin import TOTAL
    from plancli.fall_columns import FALL
    from plancli.imports import ImportRejected, Problem

    header = notes.header
    if header is None or header.template:
        return exc
    labels, positions = header.labels, header.positions

    def label(column: str) -> str | None:
        text = labels.get(column) if column in positions else None
        return None if text is None or text.strip().lower() == column else text

    amount = label("amount") or label(TOTAL)
    words = {_("amount"): amount, _("value"): label("value"), _("increment"): None}
    changed = False
    problems: list[Problem] = []
    for problem in exc.problems:
        message = problem.message
        for word, shown in words.items():
            if word == _("value") and problem.row in notes.total_only:
                shown = label(TOTAL)  # the figure came from the 累计值 column
            elif word == _("value") and problem.row in notes.falls:
                shown = label(FALL) or shown  # the fall column's, beside a rise column (s42)
            rest = message[len(word) :]
            if any(f"{other} '" in rest for other in words):
                break  # two cells named together (`value '5.2¹', amount '702.6²'`): kept
            if shown and message.startswith(word + " '"):
                if problem.row in notes.falls and rest.startswith(" '-"):  # 下降2.7x: the
                    rest = " '" + rest[3:]  # cell as the sheet has it, 2.7x, not −2.7x
                message = clip(shown, quote=True) + rest
                changed = True
                break
        problems.append(Problem(problem.row, message, problem.target, problem.given))
    return ImportRejected(exc.name, problems, exc.more) if changed else exc
