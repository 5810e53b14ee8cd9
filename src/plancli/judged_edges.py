"""The edge an X左右 target is judged at, as the tables name it beside its bound (`≈ 5.5%（≥5%）`),
and a roll-up's judged at its parts' sum (`58.72（按分项合计58.71考核）`):
the terminal's (`render.cells`) and the report's (`report.text`), so that a table never shows
`≈ 5.5%` beside a 差距 measured from 5 without saying so (audit K, D7). Plain text: no Rich."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from plancli.fmt import bound_text, num, table_cell
from plancli.i18n import Lang, t

if TYPE_CHECKING:
    from plancli.assess import AssessmentOut


def judged_edges(a: AssessmentOut, lang: Lang) -> str | None:
    """The edge an X左右 is judged at (`≥ 5 %`, `≤ 2.5 %`, `1.5–2.5 %`); None for another."""
    if a.around is None or a.status == "dropped" or (a.low is None and a.high is None):
        return None
    edges = replace(a, min=a.low, max=a.high, around=None, stretch=None, exclusive=False)
    return bound_text(edges, lang=lang)


def edge_cell(a: AssessmentOut, lang: Lang) -> str:
    """For an X左右, the edge its 差距 is measured from, which a table would otherwise never
    name, put after its bound: `（≥5%）`, ` (≥5%)` (audit K D7); for a roll-up judged at its
    parts' sum, that sum: `（按分项合计58.71考核）` beside 58.72 (session 25); else nothing."""
    if a.parts_sum is not None and a.status != "dropped":
        return t("parts_sum_edge_cell", lang).format(sum=num(a.parts_sum))
    edge = judged_edges(a, lang)
    return "" if edge is None else compact_edge(edge, lang)


def compact_edge(edge: str, lang: Lang) -> str:
    """An edge (`≥ 5 %`) as a table puts it after its bound: `（≥5%）`, ` (≥5%)`."""
    compact = table_cell(edge, lang)
    for operator in ("≥ ", "≤ ", "> ", "< "):
        compact = compact.replace(operator, operator.strip())
    return t("judged_edge_cell", lang).format(edge=compact)
