"""`plancli extract` measured on a folder of blind texts (docs/extract.md, "Blind measurement").

The folder holds texts the extractor was not written against (web-page excerpts carrying the
主要预期目标 paragraph of a government work report) and plans encoded by hand from them:

    FOLDER/texts/NN.txt    one text each (UTF-8, or anything `plancli extract` reads)
    FOLDER/gold/NN.toml    its headline targets, in the bundled plans' format, with
                           [plan] year = the plan year (passed as --year)
    FOLDER/sets.tsv        id<TAB>set (a letter per round: A studied; B, then C, the blind tests —
                           each studied once its one run is on record), header line
    FOLDER/sources.tsv     id<TAB>group<TAB>year<TAB>place<TAB>url (group: simplified,
                           traditional…), header line; optional (no groups without it)

Prints one row per text (gold, found, matched, recall, precision, exact, quotes verbatim) and
the totals per group and overall; a text the extractor refuses counts all its targets as
missed. Texts and gold plans stay outside the repository (the pages are not ours to copy).

    python3 benchmarks/blind.py [FOLDER] [--set A|B|C|all] [--misses] [--json] [--leads]

FOLDER defaults to $PLANCLI_BLIND, else a `blind` folder beside the checkout or its parent.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rich.cells import cell_len  # noqa: E402

from plancli.errors import PlanError  # noqa: E402
from plancli.extract import compare_plans, decode_report, extract_plan  # noqa: E402

sys.path.insert(0, str(REPO / "benchmarks"))
from perturb import HELD_OUT, PERTURBATIONS, Perturbed, carried  # noqa: E402

HOW_TO = """\
no blind folder at {where}.
Build one (see docs/extract.md, "Blind measurement on web-page excerpts"):
  texts/NN.txt     texts the extractor has never seen, each with a full 主要预期目标 paragraph
  gold/NN.toml     their headline targets encoded by hand BEFORE running the extractor
  sets.tsv         id<TAB>set, split at random (fixed seed) before looking at any output
  sources.tsv      id<TAB>group<TAB>year<TAB>place<TAB>url
then run: python3 benchmarks/blind.py FOLDER --set A"""


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    matched_gold: int = 0
    matched_found: int = 0
    exact: int = 0
    quotes: int = 0
    verbatim: int = 0
    errors: int = 0
    texts: int = 0
    lines: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "gold",
            "found",
            "matched_gold",
            "matched_found",
            "exact",
            "quotes",
            "verbatim",
            "errors",
            "texts",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def shares(self) -> dict[str, float | None]:
        def share(a: int, b: int) -> float | None:
            return a / b if b else None

        return {
            "recall": share(self.matched_gold, self.gold),
            "precision": share(self.matched_found, self.found),
            "exact": share(self.exact, self.matched_gold),
            "verbatim": share(self.verbatim, self.quotes),
        }


def default_folder() -> Path:
    env = os.environ.get("PLANCLI_BLIND")
    if env:
        return Path(env)
    for candidate in (REPO.parent / "blind", REPO.parent.parent / "blind"):
        if (candidate / "texts").is_dir():
            return candidate
    return REPO.parent / "blind"


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def measure(
    text_path: Path,
    gold_path: Path,
    misses: bool,
    lead: str | None = None,
    perturb: Callable[[str], Perturbed] | None = None,
) -> Tally:
    """One text against its gold plan; with `lead`, the text's lead reworded (`--leads`); with
    `perturb`, the text as another copy would read (`--perturb`), the gold's quotes carried."""
    tally = Tally(texts=1)
    with gold_path.open("rb") as handle:
        gold = tomllib.load(handle)
    heads = [t for t in gold.get("targets", []) if t.get("section") == "headline"]
    year = gold.get("plan", {}).get("year")
    try:
        text = decode_report(text_path.read_bytes(), text_path.name)
        if lead is not None:
            text = reword_lead(text, [str(t["quote"]) for t in heads], lead.format(year=year))
        if perturb is not None:
            perturbed = perturb(text)
            gold = carried(gold, text, perturbed)
            text = decode_report(perturbed.text.encode(perturbed.encoding), text_path.name)
        draft = extract_plan(text, year=year, name=text_path.name)
    except PlanError as exc:
        tally.errors = 1
        tally.gold = len(heads)
        tally.lines.append(f"    refused: {exc}")
        return tally
    comparison = compare_plans(draft.plan, gold, text)
    score = comparison.groups["headline"]
    # Strict: a headline target counts as found only when a drafted *headline* target
    # matches it (`--compare` also credits a work target quoting the same clause).
    headline_ids = {
        str(t.get("id")) for t in draft.plan.get("targets", []) if t.get("section") == "headline"
    }
    pairs = [p for p in comparison.pairs if p.group == "headline" and p.draft_id in headline_ids]
    tally.gold = score.gold
    tally.found = score.found
    tally.matched_gold = len(pairs)
    tally.matched_found = score.matched_found
    tally.exact = sum(1 for p in pairs if not p.differences)
    for p in comparison.pairs:
        if p.group == "headline" and p.draft_id not in headline_ids:
            tally.lines.append(f"    as a work target {p.gold_id} (draft {p.draft_id})")
    tally.quotes = comparison.quotes
    tally.verbatim = comparison.quotes_verbatim
    if misses:
        for pair in comparison.pairs:
            for diff in pair.differences:
                tally.lines.append(
                    f"    ≠ {pair.gold_id} (draft {pair.draft_id}): {diff.field} "
                    f"gold={diff.gold} draft={diff.draft}"
                )
        for item in comparison.missed:
            tally.lines.append(f"    missed {item['id']}: {item['quote']}")
        for item in comparison.extra:
            tally.lines.append(f"    extra {item['group']} {item['id']}: {item['quote']}")
    return tally


# `--leads`: the lead of each text's list reworded, as pages the extractor has never seen may
# word it ("" none at all; {year} the plan year). Written in session 13, after which the faults
# they showed were fixed: no longer blind (docs/extract.md, "Lead rewordings").
LEADS = (
    "{year}年，",
    "会议提出，{year}年",
    "具体目标为：",
    "{year}年，我们将努力实现以下目标：",
    "今年全市经济社会发展的目标是，",
    "会议要求，{year}年全市要实现：",
    "{year}年全区经济工作的奋斗方向是：",
    "今年要努力做到：",
    "新的一年，我们的任务是：",
    "今年，全市将围绕以下指标推进工作：",
    "会议明确了今年的发展思路和各项指标，",
    "对今年的经济社会发展，会议作出安排：",
    "{year}年全市经济社会发展的主要指标安排如下：",
    "同时要求",
    "",
)


def reword_lead(text: str, quotes: list[str], lead: str) -> str:
    """`text` with the words from the start of the sentence holding the list's first quote up
    to that quote replaced by `lead`. The list's first quote: the occurrence of a quote that the
    most quotes follow within 2,000 characters, the earliest of those (a title repeating a
    target, far before the list, is passed over)."""
    places = [[m.start() for m in re.finditer(re.escape(q), text)] for q in quotes]
    candidates = sorted({p for found in places for p in found})
    if not candidates:
        return text

    def following(start: int) -> int:
        return sum(any(start <= p <= start + 2000 for p in found) for found in places)

    first = max(candidates, key=lambda p: (following(p), -p))
    opening = max(text.rfind(c, 0, first) for c in "。\n！") + 1
    return text[:opening] + lead + text[first:]


def leads(folder: Path, ids: list[str]) -> int:
    """Recall of the texts' headline targets with each lead rewording, against the texts as
    they are."""
    print(f"blind folder {folder}: {len(ids)} texts, the lead of each reworded")
    print(f"{'lead':<40} {'gold':>5} {'match':>5} {'recall':>6} {'prec':>6} {'err':>4}")
    for lead in (None, *LEADS):
        total = Tally()
        for ident in ids:
            total.add(
                measure(
                    folder / "texts" / f"{ident}.txt",
                    folder / "gold" / f"{ident}.toml",
                    False,
                    lead,
                )
            )
        s = total.shares()
        label = "(as the page words it)" if lead is None else repr(lead)
        label += " " * max(0, 40 - cell_len(label))  # Chinese takes two columns
        print(
            f"{label} {total.gold:>5} {total.matched_gold:>5} {pct(s['recall']):>6} "
            f"{pct(s['precision']):>6} {total.errors:>4}"
        )
    return 0


def perturbations(folder: Path, ids: list[str], misses: bool, only: str | None) -> int:
    """Recall of the texts' headline targets under each perturbation of benchmarks/perturb.py
    that rewrites a whole text (the ones that reword the corpus reports' leads or sections are
    `--leads`' business), against the texts as they are."""
    print(f"blind folder {folder}: {len(ids)} texts, each as other copies would read it")
    print(f"{'perturbation':<40} {'gold':>5} {'match':>5} {'recall':>6} {'prec':>6} {'err':>4}")
    chosen = {
        name: perturb
        for name, perturb in {**PERTURBATIONS, **HELD_OUT}.items()
        if not name.startswith(("lead ", "headline as", "sections ", "headings "))
        and (only is None or only in name)
    }
    for name, perturb in {"(as the page is)": None, **chosen}.items():
        total = Tally()
        lines: list[str] = []
        for ident in ids:
            tally = measure(
                folder / "texts" / f"{ident}.txt",
                folder / "gold" / f"{ident}.toml",
                misses,
                perturb=perturb,
            )
            total.add(tally)
            lines += [f"  {ident}{line}" for line in tally.lines]
        s = total.shares()
        label = name + " " * max(0, 40 - cell_len(name))
        print(
            f"{label} {total.gold:>5} {total.matched_gold:>5} {pct(s['recall']):>6} "
            f"{pct(s['precision']):>6} {total.errors:>4}"
        )
        for line in lines:
            print(line)
    return 0


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def row(label: str, tally: Tally) -> str:
    s = tally.shares()
    return (
        f"{label:<24} {tally.gold:>4} {tally.found:>5} {tally.matched_gold:>5} "
        f"{pct(s['recall']):>6} {pct(s['precision']):>6} {pct(s['exact']):>6} "
        f"{pct(s['verbatim']):>6} {tally.errors:>4}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--set", default="all", help="A, B, C… or all (default all)")
    parser.add_argument("--misses", action="store_true", help="list misses and mismatches")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--leads", action="store_true", help="recall with each text's lead reworded (LEADS)"
    )
    parser.add_argument(
        "--perturb",
        nargs="?",
        const="",
        default=None,
        metavar="NAME",
        help="recall with each text as other copies would read it (benchmarks/perturb.py); "
        "NAME: only the perturbations whose name holds it",
    )
    args = parser.parse_args(argv)
    folder: Path = args.folder or default_folder()
    if not (folder / "texts").is_dir() or not (folder / "gold").is_dir():
        print(HOW_TO.format(where=folder))
        return 0
    sets = {r["id"]: r.get("set", "") for r in read_tsv(folder / "sets.tsv")}
    groups = {r["id"]: r.get("group", "") for r in read_tsv(folder / "sources.tsv")}
    ids = sorted(p.stem for p in (folder / "gold").glob("*.toml"))
    if args.set != "all":
        ids = [i for i in ids if sets.get(i) == args.set]
    if not ids:
        print(f"no gold plans for set {args.set} in {folder}")
        return 0
    if args.leads:
        return leads(folder, ids)
    if args.perturb is not None:
        return perturbations(folder, ids, args.misses, args.perturb or None)
    header = (
        f"{'text':<24} {'gold':>4} {'found':>5} {'match':>5} {'recall':>6} {'prec':>6} "
        f"{'exact':>6} {'quote':>6} {'err':>4}"
    )
    per_group: dict[str, Tally] = {}
    total = Tally()
    results: list[dict[str, Any]] = []
    if not args.json:
        print(f"blind folder {folder}, set {args.set}: {len(ids)} texts")
        print(header)
    for ident in ids:
        tally = measure(
            folder / "texts" / f"{ident}.txt", folder / "gold" / f"{ident}.toml", args.misses
        )
        group = groups.get(ident) or "all"
        per_group.setdefault(group, Tally()).add(tally)
        total.add(tally)
        results.append({"id": ident, "group": group, "set": sets.get(ident), **vars(tally)})
        if not args.json:
            print(row(f"{ident} {group[:12]}", tally))
            for line in tally.lines:
                print(line)
    if args.json:
        summary = {
            "folder": str(folder),
            "set": args.set,
            "texts": results,
            "groups": {g: {**vars(t), **t.shares()} for g, t in per_group.items()},
            "all": {**vars(total), **total.shares()},
        }
        for part in [summary["all"], *summary["groups"].values()]:
            part.pop("lines", None)
        for item in results:
            item.pop("lines", None)
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    print(header)
    for group, tally in sorted(per_group.items()):
        print(row(f"all {group}", tally))
    print(row("all texts", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
