"""Session 31's leftovers: a ledger name too long for the files kept beside it (one message,
exit 2, in every command); a figure in 类 that is no class, kept from before it was refused,
warned of; `actual_text` beside `actual` in the JSON and CSV; a deep roll-up chain judged in
linear time."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from plancli.ledger_names import longest_ledger_name, name_max

# ------------------------------------------------------------- 1. a ledger's name too long

READS = [("status",), ("gap",), ("gap", "--json"), ("history",), ("show", "gdp"), ("validate",)]
WRITES = [("record", "gdp", "5.1", "-p", "2022-07"), ("undo", "--yes"), ("import", "june.csv")]


def _long_name(folder: Path, suffix: str, length: int) -> Path:
    return folder / ("a" * (length - len(suffix)) + suffix)


def _refused(result: Any, path: Path, most: int) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 200, result.stderr
    assert (
        f": file name too long for a ledger (at most {most} bytes here); give a shorter name\n"
        in result.stderr
    )
    assert result.stderr.startswith(f"error: {str(path)[:60]}…"), result.stderr
    assert "-wal" not in result.stderr and "unreadable" not in result.stderr


@pytest.mark.parametrize("args", READS + WRITES, ids=lambda a: " ".join(a))
def test_a_sqlite_ledger_of_255_bytes_is_refused_alike_by_every_command(
    invoke: Any, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A 255-byte SQLite ledger (a name the file system allows, its `-journal` not): `status`
    said `file name too long` (exit 2) of its `-wal`, `record` `unreadable SQLite ledger:
    unable to open database file` (exit 3). Now every command says the same of the ledger's
    own name, exit 2, and nothing is written."""
    (tmp_path / "june.csv").write_text("target,period,value\ngdp,2022-06,5.2\n", encoding="utf-8")
    short = tmp_path / "short.sqlite"
    guandu = ("--plan", "guandu-2022")
    assert (
        invoke(*guandu, "--ledger", str(short), "record", "gdp", "5", "-p", "2022-06").exit_code
        == 0
    )
    ledger = _long_name(tmp_path, ".sqlite", 255)
    shutil.copyfile(short, ledger)
    before = sorted(os.listdir(tmp_path)), ledger.read_bytes()
    result = invoke(*guandu, "--ledger", str(ledger), *args)
    _refused(result, ledger, name_max(tmp_path) - len("-journal"))
    assert (sorted(os.listdir(tmp_path)), ledger.read_bytes()) == before


@pytest.mark.parametrize("args", READS[:3] + WRITES[:1], ids=lambda a: " ".join(a))
@pytest.mark.parametrize(("suffix", "extra"), [(".sqlite", 34), (".toml", 14)])
def test_a_new_ledger_too_long_for_its_companions_is_refused_before_anything(
    invoke: Any, tmp_path: Path, args: tuple[str, ...], suffix: str, extra: int
) -> None:
    """250 bytes, not there yet: the read commands said it did not exist ("record or import
    create it"), `record` then `cannot create: File name too long` (exit 3): a new SQLite
    ledger is first written whole as `.NAME.<pid>.<ns>.new`, a TOML ledger as
    `.NAME.XXXXXXXX.tmp`. Now each says the name is too long, exit 2, no file made."""
    ledger = _long_name(tmp_path, suffix, 250)
    result = invoke("--plan", "guandu-2022", "--ledger", str(ledger), *args)
    _refused(result, ledger, name_max(tmp_path) - extra)
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("suffix", [".sqlite", ".toml"])
def test_a_ledger_name_at_the_limit_still_works(invoke: Any, tmp_path: Path, suffix: str) -> None:
    """The longest name allowed is one a ledger works under: created, recorded, read."""
    most = longest_ledger_name(tmp_path / ("x" + suffix), suffix.lstrip("."))
    ledger = _long_name(tmp_path, suffix, most)
    args = ("--plan", "guandu-2022", "--ledger", str(ledger))
    assert invoke(*args, "record", "gdp", "5.2", "-p", "2022-06").exit_code == 0
    shown = json.loads(invoke(*args, "show", "gdp", "--json").stdout)
    assert shown["assessment"]["actual"] == 5.2
    if suffix == ".sqlite":  # an existing SQLite ledger needs room for `-journal` alone
        assert longest_ledger_name(ledger, "sqlite") == name_max(tmp_path) - 8 > most


def test_the_limits_by_store(tmp_path: Path) -> None:
    limit = name_max(tmp_path)
    assert limit == 255  # (the tests' folder: tmpfs or ext4)
    assert longest_ledger_name(tmp_path / "a.toml", "toml") == 241  # `.NAME.XXXXXXXX.tmp`
    assert longest_ledger_name(tmp_path / "a.sqlite", "sqlite") == 221  # creation temp
    (tmp_path / "a.sqlite").touch()
    assert longest_ledger_name(tmp_path / "a.sqlite", "sqlite") == 247  # `NAME-journal`
    assert name_max(tmp_path / "not-there") == 255  # a folder not there yet: the usual limit


def test_ledger_convert_to_a_name_too_long_says_so(invoke: Any, tmp_path: Path) -> None:
    source = tmp_path / "g.progress.toml"
    guandu = ("--plan", "guandu-2022")
    assert (
        invoke(*guandu, "--ledger", str(source), "record", "gdp", "5", "-p", "2022-06").exit_code
        == 0
    )
    target = _long_name(tmp_path, ".sqlite", 240)
    result = invoke(*guandu, "ledger", "convert", str(source), str(target))
    _refused(result, target, 221)
    assert not target.exists()


def test_the_refusal_in_chinese(invoke: Any, tmp_path: Path) -> None:
    ledger = _long_name(tmp_path, ".sqlite", 255)
    result = invoke("--lang", "zh", "--plan", "guandu-2022", "--ledger", str(ledger), "status")
    assert result.exit_code == 2
    assert "：作为台账文件名过长（此处最多 221 字节）；请换一个较短的名称" in result.stderr


# ------------------------------------------------------ 2. a figure in 类 that is no class

WATER_PLAN = """[plan]
id = "w"
name = "某县"
year = 2026

[[targets]]
id = "yangtze"
section = "主要预期目标"
name = "长江干流水质"
kind = "level"
unit = "类"
max = 3
quote = "确保长江干流水质保持Ⅲ类"

[[targets]]
id = "gdp"
section = "主要预期目标"
name = "地区生产总值"
kind = "growth"
unit = "%"
min = 5
quote = "地区生产总值增长5%"
"""

RECORD = """
[[records]]
target = "{target}"
period = "{period}"
value = {value}
recorded_at = {at}
batch = "b1"
"""


def _water(tmp_path: Path, *records: tuple[str, str, str]) -> tuple[str, ...]:
    """The water plan and a ledger written as plancli wrote it before session 30."""
    plan = tmp_path / "w.toml"
    plan.write_text(WATER_PLAN, encoding="utf-8")
    text = "version = 1\n" + "".join(
        RECORD.format(target=t, period=p, value=v, at=f"2026-04-01T00:00:0{i}Z")
        for i, (t, p, v) in enumerate(records)
    )
    (tmp_path / "w.progress.toml").write_text(text, encoding="utf-8")
    return ("--plan", str(plan))


OLD = (("yangtze", "2026-03", "2.5"), ("gdp", "2026-03", "5.2"))
WARNING = (
    "warning: 1 figure in 类 is no water class (yangtze 2026-03 = 2.5), recorded before "
    "plancli refused such figures: it is shown and judged as that number; record the class "
    "the report gives (e.g. `plancli record yangtze Ⅲ类 -p 2026-03`): Ⅰ类–Ⅴ类 are 1–5, 劣Ⅴ类 6\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ("gap",),
        ("gap", "--json"),
        ("gap", "--csv"),
        ("status",),
        ("status", "--json"),
        ("show", "yangtze"),
        ("report", "-o", "r.md"),
    ],
    ids=lambda a: " ".join(a),
)
def test_an_old_figure_in_lei_that_is_no_class_is_warned_of(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """A ledger from before session 30 holding 2.5 for a target in 类: it was shown `2.5 类`
    and judged on track, silently. Now each command reading it says so once, naming the
    target and period (the data on stdout unchanged: still 2.5, as recorded)."""
    monkeypatch.chdir(tmp_path)
    result = invoke(*_water(tmp_path, *OLD), *args)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(WARNING), result.stderr
    assert result.stderr.count("figure in 类") == 1
    if "--json" in args:
        document = json.loads(result.stdout)
        rows = document["targets"] if "targets" in document else document["headline"]
        assert {r["id"]: r["actual"] for r in rows}["yangtze"] == 2.5


def test_validate_names_each_such_figure(invoke: Any, tmp_path: Path) -> None:
    plan = _water(tmp_path, *OLD, ("yangtze", "2026-01", "7"), ("yangtze", "2026-02", "2"))
    result = invoke(*plan, "validate", "--json")
    assert result.exit_code == 0, result.output
    found = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "figure_not_a_class"]
    assert [(f["target"], f["message"][:30]) for f in found] == [
        ("yangtze", "2026-03 = 2.5 in " + str(tmp_path / "w.progress.toml")[:13]),
        ("yangtze", "2026-01 = 7 in " + str(tmp_path / "w.progress.toml")[:15]),
    ]
    assert found[0]["message"].endswith(
        "is no water class (Ⅰ类–Ⅴ类 are 1–5, 劣Ⅴ类 6), recorded before plancli refused such "
        "figures: record the class the report gives (e.g. `plancli record yangtze Ⅲ类 -p 2026-03`)"
    )
    table = invoke(*plan, "validate")
    assert "w.toml: valid, 2 targets, 2 warnings" in table.stderr


def test_several_are_listed_and_counted(invoke: Any, tmp_path: Path) -> None:
    plan = _water(tmp_path, *OLD, ("yangtze", "2026-01", "7"))
    result = invoke(*plan, "status")
    assert result.stderr.startswith(
        "warning: 2 figures in 类 are no water class (yangtze 2026-01 = 7, yangtze 2026-03 = 2.5)"
    ) or result.stderr.startswith(
        "warning: 2 figures in 类 are no water class (yangtze 2026-03 = 2.5, yangtze 2026-01 = 7)"
    ), result.stderr


def test_a_class_and_a_corrected_figure_are_not_warned_of(invoke: Any, tmp_path: Path) -> None:
    """2.5 corrected to 2 (Ⅱ类) for the same period, and 6 (劣Ⅴ类): figures in force that are
    classes; the old 2.5 is a revision, not a figure in force."""
    plan = _water(tmp_path, *OLD, ("yangtze", "2026-03", "2"), ("yangtze", "2026-02", "6"))
    for args in (("gap",), ("status",), ("show", "yangtze"), ("validate", "--json")):
        result = invoke(*plan, *args)
        assert result.exit_code == 0, result.output
        assert "no water class" not in result.stderr + result.stdout, args


def test_a_sqlite_ledger_is_read_the_same(invoke: Any, tmp_path: Path) -> None:
    plan = _water(tmp_path, *OLD)
    ledger = tmp_path / "w.sqlite"
    assert (
        invoke(*plan, "ledger", "convert", str(tmp_path / "w.progress.toml"), str(ledger)).exit_code
        == 0
    )
    with sqlite3.connect(ledger) as db:
        assert db.execute("SELECT value FROM records WHERE target = 'yangtze'").fetchall() == [
            ("2.5",)
        ]
    db.close()
    result = invoke(*plan, "--ledger", str(ledger), "gap")
    assert result.exit_code == 0 and result.stderr.startswith(WARNING), result.stderr


def test_the_warning_in_chinese(invoke: Any, tmp_path: Path) -> None:
    result = invoke("--lang", "zh", *_water(tmp_path, *OLD), "gap")
    assert result.stderr.startswith(
        "警告：有 1 个以“类”计的数值不是水质类别（yangtze 2026-03 = 2.5），"
        "是在 plancli 拒收此类数值之前录入的：仍按该数值显示和考核"
    ), result.stderr


# ------------------------------------------------------------------ 4. `actual_text`


def test_a_worse_than_v_figure_says_its_class_in_actual_text(invoke: Any, tmp_path: Path) -> None:
    """`actual` stays 6 for 劣Ⅴ类 (the documented number); `actual_text`, appended last,
    carries the words the tables show. In CSV too, as the last column; in English whatever
    --lang; and in the schema `plancli schema gap` prints."""
    plan = _water(tmp_path)
    assert invoke(*plan, "record", "yangtze", "劣Ⅴ类", "-p", "2026-03").exit_code == 0
    assert invoke(*plan, "record", "gdp", "5.2", "-p", "2026-03").exit_code == 0
    for lang in ("en", "zh"):
        rows = json.loads(invoke("--lang", lang, *plan, "gap", "--json").stdout)["targets"]
        by_id = {r["id"]: r for r in rows}
        assert (by_id["yangtze"]["actual"], by_id["yangtze"]["actual_text"]) == (6, "劣Ⅴ类")
        assert (by_id["gdp"]["actual"], by_id["gdp"]["actual_text"]) == (5.2, "5.2 %")
        # last until session 42 appended the range of the growth still needed after it, and
        # session 43 `figures_of`, then a milestone's due_source, due_note
        assert list(by_id["yangtze"])[-6:] == [
            "actual_text",
            "required_growth_rest_low",
            "required_growth_rest_high",
            "figures_of",
            "due_source",
            "due_note",
        ]
    csv_rows = list(csv.DictReader(io.StringIO(invoke(*plan, "gap", "--csv").stdout)))
    assert [(r["id"], r["actual"], r["actual_text"]) for r in csv_rows] == [
        ("yangtze", "6", "劣Ⅴ类"),
        ("gdp", "5.2", "5.2 %"),
    ]
    assert list(csv_rows[0])[-6] == "actual_text"  # then s42's range, s43's figures_of, due
    status = json.loads(invoke(*plan, "status", "--json").stdout)
    assert {r["id"]: r["actual_text"] for r in status["headline"]}["yangtze"] == "劣Ⅴ类"
    show = json.loads(invoke(*plan, "show", "yangtze", "--json").stdout)
    assert show["assessment"]["actual_text"] == "劣Ⅴ类"
    schema = json.loads(invoke("schema", "gap").stdout)
    assert "actual_text" in json.dumps(schema)


def test_actual_text_of_the_seed_reports_targets(invoke: Any, workspace: Path) -> None:
    """The seed report's June figures (官渡 2022): 120 5G base stations, 40 compounds, GDP 5 %;
    a target without a figure has none."""
    plan = ("--plan", str(workspace / "plan2022.toml"))
    recorded = invoke(*plan, "record", "new_5g_base_stations", "120", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.output
    rows = json.loads(invoke(*plan, "gap", "--json").stdout)["targets"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["new_5g_base_stations"]["actual_text"] == "120 个"
    assert by_id["fixed_asset_investment"]["actual"] is None
    assert by_id["fixed_asset_investment"]["actual_text"] is None


# ------------------------------------------------------- 3. a deep chain of roll-ups


def _chain(n: int) -> str:
    out = ['[plan]\nid = "c"\nname = "某县"\nyear = 2026\n']
    for i in range(n):
        parts = f'parts = ["t{i + 1}"]\n' if i + 1 < n else ""
        out.append(
            f'[[targets]]\nid = "t{i}"\nsection = "主要预期目标"\nname = "指标{i}"\n'
            f'kind = "cumulative"\nunit = "亿元"\nmin = 1\n{parts}'
        )
    return "\n".join(out)


def test_a_3000_deep_chain_is_judged_once_a_target(tmp_path: Path) -> None:
    """Each target's rule runs once (its parts' assessments are kept, not judged again): the
    work is linear in the chain's depth, 3,000 rules, the sum carried to the top."""
    from decimal import Decimal

    from plancli.assess import core
    from plancli.assess.engine import plan_context
    from plancli.plain import Figure
    from plancli.plan import load_plain_plan

    path = tmp_path / "chain.toml"
    path.write_text(_chain(3000), encoding="utf-8")
    plan = load_plain_plan(path)
    context = plan_context(plan, [Figure("t2999", "2026-03", Decimal(5), None)])
    judged: dict[str, int] = {}
    rule_for = context._rule_for

    def counting(target: Any) -> core.Rule:
        judged[target.id] = judged.get(target.id, 0) + 1
        return rule_for(target)

    context._rule_for = counting
    done = [context.assess(t) for t in plan.targets]
    assert len(judged) == 3000 and set(judged.values()) == {1}
    assert done[0].actual == 5 and done[0].parts_used == ("t1",)
