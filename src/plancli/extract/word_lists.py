"""Word's automatic list numbers, written into a .docx report's text.

A report typed in Word may number its parts and sections with Word's lists (一、 （一） 1. ①)
rather than typing them. The numbers are then not in the document's text but in its list
definitions (`word/numbering.xml`), applied to a paragraph directly or through its style
(`word/styles.xml`); without them the parts and work sections `extract` finds by their
markers would run together. `Numbering` reads both parts and gives each numbered paragraph its
label, counting as Word counts: per list, a level's count restarting after a higher level.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from plancli.safe_xml import local

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(number: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """1 → 一, 10 → 十, 21 → 二十一 (up to 99; beyond, the figure itself)."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else (ten if tens == 1 else digits[tens] + ten)
    return head + (digits[units] if units else "")


def _roman(number: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while number >= value:
            out += letters
            number -= value
    return out


def _letter(number: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1) if number > 0 else ""


def _circled(number: int, first: int) -> str:
    return chr(first + number - 1) if 1 <= number <= 20 else str(number)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(48, 58)}),
    "decimalFullWidth2": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(48, 58)}),
    "decimalEnclosedCircle": lambda n: _circled(n, 0x2460),
    "decimalEnclosedCircleChinese": lambda n: _circled(n, 0x2460),
    "decimalEnclosedParen": lambda n: _circled(n, 0x2474),
    "decimalEnclosedFullstop": lambda n: _circled(n, 0x2488),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL, "拾"),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10] if n > 0 else str(n),
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
    "none": lambda _n: "",
}


@dataclass
class _Level:
    start: int = 1
    format: str = "decimal"
    text: str = ""


@dataclass
class _Style:
    based_on: str | None = None
    num_id: str | None = None
    level: str | None = None


@dataclass
class Numbering:
    """The lists of a .docx: what each numbered paragraph's label is, in document order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract id → levels
    lists: dict[str, str] = field(default_factory=dict)  # num id → abstract id
    restarts: dict[str, dict[int, int]] = field(default_factory=dict)  # num id → start overrides
    styles: dict[str, _Style] = field(default_factory=dict)
    counts: dict[str, list[int | None]] = field(default_factory=dict)  # abstract id → counts
    started: set[str] = field(default_factory=set)  # num ids whose overrides were applied

    def numbering_reader(
        self,
    ) -> tuple[Callable[[str, dict[str, str]], None], Callable[[str], None]]:
        """expat handlers reading word/numbering.xml into this object."""
        at: dict[str, str | int | None] = {"abstract": None, "level": None, "num": None}

        def start(tag: str, attrs: dict[str, str]) -> None:
            name, value = local(tag), _val(attrs)
            if name == "abstractNum":
                at["abstract"] = _attr(attrs, "abstractNumId")
                self.levels.setdefault(str(at["abstract"]), {})
            elif name == "lvl" and at["abstract"] is not None:
                at["level"] = _int(_attr(attrs, "ilvl"))
                self.levels[str(at["abstract"])][int(at["level"] or 0)] = _Level()
            elif name == "num":
                at["num"] = _attr(attrs, "numId")
            elif name == "abstractNumId" and at["num"] is not None and value is not None:
                self.lists[str(at["num"])] = value
            elif name == "lvlOverride" and at["num"] is not None:
                at["level"] = _int(_attr(attrs, "ilvl"))
            elif name == "startOverride" and at["num"] is not None and at["level"] is not None:
                overrides = self.restarts.setdefault(str(at["num"]), {})
                overrides[int(at["level"])] = _int(value) or 0
            elif at["abstract"] is not None and at["level"] is not None and value is not None:
                level = self.levels[str(at["abstract"])][int(at["level"])]
                if name == "start":
                    level.start = _int(value) or 0
                elif name == "numFmt":
                    level.format = value
                elif name == "lvlText":
                    level.text = value

        def end(tag: str) -> None:
            name = local(tag)
            if name in ("abstractNum", "num"):
                at.update(abstract=None, num=None, level=None)
            elif name in ("lvl", "lvlOverride"):
                at["level"] = None

        return start, end

    def styles_reader(self) -> tuple[Callable[[str, dict[str, str]], None], Callable[[str], None]]:
        """expat handlers reading the numbering of word/styles.xml's paragraph styles."""
        at: list[_Style] = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            name, value = local(tag), _val(attrs)
            if name == "style":
                at[:] = [self.styles.setdefault(_attr(attrs, "styleId") or "", _Style())]
            elif at and value is not None:
                if name == "basedOn":
                    at[0].based_on = value
                elif name == "numId":
                    at[0].num_id = value
                elif name == "ilvl":
                    at[0].level = value

        def end(tag: str) -> None:
            if local(tag) == "style":
                at.clear()

        return start, end

    def label(self, style: str | None, num_id: str | None, level: str | None) -> str:
        """The label of the next paragraph with this style and numbering ("" if none), counted."""
        seen = 0
        while (num_id is None or level is None) and style is not None and seen < 20:
            found = self.styles.get(style)
            if found is None:
                break
            num_id = num_id if num_id is not None else found.num_id
            level = level if level is not None else found.level
            style, seen = found.based_on, seen + 1
        abstract = self.lists.get(num_id or "")
        levels = self.levels.get(abstract or "")
        if not levels or num_id in (None, "0"):
            return ""
        depth = min(max(_int(level) or 0, 0), 8)
        counts = self.counts.setdefault(str(abstract), [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id or "")
            for restarted, start in self.restarts.get(num_id or "", {}).items():
                if 0 <= restarted < 9:
                    counts[restarted] = start - 1
        previous = counts[depth]
        counts[depth] = levels.get(depth, _Level()).start if previous is None else previous + 1
        for deeper in range(depth + 1, 9):
            counts[deeper] = None
        text = levels.get(depth, _Level()).text
        for shown in range(depth + 1, 0, -1):
            placeholder = f"%{shown}"
            if placeholder in text:
                at_level = levels.get(shown - 1, _Level())
                count = counts[shown - 1]
                value = at_level.start if count is None else count
                text = text.replace(placeholder, _formatted(at_level.format, value))
        if levels.get(depth, _Level()).format == "bullet":
            return ""  # a bullet's symbol (a private-use glyph of a symbol font): no marker
        return text


def _formatted(number_format: str, value: int) -> str:
    """`value` in a list's format; past Word's largest count (32,767: a start value a hostile
    file sets to two billion would be a letter repeated 77 million times), as a figure."""
    if not 0 < value <= 32_767:
        return str(value)
    return _FORMATS.get(number_format, str)(value)


def _attr(attrs: dict[str, str], name: str) -> str | None:
    return next((value for key, value in attrs.items() if local(key) == name), None)


def _val(attrs: dict[str, str]) -> str | None:
    return _attr(attrs, "val")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
