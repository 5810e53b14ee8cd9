"""Baselines of `plancli extract`'s drafts against the bundled 2026 plans, on shared ids.

The measurement of docs/extract.md's sessions 35-37: each corpus report in
/work/shared/corpus/gov-work-reports-2026/ is drafted and compared with its bundled plan
data/2026/<pinyin>.toml on the ids both hold. Of the bundled plan's baselines there (those
stating a growth or a value), a draft's is *alike* when every figure it states is the plan's,
*missing* when it states none, *differing* otherwise; a draft's baseline on a shared id whose
bundled plan states none is *extra* (a figure the plan's reader chose not to take: likely
wrong). A row per set of reports: targets drafted, drafted baselines, alike / missing /
differing, extra, shared ids, and English names a draft repeats.

    python3 benchmarks/baselines.py                      # every set, a row each
    python3 benchmarks/baselines.py --set tuning         # the tuning sets only
    python3 benchmarks/baselines.py --set tuning --misses  # and what each misses or differs in

Keep a held-out set out of `--misses` while tuning: its misses are what the tuning must not
read. PLANCLI_SHARED points at another shared folder (the corpus under it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from plancli.extract import decode_report, extract_plan  # noqa: E402

SHARED = Path(os.environ.get("PLANCLI_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "gov-work-reports-2026"
PINYIN = {
    "上海": "shanghai",
    "北京": "beijing",
    "天津": "tianjin",
    "山东": "shandong",
    "广东": "guangdong",
    "江苏": "jiangsu",
    "河南": "henan",
    "浙江": "zhejiang",
    "湖北": "hubei",
    "甘肃": "gansu",
    "陕西": "shaanxi",
    "四川": "sichuan",
    "辽宁": "liaoning",
    "福建": "fujian",
    "贵州": "guizhou",
}
# Session 36 tuned on the first set, session 37 on the first two, session 38 on the first
# three; the last is held out (session 37 held out it and tuning-38).
SETS: dict[str, tuple[str, ...]] = {
    "tuning-36": ("陕西", "四川", "河南"),
    "tuning-37": ("贵州", "上海", "北京"),
    "tuning-38": ("江苏", "湖北", "天津"),
    "held-out-38": ("山东", "广东", "浙江", "甘肃", "福建", "辽宁"),
}


@dataclass
class Tally:
    targets: int = 0
    baselines: int = 0
    alike: int = 0
    missing: int = 0
    differing: int = 0
    extra: int = 0
    shared: int = 0
    repeated: int = 0
    notes: list[str] = field(default_factory=list)


def _figures(baseline: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(baseline[k])) for k in ("growth", "value") if k in baseline}


def measure(name: str, tally: Tally) -> None:
    path = next(CORPUS.glob(f"{name}?.txt"))
    text = decode_report(path.read_bytes(), path.name)
    draft = extract_plan(text, name=path.name).plan["targets"]
    with (REPO / "data" / "2026" / f"{PINYIN[name]}.toml").open("rb") as handle:
        gold = {t["id"]: t for t in tomllib.load(handle)["targets"]}
    tally.targets += len(draft)
    tally.baselines += sum(1 for t in draft if _figures(t.get("baseline") or {}))
    names = Counter(t.get("name_en") or t["name"] for t in draft)
    tally.repeated += sum(1 for n in names.values() if n > 1)
    for target in draft:
        if target["id"] not in gold:
            continue
        tally.shared += 1
        theirs = _figures(gold[target["id"]].get("baseline") or {})
        mine = _figures(target.get("baseline") or {})
        if not theirs:
            if mine:
                tally.extra += 1
                tally.notes.append(f"  {name} {target['id']}: extra (draft {_show(mine)})")
            continue
        if not mine:
            tally.missing += 1
            tally.notes.append(f"  {name} {target['id']}: missing (plan {_show(theirs)})")
        elif all(theirs.get(k) == v for k, v in mine.items()):
            tally.alike += 1
        else:
            tally.differing += 1
            tally.notes.append(
                f"  {name} {target['id']}: differing (draft {_show(mine)}, plan {_show(theirs)})"
            )


def _show(figures: dict[str, Decimal]) -> str:
    return ", ".join(f"{k} {v}" for k, v in figures.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "tuning"], help="one set (tuning: both tuning)")
    parser.add_argument("--misses", action="store_true", help="list each missing, differing, extra")
    args = parser.parse_args()
    chosen = [s for s in SETS if args.set in (None, s) or (args.set == "tuning" and "tun" in s)]
    columns = "targets | baselines | alike / missing / differing | extra | shared ids"
    print(f"| drafts | {columns} | repeated name_en |")
    print("|---|---:|---:|---|---:|---:|---:|")
    for set_name in chosen:
        tally = Tally()
        for name in SETS[set_name]:
            measure(name, tally)
        print(
            f"| {set_name}: {', '.join(SETS[set_name])} | {tally.targets} | {tally.baselines} | "
            f"{tally.alike} / {tally.missing} / {tally.differing} | {tally.extra} | "
            f"{tally.shared} | {tally.repeated} |"
        )
        if args.misses and tally.notes:
            print("\n".join(tally.notes))


if __name__ == "__main__":
    main()
