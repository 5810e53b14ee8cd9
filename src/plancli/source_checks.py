"""`validate`'s checks of a plan against its report (`--source`) beyond the quotes: each
baseline's figure stated somewhere in the report (`baseline_not_in_source`), and a report
most of whose quotes are missing (another plan's report: an error, `wrong_report`); and the
English names left untranslated (one summary warning, `name_en_untranslated`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from plancli.fmt import num
from plancli.i18n import N_, _, colon_join, join_list, ngettext
from plancli.plan_checks import Finding
from plancli.quote_words import UNIT_WORDS
from plancli.safe import clip_path

if TYPE_CHECKING:
    from pathlib import Path

    from plancli.model import Plan, Target

# One message a field, so that each language names it in its words (基期值, not `value`).
_BASELINE_NOT_FOUND = {
    "value": N_("baseline value = {value} ({year}) is not a figure anywhere in the report"),
    "growth": N_("baseline growth = {value} ({year}) is not a figure anywhere in the report"),
    "plan": N_("baseline plan = {value} ({year}) is not a figure anywhere in the report"),
}


_BASELINE_SIGN = {
    "value": N_(
        "baseline value = {value} ({year}): the report states {size} only as {words!r}: "
        "write value = {fix}"
    ),
    "growth": N_(
        "baseline growth = {value} ({year}): the report states {size} only as {words!r}: "
        "write growth = {fix}"
    ),
    "plan": N_(
        "baseline plan = {value} ({year}): the report states {size} only as {words!r}: "
        "write plan = {fix}"
    ),
}
_BASELINE_SCALE = {
    "value": N_(
        "baseline value = {value} ({year}) is the report's {words!r} without its {scale}: "
        "in {unit}, write value = {fix}"
    ),
    "growth": N_(
        "baseline growth = {value} ({year}) is the report's {words!r} without its {scale}: "
        "in {unit}, write growth = {fix}"
    ),
    "plan": N_(
        "baseline plan = {value} ({year}) is the report's {words!r} without its {scale}: "
        "in {unit}, write plan = {fix}"
    ),
}
# A fall's word right before its figure (下降11.5%, 减少了3万人), or a minus sign (not a
# range's dash: 5-5.5%).
_FALL = re.compile(r"(?:(?:下降|降低|减少|回落|下滑)(?:了|约)?|(?<![0-9%.])[-−])$")
_REPORT_FIGURE = re.compile(rf"([0-9]+(?:\.[0-9]+)?)([十百千万亿]*)(?:{UNIT_WORDS})?")
_GROUPED = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")  # 1,053.8


class _Figures:
    """The report's figures in one unit, each signed (下降11.5% is −11.5), and the figures it
    writes only with a 万/亿 the unit does not have (5.67万亿元 for a target in 亿元: 56700,
    never 5.67), each with its words."""

    def __init__(self, report_text: str, unit: str) -> None:
        import unicodedata

        from plancli.extract.furniture import quote_as_read
        from plancli.plan_checks import _scale

        own = _scale(re.sub(r"[^十百千万亿].*", "", unicodedata.normalize("NFKC", unit)))
        self.signed: dict[Decimal, str] = {}
        self.scaled: dict[Decimal, tuple[str, str, Decimal]] = {}
        for read in (report_text, quote_as_read(report_text)):
            text = _GROUPED.sub("", unicodedata.normalize("NFKC", read))
            for match in _REPORT_FIGURE.finditer(text):
                before = re.sub(r"\s+", "", text[max(0, match.start() - 8) : match.start()])
                fall = _FALL.search(before)
                sign = -1 if fall else 1
                figure, scale = Decimal(match.group(1)), match.group(2)
                words = (fall.group(0) if fall else "") + match.group(0)
                converted = (figure * _scale(scale) / own).normalize()
                self.signed.setdefault(sign * converted, words)
                if converted != figure.normalize() and re.search("[万亿]", scale):
                    self.scaled.setdefault(figure.normalize(), (words, scale, sign * converted))
                else:
                    self.signed.setdefault(sign * figure.normalize(), words)


def baseline_findings(plan: Plan, report_text: str, plan_text: str | None = None) -> list[Finding]:
    """A baseline figure (value, growth, the baseline year's plan) that is no figure of the
    report: a baseline mistyped (127.1 for 121.7), which no quote holds to catch it. The
    report's figures are read as a bound's are in its quote (`quoted_figures`: full-width
    digits, 1,053.8, and a figure followed by 万 or 亿 in the target's unit, 6.02万亿元 as
    60200 亿元 — and then only so: 5.67万亿元 is not 5.67 亿元); a figure is signed, a fall's
    word before it a minus (下降11.5% is −11.5, never +11.5: audit D D2). A zero is not
    checked: the report says it in words (持平, 零增长). Each message opens with the line of
    the baseline's figure in the plan's `plan_text`, as a bound's does (verify C)."""
    figures: dict[str, _Figures] = {}  # the report's figures, read once per unit

    findings: list[Finding] = []
    for index, target in enumerate(plan.targets):
        baseline = target.baseline
        if baseline is None:
            continue
        for field in ("value", "growth", "plan"):
            figure = getattr(baseline, field)
            unit = "%" if field == "growth" else target.unit
            if figure is None or figure == 0:
                continue
            if unit not in figures:
                figures[unit] = _Figures(report_text, unit)
            read = figures[unit]
            figure = figure.normalize()
            if figure in read.signed:
                continue
            fields = {"value": num(figure), "year": baseline.year}
            if -figure in read.signed:  # the report's 下降11.5% typed as growth = 11.5
                words = read.signed[-figure]
                message = _(_BASELINE_SIGN[field]).format(
                    size=num(abs(figure)), words=words, fix=num(-figure), **fields
                )
            elif abs(figure) in read.scaled:  # 5.67万亿元 typed as 5.67 in 亿元
                words, scale, converted = read.scaled[abs(figure)]
                fix = converted if figure > 0 else -converted
                message = _(_BASELINE_SCALE[field]).format(
                    words=words, scale=scale, unit=unit, fix=num(fix), **fields
                )
            else:
                message = _(_BASELINE_NOT_FOUND[field]).format(**fields)
            line = None if plan_text is None else baseline_line(plan_text, index, field)
            if line is not None:
                message = colon_join(_("line {n}").format(n=line), message)
            findings.append(Finding("warning", "baseline_not_in_source", target.id, message))
    return findings


def baseline_line(text: str, index: int, field: str) -> int | None:
    """The line of the index-th target's baseline in the plan's `text`: its inline table's
    (`baseline = { year = 2025, growth = 11.5 }`), or the `field = …` line of its
    `[targets.baseline]` table; None where neither is found (the line is then not named)."""
    headers = list(re.finditer(r"^[ \t]*\[\[\s*targets\s*\]\]", text, re.MULTILINE))
    if index >= len(headers):
        return None
    start = headers[index].end()
    end = headers[index + 1].start() if index + 1 < len(headers) else len(text)
    inline = re.compile(r"^[ \t]*baseline[ \t]*=", re.MULTILINE).search(text, start, end)
    table = re.compile(r"^[ \t]*\[\s*targets\s*\.\s*baseline\s*\]", re.MULTILINE)
    found = table.search(text, start, end)
    if inline is not None and (found is None or inline.start() < found.start()):
        return text.count("\n", 0, inline.start()) + 1
    if found is None:
        return None
    block_end = re.compile(r"^[ \t]*\[", re.MULTILINE).search(text, found.end(), end)
    key = re.compile(rf"^[ \t]*{field}[ \t]*=", re.MULTILINE).search(
        text, found.end(), block_end.start() if block_end else end
    )
    return text.count("\n", 0, (key or found).start()) + 1


def read_report(source: Path) -> str:
    """The text of `validate --source`: a .docx or UTF-16 with its BOM as `extract` reads it,
    else UTF-8, GB18030 or Big5 (reports are published in each); `-` is standard input."""
    from plancli.extract.text import report_document
    from plancli.paths import read_report_bytes

    name = _("standard input") if str(source) == "-" else str(source)
    data = read_report_bytes(str(source), name)  # `-`: standard input, as `extract -` reads it
    # decoded by extract's own function: the same text, so the same quotes
    return report_document(data, f"--source {clip_path(source)}")


def plan_file_text(path: Path) -> str | None:
    """The plan file's text, to name the line of a finding (None if it cannot be read again)."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def wrong_report(plan: Plan, findings: list[Finding], source: Path) -> str | None:
    """The error when most of the plan's quotes (more than half, and at least 3) are not in
    the report given: evidently another plan's report (a province's for its neighbour's
    plan); None when fewer are missing, each then a `quote_not_found` warning."""
    quoted = sum(1 for t in plan.targets if t.quote is not None)
    missing = sum(1 for f in findings if f.code == "quote_not_found")
    if missing < 3 or missing * 2 <= quoted:
        return None
    shown = _("standard input") if str(source) == "-" else str(source)
    return _("{missing} of {quoted} quotes are not in {source}: is it this plan's report?").format(
        missing=missing, quoted=quoted, source=clip_path(shown)
    )


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_GLOSS = re.compile(r"[(（][^()（）]*[)）]")  # `Finance-and-intelligence (财智) platform`
SHOWN_IDS = 5


def untranslated(target: Target) -> bool:
    """A target whose `name_en` is its Chinese name (an `extract` draft's, not yet translated):
    the same as `name`, or Chinese outside a bracket (a bracket may gloss a term: `(财智)`)."""
    name_en = target.name_en.strip()
    return name_en == target.name.strip() or bool(_CJK.search(_GLOSS.sub("", name_en)))


def untranslated_finding(plan: Plan) -> Finding | None:
    """One warning for every target whose `name_en` is untranslated, naming how many and the
    first ids: every English screen and report shows their Chinese names."""
    ids = [t.id for t in plan.targets if untranslated(t)]
    if not ids:
        return None
    shown = join_list(ids[:SHOWN_IDS] + (["…"] if len(ids) > SHOWN_IDS else []))
    message = ngettext(
        "{n} target has its Chinese name as name_en ({ids}): English screens and reports "
        "show it in Chinese; translate it",
        "{n} targets have their Chinese name as name_en ({ids}): English screens and "
        "reports show them in Chinese; translate them",
        len(ids),
    ).format(n=len(ids), ids=shown)
    return Finding("warning", "name_en_untranslated", None, message)
