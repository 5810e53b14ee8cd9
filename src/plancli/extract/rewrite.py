"""A text rewritten from a report's, each character knowing where it came from: `origin[i]` the
offset in the source of the new text's `i`-th character, `ends[i]` the end of what it stands
for (an HTML entity's `;`, a cell's last character). A copy's markup taken out (`text.clean`)
and a table pdftotext laid out set as rows of " | " cells (`layout_tables`) are built so, and
a quote found in the new text maps back to a verbatim span of the source."""

from __future__ import annotations


class Rewrite:
    """The new text as it is built: spans of the source kept, and characters put for others."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.origin: list[int] = []
        self.ends: list[int] = []

    def keep(self, start: int, stop: int) -> None:
        """The source's characters from `start` to `stop`, as they are."""
        self.parts.append(self.source[start:stop])
        self.origin.extend(range(start, stop))
        self.ends.extend(range(start + 1, stop + 1))

    def put(self, chars: str, start: int, stop: int) -> None:
        """`chars` standing for the source's `start` to `stop` (each character: all of it)."""
        self.parts.append(chars)
        self.origin.extend([start] * len(chars))
        self.ends.extend([stop] * len(chars))

    def put_many(self, chars: str, origin: list[int], ends: list[int]) -> None:
        """`chars`, each with its own origin and end (a table's row, cell by cell): one call
        for a row, not one a character (a 4 MB table put 2.7 million, session 32)."""
        self.parts.append(chars)
        self.origin.extend(origin)
        self.ends.extend(ends)

    def text(self) -> str:
        return "".join(self.parts)
