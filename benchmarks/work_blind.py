"""`plancli extract`'s work targets measured against a hand-written gold of reports it was not
written against (docs/extract.md, "Work targets of unseen reports").

The folder holds gold plans of the work targets only (no headline, no investment), written
blind (never having seen the extractor or its output), one per corpus report:

    FOLDER/gold/<pinyin>.toml    e.g. liaoning.toml for 辽宁省.txt of the 2026 corpus
    FOLDER/gold/<name>.toml      with FOLDER/texts/<name>.txt: any other report

Prints per report the quantified work targets (every kind but milestones) and all of them:
gold, found, recall, precision, and the share of the matched whose bounds and form are the
gold's. Milestones are apart because which named deliverables count is a judgement (the seed's
plan counts events it serves; a stricter gold leaves them out). With --misses, the misses and
the extra targets of the quantified ones.

    python3 benchmarks/work_blind.py [FOLDER] [--misses] [--only liaoning,fujian]

FOLDER defaults to $PLANCLI_WORKGOLD, else a `workgold` folder beside the checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from plancli.extract import compare_plans, decode_report, extract_plan  # noqa: E402

SHARED = Path(os.environ.get("PLANCLI_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "gov-work-reports-2026"
from extract import PROVINCES  # noqa: E402  (benchmarks/extract.py: 辽宁省 → liaoning …)

REPORTS = {pinyin: name.removesuffix(".txt") for name, pinyin in PROVINCES.items()}


def _quantified(target: dict[str, Any]) -> bool:
    return target.get("kind") != "milestone"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated gold names (liaoning,fujian)")
    args = parser.parse_args(argv)
    folder: Path = args.folder or Path(os.environ.get("PLANCLI_WORKGOLD", REPO.parent / "workgold"))
    golds = sorted((folder / "gold").glob("*.toml"))
    if args.only:
        golds = [g for g in golds if g.stem in args.only.split(",")]
    if not golds:
        print(f"no gold plans in {folder / 'gold'} (see docs/extract.md)")
        return 0
    print(
        f"{'report':<10} {'targets':<11} {'gold':>4} {'found':>5} {'recall':>6} "
        f"{'prec':>5} {'exact':>5}"
    )
    totals: dict[str, list[int]] = {}
    for path in golds:
        # the folder's own text of the report (texts/<name>.txt), else the corpus report's
        own = folder / "texts" / f"{path.stem}.txt"
        report = own if own.exists() else CORPUS / f"{REPORTS.get(path.stem, path.stem)}.txt"
        text = decode_report(report.read_bytes(), report.name)
        with path.open("rb") as handle:
            gold = tomllib.load(handle)
        draft = extract_plan(text, year=gold["plan"]["year"], name=report.name).plan
        for label, keep in (("quantified", _quantified), ("all", lambda _t: True)):
            comparison = compare_plans(
                {**draft, "targets": [t for t in draft["targets"] if keep(t)]},
                {**gold, "targets": [t for t in gold["targets"] if keep(t)]},
                text,
            )
            work = comparison.groups["work"]
            figures = [work.gold, work.found, work.matched_gold, work.matched_found, work.exact]
            total = totals.setdefault(label, [0] * 5)
            totals[label] = [a + b for a, b in zip(total, figures, strict=True)]
            print(_row(path.stem, label, figures))
            if args.misses and label == "quantified":
                for item in comparison.missed:
                    if item["group"] == "work":
                        print(f"    missed {item['id']}: {item['quote']}")
                for item in comparison.extra:
                    if item["group"] == "work":
                        print(f"    extra {item['id']}: {item['quote']}")
                for pair in comparison.pairs:
                    for diff in pair.differences if pair.group == "work" else ():
                        print(f"    ≠ {pair.gold_id}: {diff.field} {diff.gold} / {diff.draft}")
    for label, figures in totals.items():
        print(_row("all", label, figures))
    return 0


def _row(report: str, label: str, figures: list[int]) -> str:
    gold, found, matched_gold, matched_found, exact = figures

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.0f}%" if b else "—"

    return (
        f"{report:<10} {label:<11} {gold:>4} {found:>5} {pct(matched_gold, gold):>6} "
        f"{pct(matched_found, found):>5} {pct(exact, matched_gold):>5}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
