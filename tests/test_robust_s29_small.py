"""Session 29 (small): a SQLite ledger under a name that does not say so (`city.sqlite3`, no
suffix) is read by its header, not as invalid TOML; a plan figure typed with its unit is told
where the unit goes; a ledger's dotted key is named at its own line; `template`'s unit column
in Chinese punctuation under zh, the old wording still imported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_robust_s29_io import _RECORD  # one record, the ledger text both files use


@pytest.mark.parametrize("name", ["city.sqlite3", "backup", "figures.ledger"])
def test_an_existing_sqlite_ledger_of_any_name_is_read_as_sqlite(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, name: str
) -> None:
    """`ledger convert city.sqlite3 out.toml` and `--ledger city.sqlite3 …` read a SQLite file
    as TOML and stopped with `invalid TOML` (exit 3): its 16-byte header says what it is."""
    plan = str(mini_plan)
    assert invoke("--plan", plan, "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    folder = mini_plan.parent
    made = invoke(
        "--plan", plan, "ledger", "convert",
        str(folder / "mini.progress.toml"), str(folder / "made.sqlite"),
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    renamed = folder / name
    shutil.move(folder / "made.sqlite", renamed)
    shown = invoke("--plan", plan, "--ledger", str(renamed), "history", "--csv")
    assert shown.exit_code == 0, shown.stderr
    assert ",2022-Q2,5.2," in shown.stdout
    # written as SQLite too: the header stays, the new figure is read back
    ledger = ("--plan", plan, "--ledger", str(renamed))
    wrote = invoke(*ledger, "record", "gdp", "5.3", "-p", "2022-Q3")
    assert wrote.exit_code == 0, wrote.stderr
    assert renamed.read_bytes().startswith(b"SQLite format 3\x00")
    out = folder / "back.toml"
    back = invoke("--plan", plan, "ledger", "convert", str(renamed), str(out))
    assert back.exit_code == 0, back.stderr
    assert f"{renamed} (sqlite) -> {out} (toml)" in back.stderr
    text = out.read_text(encoding="utf-8")
    assert 'period = "2022-Q2"\nvalue = 5.2' in text
    assert 'period = "2022-Q3"\nvalue = 5.3' in text


def test_a_text_file_of_another_name_is_still_read_as_toml(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    plan = str(mini_plan)
    assert invoke("--plan", plan, "record", "gdp", "5.2", "-p", "2022-Q2").exit_code == 0
    renamed = mini_plan.parent / "figures.ledger"
    shutil.move(mini_plan.parent / "mini.progress.toml", renamed)
    shown = invoke("--plan", plan, "--ledger", str(renamed), "history", "--csv")
    assert shown.exit_code == 0, shown.stderr
    assert ",2022-Q2,5.2," in shown.stdout
    assert not renamed.read_bytes().startswith(b"SQLite")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "line 46: target unemployment: max: Input should be a valid decimal: '4.8%' is "
                "text with its unit; the unit goes in unit, the figure is written bare: max = 4.8",
                "line 55: target g5: min: Input should be a valid decimal: '310个' is text with "
                "its unit; the unit goes in unit, the figure is written bare: min = 310",
            ],
        ),
        (
            "zh",
            [
                "46：目标 unemployment：max：应为数字：'4.8%' 是带单位的文本；单位写在 unit 中，"
                "数值单独写、不加引号：max = 4.8",
                "55：目标 g5：min：应为数字：'310个' 是带单位的文本；单位写在 unit 中，"
                "数值单独写、不加引号：min = 310",
            ],
        ),
    ],
)
def test_a_plan_figure_typed_with_its_unit_is_told_where_the_unit_goes(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, lang: str, expected: list[str]
) -> None:
    """`min = "310个"` said only `should be a number` (应为数字): the unit goes in `unit`."""
    text = mini_plan.read_text(encoding="utf-8")
    assert "\nmax = 4.8\n" in text and "\nmin = 310\n" in text
    text = text.replace("\nmax = 4.8\n", '\nmax = "4.8%"\n')
    mini_plan.write_text(text.replace("\nmin = 310\n", '\nmin = "310个"\n'), encoding="utf-8")
    result = invoke("--lang", lang, "--plan", str(mini_plan), "validate")
    assert result.exit_code == 3
    for line in expected:
        assert line in result.stderr, result.stderr


def test_a_figure_with_no_unit_keeps_its_hint_and_a_ledger_names_no_unit_key(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    text = mini_plan.read_text(encoding="utf-8")
    mini_plan.write_text(text.replace("\nmin = 310\n", '\nmin = "3,10"\n'), encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "validate")
    assert "'3,10' is text; write the figure without quotes: 310" in result.stderr
    mini_plan.write_text(text, encoding="utf-8")
    ledger = mini_plan.parent / "mini.progress.toml"
    ledger.write_text(_RECORD.replace("value = 5.2", 'value = "5.2%"'), encoding="utf-8")
    shown = invoke("--plan", str(mini_plan), "history")
    assert shown.exit_code == 3
    assert "'5.2%' is text; write the figure without quotes: 5.2" in shown.stderr
    assert "unit goes" not in shown.stderr


_TWO_RECORDS = (
    _RECORD
    + """
[[records]]
target = "gdp"
period = "2022-Q3"
recorded_at = 2022-10-05T08:30:00Z
batch = "20221005T083000Z-aaaaaa"
"""
)


@pytest.mark.parametrize(
    ("added", "line", "expected"),
    [
        ("value.x = 1\n", 15, "record 2 (gdp 2022-Q3): value: {x = 1} is a table, not a number"),
        ('"source" . url = "x"\nvalue = 5.3\n', 15, "record 2 (gdp 2022-Q3): source: "),
        ("value = 5.3\n[records.other]\nnote = 1\n", 16, "record 2 (gdp 2022-Q3): other: "),
    ],
)
def test_a_dotted_key_or_sub_table_of_a_record_is_named_at_its_own_line(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path, added: str, line: int, expected: str
) -> None:
    """`value.x = 1` and `[records.extra]` were reported at the `[[records]]` line (11)."""
    ledger = mini_plan.parent / "mini.progress.toml"
    ledger.write_text(_TWO_RECORDS + added, encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "history")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {ledger}:{line}: {expected}"), result.stderr


def test_the_chinese_template_unit_column_is_in_chinese_punctuation(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    """Under zh the unit column said `个(年初至今累计)`, `完成进度%(0–100,或 done)`, ASCII
    brackets in Chinese text; a sheet filled with that old wording still imports."""
    sheet = mini_plan.parent / "june.csv"
    plan = ("--plan", str(mini_plan))
    made = invoke(*plan, "--lang", "zh", "template", str(sheet), "-p", "2022-06")
    assert made.exit_code == 0, made.stderr
    text = sheet.read_text(encoding="utf-8-sig")
    assert "\ng5,2022-06,,,,,新建5G基站,个（年初至今累计）,,\n" in text
    assert "\ncentre,2022-06,,,,,建成企业服务中心,完成进度%（0–100，或 done）,,\n" in text
    assert "(" not in text  # no ASCII bracket left in the Chinese sheet
    filled = text.replace("g5,2022-06,,", "g5,2022-06,120,").replace(
        "centre,2022-06,,", "centre,2022-06,50,"
    )
    old = filled.replace("个（年初至今累计）", "个(年初至今累计)").replace(
        "完成进度%（0–100，或 done）", '"完成进度%(0–100,或 done)"'
    )
    assert old != filled
    for written in (filled, old):
        sheet.write_text(written, encoding="utf-8-sig")
        result = invoke(*plan, "import", str(sheet), "--dry-run")
        assert result.exit_code == 0, result.stderr
        assert "warning" not in result.stderr
        assert "2 new" in result.stderr


def test_a_figure_with_a_scale_alone_is_not_told_a_bare_figure(  # type: ignore[no-untyped-def]
    invoke, mini_plan: Path
) -> None:
    """`min = "3.1万"` for a target counted in 个: 3.1 would be wrong, so no figure is offered;
    `"310个"` beside it is."""
    text = mini_plan.read_text(encoding="utf-8")
    mini_plan.write_text(text.replace("\nmin = 310\n", '\nmin = "3.1万"\n'), encoding="utf-8")
    result = invoke("--plan", str(mini_plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.endswith("line 55: target g5: min: Input should be a valid decimal\n")
