"""The interface's language: messages through gettext, and the table words in both languages.

Messages (help, errors, what a command says on stderr) are written in English in the code,
wrapped in `_()`, and translated by the gettext catalog `locale/zh/LC_MESSAGES/plancli.mo`
shipped in the wheel (`pybabel extract` makes the .pot, docs/chinese.md says how to update
it). English needs no catalog: `_()` returns its argument, and neither the gettext module nor
the catalog is loaded. The words of tables and reports come in pairs (`interface_words.WORDS`,
read by `t`).

The language is chosen once per process, before the CLI is imported (Typer builds the help
texts when the commands are declared): `--lang` anywhere on the command line, else the
`PLANCLI_LANG`, else the locale (LC_ALL, LC_MESSAGES, LANG), else Windows' display language,
else English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from plancli.interface_words import WORDS

if TYPE_CHECKING:
    from gettext import NullTranslations

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
DOMAIN = "plancli"
LOCALE_DIR = Path(__file__).parent / "locale"

_language: Lang = "en"
_catalog: NullTranslations | None = None


def lang_named(value: str) -> Lang | None:
    """The language `value` names, in `--lang` and `PLANCLI_LANG` alike: `zh`, `en`, in any
    case, or a locale name (`zh_CN`, `zh-TW`, `en_US.UTF-8`); None for anything else (`fr`).
    `--lang ZH` and `--lang zh_CN` were refused where `PLANCLI_LANG=ZH` was obeyed."""
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en"):
        return "en"
    return None


def env_lang() -> Lang | None:
    """`PLANCLI_LANG` when it names a language (`lang_named`); None when it is unset or empty.
    A value that is neither (`fr`) is None here too: the CLI refuses it in words
    (`check_env_lang`)."""
    return lang_named(os.environ.get("PLANCLI_LANG", ""))


def default_lang() -> Lang:
    """The language when `--lang` says none: `PLANCLI_LANG` (set once: `setx PLANCLI_LANG zh` on
    Windows), else zh when the locale says so (LC_ALL, then LC_MESSAGES, then LANG, the first
    one set: `LANG=zh_CN.UTF-8`, `LC_ALL=zh_TW.UTF-8`, `LANG=zh` are Chinese), else — none of
    them set, as on Windows — the system's display language, else en."""
    chosen = env_lang()
    if chosen is not None:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    language_id = windows_ui_language()
    if language_id is not None and language_id & 0x3FF == 0x04:  # LANG_CHINESE, any region
        return "zh"
    return "en"


def windows_ui_language() -> int | None:
    """The Windows user's display language (a LANGID: 0x0804 zh-CN, 0x0404 zh-TW, 0x0409
    en-US), which Windows sets where POSIX systems set LANG; None elsewhere."""
    if os.name != "nt":
        return None
    import ctypes

    try:
        return int(ctypes.windll.kernel32.GetUserDefaultUILanguage())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None


def lang_from_argv(argv: Sequence[str]) -> Lang | None:
    """The `--lang` of a command line, wherever it is (`plancli status --lang zh`), before a
    `--`; None when there is none or its value is neither en nor zh (the CLI then says so).
    A scan, not a parse: it runs before Typer is imported."""
    found: Lang | None = None
    for position, arg in enumerate(argv):
        if arg == "--":
            break
        value: str | None = None
        if arg == "--lang" and position + 1 < len(argv):
            value = argv[position + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None:
            found = lang_named(value) or found
    return found


def choose_language(argv: Sequence[str]) -> Lang:
    """The process's language: `--lang` on the command line, else the locale."""
    return lang_from_argv(argv) or default_lang()


def set_language(lang: Lang) -> None:
    """Messages from now on in `lang` (the CLI calls it before building the commands)."""
    global _language
    _language = lang


def language() -> Lang:
    return _language


def _zh_catalog() -> NullTranslations:
    global _catalog
    if _catalog is None:
        import gettext as stdlib_gettext

        _catalog = stdlib_gettext.translation(DOMAIN, LOCALE_DIR, languages=["zh"], fallback=True)
    return _catalog


def gettext(message: str) -> str:
    """`message` in the chosen language (itself in English, or where no translation exists)."""
    if _language == "en":
        return message
    return _zh_catalog().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count` (Chinese has one form)."""
    if _language == "en":
        return singular if count == 1 else plural
    return _zh_catalog().ngettext(singular, plural, count)


def join_list(items: Iterable[str]) -> str:
    """Items of a list in a sentence: `a, b` in English, `a、b` in Chinese (顿号)."""
    return ("、" if _language == "zh" else ", ").join(items)


def colon_join(*parts: object) -> str:
    """The parts of a message that each name where the next one is (file, line, target, field,
    reason), empty ones left out: `p.toml: line 2: plan.name_en: …` in English, joined by the
    full-width colon in Chinese (`p.toml:2：plan.name_en：…`), where the ASCII `: ` of the
    English form read as a typo in a Chinese sentence."""
    return ("：" if _language == "zh" else ": ").join(str(part) for part in parts if part)


def at_line(shown: str, line: int | None) -> str:
    """A file (`shown`: as `clip_path` shows it) and a line as messages name them: `p.toml:
    line 2` in English (a plan's errors), `p.toml:2` in Chinese, the form every other Chinese
    message gives a file's line in (`june.csv:3：…`, `a.json:1:45：JSON 格式错误…`); the file
    alone without a line."""
    return gettext("{where}: line {n}").format(where=shown, n=line) if line else shown


_BESIDE_FULL_WIDTH = re.compile("(?<=[）」』】》、，；：。]) | (?=[（「『【《、，；：。])")


def tight(text: str) -> str:
    """A Chinese sentence without the ASCII spaces its template puts beside a value that ends
    or starts with a full-width bracket (`由 {who} 录入` with `bob（代 工信局）`); an English one
    as it is (a department named `住建局（人防办）` keeps its word spacing there)."""
    return _BESIDE_FULL_WIDTH.sub("", text) if _language == "zh" else text


def N_(message: str) -> str:
    """Marks a string for extraction where it cannot be translated yet (a module constant)."""
    return message


_ = gettext


def kind_word(kind: str) -> str:
    """A target's kind as messages name it: `cumulative`, in Chinese 累计 (as `show` names it)."""
    return t(f"kind.{kind}", _language)


def t(key: str, lang: Lang) -> str:
    en, zh = WORDS.get(key, (key, key))
    return zh if lang == "zh" else en
