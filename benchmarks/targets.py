"""Targets of `plancli extract`'s drafts against the bundled 2026 plans: bounds and misses.

Session 38's measure, beside benchmarks/baselines.py (whose sets it uses): each corpus report
is drafted and compared with its bundled plan data/2026/<pinyin>.toml.

- On the ids both hold, the target's bound: *alike* when the kind of bound and every figure are
  the plan's (in its unit), *differing in value* when the kind is the plan's but a figure or
  the unit is not, *differing in kind* otherwise. The kind of bound is the target's kind
  (growth, level, cumulative…) with how it is bounded: 左右 (around), 以上 (min), 以内 (max),
  span (min and max), 同步/高于 (relation to a reference), 下降 (decline), 提高N个百分点 (a
  change), 完成国家下达 (pending), or none (a trend or a tracked indicator).
- The bundled plan's headline targets (its 主要预期目标 paragraph's: every bundled target) that
  the draft holds under no id at all: *missing*.

    python3 benchmarks/targets.py                        # every set, a row each
    python3 benchmarks/targets.py --set tuning-38 --misses  # and each differing or missing

Keep a held-out set out of `--misses` while tuning.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import CORPUS, PINYIN, REPO, SETS

from plancli.extract import decode_report, extract_plan

_FIGURES = ("around", "min", "max", "stretch")


@dataclass
class Tally:
    shared: int = 0
    alike: int = 0
    value: int = 0
    kind: int = 0
    headline: int = 0
    missing: int = 0
    notes: list[str] = field(default_factory=list)


def bound_kind(target: dict[str, Any]) -> str:
    """The target's kind and how it is bounded, in the report's words."""
    words: list[str] = []
    if target.get("pending"):
        words.append("完成国家下达")
    if target.get("relation"):
        words.append(f"{target['relation']} {target.get('reference', '?')} (同步/高于)")
    if target.get("decline"):
        words.append("下降")
    if target["kind"] == "change":
        words.append("提高N个百分点")
    if "min" in target and "max" in target:
        words.append("span")
    elif "around" in target:
        words.append("左右")
    elif "min" in target:
        words.append("以上")
    elif "max" in target:
        words.append("以内")
    return f"{target['kind']} {' '.join(words) or 'none'}"


def figures(target: dict[str, Any]) -> dict[str, Decimal]:
    return {k: Decimal(str(target[k])) for k in _FIGURES if k in target}


def _show(target: dict[str, Any]) -> str:
    shown = ", ".join(f"{k} {v}" for k, v in figures(target).items())
    return f"{bound_kind(target)}{': ' + shown if shown else ''} {target.get('unit', '')}"


def measure(name: str, tally: Tally) -> None:
    path = next(CORPUS.glob(f"{name}?.txt"))
    text = decode_report(path.read_bytes(), path.name)
    draft = {t["id"]: t for t in extract_plan(text, name=path.name).plan["targets"]}
    with (REPO / "data" / "2026" / f"{PINYIN[name]}.toml").open("rb") as handle:
        gold = tomllib.load(handle)["targets"]
    for theirs in gold:
        tally.headline += 1
        mine = draft.get(theirs["id"])
        if mine is None:
            tally.missing += 1
            tally.notes.append(f"  {name} {theirs['id']}: missing ({theirs['quote']})")
            continue
        tally.shared += 1
        if bound_kind(mine) != bound_kind(theirs):
            tally.kind += 1
            verdict = "differing in kind"
        elif figures(mine) != figures(theirs) or mine.get("unit") != theirs.get("unit"):
            tally.value += 1
            verdict = "differing in value"
        else:
            tally.alike += 1
            continue
        tally.notes.append(
            f"  {name} {theirs['id']}: {verdict} (draft {_show(mine)}; plan {_show(theirs)};"
            f" draft quote {mine.get('quote', '')})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "tuning"], help="one set (tuning: all tuning)")
    parser.add_argument("--misses", action="store_true", help="list each differing or missing")
    args = parser.parse_args()
    chosen = [s for s in SETS if args.set in (None, s) or (args.set == "tuning" and "tun" in s)]
    columns = "shared ids | bound alike / differing value / differing kind | headline | missing"
    print(f"| drafts | {columns} |")
    print("|---|---:|---|---:|---:|")
    for set_name in chosen:
        tally = Tally()
        for name in SETS[set_name]:
            measure(name, tally)
        print(
            f"| {set_name}: {', '.join(SETS[set_name])} | {tally.shared} | "
            f"{tally.alike} / {tally.value} / {tally.kind} | {tally.headline} | {tally.missing} |"
        )
        if args.misses and tally.notes:
            print("\n".join(tally.notes))


if __name__ == "__main__":
    main()
