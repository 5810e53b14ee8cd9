"""A work section's growth target is drafted under its clause's words with the verb
(民间投资增长6％ → `民间投资增长`, 网上零售额增长10％以上 → `网上零售额增长`), while a statistical
bulletin's row names the series alone (其中：民间投资, 网上零售额) and gives its growth in a
column: the series' name, the target's name without 增长/增速/增幅, is the target's alias, so
`import` reads the row as this target's growth (the alias an analyst walking 陕西's 2026 report
added by hand). A name another target has, as its name or alias, is never given."""

from __future__ import annotations

import re
import unicodedata

from plancli.extract.characters import tidy_name
from plancli.extract.draft import DraftTarget

_VERB = re.compile(r"(?:增长|增速|增幅)$")


def _key(name: str) -> str:  # (as import compares names, near enough: the plan's as written)
    return "".join(unicodedata.normalize("NFKC", tidy_name(name)).split()).casefold()


def series_aliases(targets: list[DraftTarget]) -> None:
    """Give each work growth target named `<series>增长` the alias `<series>` (see the module's
    doc), where no target has that name already and the series keeps three characters or more
    (投资, of 广东's 全年投资增长5%左右, says too little)."""
    taken = {_key(name) for t in targets for name in (t.name, *t.aliases)}
    for target in targets:
        if target.kind != "growth" or not target.section.startswith("work_"):
            continue
        series = _VERB.sub("", target.name)
        if series == target.name or len(series) < 3 or _key(series) in taken:
            continue
        target.aliases = [*target.aliases, series]
        taken.add(_key(series))
