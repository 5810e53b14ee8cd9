"""A figure typed with exactly the plan's own unit (`27.9万人` for a target in 万人) is read as
the number, as hledger takes an amount written with its commodity; any other unit is refused
naming both, for plancli never converts (docs/recording.md, session 37)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plancli.errors import InputError
from plancli.figure_words import own_unit_figure
from plancli.ledger_values import parse_number, parse_value
from plancli.plan import load_plan


def _target(plan: str, target_id: str):  # type: ignore[no-untyped-def]
    target = load_plan(plan).target(target_id)
    assert target is not None
    return target


# The 2022 官渡 plan's and the 2026 福建 plan's targets in 万人, 亿元, 个 and 万平方米, each
# with its own figure from the report, typed as a clerk might.
@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "read"),
    [
        ("fujian-2026", "new_urban_jobs", "27.9万人", "27.9"),
        ("fujian-2026", "new_urban_jobs", "27.9 万人", "27.9"),
        ("fujian-2026", "new_urban_jobs", "２７.９万人", "27.9"),
        ("fujian-2026", "new_urban_jobs", "２７．９万人", "27.9"),
        ("fujian-2026", "new_urban_jobs", "27.9万 人", "27.9"),  # (as pdftotext spaces it)
        ("guandu-2022", "new_urban_jobs", "2.3万人", "2.3"),
        ("guandu-2022", "external_funds", "476.3亿元", "476.3"),
        ("guandu-2022", "external_funds", "2,004.9亿元", "2004.9"),
        ("guandu-2022", "external_funds", "2，004.9 亿元", "2004.9"),
        ("guandu-2022", "new_5g_base_stations", "310个", "310"),
        ("guandu-2022", "new_parking_spaces", "2 500 个", "2500"),  # (Excel's grouping)
        ("guandu-2022", "grade_a_office_space", "10万平方米", "10"),
        ("guandu-2022", "school_buildings_repaired", "3.7 万平方米", "3.7"),
    ],
)
def test_a_figure_with_the_plans_own_unit_is_the_number(
    plan: str, target_id: str, typed: str, read: str
) -> None:
    value = parse_value(typed, _target(plan, target_id))
    assert str(value) == read


@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "given", "unit"),
    [
        ("fujian-2026", "new_urban_jobs", "27.9万人左右", "万人左右", "万人"),
        ("fujian-2026", "new_urban_jobs", "27.9万元", "万元", "万人"),
        ("guandu-2022", "new_5g_base_stations", "310座", "座", "个"),
    ],
)
def test_another_unit_is_refused_naming_both(
    plan: str, target_id: str, typed: str, given: str, unit: str
) -> None:
    with pytest.raises(InputError) as refused:
        parse_value(typed, _target(plan, target_id))
    assert str(refused.value) == (
        f"value '{typed}': the figure with a unit ({given}); give the number alone, in the "
        f"plan's unit ({unit})"
    )


# The same thing at another scale (人 for 万人, 万元 for 亿元) is refused saying plancli does
# not convert, and what the figure is in the plan's unit (session 40: it said only `the figure
# with a unit (人)`; changed on purpose).
@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "given", "unit", "converted"),
    [
        ("fujian-2026", "new_urban_jobs", "279000人", "人", "万人", "27.9"),
        ("guandu-2022", "external_funds", "0.6万亿元", "万亿元", "亿元", "6000"),
        ("guandu-2022", "external_funds", "6000万元", "万元", "亿元", "0.6"),
        ("guandu-2022", "grade_a_office_space", "100000平方米", "平方米", "万平方米", "10"),
    ],
)
def test_another_scale_of_the_unit_is_refused_saying_plancli_does_not_convert(
    plan: str, target_id: str, typed: str, given: str, unit: str, converted: str
) -> None:
    with pytest.raises(InputError) as refused:
        parse_value(typed, _target(plan, target_id))
    assert str(refused.value) == (
        f"value '{typed}': the figure in {given}, the plan's unit is {unit}; plancli does not "
        f"convert units: give the number alone, in {unit} ({typed} is {converted}{unit})"
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("约27.9万人", "value '约27.9万人' is not a number (e.g. 310, 5.2, -0.3)"),
        ("27.9\u200b万人", "value '27.9\\u200b万人': holds an invisible character"),
        ("27.9¹万人", "value '27.9¹万人': ¹ is not a digit: a footnote mark"),
        ("1,02.3万人", "value '1,02.3万人': a thousands separator out of place"),
        ("(27.9)万人", "value '(27.9)万人' is not a number"),
        ("27 9万人", "value '27 9万人' is not a number"),
    ],
)
def test_the_other_refusals_stand_with_the_unit(typed: str, said: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_value(typed, _target("fujian-2026", "new_urban_jobs"))
    assert str(refused.value).startswith(said), refused.value


def test_a_growth_is_in_percent_its_amount_in_the_plans_unit() -> None:
    """福建's gdp is a growth target in 亿元: its figure is the growth %, so `5.0亿元` is no
    growth (it was told to be given `in the plan's unit (亿元)`); its amount is in 亿元."""
    gdp = _target("fujian-2026", "gdp")
    with pytest.raises(InputError) as refused:
        parse_value("5.0亿元", gdp)
    assert str(refused.value) == (
        "value '5.0亿元': the figure with a unit (亿元); give the number alone, in the plan's "
        "unit (%)"
    )
    assert parse_value("5.0％", gdp) == Decimal("5.0")
    amount = parse_number("60,199.45亿元", "amount", unit=gdp.unit)
    assert str(amount) == "60199.45"


def test_a_class_and_a_percent_are_read_where_they_were() -> None:
    assert own_unit_figure("2类", "类") == "2类"  # (class_figure's: `record yangtze 2类`)
    assert own_unit_figure("4.7%", "%") == "4.7%"
    assert own_unit_figure("27.9万人", None) == "27.9万人"
    assert own_unit_figure("5000元/人", "元") == "5000元/人"  # a per-unit is another unit
    with pytest.raises(
        InputError, match=r"\(元/人\); give the number alone, in the plan's unit \(元\)"
    ):
        parse_number("5000元/人", "value", unit="元")


def test_record_amend_and_add_read_the_plans_unit(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "fujian.progress.toml"

    def run(*args: str):  # type: ignore[no-untyped-def]
        return invoke("--lang", "zh", "--plan", "fujian-2026", "--ledger", str(ledger), *args)

    main = run("record", "new_urban_jobs", "27.9万人", "--period", "2026-06")
    assert main.exit_code == 0, main.output
    assert "new_urban_jobs 2026-06 = 27.9万人" in main.output
    added = run("record", "new_urban_jobs", "３.１ 万人", "--period", "2026-07", "--add")
    assert added.exit_code == 0, added.output
    assert "new_urban_jobs 2026-07 = 31.0万人（2026-06 的 27.9 + 3.1）" in added.output
    amended = run("amend", "new_urban_jobs", "--from", "2026-07", "--min", "45万人")
    assert amended.exit_code == 0, amended.output
    assert "≥ 45 万人" in amended.output
    refused = run("record", "new_urban_jobs", "279000人", "--period", "2026-08", "--dry-run")
    assert refused.exit_code == 2
    assert refused.stderr == (
        "错误：数值 '279000人' 的单位是人，计划的单位是万人；plancli 不换算单位：请只填数字，"
        "单位按计划（万人）（279000人即27.9万人）\n"
    )
    wrong = run("amend", "new_urban_jobs", "--from", "2026-08", "--min", "450000人")
    assert wrong.exit_code == 2
    assert "'450000人' 的单位是人，计划的单位是万人；plancli 不换算单位" in wrong.stderr


def test_an_imported_cell_with_the_plans_unit(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """官渡 2022 (the bundled plan): a CSV's cells typed with their units, as a bureau sends
    them; the 万平方米 cell in 平方米 is refused, naming both, and nothing is written."""
    ledger = tmp_path / "progress.toml"
    rows = [
        "target,period,value",
        "new_urban_jobs,2022-06,1.2万人",
        "external_funds,2022-06,６０.５ 亿元",
        "new_5g_base_stations,2022-06,150个",
        "grade_a_office_space,2022-06,4.5万平方米",
    ]
    path = tmp_path / "june.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("--ledger", str(ledger), "import", str(path))
    assert result.exit_code == 0, result.output
    text = ledger.read_text(encoding="utf-8")
    for figure in ("value = 1.2", "value = 60.5", "value = 150", "value = 4.5"):
        assert figure in text
    path.write_text("target,period,value\ngrade_a_office_space,2022-09,45000平方米\n", "utf-8")
    before = ledger.read_bytes()
    refused = invoke("--ledger", str(ledger), "import", str(path))
    assert refused.exit_code == 2
    assert (
        "june.csv:2: target grade_a_office_space: value '45000平方米': the figure in 平方米, "
        "the plan's unit is 万平方米; plancli does not convert units: give the number alone, "
        "in 万平方米 (45000平方米 is 4.5万平方米)"
    ) in refused.stderr
    assert ledger.read_bytes() == before
