"""Session 41, units and amounts in recording and importing (amounts):

1. bulletin.py was at its ceiling (735 of 735 lines): its target names went to
   `bulletin_names.py`; `imports_text._shown`, a private name ten modules imported (bulletin_amounts
   among them), is `safe.cell_shown`, the one quoting of a file's cell for a message.
2. Another scale word alone (`1.2万亿` for a target in 亿元, `6000万` for 亿元, `0.362亿` for 万人)
   was refused as `the figure with a unit` and no figure to type: it is refused saying plancli
   does not convert, with the exact figure in the plan's unit (`1.2万亿 is 12000亿元`), in record
   and in every import cell; a refusal for a 单位 cell or a header in 万元 says it too.
3. A growth target's amount in 万元 against a plan in 亿元 is left out and the growth imported
   (session 40). An amount recorded before for that period does not stay: the row supersedes
   the figure in force, so it goes out of force; the warning now says so and gives the amount in
   the plan's unit (12500亿元), which `record --amount` takes.

Figures: 北京 2026 (地区生产总值 and 一般公共预算收入 in 亿元, growth targets), 官渡 2022
(引进市外到位资金, cumulative in 亿元), 辽宁 2026 (城镇新增就业 in 万人).
"""

from __future__ import annotations

import ast
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import plancli
from bulletin_files import ledger_values
from plancli.errors import InputError
from plancli.ledger_values import parse_value
from plancli.plan import load_plan

BEIJING = "beijing-2026"
SRC = Path(plancli.__file__).parent


def _target(plan: str, target_id: str):  # type: ignore[no-untyped-def]
    target = load_plan(plan).target(target_id)
    assert target is not None
    return target


# ------------------------------------------------------------- 1. bulletin.py split, cell_shown


def test_target_names_are_their_own_module() -> None:
    from plancli.bulletin_names import name_key, names_index, target_id

    plan = load_plan(BEIJING)
    index = names_index(plan)
    assert name_key("一、地区生产总值") == name_key("地区生产总值")
    assert target_id(plan, "（二）一般公共预算收入", index) == "budget_revenue"
    assert target_id(plan, "地区生产总值", index) == "gdp"


def test_no_module_imports_imports_texts_private_shown() -> None:
    """The one quoting of a cell is public (`safe.cell_shown`); bulletin_period_words, another
    helper's file this session, still names it by imports_text's alias."""
    importing = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "plancli.imports_text"
                and any(alias.name == "_shown" for alias in node.names)
            ):
                importing.add(path.name)
    assert importing <= {"bulletin_period_words.py"}


def test_cell_shown_quotes_and_clips() -> None:
    from plancli.safe import cell_shown

    assert cell_shown("本年累计（万元）") == "'本年累计（万元）'"
    assert cell_shown(Decimal("687254000")) == "'687254000'"
    assert cell_shown("封" * 100).startswith("'" + "封" * 60 + "'…(100 characters)")


# ------------------------------------------------------------- 2. 1.2万亿 for 亿元


@pytest.mark.parametrize(
    ("plan", "target_id", "typed", "said"),
    [
        ("guandu-2022", "external_funds", "1.2万亿", "1.2万亿 is 12000亿元"),
        ("guandu-2022", "external_funds", "1.20 万亿", "1.20万亿 is 12000亿元"),
        ("guandu-2022", "external_funds", "6000万", "6000万 is 0.6亿元"),
        ("liaoning-2026", "new_urban_jobs", "0.362亿", "0.362亿 is 3620万人"),
    ],
)
def test_another_scale_word_alone_is_refused_with_the_figure_in_the_plans_unit(
    plan: str, target_id: str, typed: str, said: str
) -> None:
    target = _target(plan, target_id)
    with pytest.raises(InputError) as refused:
        parse_value(typed, target)
    given = "".join(typed.split()).lstrip("0123456789.")
    assert str(refused.value) == (
        f"value '{typed}': the figure in {given}, the plan's unit is {target.unit}; plancli "
        f"does not convert units: give the number alone, in {target.unit} ({said})"
    )


def test_a_unit_without_a_scale_word_takes_no_scale_word() -> None:
    """310万 for 5G 基站 in 个: no scale of the plan's unit to say it in (session 40's rule)."""
    with pytest.raises(InputError, match=r"the figure with a unit \(万\); give the number alone"):
        parse_value("310万", _target("guandu-2022", "new_5g_base_stations"))


def test_record_and_import_refuse_1_2_wan_yi_for_yi_yuan_alike(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "beijing.progress.toml"
    at = ("--plan", BEIJING, "--ledger", str(ledger))
    done = invoke(*at, "record", "gdp", "5.3", "--amount", "1.2万亿", "-p", "1-3月")
    assert done.exit_code == 2
    assert done.stderr == (
        "error: amount '1.2万亿': the figure in 万亿, the plan's unit is 亿元; plancli does not "
        "convert units: give the number alone, in 亿元 (1.2万亿 is 12000亿元)\n"
    )
    zh = invoke("--lang", "zh", *at, "record", "gdp", "5.3", "--amount", "1.2万亿", "-p", "1-3月")
    assert zh.stderr == (
        "错误：总量 '1.2万亿' 的单位是万亿，计划的单位是亿元；plancli 不换算单位：请只填数字，"
        "单位按计划（亿元）（1.2万亿即12000亿元）\n"
    )
    sheet = tmp_path / "月报.csv"
    sheet.write_text("指标,期间,本年累计,增长（%）\n地区生产总值,1-3月,1.2万亿,5.3\n", "utf-8")
    imported = invoke(*at, "import", str(sheet))
    assert imported.exit_code == 2
    assert imported.stderr.splitlines()[1] == (
        f"{sheet}:2: target gdp: '本年累计' '1.2万亿': the figure in 万亿, the plan's unit is "
        "亿元; plancli does not convert units: give the number alone, in 亿元 (1.2万亿 is "
        "12000亿元)"
    )
    assert not ledger.exists()


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        ("指标,期间,累计值,单位\n引进市外到位资金,1-6月,1.2,万亿元\n", "1.2万亿元 is 12000亿元"),
        ("指标,期间,累计值（万元）\n引进市外到位资金,1-6月,1293200\n", "1293200万元 is 129.32亿元"),
        (
            "单位：万元\n指标,期间,累计值\n引进市外到位资金,1-6月,1293200\n",
            "1293200万元 is 129.32亿元",
        ),
    ],
)
def test_a_unit_cell_or_header_in_another_scale_says_the_figure_in_the_plans_unit(
    invoke: Any, tmp_path: Path, rows: str, said: str
) -> None:
    sheet = tmp_path / "funds.csv"
    sheet.write_text(rows, encoding="utf-8")
    ledger = tmp_path / "guandu.progress.toml"
    done = invoke("--plan", "guandu-2022", "--ledger", str(ledger), "import", str(sheet))
    assert done.exit_code == 2
    assert done.stderr.splitlines()[1].endswith(f"; {said})")
    assert not ledger.exists()


# ------------------------------------------------------------- 3. an amount recorded before


def test_an_amount_left_out_for_its_scale_says_the_earlier_amount_goes_out_of_force(
    invoke: Any, tmp_path: Path
) -> None:
    ledger = tmp_path / "beijing.progress.toml"
    at = ("--plan", BEIJING, "--ledger", str(ledger))
    done = invoke(*at, "record", "gdp", "5.0", "--amount", "12000", "-p", "1-3月")
    assert done.exit_code == 0, done.output
    sheet = tmp_path / "月报.csv"
    sheet.write_text(
        "指标,期间,本年累计（万元）,增长（%）\n地区生产总值,1-3月,125000000,5.3\n", "utf-8"
    )
    imported = invoke(*at, "import", str(sheet))
    assert imported.exit_code == 0, imported.output
    warnings = [line for line in imported.stderr.splitlines() if line.startswith("warning")]
    assert warnings == [
        f"warning: {sheet}:2: gdp: the amount '125000000' is in 万元 (column '本年累计（万元）') "
        "and the plan counts 亿元; plancli does not convert, so the amount was not used: the "
        "growth '5.3' is imported alone, and an amount recorded before for its period goes out "
        "of force; in 亿元 the amount is 12500, which record --amount takes (an amount recorded "
        "before that equals it stays in force)",
        f"warning: {sheet}:2: gdp 2026-Q1 has no amount: 2026-Q1's amount 12000 亿元 is no "
        "longer in force (give it with the figure to keep it)",
    ]
    assert ledger_values(ledger)[("gdp", "2026-Q1")] == (Decimal("5.3"), None)
    history = json.loads(invoke(*at, "history", "gdp", "--json").stdout)["records"]
    in_force = [(r["value"], r["amount"]) for r in history if r["current"]]
    assert in_force == [(5.3, None)]  # not 5.3 % beside the flash estimate's 12000 亿元
    # the amount the warning gives, recorded, is in force with the growth
    kept = invoke(*at, "record", "gdp", "5.3", "--amount", "12500", "-p", "1-3月")
    assert kept.exit_code == 0, kept.output
    assert ledger_values(ledger)[("gdp", "2026-Q1")] == (Decimal("5.3"), Decimal("12500"))


def test_the_warning_in_chinese(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "beijing.progress.toml"
    sheet = tmp_path / "月报.csv"
    sheet.write_text(
        "指标,期间,本年累计,增长（%）,单位\n一般公共预算收入,1-6月,35000000,4.1,万元/%\n", "utf-8"
    )
    at = ("--lang", "zh", "--plan", BEIJING, "--ledger", str(ledger))
    done = invoke(*at, "import", str(sheet))
    assert done.exit_code == 0, done.output
    [warning] = [line for line in done.stderr.splitlines() if line.startswith("警告")]
    assert warning == (
        f"警告：{sheet}:2：budget_revenue：总量 '35000000' 以 万元 计，计划以 亿元 计；plancli "
        "不换算，未录入该总量：只录入增速 '4.1'，该期此前录入的总量随之失效；该总量按 亿元 计为 "
        "3500，可用 record --amount 录入（此前录入的总量与之相等的，继续有效）"
    )
