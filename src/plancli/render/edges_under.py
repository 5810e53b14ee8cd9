"""A short name kept on its line beside its id: the bound's bracket (its judged edge, its
aim) goes under the bound first (`≈ 5 %` over `（≥4.5%）`), then the names fold.

`targets` at 80 columns gave its no-wrap target column the width of its widest bound
(`≈ 2 %（1.5–2.5%）`, a relative target's `≈ 全省地区生产总值`) and the names the rest:
`全省地区生产` over `总值`, `居民消费价格` over `涨幅` beside bounds padded to the widest
(福建, session 37). At 100 columns one long bound (北京's `≈ 29 微克/立方米（≤30.45微克/立方米）`)
broke every name at six characters."""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len

from plancli.render.runs import ItemLines
from plancli.render.widths import EDGES, SHORT_FIGURE, Column, plain_text, widest_text_word

# A name up to this wide (ten Chinese characters: 全省地区生产总值, 地方一般公共预算收入) is kept
# on one line beside its id while the bounds beside it can break instead.
NAME_WHOLE = 20


def edges_under(columns: list[Column], width: int, gap: int) -> list[Column]:
    """The columns, each bound column that may narrow (`narrows`) given a width at which its
    brackets go under their bounds, as little narrower as the names need to keep the short
    ones whole, never narrower than its widest bound without its bracket, nor than any
    bound without a bracket unless breaking those too keeps every short name whole. The
    name beside the id (not gone under it) then takes the rest, and folds only where that
    is still too little."""
    names = next((c for c in columns if c.under), None)
    if names is None:
        return columns
    wanted = short_names(names)
    others = sum(c.width() for c in columns if c is not names)
    short_by = wanted - (width - EDGES - gap * (len(columns) - 1) - others)
    narrowing = [c for c in columns if c.narrows and c.options.get("width") is None]
    if short_by <= 0 or not narrowing:
        return columns
    # A bound without a bracket breaks between its words (`≈` over `全省地区生产总值`) only
    # when that keeps every short name whole; else it stays whole (`≥ 全国固定资产投资增速`
    # beside 陕西's names, which fold anyway) and only the brackets go under.
    words = sum(c.width() - _least(c, words=True) for c in narrowing) >= short_by
    out = []
    for column in columns:
        if short_by > 0 and any(column is c for c in narrowing):
            whole = column.width()
            chosen = max(_least(column, words), whole - short_by)
            if chosen < whole:
                short_by -= whole - chosen
                options = {**column.options, "no_wrap": False, "width": chosen}
                column = replace(column, options=options)
        out.append(column)
    return out


def _least(column: Column, words: bool) -> int:
    """Its width with every bracket under its bound, its header whole, any other bound whole
    (`words`: a short one, `≥ 7 %`, and a longer one broken only between its words)."""
    widths = [cell_len(plain_text(column.header))]
    for cell in column.cells:
        if isinstance(cell, ItemLines) and len(cell.pieces) > 1:
            widths += [cell_len(piece.strip()) for piece in cell.pieces]
        elif not words or cell_len(cell.plain) <= SHORT_FIGURE:
            widths.append(cell_len(cell.plain))
        else:
            widths.append(widest_text_word(cell.plain))
    return max(widths)


def short_names(names: Column) -> int:
    """The widest of a name column's short names (up to `NAME_WHOLE`), which keep their line."""
    return max(
        (
            cell_len(line)
            for cell in names.cells
            for line in cell.plain.splitlines()
            if cell_len(line) <= NAME_WHOLE
        ),
        default=0,
    )
