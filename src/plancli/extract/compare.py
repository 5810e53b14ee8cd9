"""Scoring a draft against a hand-encoded plan of the same report.

Targets are matched one to one by overlapping quotes (their spans in the report's text meet),
preferring identical quotes, then the same id, then the same figure. Precision is the share of
drafted targets matched, recall the share of the plan's targets found; a matched pair is
*exact* when its bounds and form agree: kind, min, max, around, stretch (and whether it counts
only when exceeded, `stretch_exclusive`), direction (as derived
when omitted, docs/forms.md), decline, pending, relation (default `same`) and reference (the
referenced targets matched to each other, or the same id) — and the baseline's growth and
value where the draft states one (a draft leaves out what it cannot read; a figure it takes
must be the plan's: 甘肃's 2.7 % of FAI without real estate was the total's in a draft).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from plancli.extract.furniture import PAGE_NUMBER, quote_as_read, text_as_read
from plancli.extract.text import parse_form
from plancli.i18n import N_
from plancli.safe import clip_path

FORM_FIELDS = (
    "kind",
    "min",
    "max",
    "around",
    "stretch",
    "stretch_exclusive",
    "direction",
    "decline",
    "pending",
    "relation",
    "reference",
)
GROUPS = ("headline", "work", "investment")


def group_of(target: dict[str, Any]) -> str:
    section = target.get("section")
    if section == "headline":
        return "headline"
    if section == "investment":
        return "investment"
    return "work"


@dataclass
class GroupScore:
    group: str
    found: int = 0  # drafted targets in the group
    gold: int = 0  # the plan's targets in the group
    matched_found: int = 0  # drafted targets of the group matched
    matched_gold: int = 0  # the plan's targets of the group matched
    exact: int = 0  # matched pairs (by the plan's group) whose bounds and form agree

    @property
    def precision(self) -> float | None:
        if not self.gold or not self.found:
            return None  # the plan encodes nothing here: a draft cannot be judged
        return self.matched_found / self.found

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def exact_share(self) -> float | None:
        return self.exact / self.matched_gold if self.matched_gold else None


@dataclass
class Difference:
    field: str
    gold: Any
    draft: Any


@dataclass
class Pair:
    gold_id: str
    draft_id: str
    group: str
    differences: list[Difference] = field(default_factory=list)


@dataclass
class Comparison:
    groups: dict[str, GroupScore]
    total: GroupScore
    pairs: list[Pair]
    missed: list[dict[str, Any]]  # the plan's targets not found
    extra: list[dict[str, Any]]  # drafted targets matching none (in groups the plan encodes)
    quotes: int
    quotes_verbatim: int


# Between two characters of a quote: whitespace (the report's page furniture blanked out by
# `text_as_read`), and a page number on a line of its own the report's furniture did not hold
# (— 7 —, 第7页, a bare 7), which `quote_as_read` leaves out of a quote as well.
_PAGE_LINE = rf"\n[ \t\u3000]*(?:{PAGE_NUMBER.pattern}|\d{{1,3}})[ \t\u3000]*(?=\r?\n)"
_GAP = rf"(?:\s|{_PAGE_LINE})*"
_PAGE_LINES = re.compile(_PAGE_LINE)


def _spans(quote: str, text: str, paged: bool = True) -> list[tuple[int, int]]:
    """Where `quote` is in `text`, whitespace and page numbers aside: a plan's quote matches the
    report's words where a copy of the report breaks a line or a page inside them (and the
    plan's analyst did not). `paged`: whether `text` has a page number on a line of its own
    anywhere (`_PAGE_LINES`); where it has none, a gap is its whitespace alone (`_pattern`)."""
    spans: list[tuple[int, int]] = []
    letters = "".join(ch for ch in quote if not ch.isspace())
    if not letters:
        return spans
    for match in _pattern(letters, paged).finditer(text):
        spans.append((match.start(), match.end()))
        if len(spans) >= 50:
            break
    return spans


@functools.lru_cache(maxsize=1024)
def _pattern(letters: str, paged: bool) -> re.Pattern[str]:
    r"""The quote's letters with `_GAP` between each two, compiled once per process.

    Python compiles the page number's classes again in every gap (`[-—–－~]`, `[ \t\u3000]`:
    a map of 65,536 code points each), 10-30 ms a quote: `compare` of a 300-target report
    spent seconds compiling, and the tests' next comparison compiled them again (`re`'s own
    cache, 512 patterns shared with every other, had let them go: session 38).

    Not `paged`, a gap is `\s*`: in a text where `_PAGE_LINE` matches at no position, the
    gap's second choice fails wherever the matcher tries it, so `(?:\s|page line)*` takes
    the same characters as `\s*`, in the same order of tries: the same matches, compiled in
    a fraction of the time (a clean report, as the bundled plans' texts and most drafts')."""
    gap = _GAP if paged else r"\s*"
    return re.compile(gap.join(re.escape(ch) for ch in letters))


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    best = 0
    for a0, a1 in a:
        for b0, b1 in b:
            best = max(best, min(a1, b1) - max(a0, b0))
    return best


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def effective_direction(target: dict[str, Any]) -> str | None:
    """The direction a target is judged in: stated, or derived as docs/forms.md says."""
    if target.get("direction"):
        return str(target["direction"])
    has_min, has_max = target.get("min") is not None, target.get("max") is not None
    has_around = target.get("around") is not None
    if has_min and has_max:
        return "up" if target.get("kind") in ("cumulative", "ongoing") else "band"
    if has_min or has_around:
        return "up"
    if has_max:
        return "down"
    return None


def _form(target: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": target.get("kind"),
        "min": _number(target.get("min")),
        "max": _number(target.get("max")),
        "around": _number(target.get("around")),
        "stretch": _number(target.get("stretch")),
        "stretch_exclusive": bool(target.get("stretch_exclusive", False)),
        "direction": effective_direction(target),
        "decline": bool(target.get("decline", False)),
        "pending": bool(target.get("pending", False)),
        "relation": target.get("relation")
        or ("same" if target.get("kind") == "relative" else None),
    }


def _baseline_differences(draft: dict[str, Any], gold: dict[str, Any]) -> list[Difference]:
    """The draft baseline's growth and value that the plan's baseline does not state alike."""
    mine, theirs = draft.get("baseline") or {}, gold.get("baseline") or {}
    return [
        Difference(f"baseline.{key}", theirs.get(key), mine[key])
        for key in ("growth", "value")
        if key in mine and _number(theirs.get(key)) != _number(mine[key])
    ]


def compare_plans(draft: dict[str, Any], gold: dict[str, Any], text: str) -> Comparison:
    """Score the `draft` plan against the `gold` plan (both as read from TOML) of `text`."""
    drafts: list[dict[str, Any]] = list(draft.get("targets", []))
    golds: list[dict[str, Any]] = list(gold.get("targets", []))
    # both plans' quotes as extract reads them, in the report as read: its page numbers and
    # running heads out of both (a draft's quote keeps them verbatim, a plan's has none), and
    # in the parse form, both sides folded alike (a copy in traditional characters scored
    # against the bundled, simplified plan of its report finds the plan's quotes in it)
    read, heads = text_as_read(text)
    folded = parse_form(read)
    draft_quotes = [parse_form(quote_as_read(str(t.get("quote") or ""), heads)) for t in drafts]
    gold_quotes = [parse_form(quote_as_read(str(t.get("quote") or ""), heads)) for t in golds]
    paged = _PAGE_LINES.search(folded) is not None
    draft_spans = [_spans(quote, folded, paged) for quote in draft_quotes]
    gold_spans = [_spans(quote, folded, paged) for quote in gold_quotes]
    candidates: list[tuple[tuple[int, int, int, int, float], int, int]] = []
    for di, d in enumerate(drafts):
        dq = draft_quotes[di]
        for gi, g in enumerate(golds):
            gq = gold_quotes[gi]
            overlap = _overlap(draft_spans[di], gold_spans[gi])
            if overlap < 2 and not (dq and gq and (dq in gq or gq in dq)):
                continue
            same_figure = _form(d)["around"] == _form(g)["around"] and (
                _form(d)["min"] == _form(g)["min"]
            )
            # several targets of one clause (完成节能减排降碳任务: three) pair by their kind
            same_kind = d.get("kind") == g.get("kind") and bool(d.get("decline")) == bool(
                g.get("decline")
            )
            union = max(len(dq), len(gq), 1)
            score = (
                int(dq == gq),
                int(d.get("id") == g.get("id")),
                int(same_kind),
                int(same_figure),
            )
            candidates.append(((*score, overlap / union), di, gi))
    candidates.sort(key=lambda c: c[0], reverse=True)
    draft_to_gold: dict[int, int] = {}
    gold_taken: set[int] = set()
    for _, di, gi in candidates:
        if di in draft_to_gold or gi in gold_taken:
            continue
        draft_to_gold[di] = gi
        gold_taken.add(gi)
    draft_id_to_gold_id = {
        str(drafts[di].get("id")): str(golds[gi].get("id")) for di, gi in draft_to_gold.items()
    }
    groups = {name: GroupScore(name) for name in GROUPS}
    total = GroupScore("all")
    for g in golds:
        groups[group_of(g)].gold += 1
        total.gold += 1
    for d in drafts:
        groups[group_of(d)].found += 1
        if groups[group_of(d)].gold:  # a group the plan does not encode is not judged
            total.found += 1
    pairs: list[Pair] = []
    for di, gi in sorted(draft_to_gold.items(), key=lambda item: item[1]):
        d, g = drafts[di], golds[gi]
        pair = Pair(str(g.get("id")), str(d.get("id")), group_of(g))
        dform, gform = _form(d), _form(g)
        for name in FORM_FIELDS[:-1]:
            if dform[name] != gform[name]:
                pair.differences.append(Difference(name, gform[name], dform[name]))
        dref, gref = d.get("reference"), g.get("reference")
        if dref != gref and draft_id_to_gold_id.get(str(dref)) != gref:
            pair.differences.append(Difference("reference", gref, dref))
        pair.differences.extend(_baseline_differences(d, g))
        pairs.append(pair)
        groups[group_of(g)].matched_gold += 1
        groups[group_of(d)].matched_found += 1
        total.matched_gold += 1
        if groups[group_of(d)].gold:
            total.matched_found += 1
        if not pair.differences:
            groups[group_of(g)].exact += 1
            total.exact += 1
    missed = [_brief(g) for gi, g in enumerate(golds) if gi not in gold_taken]
    extra = [
        _brief(d)
        for di, d in enumerate(drafts)
        if di not in draft_to_gold and groups[group_of(d)].gold
    ]
    verbatim = sum(1 for t in drafts if t.get("quote") and str(t["quote"]) in text)
    return Comparison(groups, total, pairs, missed, extra, len(drafts), verbatim)


def _brief(target: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": target.get("id"),
        "group": group_of(target),
        "kind": target.get("kind"),
        "quote": target.get("quote"),
    }


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def comparison_json(comparison: Comparison, report: str, gold: str) -> dict[str, Any]:
    """The comparison as JSON-ready data (`plancli extract --compare --json`)."""

    def score(s: GroupScore) -> dict[str, Any]:
        return {
            "gold": s.gold,
            "found": s.found,
            "matched": s.matched_gold,
            "recall": s.recall,
            "precision": s.precision,
            "exact": s.exact,
            "exact_share": s.exact_share,
        }

    return {
        "schema_version": 1,
        "report": report,
        "gold": gold,
        "groups": {name: score(s) for name, s in comparison.groups.items()},
        "total": score(comparison.total),
        "quotes": comparison.quotes,
        "quotes_verbatim": comparison.quotes_verbatim,
        "pairs": [
            {
                "gold": p.gold_id,
                "draft": p.draft_id,
                "group": p.group,
                "exact": not p.differences,
                "differences": [
                    {"field": d.field, "gold": _json_value(d.gold), "draft": _json_value(d.draft)}
                    for d in p.differences
                ],
            }
            for p in comparison.pairs
        ],
        "missed": comparison.missed,
        "extra": comparison.extra,
    }


def comparison_text(comparison: Comparison) -> str:
    """The comparison as a plain table, then the mismatches, misses and extras: in the
    interface's language, every id, quote and value from the plans shown as `safe.visible`
    shows it (a quote's bidi override or BEL is escaped, never written raw)."""
    from plancli.i18n import _
    from plancli.safe import visible

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{100 * value:.0f}%"

    def shown(value: Any) -> str:
        return visible(str(_json_value(value)))

    head = [_(word) for word in _COLUMNS]
    rows = [
        [
            _(_GROUP_WORDS[s.group]),
            *(str(count) for count in (s.gold, s.found, s.matched_gold)),
            *(pct(share) for share in (s.recall, s.precision, s.exact_share)),
        ]
        for s in [*comparison.groups.values(), comparison.total]
        if s.gold or s.found
    ]
    widths = [
        max(least, *(_width(row[i]) for row in [head, *rows])) for i, least in enumerate(_LEAST)
    ]
    lines = [
        " ".join(_pad(cell, widths[i], left=i == 0) for i, cell in enumerate(row)).rstrip()
        for row in [head, *rows]
    ]
    for s in comparison.groups.values():
        if s.found and not s.gold:
            lines.append(
                _("{group}: {n} drafted, none in the plan compared with: not judged").format(
                    group=_(_GROUP_WORDS[s.group]), n=s.found
                )
            )
    lines.append(
        _("quotes verbatim: {verbatim}/{quotes}").format(
            verbatim=comparison.quotes_verbatim, quotes=comparison.quotes
        )
    )
    for pair in comparison.pairs:
        for d in pair.differences:
            lines.append(
                _(_DIFFERS).format(
                    gold=visible(pair.gold_id),
                    draft=visible(pair.draft_id),
                    field=d.field,
                    gold_value=shown(d.gold),
                    value=shown(d.draft),
                )
            )
    for words, items in ((_MISSED, comparison.missed), (_EXTRA, comparison.extra)):
        for item in items:
            lines.append(
                _(words).format(
                    id=shown(item["id"]),
                    group=_(_GROUP_WORDS[item["group"]]),
                    quote=shown(item["quote"]),
                )
            )
    return "\n".join(lines)


_COLUMNS = (
    N_("targets"),
    N_("gold"),
    N_("found"),
    N_("matched"),
    N_("recall"),
    N_("precision"),
    N_("exact"),
)
_LEAST = (11, 5, 6, 8, 7, 10, 6)  # the columns' widths in English
_GROUP_WORDS = {
    "headline": N_("headline"),
    "work": N_("work"),
    "investment": N_("investment"),
    "all": N_("all"),
}
_DIFFERS = N_("differs  {gold} (draft {draft}): {field} gold {gold_value} ≠ draft {value}")
_MISSED = N_("missed   {id} ({group}): {quote}")
_EXTRA = N_("extra    {id} ({group}): {quote}")


def _width(text: str) -> int:
    """Columns `text` takes on a terminal: a Chinese character two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    fill = " " * (width - _width(text))
    return text + fill if left else fill + text


def read_gold(path: Path) -> dict[str, Any]:
    """The plan `--compare` scores a draft against, read as TOML (not validated: a plan encoded
    by hand may use keys of its own): a file, or a bundled plan's id as `--plan` takes it
    (`--compare sichuan-2026`). A missing file is an input error (exit 2, as `--plan`'s); a
    ledger, or a TOML file without targets, is refused: the draft scored against nothing read
    as a comparison."""
    from plancli.errors import InputError, PlanFileError
    from plancli.i18n import _
    from plancli.locations import bundled_hint, resolve_plan
    from plancli.paths import is_ledger
    from plancli.plan import read_toml

    try:
        path = resolve_plan(str(path)).path  # --plan's resolver: a bundled id, or a file
    except InputError:
        if os.path.lexists(path):  # a FIFO, a folder, a device: the resolver's own words
            raise
        raise InputError(
            _("--compare {file}: no such file and no bundled plan of that id ({known})").format(
                file=clip_path(path), known=bundled_hint(str(path))
            )
        ) from None
    if is_ledger(path):
        raise InputError(
            _("--compare {file} is a ledger of recorded figures, not a plan").format(
                file=clip_path(path)
            )
        )
    gold, _text = read_toml(path, PlanFileError)
    targets = gold.get("targets")
    if not isinstance(targets, list) or not targets:
        raise PlanFileError(
            _("--compare {file}: no [[targets]] in it: not a plan").format(file=clip_path(path))
        )
    return gold
