"""Chinese text that wraps as a Chinese reader breaks it (`KeepsRuns`): between characters,
never inside a year, a date, a number or an id written among them; a figure against its
bound that breaks after its `/` (`BreaksAfterSlash`)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Any, TypeVar

from rich.cells import cell_len
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from plancli.render.figure_runs import SLASH_UNIT as _SLASH_UNIT
from plancli.render.figure_runs import after_slash, figure_words, least_words, line_words
from plancli.render.name_words import name_words
from plancli.unit_words import UNITS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod

# What a line too narrow for a word may not be broken inside: a run of letters, digits and
# signs (2022, 3.02, an id), an opening bracket or quote with what follows it, closing
# punctuation with what precedes it (a line does not start with `，` or `）`).
_WIDE = (
    "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_OPENING = "“‘（(《【「"
_CLOSING = "）)，。、；：！？”’》】」"
# A date as plancli writes one (`zh_period`: 2022年6月, 2022年二季度, 2022年上半年; 6月) or a
# report a period (2022年1—6月, 1-6月, 2022年前三季度) is a unit too: the † footnote at 40
# columns put `…自2022` over `年6月起`, `…自2022年上半` over `年起`.
_DATE = (
    r"\d{4}年(?:\d{1,2}(?:[—–~\-至到]\d{1,2})?月份?|前?[一二三四]季度|[上下]半年)?"
    r"|\d{1,2}(?:[—–~\-至到]\d{1,2})?月份?"
)
# A number with its unit (`12.5亿元`, `46项`, `750千伏`, `14个`, `0.5个百分点`, `90周年`): the
# unit word read with its figure, never `新开工项目46` over `项`. A unit of several characters as
# `unit_words` knows them, else a scale (万, 亿) and the character after it; a unit with a slash
# whole (`figure_runs`: `29微克/立方米`).
_UNITS = sorted({*(u for u in UNITS if len(u) > 1 and "/" not in u), "百分点", "周年"}, key=len)
_NUMBER = (
    rf"\d+(?:[.,]\d+)*(?:{_SLASH_UNIT}|{'|'.join(map(re.escape, reversed(_UNITS)))}"
    r"|[十百千万亿]*[\u3400-\u9fff％‰])"
)
_UNIT = re.compile(
    rf"[{_OPENING}]*(?:{_DATE}|{_NUMBER}|{_SLASH_UNIT}|[^\s{_WIDE}]+|[{_WIDE}])[{_CLOSING}]*"
)
# A path (a ledger's, in a title) also breaks after each `/`, its file's name kept whole; a
# date or a number with its unit in a title stays whole as in any text (`甘肃省2026` over `年…`).
_PATH_UNIT = re.compile(
    rf"[{_OPENING}]*(?:{_DATE}|{_NUMBER}|[^\s/{_WIDE}]+/*|/+|[{_WIDE}])[{_CLOSING}]*"
)
_PATH_NAME = re.compile(r"[^/]+/*|/+")  # a path's name with the `/` after it
_WORD = figure_words(_CLOSING)  # `≥ 4.5 %,` whole, never `≥ 4.5` over `%`
# A note's phrases (`NoteText`): a bracketed name with the punctuation after it (`(区工信局)`,
# `（区统计局）；`), or a run up to and with its punctuation (`协议已签订，`); an opening bracket
# left open starts a phrase. A line too narrow for a word breaks between them first.
_STOPS = "，。、；：！？"
_PHRASE = re.compile(
    rf"[{_OPENING}][^{_OPENING}）)》】」”’]*[）)》】」”’][{_CLOSING}]*"
    rf"|[{_OPENING}]*[^{_OPENING}{_STOPS}]+[{_STOPS}]*"
    rf"|[{_OPENING}{_STOPS}]+"
)
_WIDE_CHARS = re.compile(rf"[{_WIDE}]")


def breaks(
    plain: str,
    width: int,
    paths: bool = False,
    phrases: bool = False,
    fills: bool = False,
    words: str = "",
) -> list[int]:
    """Where to break `plain` (one line) into lines of at most `width` cells: at a space, as
    Rich does; a word wider than a line (Chinese has no spaces) between its units, or with
    `phrases` between its phrases first (after `，`, before `(`), a phrase wider than a line
    between its units. A unit wider than a line gets a line of its own (Rich folds it there:
    nothing else can be done). With `fills`, a Chinese word too long for the rest of a line
    fills it and goes on on the next, as a Chinese paragraph is set: a note with one space
    (`“CPI 2%左右”按区间处理：…`) left `“CPI` alone on its line (`show cpi`, session 37).
    With `words` ("terms" or "atoms"), a name's Chinese breaks between its words
    (`name_words`) before between its characters (`地区` over `生产总值`)."""
    offsets: list[int] = []
    starts: set[int] = set()  # (where each unit starts: a word's, with `words`)
    used = end = 0
    units = _PATH_UNIT if paths else _UNIT
    for word in line_words(_WORD, plain, width):
        cells, space = cell_len(word.group()), cell_len(plain[end : word.start()])
        end = word.end()
        if used and used + space + cells <= width:
            used += space + cells
            continue
        path = paths and "/" in word.group()  # (a path's names, not phrases: `/tmp/a、b/`)
        room = width - used - (space if used else 0)  # what is left of the line after a space
        filled = fills and room > 0 and _WIDE_CHARS.search(word.group()) is not None
        if (
            cells <= width
            and not filled
            and not (phrases and not path and _fills(word.group(), room))
        ):
            if used:  # on the next line, whole
                offsets.append(word.start())
            used = cells
            continue
        used += space if used else 0  # too wide for any line: broken from where the line is
        parts = _PHRASE.finditer(word.group()) if phrases and not path else iter(())
        spans = [(m.start(), m.end()) for m in parts] or [(0, len(word.group()))]
        for start, end in spans:
            phrase = word.group()[start:end]
            phrase_cells = cell_len(phrase)
            if phrases and used + phrase_cells <= width:
                used += phrase_cells
                continue
            if phrases and phrase_cells <= width:  # on the next line, whole: `(区工信局)`
                offsets.append(word.start() + start)
                used = phrase_cells
                continue
            if path:
                pieces = _path_units(phrase, width)
            else:
                pieces = (
                    _word_units(phrase, units, width, words == "terms")
                    if words
                    else _units(phrase, units)
                )
            for unit_start, unit, own_line in pieces:
                starts.add(word.start() + start + unit_start)
                unit_cells = cell_len(unit)
                if used and (own_line or used + unit_cells > width):
                    offsets.append(word.start() + start + unit_start)
                    used = 0
                used += unit_cells
    kept = _no_lone_last(plain, offsets, width, units)
    # (between words, the last break moved back only to where a word starts: `…二氧化碳排放`
    # over `量`, not `…排` over `放量`)
    return offsets if words and kept and kept[-1] not in starts else kept


def _fills(word: str, room: int) -> bool:
    """Does a Chinese `word` too long for the rest of a line (`room` cells) fill it with its
    first phrases rather than go whole to the next? It does when its first phrase fits there:
    `58 个指标的 name_en` alone on a line over `仍是中文名称（w1_t01、…）：英文界面…` (`validate`
    at 120 columns) left the line half empty and the phrase `name_en 仍是中文名称` broken at
    its space. A word of one phrase, or without Chinese, goes to the next line as Rich's."""
    if cell_len(word) <= room or not _WIDE_CHARS.search(word):
        return False
    phrases = _PHRASE.findall(word)
    return len(phrases) > 1 and cell_len(phrases[0]) <= room


def _units(text: str, units: re.Pattern[str]) -> Iterator[tuple[int, str, bool]]:
    """`text`'s units (`_UNIT`, `_PATH_UNIT`), where each starts, and False: none of them
    needs a line of its own."""
    return ((m.start(), m.group(), False) for m in units.finditer(text))


def _word_units(
    text: str, units: re.Pattern[str], width: int, terms: bool
) -> Iterator[tuple[int, str, bool]]:
    """`text`'s units, each run of lone Chinese characters among them as its words no wider
    than `width` (`name_words`: `地区`, `生产总值`), where each starts, and False."""
    run_start, run = 0, ""
    for m in units.finditer(text):
        if len(m.group()) == 1 and _WIDE_CHARS.match(m.group()) and m.group() not in _CLOSING:
            run_start, run = (run_start, run + m.group()) if run else (m.start(), m.group())
            continue
        if run:
            yield from ((run_start + at, word, False) for at, word in name_words(run, width, terms))
            run = ""
        yield m.start(), m.group(), False
    if run:
        yield from ((run_start + at, word, False) for at, word in name_words(run, width, terms))


def _path_units(path: str, width: int) -> Iterator[tuple[int, str, bool]]:
    """A path's names, each with the `/` after it, where each starts, and whether it starts a
    line of its own: it breaks after a `/`, never inside a name (`…/区发展和改革局/官渡区` over
    `2022年计划台账.sqlite` at 50 columns, `…台账` over `.sqlite` at 60), but for a name wider
    than the line itself, which starts on a line of its own after its `/` and breaks inside
    only where its lines end (`_name_lines`): begun on the folders' line, it broke once more
    than it had to (`…/计划台账/官渡区2022年计划台账（区统计局` over `汇总，含各部门月报）.sqlite`,
    40 columns)."""
    for name in _PATH_NAME.finditer(path):
        if cell_len(name.group()) <= width:
            yield name.start(), name.group(), False
            continue
        cuts = [0, *_name_lines(name.group(), width), len(name.group())]
        for start, end in pairwise(cuts):
            yield name.start() + start, name.group()[start:end], True


def _name_lines(name: str, width: int) -> list[int]:
    """Where a file's name wider than a line breaks: in as few lines as filling each line
    takes, between its phrases where that is as few (`…计划台账` over `（区统计局汇总，含各部门
    月报）.sqlite`), its extension kept with what comes before it (not `…月报）` over `.sqlite`
    alone), else where each line is full (between units, never inside `2022`)."""
    ways = [breaks(name, width, phrases=True), breaks(name, width)]
    stem, extension = _EXTENSION.sub("", name), _EXTENSION.search(name)
    if extension is not None:  # the stem's lines narrower by the extension: it fits the last
        ways.insert(0, breaks(stem, width - cell_len(extension.group()), phrases=True))
    fewest = min(map(len, ways))
    return next(way for way in ways if len(way) == fewest)


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}/*$")  # `.sqlite`, `.toml`


def _no_lone_last(plain: str, offsets: list[int], width: int, units: re.Pattern[str]) -> list[int]:
    """The breaks, the last moved back a character when it left one Chinese character alone on
    the last line (`昆明市“元宇宙”产业示范基地落` over `地`, `固定资产投资(不含农` over `户)`)
    and the line before can give it one (`…示范基` over `地落地`): the two lines stay within
    `width`, the line before keeps at least two characters, and only a break inside a word
    moves (a space is where a line may end as it is)."""
    if not offsets:
        return offsets
    at = offsets[-1]
    last = plain[at:].rstrip()
    bare = last.strip(_OPENING + _CLOSING)
    if at == 0 or plain[at - 1].isspace() or len(bare) != 1 or not _WIDE_CHARS.match(bare):
        return offsets
    if [m.group() for m in units.finditer(last)] != [last]:  # one unit: 地, 户), 业”
        return offsets
    start = offsets[-2] if len(offsets) > 1 else 0
    before = [m for m in units.finditer(plain, start, at)]
    if len(before) < 3 or not _WIDE_CHARS.search(before[-1].group()):
        return offsets
    moved = before[-1].start()
    if plain[moved - 1].isspace() or cell_len(plain[moved:].rstrip()) > width:
        return offsets
    return [*offsets[:-1], moved]


class KeepsRuns(Text):
    """A name or a message that, too long for its column, breaks between Chinese characters
    or at a space, never inside a run of letters and digits: Rich, finding no space in
    `官渡区2022年国民经济…`, folded it anywhere (`区202` over `2年`, `invest` over `ment_roads`)."""

    paths = False  # breaks after a `/` too (`keeping_runs(title, paths=True)`)
    phrases = False  # between phrases first (`NoteText`)
    fills = False  # a Chinese word fills the rest of a line (`keeping_runs(text, fills=True)`)
    words = False  # a name: between its words first (`name_text`), in no more lines

    def _breaks(self, line: str, width: int) -> list[int]:
        """Where a line of it breaks at `width`; a name's between its words where that takes
        no more lines than between its characters (`城镇居民` over `人均可支配收入`), or one
        more where only its words' parts do (`name_words`)."""
        apart = breaks(line, width, self.paths, self.phrases, self.fills)
        if not self.words or not apart:
            return apart
        terms = breaks(line, width, self.paths, self.phrases, self.fills, words="terms")
        if len(terms) <= len(apart):
            return terms
        atoms = breaks(line, width, self.paths, self.phrases, self.fills, words="atoms")
        if len(atoms) <= len(apart):
            return atoms
        # (a line more only where breaking between characters cuts words)
        return next((way for way in (terms, atoms) if len(way) <= len(apart) + 1), apart)

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap:
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=True
            )
        lines = Lines()
        for line in self.split("\n", allow_blank=True):
            for part in line.divide(self._breaks(line.plain, width)):
                part.rstrip()
                while part.plain[:1].isspace():
                    part = part[1:]
                lines.extend(
                    Text.wrap(
                        part,
                        console,
                        width,
                        justify=justify,
                        overflow=overflow or "fold",
                        tab_size=tab_size,
                    )
                )
        return lines

    def wrapping(self, width: int) -> tuple[int, set[tuple[int, int]]]:
        """The lines it takes at `width` (no narrower than its widest unit, `least_width`),
        and where it breaks other than at a space (between Chinese characters): (line, offset)."""
        count, inside = 0, set()
        for n, line in enumerate(self.plain.split("\n")):
            offsets = self._breaks(line, width)
            count += len(offsets) + 1
            inside |= {(n, at) for at in offsets if not line[at - 1].isspace()}
        return count, inside

    def least_width(self) -> int:
        """The narrowest it can be without breaking a run: its widest unit."""
        return max((cell_len(m.group()) for m in _UNIT.finditer(self.plain)), default=0)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = super().__rich_measure__(console, options)
        return Measurement(min(measured.minimum, self.least_width()), measured.maximum)


_Runs = TypeVar("_Runs", bound=KeepsRuns)


class NoteText(KeepsRuns):
    """A note (`history`'s 备注: `协议已签订，选址中 (区发展改革局)`) that, too long for its
    column, breaks at a space, after Chinese punctuation or before an opening bracket, and only
    then between characters: a department's name in brackets stays whole on a line when it
    fits one (`(区工` over `信局)` at 100 columns, session 31)."""

    phrases = True

    def phrase_width(self) -> int:
        """Its widest phrase (`(区发展改革局)`, `协议已签订，`): on a line that wide, no phrase
        breaks."""
        return max(self.phrase_widths(), default=0)

    def phrase_widths(self) -> list[int]:
        """The width of each of its phrases."""
        return [cell_len(p) for word in self.plain.split() for p in _PHRASE.findall(word)]


def note_text(text: Text) -> NoteText:
    """`text` (its styles too) as a `NoteText`."""
    return _rebuilt(text, NoteText)


def _rebuilt(text: Text, kind: type[_Runs]) -> _Runs:
    """`text`, its styles too, as a `kind` of `KeepsRuns`."""
    kept = kind(justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap)
    kept.append_text(text)
    kept.style = text.style
    return kept


def keeping_runs(
    text: Text, paths: bool = False, phrases: bool = False, fills: bool = False
) -> KeepsRuns:
    """`text` (its styles too) as a `KeepsRuns`; one that holds a path breaks after a `/`; with
    `phrases`, a name breaks before an opening bracket or after Chinese punctuation before it
    breaks between characters (`固定资产投资` over `(不含农户)`, not `固定资产投资(不` over
    `含农户)`; `推进社会治理，` over `保障社会大局安全稳定`); with `fills`, a paragraph (a
    quote, a note) fills each line, a Chinese word after a space begun where the line is."""
    if isinstance(text, KeepsRuns) and not paths and not fills and (text.phrases or not phrases):
        return text
    kept = _rebuilt(text, KeepsRuns)
    kept.paths, kept.phrases, kept.fills = paths, phrases, fills
    return kept


def path_text(text: Text) -> KeepsRuns:
    """A line that names a path (`no records of gdp in /tmp/…/官渡区2022年计划台账.sqlite`): it
    breaks at a space or after a `/`, a file's name whole on its line unless wider than the
    line itself (Rich folded it, `…/官渡区2022` over `年计划台账.sqlite`, `show` at 50 columns)."""
    return keeping_runs(text, paths=True)


def name_text(text: Text) -> KeepsRuns:
    """A name (a target's, a section's, a plan's) as it breaks wherever it is shown beside or
    under its id: in a table's name column, under the id in a table or a card, in `show ID`'s
    card and title. One rule: at a space, then between phrases (after `，` or `、`, before an
    opening bracket), then between characters, never inside a run of letters and digits
    (`大罗家营366号民居、` over `向旭庵等文物修缮完成竣工初验`, not Rich's `…完成竣` over
    `工初验`); a Chinese name between its words before between its characters (`地区` over
    `生产总值`, not `地区生产` over `总值`: `name_words`)."""
    if isinstance(text, KeepsRuns) and text.phrases and not text.paths:
        return text  # a name already, or a note or a message, which breaks as it does
    kept = _rebuilt(text, KeepsRuns)
    kept.phrases = kept.words = True
    return kept


def id_over_name(id_cell: Text | str, name: Text | str, style: str = "") -> KeepsRuns:
    """An id over its name, one cell (the name under the id in a table, a card's first lines):
    the id in `style`, the name breaking as `name_text` breaks it. Joined with `+`, a `Text`,
    the card's name lost its rule and broke Rich's way (`…文物修缮完成竣` over `工初验`)."""
    cell = KeepsRuns()
    cell.phrases = cell.words = True
    cell.append_text(id_cell if isinstance(id_cell, Text) else Text(id_cell))
    cell.stylize(style)
    cell.append("\n")
    cell.append_text(name if isinstance(name, Text) else Text(name))
    return cell


class ItemLines(KeepsRuns):
    """A lead and its items (`† 目标经年中调整：` then `地区生产总值自2022年上半年起；`…) as one
    text, broken where the line ends between items, never inside one: Rich folded such a list
    (one word to it) wherever the width fell, in a date (`2022-0` over `6起`) or before a `；`
    that then began the line. An item wider than a line alone breaks as `KeepsRuns` does."""

    def __init__(self, pieces: Sequence[str], style: str = "") -> None:
        super().__init__("".join(pieces), style=style)
        self.pieces = tuple(pieces)

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        if no_wrap or cell_len(self.plain) <= width:
            return super().wrap(
                console,
                width,
                justify=justify,
                overflow=overflow,
                tab_size=tab_size,
                no_wrap=no_wrap,
            )
        spans, start, end = [], 0, 0
        for piece in self.pieces:
            if end > start and cell_len(self.plain[start:end] + piece.rstrip()) > width:
                spans.append((start, end))
                start = end
            end += len(piece)
        lines = Lines()
        for first, last in [*spans, (start, end)]:
            kept = _rebuilt(self[first:last], KeepsRuns)
            kept.rstrip()
            lines.extend(
                kept.wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size)
            )
        return lines


def clause_lines(text: str) -> ItemLines:
    """A caption broken between its clauses, after `；` or `; `, when wider than its table:
    `* 现行，自起始期起适用；` over `无 * 者已被后来的调整取代`, not `…；无 *` over `者…`."""
    return ItemLines(re.split(r"(?<=；)|(?<=; )", text))


class BreaksAfterSlash(Text):
    """A figure against its bound (`5%/≥national_fai_growth`) that, when its column is too
    narrow for it, breaks after the `/` rather than anywhere: a bound that names a target
    by its id stays whole on the next line (folded, `national_fai_gro` over `wth`, it could
    not be typed back). Only a part still too wide for the column is folded."""

    whole = False  # a bound alone (`EdgeApart`: `≤ 4.8%`), never broken inside

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        plain = self.plain
        at = after_slash(plain)
        shape: dict[str, Any] = {
            "justify": justify,
            "overflow": overflow,
            "tab_size": tab_size,
            "no_wrap": no_wrap,
        }
        if "\n" in plain or cell_len(plain) <= width:
            return super().wrap(console, width, **shape)
        lines = Lines()
        for part in self.divide([at]) if at else [self]:
            # a Chinese bound still too wide breaks as `KeepsRuns`, never inside a number:
            # Rich folded 河南's `（力争高于上年1350.97亿斤）` anywhere (`1350.9` over `7亿斤）`)
            if cell_len(part.plain) > width and _WIDE_CHARS.search(part.plain) and not no_wrap:
                lines.extend(keeping_runs(part, phrases=True).wrap(console, width, **shape))
            else:
                lines.extend(Text.wrap(part, console, width, **shape))
        return lines

    def least_width(self) -> int:
        """The narrowest it can be without folding a word: its widest word (a figure with its
        unit one, `least_words`), the text on either side of the `/` counted apart."""
        plain = self.plain
        at = after_slash(plain)
        parts = (plain[:at], plain[at:]) if at and "\n" not in plain else (plain,)
        lines = [line for part in parts for line in part.splitlines()]
        return max((cell_len(word) for line in lines for word in least_words(line)), default=0)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = super().__rich_measure__(console, options)
        return Measurement(min(measured.minimum, self.least_width()), measured.maximum)
