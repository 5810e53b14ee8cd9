"""A yes/no question on the terminal, in the interface's language.

Click's `confirm` takes only y/yes/n/no and answers anything else with `Error: invalid input`,
in English: an analyst working in Chinese types 是 and is told so in English, and asked again
without being told what to type. Here 是/否 (and full-width ｙ/ｎ) are answers, and an answer
that is neither is met with a line in the interface's language saying what to type.
"""

from __future__ import annotations

import unicodedata

import typer

from plancli.i18n import _

YES = frozenset({"y", "yes", "是", "是的", "好", "对", "确认", "确定"})
NO = frozenset({"", "n", "no", "否", "不", "不是", "取消"})


def answer_of(text: str) -> bool | None:
    """True for a yes, False for a no (an empty answer is the default: no), None for neither.

    Full-width letters are read as their ASCII (ｙ is y), case does not matter, and a
    sentence's full stop or the spaces around the word are not part of it (`是。`)."""
    word = unicodedata.normalize("NFKC", text).strip().casefold().rstrip("。.!！")
    if word in YES:
        return True
    if word in NO:
        return False
    return None


def confirm(question: str) -> bool:
    """Ask `question [y/N]` on stderr until the answer is a yes or a no; the default is no.

    End of input raises `typer.Abort`, as Click's `confirm` does: the caller says what was
    not done."""
    while True:
        reply = typer.prompt(
            question, default="", show_default=False, prompt_suffix=" [y/N]: ", err=True
        )
        answer = answer_of(reply)
        if answer is not None:
            return answer
        typer.echo(_("please answer y (yes) or n (no)"), err=True)
