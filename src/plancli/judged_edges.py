"""The edge an X左右 target is judged at, as the tables name it beside its bound (`≈ 5.5%（≥5%）`),
and a roll-up's judged at its parts' sum (`58.72（按分项合计58.71考核）`):
the terminal's (`render.cells`) and the report's (`report.text`), so that a table never shows
`≈ 5.5%` beside a 差距 measured from 5 without saying so (audit K, D7); and under a table, what
the figure after a relation's ≈ (>, ≥, <) is the growth of (`reference_lines`): `gap` and
`status` (`render.amended`) and the report's headline table (`report.tables`), so that the
report never shows `≈ 4.496%` without naming GDP (session 30). Plain text: no Rich."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from plancli.fmt import bound_text, computed, num, relation_sign, table_cell
from plancli.i18n import Lang, t
from plancli.safe import visible

if TYPE_CHECKING:
    from plancli.assess import AssessmentOut


def judged_edges(a: AssessmentOut, lang: Lang) -> str | None:
    """The edge an X左右 is judged at (`≥ 5 %`, `≤ 2.5 %`, `1.5–2.5 %`); None for another, and
    for a trend's band (保持稳定), whose bound names its edges already (`保持稳定 ±0.5`): never
    `保持稳定 ±0.5（保持稳定 ±0.5）` (the 江苏 walk, session 40)."""
    if a.around is None or a.status == "dropped" or (a.low is None and a.high is None):
        return None
    if a.kind == "trend":
        return None
    # computed edges (5.5 − 0.5): `num`'s places, never a plan's stated ones (5.0)
    low, high = computed(a.low), computed(a.high)
    edges = replace(a, min=low, max=high, around=None, stretch=None, exclusive=False)
    return bound_text(edges, lang=lang)


def edge_cell(a: AssessmentOut, lang: Lang, relation: bool = True) -> str:
    """For an X左右, the edge its 差距 is measured from, which a table would otherwise never
    name, put after its bound: `（≥5%）`, ` (≥5%)` (audit K D7); for a roll-up judged at its
    parts' sum, that sum: `（按分项合计58.71考核）` beside 58.72 (session 25); for a relation
    judged within a tolerance, unless `relation` is False (its cell names its reference's
    earlier period, `（前三季度）`, a bracket a narrow column keeps whole), its floor (`（≥3.4%）`);
    else nothing."""
    if a.parts_sum is not None and a.status != "dropped":
        return t("parts_sum_edge_cell", lang).format(sum=num(a.parts_sum))
    edge = judged_edges(a, lang) or (relation_edge(a) if relation else None)
    return "" if edge is None else compact_edge(edge, lang)


def relation_edge(a: AssessmentOut) -> str | None:
    """For a relation judged within a tolerance (同步: at most 1 pp below GDP's 4.4 %), the
    edge its 差距 is measured from (`≥ 3.4 %`): the cell shows GDP's 4.4 %, and `3.4%/≈4.4%`
    beside a 差距 of 0.1 pp read as a slip (the 广东 walk, session 38); the report's table says
    it in words (`≈ 4.4%（不低于3.4%）`, `report.text.target`). None for another target, and
    for a relation judged at its reference's figure itself (高于 with no tolerance), and where
    there is no 差距 to explain (in step: `9.2%/≈0.3%` says it without an edge that would widen
    the column for nothing)."""
    if a.kind != "relative" or a.reference_actual is None or not a.tolerance_pp:
        return None
    if a.status == "dropped" or not a.gap:
        return None
    if a.high is not None and a.low is None:  # 低于
        return f"{'<' if a.relation == 'below' else '≤'} {num(a.high)} %"
    if a.low is None:
        return None
    return f"{'>' if a.relation == 'above' else '≥'} {num(a.low)} %"


def compact_edge(edge: str, lang: Lang) -> str:
    """An edge (`≥ 5 %`) as a table puts it after its bound: `（≥5%）`, ` (≥5%)`."""
    compact = table_cell(edge, lang)
    for operator in ("≥ ", "≤ ", "> ", "< "):
        compact = compact.replace(operator, operator.strip())
    return t("judged_edge_cell", lang).format(edge=compact)


def reference_lines(
    rows: Sequence[AssessmentOut], lang: Lang, names: Mapping[str, str]
) -> list[str]:
    """What the figure after a relation's ≈ (>, ≥, <) is, and which rows compare with it:
    `≈ 地区生产总值增速：城镇常住居民人均可支配收入、农村常住居民人均可支配收入与之同步` — the
    cell shows a growth, the reader needs the target it is of (audit: `gap` named no reference).
    `names`, the references' names by id (an id means nothing to a reader)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for a in rows:
        if a.kind == "relative" and a.reference:
            names_of = groups.setdefault((a.reference, a.relation or "same"), [])
            name = visible(a.name if lang == "zh" else a.name_en)
            if name not in names_of:
                names_of.append(name)
    lines = []
    for (reference, relation), rows_named in groups.items():
        name = visible(names.get(reference, reference))
        growth = name if _is_growth(name) else t("reference_growth", lang).format(name=name)
        lines.append(
            t(f"reference_legend.{relation}", lang).format(
                sign=relation_sign(relation),
                growth=growth,
                names=("、" if lang == "zh" else ", ").join(rows_named),
            )
        )
    return lines


def _is_growth(name: str) -> bool:
    """A reference named as a growth already (全国固定资产投资增速, National … growth)."""
    return name.endswith(("增速", "增长", "增幅")) or name.lower().endswith("growth")
