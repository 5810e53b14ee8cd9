"""What the figure after a relation's ≈ (>, ≥, <) in a table is the growth of, a line under the
table: `gap` and `status` in the terminal (`render.amended`) and the report's headline table
(`report.tables`) from one place, so that the report never shows `≈ 6.5%` without naming the
target it is the growth of. Plain text: no Rich."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from plancli.fmt import relation_sign
from plancli.i18n import Lang, t
from plancli.safe import visible

if TYPE_CHECKING:
    from plancli.assess import AssessmentOut


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
