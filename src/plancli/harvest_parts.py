"""A part of the year's grain harvest typed as a period (`record grain_output 360 -p 夏粮`).

Bulletins publish the year's grain output in parts: 夏粮 (the summer harvest, in July), 早稻
(the early rice, in August), 秋粮 (the autumn harvest, with the year's total). None is a
period: a grain target (粮食产量, `frequency = "annual"`, a level in 亿斤) records the whole
year's output, and a part does not add up to it in the ledger (`--add` is for cumulative
targets). The refusal names the word and what the target records, where `malformed period`
said only that the word was no period. 夏粮 may be kept as a note of progress for the half year
it ends (`-p 上半年 --note 夏粮`: kept, not judged, `part_year`). `--add` for part of the year of
an annual target (`annual_add`) is refused saying the target's figure is the year's total."""

from __future__ import annotations

import re
import unicodedata

from plancli.errors import InputError
from plancli.i18n import _
from plancli.part_year import year_total
from plancli.period_rhythm import written_period
from plancli.periods import Period, first_of_year
from plancli.plain import AnyTarget

_PART = re.compile(r"(?:\d{4}年)?(夏粮|秋粮|早稻)(?:产量)?")
"""夏粮, 2026年夏粮, 夏粮产量 (NFKC, no spaces)."""


class HarvestPart(InputError):
    """A part of the harvest refused as `record -p` takes it (`-p 2026`); `imported` says it of
    an import's row, which has a period cell, not a flag."""

    def __init__(self, message: str, fields: dict[str, object], word: str) -> None:
        super().__init__(message)
        self.fields, self.word = fields, word

    def imported(self) -> InputError:
        """The refusal of a row whose period cell says 夏粮 (秋粮, 早稻): the value to write in
        the cell, no flag (the import names the file and line before it)."""
        if self.word == "夏粮":
            return InputError(
                _(
                    "period '{period}' is {part}, a part of the year's grain output, not a "
                    "period: {target} records the whole year's output: write {year} in the "
                    "row's period column; to keep the summer harvest as a note of progress, "
                    "write 上半年 there and 夏粮 in its note column (kept, not judged)"
                ).format(**self.fields)
            )
        return InputError(
            _(
                "period '{period}' is {part}, a part of the year's grain output, not a period: "
                "{target} records the whole year's output, as the year's bulletin gives it: "
                "write {year} in the row's period column; the parts are not added up"
            ).format(**self.fields)
        )


def harvest_checked(target: AnyTarget, text: str, year: int) -> Period:
    """The period `text` as `record -p` writes it (`period_rhythm.written_period`); a part of
    the harvest (夏粮) refused naming it, any other text as written_period refuses it."""
    try:
        return written_period(text, target.frequency, year)
    except InputError as exc:
        raise harvest_part(target, text, year) or exc from None


def nothing_before(target: AnyTarget, period: Period) -> bool:
    """May `--add` for `period` start from 0 with no figure before it: a monthly target's
    1-2月, a quarterly one's Q1 (`periods.first_of_year`), an annual target's year (`-p 2026`)
    only: it takes no figure of 1-2月 (the refusal is `annual_add`'s; it was added to 0)."""
    if target.frequency == "annual" and period.granularity != "Y":
        return False
    return first_of_year(target.frequency, period)


def annual_add(target: AnyTarget, period: Period) -> InputError | None:
    """The refusal of `--add` for part of the year (`-p 上半年`, `-p 1-2月`) of an annual target
    with no figure before it: its figure is the year's total (四川's emission_reduction), which
    the refusal says; None for a target of another frequency (its refusal is check_entry's)."""
    if target.frequency != "annual":
        return None
    return InputError(
        _(
            "--add: {target} is an annual target: its figure is the year's total ({year}), and "
            "no figure of it before {period} is recorded to add to; record the year's total at "
            "the year's end (-p {year})"
        ).format(target=target.id, period=period, year=period.year)
    )


def harvest_part(target: AnyTarget, text: str, year: int) -> InputError | None:
    """The refusal of a period `text` that is a part of the year's grain harvest; None for
    any other text."""
    from plancli.safe import visible

    found = _PART.fullmatch("".join(unicodedata.normalize("NFKC", text).split()))
    if found is None:
        return None
    word = found[1]
    part = {
        "夏粮": _("the summer grain harvest"),
        "秋粮": _("the autumn grain harvest"),
        "早稻": _("the early rice harvest"),
    }[word]
    fields = {"period": visible(text.strip()), "part": part, "target": target.id, "year": year}
    if not year_total(target):
        return InputError(
            _(
                "period '{period}' is {part}, a part of the year's grain output, not a period: "
                "give the period the figure is for ({year}-06, 上半年, {year})"
            ).format(**fields)
        )
    if word == "夏粮":
        return HarvestPart(
            _(
                "period '{period}' is {part}, a part of the year's grain output, not a period: "
                "{target} records the whole year's output (-p {year}); to keep the summer "
                "harvest as a note of progress, record it for the half year it ends: -p 上半年 "
                "--note 夏粮 (kept, not judged)"
            ).format(**fields),
            fields,
            word,
        )
    return HarvestPart(
        _(
            "period '{period}' is {part}, a part of the year's grain output, not a period: "
            "{target} records the whole year's output (-p {year}), as the year's bulletin gives "
            "it; the parts are not added up (--add is for cumulative targets)"
        ).format(**fields),
        fields,
        word,
    )
