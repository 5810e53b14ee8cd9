"""Quantified work targets and milestones of the work sections."""

from __future__ import annotations

from plancli.extract.draft import DraftTarget
from plancli.extract.sections import Layout


class WorkReader:
    def __init__(self, parse: str, layout: Layout, headline: list[DraftTarget]) -> None:
        self.parse, self.layout, self.headline = parse, layout, headline

    def read(self) -> list[DraftTarget]:
        return []
