"""Warnings about a plan that loads (`plancli validate`): roll-ups that do not add up, quotes
missing or not found in the report, a draft's `review` notes still in it (and, in
`source_checks`, baselines not in the report and English names left untranslated)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, NamedTuple

from plancli.fmt import num
from plancli.i18n import N_, _, join_list, ngettext
from plancli.radicals import radical_free, radicals_in
from plancli.safe import clip, clip_path, visible
from plancli.texts import shell_word

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from plancli.model import Plan, Target


class Finding(NamedTuple):
    """A validation warning: the plan loads, but something deserves a look."""

    level: Literal["warning"]
    code: str
    target: str | None
    message: str


def check_plan(
    plan: Plan, report_text: str | None = None, plan_text: str | None = None
) -> list[Finding]:
    """Warnings about a valid plan: roll-ups that do not add up, quotes missing or not found,
    a draft's `review` notes still in it (what `extract` asks a reviewer to check, then delete),
    bounds whose side or sign the quote's words contradict (with their line in `plan_text`)."""
    findings: list[Finding] = []
    if plan.plan.review:  # (a draft's name: the title of every status and report)
        message = _("still to review (delete `review` once checked): {review}")
        findings.append(
            Finding("warning", "review_pending", None, message.format(review=plan.plan.review))
        )
    # A plan in Chinese alone (no English name of its own: docs/plans.md) is not asked for one.
    english = plan.plan.name_en.strip() != plan.plan.name.strip()
    place = _placeless_english(plan.plan.name, plan.plan.name_en) if english else None
    if place is not None and not plan.plan.review:  # (a review pending asks to check the name)
        message = _(PLACELESS_EN).format(place=place, name_en=clip(plan.plan.name_en, 120))
        findings.append(Finding("warning", "name_en_no_place", None, message))
    from plancli.bound_sides import side_findings
    from plancli.quote_words import word_findings
    from plancli.source_checks import baseline_findings, untranslated_finding

    if english and (names := untranslated_finding(plan)) is not None:
        findings.append(names)
    by_id = {t.id: t for t in plan.targets}
    report = None if report_text is None else _normalise(report_text)  # once, not per quote
    findings.extend(_shared_alias_findings(plan))
    for index, target in enumerate(plan.targets):
        if target.parts:
            findings.extend(_rollup_findings(target, [by_id[p] for p in target.parts]))
        if target.review:
            findings.append(
                Finding(
                    "warning",
                    "review_pending",
                    target.id,
                    _("still to review (delete `review` once checked): {review}").format(
                        review=target.review
                    ),
                )
            )
        mismatch = _bound_not_quoted(target)
        if mismatch is not None:
            findings.append(mismatch)
        else:  # the figure is the quote's: are its side and sign the quote's words? (audit W)
            findings.extend(side_findings(target, index, plan_text))
            findings.extend(word_findings(target, index, plan_text))  # around, unit (audit D)
        if target.owner and radical_free(target.owner) != target.owner:  # copied from a PDF
            message = _(
                "owner {owner} holds a PDF's radical ({radicals}): a database ledger reads it "
                "as {read}; write {read} in the plan"
            )
            owner = target.owner.strip()
            read = radical_free(owner)
            found = "; ".join(radicals_in(owner))
            findings.append(
                Finding(
                    "warning",
                    "owner_radical",
                    target.id,
                    message.format(owner=owner, radicals=found, read=read),
                )
            )
        if target.quote is None:
            findings.append(
                Finding(
                    "warning",
                    "no_quote",
                    target.id,
                    _("no quote: cannot be traced to the report"),
                )
            )
        elif report is not None and _normalise(target.quote) not in report:
            findings.append(
                Finding(
                    "warning",
                    "quote_not_found",
                    target.id,
                    _("quote not found in the report: {quote!r}").format(quote=target.quote),
                )
            )
    from plancli.plan_years import year_findings

    findings.extend(year_findings(plan, plan_text))  # a baseline of the plan's year or later
    if report_text is not None:
        findings.extend(baseline_findings(plan, report_text, plan_text))
    return findings


# The example is the plan's own name_en with the place's slot before it: a fixed example
# (Linfen 2020 …) read, for 深圳市罗湖区's 2023 plan, as a name to copy (session 43 walk11).
PLACELESS_EN = N_(
    "name names {place}, name_en no place: write {place}'s English name before it "
    '(name_en = "… {name_en}"), or every English screen and report reads as the national '
    "plan's"
)
# the place a plan's name opens with (临汾市2020年…, 官渡区2022年…); the English words a
# placeless title is made of (2020 main expected targets of …, National Economic and …)
_NAME_PLACE = re.compile(
    r"^\s*(?![全本])(?P<place>[\u4e00-\u9fff]{1,16}?(?:自治区|省|市|区|县|州|盟|旗|镇|乡))\s*\d{4}\s*年"
)
_TITLE_WORD = re.compile(
    r"National|Economic|Social|Development|Plan|Main|Expected|Targets?|The|Of|And|Annual"
    r"|Government|Work|Report|Draft|Headline|Year"
)


def _placeless_english(name: str, name_en: str) -> str | None:
    """The place the plan's Chinese name opens with where its English name names none (every
    capitalised word one of a title's: `_TITLE_WORD`), else None."""
    found = _NAME_PLACE.match(name)
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", name_en)
    if found is None or any(w[0].isupper() and not _TITLE_WORD.fullmatch(w) for w in words):
        return None
    return found.group("place")


def _shared_alias_findings(plan: Plan) -> list[Finding]:
    """An alias another target has too, as its name or alias: `import` and `record` cannot
    tell the two apart by it (a row 农村常住居民人均可支配收入 fitting both incomes)."""
    from plancli.bulletin_names import name_key

    owners: dict[str, list[str]] = {}
    for target in plan.targets:
        for name in (target.name, *target.aliases):
            ids = owners.setdefault(name_key(name), [])
            if target.id not in ids:
                ids.append(target.id)
    findings: list[Finding] = []
    named: dict[str, str] = {}  # a name → the first target of that name
    for target in plan.targets:
        first = named.setdefault(name_key(target.name), target.id)
        if first != target.id:  # two targets of one name (a copy-paste slip: audit W D8)
            message = _(
                "name {name!r} is also the name of {id}: `import` and `record` cannot tell "
                "them apart by it, nor a reader the two rows; give each target its own name"
            ).format(name=target.name, id=first)
            findings.append(Finding("warning", "shared_name", target.id, message))
        for alias in target.aliases:
            others = [i for i in owners[name_key(alias)] if i != target.id]
            if others:
                message = _(
                    "alias {alias!r} is also a name of {ids}: `import` cannot tell them apart "
                    "by it; give each target only its own names"
                )
                findings.append(
                    Finding(
                        "warning",
                        "shared_alias",
                        target.id,
                        message.format(alias=alias, ids=join_list(others)),
                    )
                )
    return findings


# A figure of a quote, with the scale characters after it (1.4万亿斤, 2.3万人, 500千米).
_QUOTED_FIGURE = re.compile(r"([0-9]+(?:\.[0-9]+)?)([十百千万亿]*)")
_SCALES = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_GROUPED = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")  # 1,053.8


def _scale(words: str) -> Decimal:
    scale = Decimal(1)
    for word in words:
        scale *= _SCALES[word]
    return scale


def quoted_figures(quote: str, unit: str) -> set[Decimal]:
    """The figures a quote states, each also in the target's unit where a scale word follows
    it (1.4万亿斤 is 14000 for a target counted in 亿斤, 1.2亿元 is 12000 in 万元)."""
    import unicodedata

    own = _scale(re.sub(r"[^十百千万亿].*", "", unicodedata.normalize("NFKC", unit)))
    found: set[Decimal] = set()
    from plancli.extract.furniture import quote_as_read

    # the quote as written, and as extract reads it: a copy's line breaks and page furniture
    # out (增长4.\n5% is 4.5, 25\n— 7 —\n00个 is 2500, 54\n陕西省2026年政府工作报告\n00万吨 5400)
    for read in (quote, quote_as_read(quote)):
        text = _GROUPED.sub("", unicodedata.normalize("NFKC", read))
        for match in _QUOTED_FIGURE.finditer(text):
            figure = Decimal(match.group(1))
            found.add(figure.normalize())
            if match.group(2):
                found.add((figure * _scale(match.group(2)) / own).normalize())
    return found


class _Quote(str):
    """A quote as a message's field: `{quote!r}` as `repr` shows it ('…', the English message),
    `{quote}` with its control characters escaped (“…”, the Chinese one: session 30 walk F9)."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(visible(str(self)), spec)


# One message a bound, so that each language names it in its words: 下限（min）, not `min`.
_NOT_QUOTED = {
    "min": N_("min = {value} is not a figure of its quote {quote!r}"),
    "max": N_("max = {value} is not a figure of its quote {quote!r}"),
    "around": N_("around = {value} is not a figure of its quote {quote!r}"),
    "stretch": N_("stretch = {value} is not a figure of its quote {quote!r}"),
}


# A quote measuring the year against the last (力争比去年实现更多增长, 不低于上年).
_AGAINST_LAST_YEAR = re.compile("比(?:上|去)年|(?:高于|不低于|超过)(?:上|去)年")


def _last_years(target: Target) -> set[Decimal]:
    """The baseline's figures, where the quote measures the year against the last: 河南
    粮食产量1300亿斤以上、力争比去年实现更多增长 has `stretch = 1350.97`, 2025's output as the
    report's review states it (`validate --source` finds it there)."""
    if target.baseline is None or not _AGAINST_LAST_YEAR.search(target.quote or ""):
        return set()
    figures = (target.baseline.value, target.baseline.growth)
    return {abs(figure).normalize() for figure in figures if figure is not None}


def _bound_not_quoted(target: Target) -> Finding | None:
    """A bound that is none of the figures of the target's own quote (`min = 8` beside
    "增长7%以上"): a figure mistyped in a plan, which the report cannot catch when the quote is
    right. Quotes stating their figures in words (十件, 翻一番, 正增长) are not checked, nor
    milestones (100 % done), relative targets and bounds still pending; 全覆盖 states 100 %."""
    if target.quote is None or target.kind in ("milestone", "relative", "indicator"):
        return None
    if target.pending or not re.search(r"[0-9０-９]", target.quote):
        return None
    figures = quoted_figures(target.quote, target.unit) | _last_years(target)
    for bound in ("min", "max", "around", "stretch"):
        value = getattr(target, bound)
        if value is None or (value == 0 and re.search("正增长|零", target.quote)):
            continue
        if value == 100 and target.unit.strip() == "%" and "全覆盖" in target.quote:
            continue  # (320家…、40家…实现…全覆盖: the coverage's 100 % is in words)
        if abs(value).normalize() not in figures:
            return Finding(
                "warning",
                "bound_not_in_quote",
                target.id,
                _(_NOT_QUOTED[bound]).format(value=num(value), quote=_Quote(target.quote)),
            )
    return None


# One message per bound, so that Chinese names it (下限/上限), not by its TOML key.
_ROLLUP_MISMATCH = {
    "min": N_("min {own} ≠ {total}, the sum of its parts ({parts})"),
    "max": N_("max {own} ≠ {total}, the sum of its parts ({parts})"),
}


def _rollup_findings(target: Target, parts: list[Target]) -> list[Finding]:
    findings = []
    for bound in ("min", "max"):
        own = getattr(target, bound)
        values = [getattr(p, bound) for p in parts]
        if own is None or any(v is None for v in values):
            continue
        total = sum(values, Decimal(0))
        if total != own:
            findings.append(
                Finding(
                    "warning",
                    "rollup_mismatch",
                    target.id,
                    _(_ROLLUP_MISMATCH[bound]).format(
                        own=num(own), total=num(total), parts=join_list(p.id for p in parts)
                    ),
                )
            )
    if target.projects is not None and all(p.projects is not None for p in parts):
        for field in ("total", "continuing", "new"):
            own_count = getattr(target.projects, field)
            total_count = sum(getattr(p.projects, field) for p in parts)
            if own_count != total_count:
                findings.append(
                    Finding(
                        "warning",
                        "rollup_mismatch",
                        target.id,
                        _("projects.{field} {own} ≠ {total}, the sum of its parts").format(
                            field=field, own=own_count, total=total_count
                        ),
                    )
                )
    return findings


def _normalise(text: str) -> str:
    # The report mixes full- and half-width punctuation; quotes are compared without spaces,
    # and both as a reader sees them: `extract` drafts quotes from the text without its
    # controls and invisible characters (`safe.readable`).
    from plancli.safe import readable

    return re.sub(r"\s+", "", readable(text))


def review_warning(plan: Plan, file: object) -> str | None:
    """What `init` says of a draft copied with `review` notes still in it (None when there is
    none): the figures recorded next would go to targets nobody has checked yet, under a name
    (the plan's, every report's title) nobody has checked either."""
    lines: list[str] = []
    if plan.plan.review:
        lines.append(
            _(
                "warning: the draft's [plan] still carries `review = …` ({review}): check it "
                "and delete the key"
            ).format(review=plan.plan.review)
        )
    pending = [t.id for t in plan.targets if t.review]
    if pending:
        lines.append(_targets_warning(pending, file))
    return "\n".join(lines) or None


def _targets_warning(pending: list[str], file: object) -> str:
    shown = join_list(pending[:5] + (["…"] if len(pending) > 5 else []))
    return ngettext(
        "warning: {n} target of the draft still carries `review = …` ({ids}): check it and "
        "delete the key; `plancli --plan {file} validate` lists them",
        "warning: {n} targets of the draft still carry `review = …` ({ids}): check them and "
        "delete the key; `plancli --plan {file} validate` lists them",
        len(pending),
    ).format(n=len(pending), ids=shown, file=clip_path(shell_word(file)))


def stray_record_findings(plan: Plan, targets: list[str], ledger: str) -> list[Finding]:
    """Figures of the ledger (`targets`: the target of each record, revisions included) recorded
    under an id the plan does not have: a target renamed after its first figures, whose figures
    then count nowhere. One warning per id, in the ledger's order."""
    known = {t.id for t in plan.targets}
    counts: dict[str, int] = {}
    for target in targets:
        if target not in known:
            counts[target] = counts.get(target, 0) + 1
    return [
        Finding(
            "warning",
            "records_without_target",
            target,
            ngettext(
                "{n} figure recorded in {ledger} for {id}, a target the plan does not have "
                "(renamed?): it counts nowhere until a target has that id again",
                "{n} figures recorded in {ledger} for {id}, a target the plan does not have "
                "(renamed?): they count nowhere until a target has that id again",
                count,
            ).format(n=count, ledger=clip_path(ledger), id=target),
        )
        for target, count in counts.items()
    ]


def ledger_year_findings(plan: Plan, records: Sequence[Any], ledger: str) -> list[Finding]:
    """Last year's ledger beside this year's plan (the same ids, every figure of the year
    before): the warning `status` gives (`ledger_read.stray_ledger_note`), as a finding."""
    from plancli.ledger_read import ledger_strays, stray_ledger_note

    known, year = {t.id for t in plan.targets}, plan.plan.year
    strays = ledger_strays(known, year, records)
    if strays is None or not strays.years:
        return []
    note = stray_ledger_note(known, year, records, ledger) or ""
    message = re.split("[:：] ?", note, maxsplit=1)[-1]  # (without its `warning: `)
    return [Finding("warning", "ledger_of_another_year", None, message)]
