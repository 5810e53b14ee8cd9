"""ongoing: work promised to go on, not a deliverable (继续推进…39个续建项目, 加快推进16个学校建设).

A record holds how many of the items are under way, judged against the bound like a level:
all promised items under way → on track, fewer → behind. Before the year's end that is the
best a target can be, never met, because the promise is kept through the year; only a
year-end figure makes it met or missed (`core.judged`). The rule is the level's.
"""

from __future__ import annotations

from plancli.assess.rules.level import assess

__all__ = ["assess"]
