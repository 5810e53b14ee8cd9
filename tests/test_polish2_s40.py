"""Session 40's walks, small defects in recording and importing (polish2):

1. `record new_urban_jobs 36.2万 -p 1-9月` on 辽宁's plan (unit 万人) was refused as `the figure
   with a unit (万)`: a figure with the plan's unit's scale word alone (万 for 万人, 亿 for 亿元)
   is in the plan's unit, in `record` and in every `import` cell (one code path:
   `figure_words.own_unit_figure`); another scale of the same thing (`362000人` for 万人) is
   refused saying plancli does not convert, with the figure in the plan's unit.
2. `amend --from 7月起` was refused as a malformed period: 起 (from) is how Chinese says it;
   `7月起`, `7月份起`, `自7月起`, `从7月起` are `--from 7月`.
3. A bulletin's `截至二季度末累计` was an unknown column: it is 1-6月's year to date, as
   `截至6月末累计` is; `截至4-6月累计`, a span not from January, is refused naming it, with
   `record --add`'s hint for the increment over a span.

Figures: the bundled 辽宁 2026 plan (城镇新增就业 ≥ 45 万人; the walk's 36.2 万人 for 1-9月),
官渡 2022 (引进市外到位资金 in 亿元) and 广东 2026 (地区生产总值 68725.40 亿元 +4.4 %, 地方一般公共
预算收入 7043.21 亿元 +2.4 %, 1-6月 in its report).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bulletin_files import ROWS, bulletin_file, ledger_values
from bulletin_files import import_bulletin as _import
from plancli.errors import InputError
from plancli.ledger_values import parse_value
from plancli.plan import load_plan

LIAONING = "liaoning-2026"


def _target(plan: str, target_id: str):  # type: ignore[no-untyped-def]
    target = load_plan(plan).target(target_id)
    assert target is not None
    return target


# ------------------------------------------------------------- 1. 36.2万 for a target in 万人


@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "read"),
    [
        (LIAONING, "new_urban_jobs", "36.2万", "36.2"),
        (LIAONING, "new_urban_jobs", "36.2 万", "36.2"),
        (LIAONING, "new_urban_jobs", "３６.２万", "36.2"),
        (LIAONING, "new_urban_jobs", "36.2万人", "36.2"),
        ("guandu-2022", "external_funds", "476.3亿", "476.3"),
        ("guandu-2022", "grade_a_office_space", "10万", "10"),
    ],
)
def test_the_scale_word_alone_is_the_plans_unit(
    plan: str, target_id: str, typed: str, read: str
) -> None:
    assert str(parse_value(typed, _target(plan, target_id))) == read


@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "said"),
    [
        # another scale word alone: 亿 for 万人, 万 for 亿元 (6000万: 0.6亿元, not converted),
        # since session 41 with the figure in the plan's unit (tests/test_amounts_s41.py)
        (LIAONING, "new_urban_jobs", "0.362亿", "the figure in 亿, the plan's unit is 万人"),
        ("guandu-2022", "external_funds", "6000万", "the figure in 万, the plan's unit is 亿元"),
        ("guandu-2022", "external_funds", "0.6万亿", "the figure in 万亿, the plan's unit is 亿元"),
        # a unit per something is no scale of a counted thing: 5000元/人's 元 stands
        ("guandu-2022", "new_5g_base_stations", "310万", "the figure with a unit (万)"),
    ],
)
def test_another_scale_word_is_refused(plan: str, target_id: str, typed: str, said: str) -> None:
    with pytest.raises(InputError, match=rf"^value '{typed}': {re.escape(said)}"):
        parse_value(typed, _target(plan, target_id))


def test_another_scale_of_the_thing_is_refused_saying_plancli_does_not_convert() -> None:
    with pytest.raises(InputError) as refused:
        parse_value("362000人", _target(LIAONING, "new_urban_jobs"))
    assert str(refused.value) == (
        "value '362000人': the figure in 人, the plan's unit is 万人; plancli does not convert "
        "units: give the number alone, in 万人 (362000人 is 36.2万人)"
    )


def test_record_takes_36_2万_and_import_the_same_cell(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "liaoning.progress.toml"
    at = ("--plan", LIAONING, "--ledger", str(ledger))
    done = invoke(*at, "record", "new_urban_jobs", "36.2万", "-p", "1-9月")
    assert done.exit_code == 0, done.output
    assert "new_urban_jobs 2026-09 = 36.2 万人" in done.output
    sheet = tmp_path / "10月.csv"
    sheet.write_text("target,period,value\nnew_urban_jobs,1-10月,40.1万\n", encoding="utf-8")
    imported = invoke(*at, "import", str(sheet))
    assert imported.exit_code == 0, imported.output
    assert ledger_values(ledger)[("new_urban_jobs", "2026-10")] == (Decimal("40.1"), None)
    zh = invoke("--lang", "zh", *at, "record", "new_urban_jobs", "362000人", "-p", "1-11月")
    assert zh.exit_code == 2
    assert zh.stderr == (
        "错误：数值 '362000人' 的单位是人，计划的单位是万人；plancli 不换算单位：请只填数字，"
        "单位按计划（万人）（362000人即36.2万人）\n"
    )


# ------------------------------------------------------------- 2. amend --from 7月起


@pytest.mark.parametrize("typed", ["7月起", "7月份起", "自7月起", "从7月起", "从 7月 起", "７月起"])
def test_amend_from_reads_qi_as_from(invoke: Any, tmp_path: Path, typed: str) -> None:
    ledger = tmp_path / "liaoning.progress.toml"
    at = ("--plan", LIAONING, "--ledger", str(ledger))
    done = invoke(*at, "amend", "new_urban_jobs", "--from", typed, "--min", "40", "--json")
    assert done.exit_code == 0, done.output
    amendment = json.loads(done.stdout)["amendment"]
    assert (amendment["period"], amendment["bound"]) == ("2026-07", "≥ 40 万人")


def test_a_half_alone_with_qi_is_still_refused_naming_both_months(
    invoke: Any, tmp_path: Path
) -> None:
    at = ("--plan", LIAONING, "--ledger", str(tmp_path / "l.toml"))
    done = invoke(*at, "amend", "new_urban_jobs", "--from", "下半年起", "--min", "40")
    assert done.exit_code == 2
    assert "--from 2026-07" in done.stderr and "--from 2026-12 (年末)" in done.stderr


# ------------------------------------------------------------- 3. 截至二季度末累计


H1 = {  # (GDP is quarterly: 2026-Q2; the budget revenue monthly: 2026-06, as 截至6月末累计)
    ("gdp", "2026-Q2"): (Decimal("4.4"), Decimal("68725.40")),
    ("budget_revenue", "2026-06"): (Decimal("2.4"), Decimal("7043.21")),
}


@pytest.mark.parametrize(
    "amount",
    [
        "截至二季度末累计（亿元）",
        "截至第二季度末累计（亿元）",
        "截至2季度末累计（亿元）",
        "截至上半年末累计（亿元）",
        "截至上半年累计（亿元）",
        # without 末 (session 41, recfix: an unknown column before)
        "截至二季度累计（亿元）",
        "截至第二季度累计（亿元）",
        "截止到2季度累计（亿元）",
    ],
)
def test_to_the_second_quarter_s_end_is_the_first_half(
    invoke: Any, tmp_path: Path, amount: str
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = bulletin_file(tmp_path, [["指标", amount, "增长（%）"], *ROWS], "utf-8", "指标")
    done = _import(invoke, ledger, path)
    assert done.exit_code == 0, done.output
    assert ledger_values(ledger) == H1
    assert "every row is for 1-6月, read from the header" in " ".join(done.stderr.split())


@pytest.mark.parametrize(
    ("amount", "span", "month", "before"),
    [
        ("截至4-6月累计（亿元）", "4-6月", 6, 3),
        ("截至2-3季度累计（亿元）", "2-3季度", 9, 3),
        # without 截至 (session 41, recfix: an unknown column, no hint, before)
        ("4-6月累计（亿元）", "4-6月", 6, 3),
        ("4-6月累计值（亿元）", "4-6月", 6, 3),
        ("2-3季度累计（亿元）", "2-3季度", 9, 3),
    ],
)
def test_a_span_not_from_january_is_refused_naming_it(
    invoke: Any, tmp_path: Path, amount: str, span: str, month: int, before: int
) -> None:
    ledger = tmp_path / "gd.progress.toml"
    path = bulletin_file(tmp_path, [["指标", amount, "增长（%）"], *ROWS], "utf-8", "指标")
    since = "截至" if amount.startswith("截至") else ""
    done = _import(invoke, ledger, path)
    assert done.exit_code == 2
    assert done.stderr == (
        f"error: {path}:1: header {since}{span}累计: {span} does not start in January, and plancli "
        f"records figures from January (1-{month}月); for the increment over {span} alone, "
        f"record it with `plancli record ID FIGURE -p {span} --add`: it is added to the figure "
        f"of 1-{before}月\n"
    )
    assert not ledger.exists()
