"""What the three `gap --json` split test files share (`test_gap_split`, `_sqlite`, `_postgres`):
the reference document one process writes, the split's document, the ledger's fill of demo figures
and two amendments, and the checks that no child is left behind."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from plancli.assess import assess_plan, figure_query, gap_json_parts, select
from plancli.assess.gap_split import SplitGap
from plancli.demo import demo_records
from plancli.ledger_read import read_figures
from plancli.model import Amendment
from plancli.periods import parse_plan_period

WHEN = datetime(2026, 7, 5, 8, 30, tzinfo=UTC)


def no_children() -> bool:
    """True when this process has no child left (none running, none unwaited)."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def joined(parts: Iterable[str | bytes]) -> str:
    """The document `SplitGap.parts` writes (its rows are bytes in UTF-8, the tests')."""
    return "".join(p if isinstance(p, str) else p.decode() for p in parts)


def child_dies_at_once(split: SplitGap, fd: int, parent: int) -> None:
    """A child that ends before sending anything (patched in for `gap_split._child`)."""
    os._exit(1)


def every_target(plan: Any, **how: Any) -> dict[str, Any]:
    """`gap`'s choice of every target, worst first, unless `how` says otherwise."""
    return {"targets": plan.targets, "statuses": None, "order": "worst", **how}


def judged(plan: Any, figures: Any, amendments: Any, as_of: Any, **how: Any) -> str:
    """The document one process writes from these figures."""
    assessment = assess_plan(plan, figures, as_of, amendments)
    chosen = select(assessment, how["targets"], how["statuses"], how["order"])
    return "".join(gap_json_parts(assessment, chosen))


def read_and_judged(plan: Any, location: Any, as_of: str | None, **how: Any) -> str:
    """The document one process writes from the ledger at `location`."""
    figures, amendments = read_figures(location, figure_query(plan, as_of))
    return judged(plan, figures, amendments, as_of, **how)


def split_document(
    plan: Any, as_of: str | None, source: Callable[[Any], Any], **how: Any
) -> tuple[str, str]:
    """The document two processes write, and how they did it; `source` makes the shares' source
    from the figure query. No child may be left behind."""
    period = parse_plan_period(as_of, plan.plan.year) if as_of is not None else None
    query = figure_query(plan, period)
    with SplitGap(
        plan,
        period,
        lambda: source(query),
        {t.id for t in how["targets"]},
        how["statuses"],
        how["order"],
    ) as split:
        text = joined(split.parts())
    assert no_children()
    return text, split.how


def fill_demo(session: Any, model: Any, amended: bool = True) -> None:
    """A year of the plan's demo figures, and two of its pending targets amended in March."""
    session.append(demo_records(model, WHEN, "demo"))
    if amended:
        for target in [t for t in model.targets if t.pending][:2]:
            session.append_amendment(
                Amendment(
                    target=target.id,
                    period=f"{model.plan.year}-03",
                    max=Decimal("3.5"),
                    note="国家下达",
                    recorded_at=WHEN,
                    batch="amended",
                )
            )
