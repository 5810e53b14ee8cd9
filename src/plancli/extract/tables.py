"""附表 tables (the seed report's 附表1 主要预期目标): baselines for the headline targets."""

from __future__ import annotations

from plancli.extract.draft import DraftTarget
from plancli.extract.sections import Layout


def apply_tables(parse: str, layout: Layout, targets: list[DraftTarget]) -> list[DraftTarget]:
    return targets
