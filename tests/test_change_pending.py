"""Audit N, D6 and D7: a `change` target's rise typed as its level, and a `pending` target's
figure moving the whole dashboard to the year's end.

D6. 甘肃 2026's 常住人口城镇化率提升1个百分点以上 (base 58.08 % in 2025): a new user types the
rise, 0.3, which was stored as the level without a word and reported as 城镇化率为0.4%，比上年
下降57.68个百分点; a negative urbanization rate (the clerk's −0.2) was imported as a level. The
level checks now apply to change targets, and a figure that looks like the rise is warned of
(record and import alike, in both languages).

D7. 湖北 2026's co2_intensity (完成国家下达目标: pending) recorded as 下降3 for 2026 beside
figures up to 2026-06 moved `status` to `as of 2026`, 100 %, judging every target at the year's
end. A pending target's figure sets no default as-of, in every command, store and path, and
`record` on it points to `plancli amend`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ledgers import Ledger

ROOT = Path(__file__).resolve().parent.parent
GANSU = ROOT / "data" / "2026" / "gansu.toml"

BELOW_STATED = (
    "urbanization_rate 2026-06 = 0.3 %: far below the base level 58.08 % (the plan's "
    "baseline); a change target takes the level, not the rise: if 0.3 is the rise, type the "
    "level 58.38 (58.08 + 0.3)"
)


@pytest.fixture
def gansu(invoke: Any, tmp_path: Path) -> Callable[..., Any]:
    """plancli on the bundled gansu-2026 (its base 58.08 stated in the plan)."""
    ledger = tmp_path / "gs.progress.toml"

    def call(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", "gansu-2026", "--ledger", str(ledger), *args)

    return call


@pytest.fixture
def draft(invoke: Any, tmp_path: Path) -> Callable[..., Any]:
    """plancli on gansu-2026 as `extract` drafts it: the change target without its base."""
    text = GANSU.read_text(encoding="utf-8")
    stated = "baseline = { year = 2025, value = 58.08 }\n"
    assert text.count(stated) == 1
    plan = tmp_path / "gansu.toml"
    plan.write_text(text.replace(stated, ""), encoding="utf-8")

    def call(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", str(plan), *args)

    call.plan = plan  # type: ignore[attr-defined]
    return call


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


# ------------------------------------------------------------ D6: the rise typed as the level


def test_the_rise_beside_the_stated_base_is_warned_of(gansu: Callable[..., Any]) -> None:
    result = gansu("record", "urbanization_rate", "0.3", "--period", "2026-06")
    assert result.exit_code == 0, result.output
    assert f"warning: {BELOW_STATED}" in _one_line(result.stderr)
    zh = gansu("record", "urbanization_rate", "0.4", "--period", "2026-09", lang="zh")
    assert zh.exit_code == 0, zh.output
    assert (
        "urbanization_rate 2026-09 = 0.4%：远低于基期水平 58.08%（规划的基期值）；百分点变动类"
        "目标记录的是水平值，不是提升幅度：如果 0.4 是提升幅度，请输入水平值 58.48（58.08 + 0.4）"
    ) in _one_line(zh.stderr)
    # the level itself, and a fall of a few points, are taken without a word
    for level in ("58.38", "57.5", "59.9"):
        quiet = gansu("record", "urbanization_rate", level, "--period", "2026-12")
        assert quiet.exit_code == 0 and "warning" not in quiet.stderr, quiet.stderr


def test_the_draft_without_a_base_warns_then_the_base_names_the_rises(
    draft: Callable[..., Any],
) -> None:
    """The audit's sequence: 0.3 with no base; the base 58.08 for 2025; 0.4 beside it."""
    first = draft("record", "urbanization_rate", "0.3", "--period", "2026-06")
    assert first.exit_code == 0, first.output
    assert (
        "warning: urbanization_rate 2026-06 = 0.3 %: no base level yet, and the figure is of "
        "the size of the rise (the plan's: 1 percentage points); a change target takes the "
        "level, not the rise: if 0.3 is the rise, type last year's level + 0.3; record the base "
        "level too (--period 2025) or set baseline.value in the plan"
    ) in _one_line(first.stderr)
    base = draft("record", "urbanization_rate", "58.08", "--period", "2025")
    assert base.exit_code == 0, base.output
    assert (
        "warning: urbanization_rate 2025 = 58.08 %, the base level: figures recorded far below "
        "it (2026-06 = 0.3); a change target takes the level, not the rise: if they are the "
        "rise, record the level again (e.g. 2026-06 = 58.38, 58.08 + 0.3)"
    ) in _one_line(base.stderr)
    later = draft("record", "urbanization_rate", "0.4", "--period", "2026-09")
    assert (
        "warning: urbanization_rate 2026-09 = 0.4 %: far below the base level 58.08 % (recorded "
        "for the year before); a change target takes the level, not the rise: if 0.4 is the "
        "rise, type the level 58.48 (58.08 + 0.4)"
    ) in _one_line(later.stderr)
    zh = draft("record", "urbanization_rate", "0.5", "--period", "2026-10", "-n", lang="zh")
    assert "尚无基期水平" not in zh.stderr and "58.58（58.08 + 0.5）" in _one_line(zh.stderr)


def test_without_a_base_a_level_is_not_warned_of(draft: Callable[..., Any]) -> None:
    result = draft("record", "urbanization_rate", "58.5", "--period", "2026-06")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    zh = draft("record", "urbanization_rate", "0.3", "--period", "2026-06", "-n", lang="zh")
    assert "尚无基期水平" in zh.stderr


def test_a_negative_urbanization_rate_is_refused(gansu: Callable[..., Any]) -> None:
    result = gansu("record", "urbanization_rate", "-0.2", "--period", "2026-12")
    assert result.exit_code == 2
    assert (
        "urbanization_rate 2026-12 = -0.2 %: a rate or share is never below 0; was the change "
        "on last year (比上年增减) typed? give the period's level"
    ) in _one_line(result.stderr)


def test_a_share_above_100_is_warned_of_from_the_stated_base(gansu: Callable[..., Any]) -> None:
    result = gansu("record", "urbanization_rate", "101", "--period", "2026-12")
    assert result.exit_code == 0
    assert "a share above 100 % (the plan's figure: 59.08 %)" in _one_line(result.stderr)


@pytest.mark.parametrize("stream", [True, False])
def test_import_warns_of_the_rise_as_record_does(
    draft: Callable[..., Any], tmp_path: Path, stream: bool
) -> None:
    """The audit's urb.csv (0.9 for 2026-12) and urb2.csv (−0.2), and a file giving the base
    with the rise: the streamed import and the checked one (`--dry-run`) say the same."""
    dry = () if stream else ("--dry-run",)
    both = tmp_path / "both.csv"
    both.write_text(
        "target,period,value\nurbanization_rate,2025,58.08\nurbanization_rate,2026-06,0.3\n",
        encoding="utf-8",
    )
    result = draft("import", str(both), *dry)
    assert result.exit_code == 0, result.output
    text = _one_line(result.stderr)
    assert (
        "both.csv:3: urbanization_rate 2026-06 = 0.3 %: far below the base level 58.08 % "
        "(recorded for the year before)"
    ) in text
    assert text.count("urbanization_rate") == 1  # the base's row does not repeat it
    if not stream:
        assert draft("record", "urbanization_rate", "58.08", "--period", "2025").exit_code == 0
    urb = tmp_path / "urb.csv"
    urb.write_text("target,period,value\nurbanization_rate,2026-12,0.9\n", encoding="utf-8")
    result = draft("import", str(urb), *dry)
    assert result.exit_code == 0, result.output
    assert "type the level 58.98 (58.08 + 0.9)" in _one_line(result.stderr)
    urb2 = tmp_path / "urb2.csv"
    urb2.write_text("target,period,value\nurbanization_rate,2026-11,-0.2\n", encoding="utf-8")
    refused = draft("import", str(urb2), *dry, lang="zh")
    assert refused.exit_code == 2
    assert "urb2.csv:2：urbanization_rate 2026-11 = -0.2%：比率、占比不会小于 0" in refused.stderr


def test_record_help_says_a_change_target_takes_the_level(invoke: Any) -> None:
    # (a Chinese word may be folded anywhere: compared without the spaces)
    text = re.sub(r"\s+", "", invoke("record", "--help").stdout)
    said = "change targets too, 提升1个百分点: the level itself, 58.38, not the rise 0.3"
    assert re.sub(r"\s+", "", said) in text


# ----------------------------------------------------- D7: a pending figure and the as-of


HUBEI = "hubei-2026"


@pytest.fixture
def hubei(
    invoke: Any, tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]
) -> Callable[..., Any]:
    """plancli on hubei-2026 in every store, with gdp for 2026-Q1, new_urban_jobs for 2026-06
    and co2_intensity (pending) 下降3 for 2026, as the audit recorded them."""
    ledger = ledger_at(tmp_path / f"work{ledger_suffix}", HUBEI)

    def call(*args: str, lang: str = "en") -> Any:
        return invoke("--lang", lang, "--plan", HUBEI, "--ledger", str(ledger), *args)

    for target, value, period in (
        ("gdp", "5.8", "2026-Q1"),
        ("new_urban_jobs", "40", "2026-06"),
    ):
        assert call("record", target, value, "--period", period).exit_code == 0
    return call


def _pending(call: Callable[..., Any]) -> Any:
    return call("record", "co2_intensity", "下降3", "--period", "2026")


def test_a_pending_figure_sets_no_as_of(hubei: Callable[..., Any]) -> None:
    assert _pending(hubei).exit_code == 0
    assert re.search(r"as of 2026-06 +time progress .* 50%", hubei("status").stdout)
    assert json.loads(hubei("status", "--json").stdout)["as_of"] == "2026-06"
    assert json.loads(hubei("gap", "--json").stdout)["as_of"] == "2026-06"
    assert "as of 2026-06" in hubei("gap").stdout
    assert re.search(r"as of +2026-06", hubei("show", "new_urban_jobs").stdout)
    assert re.search(r"as of +2026-06", hubei("show", "co2_intensity").stdout)
    assert "As of June 2026 (time progress 50%)" in hubei("report", "--format", "md").stdout
    assert "截至2026年6月" in hubei("report", "--format", "md", lang="zh").stdout
    # asked for, the year's end shows the pending figure, unjudged
    year_end = json.loads(hubei("gap", "--json", "--as-of", "2026").stdout)
    co2 = next(t for t in year_end["targets"] if t["id"] == "co2_intensity")
    assert year_end["as_of"] == "2026" and co2["status"] == "pending" and co2["actual"] == 3


def test_split_gap_json_agrees(hubei: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from plancli.assess import gap_split

    assert _pending(hubei).exit_code == 0
    alone = hubei("gap", "--json").stdout
    hows: list[str] = []
    enter = gap_split.SplitGap.__enter__

    def entered(self: gap_split.SplitGap) -> gap_split.SplitGap:
        hows.append(self.how)
        result = enter(self)
        hows.append(self.how)
        return result

    monkeypatch.setattr(gap_split, "can_split", lambda targets: True)
    monkeypatch.setattr(gap_split.SplitGap, "__enter__", entered)
    split = hubei("gap", "--json").stdout
    assert hows and hows[-1] == "split", hows
    assert split == alone and json.loads(split)["as_of"] == "2026-06"


def test_only_a_pending_figure_still_sets_the_as_of(
    invoke: Any, tmp_path: Path, ledger_suffix: str, ledger_at: Callable[..., Ledger]
) -> None:
    """With no other figure, the pending one's period is the as-of: its figure is shown."""
    ledger = ledger_at(tmp_path / f"alone{ledger_suffix}", HUBEI)

    def call(*args: str) -> Any:
        return invoke("--plan", HUBEI, "--ledger", str(ledger), *args)

    assert _pending(call).exit_code == 0
    gap = json.loads(call("gap", "--json").stdout)
    co2 = next(t for t in gap["targets"] if t["id"] == "co2_intensity")
    assert gap["as_of"] == "2026" and co2["actual"] == 3


def test_amended_its_figures_count_and_record_points_to_amend(hubei: Callable[..., Any]) -> None:
    result = _pending(hubei)
    assert (
        "note: co2_intensity awaits its bound (pending: the plan leaves it to come, e.g. a "
        "national allocation): its figures are shown, never judged, and do not set the "
        "dashboard's as-of; when the bound comes, give the fall with `plancli amend "
        "co2_intensity --from PERIOD --min X` (下降X%以上; or --around), not as a figure"
    ) in _one_line(result.stderr)  # a 下降 target: --max alone is refused (audit S D1)
    assert "--max" not in _one_line(result.stderr)
    zh = hubei("record", "co2_intensity", "下降3.1", "--period", "2026", "-n", lang="zh")
    assert "plancli amend co2_intensity" in zh.stderr and "待下达" in zh.stderr
    assert "awaits" not in hubei("record", "gdp", "5.9", "--period", "2026-Q2").stderr
    amended = hubei("amend", "co2_intensity", "--min", "3", "--from", "2026-01")
    assert amended.exit_code == 0, amended.output
    again = hubei("record", "co2_intensity", "下降3.2", "--period", "2026")
    assert again.exit_code == 0 and "awaits its bound" not in again.stderr
    # judged now: its year-end figure is the latest of a judged target
    assert json.loads(hubei("gap", "--json").stdout)["as_of"] == "2026"


@pytest.mark.parametrize(
    ("figures", "as_of"),
    [
        # the pending figure in the parent's share, the judged ones in the child's
        ((("co2_intensity", "2026", "-3"), ("new_urban_jobs", "2026-06", "40")), "2026-06"),
        # both in the parent's, beside a judged one of the child's from earlier
        (
            (
                ("co2_intensity", "2026", "-3"),
                ("gdp", "2026-06", "5.8"),
                ("new_urban_jobs", "2026-03", "20"),
            ),
            "2026-06",
        ),
        # the pending figure alone: it is the as-of, and shown
        ((("co2_intensity", "2026", "-3"),), "2026"),
    ],
)
def test_the_two_processes_agree_on_the_as_of(figures: Any, as_of: str) -> None:
    """Each process tells the other its latest of a judged target's figures and of any."""
    from gap_split_helpers import joined, judged, no_children
    from plancli.assess.gap_shares import Figures, shares
    from plancli.assess.gap_split import SplitGap
    from plancli.compiled import plain_plan
    from plancli.plain import Record
    from plancli.plan import load_plan

    plan = plain_plan(load_plan(HUBEI))
    (parent, _), (child, _) = shares(plan)
    assert parent.holds("co2_intensity") and child.holds("new_urban_jobs")
    when = datetime(2026, 7, 10, tzinfo=UTC)
    records = [Record(t, p, Decimal(v), None, None, None, when, "b") for t, p, v in figures]
    how = {"targets": plan.targets, "statuses": None, "order": "plan"}
    source = Figures(records, [])
    with SplitGap(plan, None, lambda: source, {t.id for t in plan.targets}, None, "plan") as split:
        text = joined(split.parts())
    assert no_children() and split.how == "split"
    assert json.loads(text)["as_of"] == as_of
    assert text == judged(plan, records, [], None, **how)
