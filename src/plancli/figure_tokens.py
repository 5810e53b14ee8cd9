"""Which words of a command line are figures, not options (`record gdp -2.5`, `amend gdp
--from 2022-07 --min -1`): the rule `record` and `amend` parse their command lines by.

A word that starts with `-` and then a digit or a decimal point (`-5`, `-2.5`, `-.5`, `-1e3`,
`-5%`, `-1,234`, `-5亿元`), or a number's word (`-inf`, `-Infinity`, `-nan`), is a figure, as
Python's argparse takes `-5` for a value where no option looks like a number: it reaches the
figure's own checks, which name it as typed (`value '-Infinity' is not a finite number`).
Before session 32 Click read `-Infinity` as the flags `-I -n -f …`, made it a dry run (`-n`)
and named the letters left over, `-Ifiity`; `-n5` was a dry run of −5.

A flag and a figure run together (`-n5`, `-n-5`) is neither: `run_together` finds it, and
the command refuses it rather than guess which was meant. `--` ends the options as everywhere
(`plancli record gdp -p 2022-03 -- -2.5`).
"""

from __future__ import annotations

import re
import unicodedata

_FIGURE = re.compile(r"-(?:[0-9.]|(?:inf(?:inity)?|s?nan)\b)", re.IGNORECASE)


def reads_as_figure(word: str) -> bool:
    """Is `word`, which starts with `-`, a (negative) figure rather than options?"""
    if not word.isascii():  # -５: an input method's digit is a figure's, as `record` reads it
        word = unicodedata.normalize("NFKC", word)
    return _FIGURE.match(word) is not None


def run_together(word: str, flags: frozenset[str]) -> tuple[str, str] | None:
    """For a word of short flags followed by a figure (`-n5`: the flag `n`, the figure `5`;
    `-n-5`), the last flag (`-n`) and the figure as typed (`5`, `-5`); None for anything
    else. `flags` are the letters of the command's short options that take no value."""
    if len(word) < 3 or word[0] != "-" or word[1] not in flags:
        return None
    end = 1
    while end < len(word) and word[end] in flags:
        end += 1
    rest = word[end:]
    if not rest or not reads_as_figure(rest if rest.startswith("-") else "-" + rest):
        return None
    return "-" + word[end - 1], rest
