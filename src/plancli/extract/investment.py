"""The investment plan (政府投资重点项目计划): categories in 亿元 with project counts."""

from __future__ import annotations

from plancli.extract.draft import DraftTarget
from plancli.extract.sections import Layout


def read_investment(parse: str, layout: Layout) -> list[DraftTarget]:
    return []
