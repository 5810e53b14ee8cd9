"""The analyst's path with a new report, and the mistakes analysts make on it (audit 16):
extract → review the draft → validate --source → init → record/import → status, gap, report."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from test_extract_cli import SMALL


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def tracked(invoke, small: Path, tmp_path: Path) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """A draft in use: drafted, then a figure recorded in the ledger beside it."""
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    recorded = invoke("--plan", str(plan), "record", "gdp", "5.2", "-p", "2026-Q1")
    assert recorded.exit_code == 0, recorded.stderr
    ledger = tmp_path / "draft.progress.toml"
    assert "[[records]]" in ledger.read_text(encoding="utf-8")
    return plan, ledger


# ---------------------------------------------------------------- where extract writes


def test_extract_never_writes_the_draft_over_the_report_itself(invoke, small: Path) -> None:  # type: ignore[no-untyped-def]
    """`extract report.txt -o report.txt --force` replaced the report with its own draft: the
    one file the analyst could not draft again from."""
    result = invoke("extract", str(small), "-o", str(small), "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: -o {small} is the report itself; write the draft to another file\n"
    )
    assert small.read_text(encoding="utf-8") == SMALL


def test_extract_never_writes_the_draft_over_a_ledger(invoke, small: Path, tracked) -> None:  # type: ignore[no-untyped-def]
    """`-o draft.progress.toml --force` (a slip of the tab key) replaced a year of recorded
    figures with a plan; --force is for drafts, never for figures."""
    _plan, ledger = tracked
    before = ledger.read_bytes()
    result = invoke("extract", str(small), "-o", str(ledger), "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {ledger} is a ledger of recorded figures, not a plan; extract never writes "
        "over it: write the draft to another file\n"
    )
    assert ledger.read_bytes() == before


def test_extract_never_writes_the_draft_over_a_sqlite_ledger(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    ledger = tmp_path / "figures.sqlite"
    recorded = invoke(
        "--plan", str(plan), "--ledger", str(ledger), "record", "gdp", "5.2", "-p", "2026-Q1"
    )
    assert recorded.exit_code == 0, recorded.stderr
    before = ledger.read_bytes()
    result = invoke("--lang", "zh", "extract", str(small), "-o", str(ledger), "--force")
    assert result.exit_code == 2
    assert result.stderr == (
        f"错误：{ledger} 是记录完成值的台账，不是计划；extract 从不覆盖它：请把草稿写到另一个文件\n"
    )
    assert ledger.read_bytes() == before


def test_extract_over_a_plan_in_use_names_its_ledger(invoke, small: Path, tracked) -> None:  # type: ignore[no-untyped-def]
    """Re-extracting over the plan whose figures are being recorded: `exists; use --force`
    invited the overwrite without saying that a new draft's ids may no longer be those the
    ledger's figures are recorded under."""
    plan, ledger = tracked
    plan.write_text(plan.read_text(encoding="utf-8").replace('id = "gdp"', 'id = "gdp_zj"'))
    result = invoke("extract", str(small), "-o", str(plan))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {plan} exists, and figures of its plan are recorded in {ledger}: a new draft "
        "may give its targets other ids; write the draft to another file, or use --force to "
        "overwrite it\n"
    )
    assert 'id = "gdp_zj"' in plan.read_text(encoding="utf-8")


def test_extract_to_dash_writes_the_draft_on_stdout(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o -` wrote a file named `-` in the current folder; `-` is standard output, as the
    report's `-` is standard input."""
    monkeypatch.chdir(tmp_path)
    result = invoke("extract", str(small), "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(result.stdout)["plan"]["id"] == "zhejiang-2026"
    assert "to stdout" in result.stderr
    assert not (tmp_path / "-").exists()


# ---------------------------------------------------------------- messages


def test_a_duplicated_id_in_a_draft_is_told_in_chinese(invoke, small: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A reviewer who renames cpi to gdp: the error read `target 编号 'gdp' 重复`, the English
    word left in the Chinese sentence."""
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('id = "cpi"', 'id = "gdp"'), encoding="utf-8")
    line = text[: text.index('id = "cpi"')].count("\n") + 1
    first = text[: text.index('id = "gdp"')].count("\n") + 1  # (its line too, session 30)
    result = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr == f"错误：{plan}:{line}：目标编号 'gdp' 重复（另见第 {first} 行）\n"
    english = invoke("--plan", str(plan), "validate")
    assert (
        english.stderr
        == f"error: {plan}: line {line}: duplicate target id 'gdp' (also at line {first})\n"
    )


@pytest.mark.parametrize(
    ("args", "english", "chinese"),
    [
        (
            ["--year", "二〇二六"],
            "invalid value for --year: '二〇二六' is not a whole number",
            "--year 的值无效：'二〇二六' 不是整数",
        ),
        (
            ["-o", "FOLDER"],
            "invalid value for --output: FOLDER is a folder, not a file",
            "--output 的值无效：FOLDER 是文件夹，不是文件",
        ),
        (
            ["--compare", "FOLDER"],
            "invalid value for --compare: FOLDER is a folder, not a file",
            "--compare 的值无效：FOLDER 是文件夹，不是文件",
        ),
    ],
)
def test_a_bad_option_value_is_one_sentence_in_either_language(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path, args: list[str], english: str, chinese: str
) -> None:
    """Click's own words came through as they were, in English under a Chinese locale and
    with their full stop before plancli's `;` (`File '报告 目录' is a directory.；见 …`)."""
    folder = tmp_path / "报告 目录"
    folder.mkdir()
    args = [str(folder) if a == "FOLDER" else a for a in args]
    english, chinese = (m.replace("FOLDER", str(folder)) for m in (english, chinese))
    result = invoke("extract", str(small), *args)
    assert result.exit_code == 2
    assert result.stderr == f"error: {english}; see `plancli extract --help`\n"
    result = invoke("--lang", "zh", "extract", str(small), *args)
    assert result.exit_code == 2
    assert result.stderr == f"错误：{chinese}；见 `plancli extract --help`\n"


def test_one_target_drafted_is_said_in_the_singular(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report.txt"
    report.write_text(
        "某市2026年政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n",
        encoding="utf-8",
    )
    result = invoke("extract", str(report), "-o", str(tmp_path / "d.toml"))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("drafted 1 target (1 headline) of plan draft-2026 (2026)")
    assert "0 need review" in result.stderr


def test_init_into_a_file_says_it_is_not_a_folder(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path
) -> None:
    """`init report.txt` (the report's name typed for the folder) said `cannot write
    report.txt/draft.toml: File exists`."""
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    result = invoke("--plan", str(plan), "init", str(small))
    assert result.exit_code == 2
    assert result.stderr == f"error: {small} is a file, not a folder: give init a folder\n"
    assert small.read_text(encoding="utf-8") == SMALL


# ---------------------------------------------------------------- review and the plan year


def test_init_of_a_draft_still_under_review_says_so(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A draft whose `review = …` keys were left in was copied into a workspace without a word:
    the figures then go to targets nobody checked."""
    report = tmp_path / "report.txt"
    report.write_text(
        "2026年浙江省政府工作报告\n二、2026年重点工作\n今年经济社会发展主要预期目标为："
        "全省生产总值增长5%—5.5%；能源消费总量增长2%—3%；城镇调查失业率5%以内。\n",
        encoding="utf-8",
    )
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(report), "-o", str(plan)).exit_code == 0
    # the range 2%—3% of a total (5%—5.5% of GDP is min and stretch since session 43: no
    # review), and the plan's name (audit D10)
    assert plan.read_text(encoding="utf-8").count("\nreview = ") == 2
    result = invoke("--plan", str(plan), "init", str(tmp_path / "ws"))
    assert result.exit_code == 0, result.stderr
    assert (
        "warning: 1 target of the draft still carries `review = …` (energy_consumption): check it "
        "and delete the key; "
        f"`plancli --plan {tmp_path / 'ws' / 'draft.toml'} validate` lists them\n"
    ) in result.stderr
    zh = invoke("--lang", "zh", "--plan", str(plan), "init", str(tmp_path / "ws"), "--force")
    said = "警告：草稿中仍有 1 个目标带有 `review = …`（energy_consumption）：请核对后删去该行；"
    assert said in zh.stderr


def test_init_of_a_reviewed_draft_says_nothing_of_review(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("review = ")),
        encoding="utf-8",
    )
    result = invoke("--plan", str(plan), "init", str(tmp_path / "ws"))
    assert result.exit_code == 0, result.stderr
    assert "`review" not in result.stderr


def test_a_year_other_than_the_reports_is_warned_of(invoke, small: Path) -> None:  # type: ignore[no-untyped-def]
    """`--year 2025` on a 2026 report (a slip, or last year's habit) drafted 2026's targets as a
    2025 plan, its baselines dated 2024, without a word; every record of 2026 is then refused."""
    result = invoke("extract", str(small), "--year", "2025")
    assert result.exit_code == 0, result.stderr
    assert tomllib.loads(result.stdout)["plan"]["year"] == 2025
    assert result.stderr.endswith(
        "warning: the report's plan year is 2026, not 2025 (--year): its targets are drafted "
        "as 2025's; leave --year out to draft the report's year\n"
    )
    same = invoke("extract", str(small), "--year", "2026")
    assert "warning" not in same.stderr
    zh = invoke("--lang", "zh", "extract", str(small), "--year", "2025")
    assert zh.stderr.endswith(
        "警告：报告的计划年度是 2026，不是 2025（--year）：其目标已按 2025 年起草；"
        "去掉 --year 即按报告的年度起草\n"
    )


def test_validate_names_figures_recorded_for_an_id_the_plan_no_longer_has(  # type: ignore[no-untyped-def]
    invoke, tracked
) -> None:
    """The docs invite renaming a draft's ids; renamed after the first figures were recorded,
    those figures counted nowhere and no command said so (status showed gdp_zj `no data`)."""
    plan, ledger = tracked
    renamed = plan.read_text(encoding="utf-8").replace('"gdp"', '"gdp_zj"')  # its references too
    plan.write_text(renamed, encoding="utf-8")
    result = invoke("--plan", str(plan), "validate", "--json")
    assert result.exit_code == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert {
        "level": "warning",
        "code": "records_without_target",
        "target": "gdp",
        "message": (
            f"1 figure recorded in {ledger} for gdp, a target the plan does not have (renamed?): "
            "it counts nowhere until a target has that id again"
        ),
        "line": None,  # a warning names no line of the plan
    } in findings
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate", "--json")
    messages = [f["message"] for f in json.loads(zh.stdout)["findings"]]
    assert (
        f"{ledger} 中有 1 个完成值记在 gdp 名下，而计划中没有这个目标（改过编号？）："
        "在有目标使用该编号之前，它不计入任何目标"
    ) in messages


def test_validate_of_a_plan_whose_figures_all_have_targets_finds_none_astray(  # type: ignore[no-untyped-def]
    invoke, tracked
) -> None:
    plan, _ledger = tracked
    result = invoke("--plan", str(plan), "validate", "--json")
    assert result.exit_code == 0, result.stderr
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert "records_without_target" not in codes


@pytest.mark.parametrize(
    ("edit", "english", "chinese"),
    [
        (
            ("min = 5\n", "min = 1，053.8\n"),
            "Expected newline or end of document after a statement (a figure is written without "
            "separators or units: 1053.8)",
            "一条语句之后应换行（或到文件末尾）（数值不带分隔符和单位，如 1053.8）",
        ),
        (
            ("min = 5\n", "min = 5%\n"),
            "Expected newline or end of document after a statement (a figure is written without "
            "separators or units: 5)",
            "一条语句之后应换行（或到文件末尾）（数值不带分隔符和单位，如 5）",
        ),
        (
            ('name = "生产总值"', "name = “生产总值”"),
            'Invalid value (text is written in ASCII quotes: "…")',
            '值无效（文本要用英文引号："…"）',
        ),
        (
            ('name = "生产总值"', 'name = "生产总值'),
            "Illegal character '\\n' (a text is missing its closing quote: \"…\")",
            "非法字符 '\\n'（文本缺少结尾的英文引号：\"…\"）",
        ),
        (
            ('name = "生产总值"', 'name = "生产#总值'),
            "Illegal character '\\n' (a text is missing its closing quote: \"…\")",
            "非法字符 '\\n'（文本缺少结尾的英文引号：\"…\"）",
        ),
    ],
)
def test_a_hand_edit_in_tidy_name_is_pointed_at(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path, edit: tuple[str, str], english: str, chinese: str
) -> None:
    """A reviewer typing in a Chinese input method: `1，053.8`, `5%`, “…”. The error named the
    line and column and TOML's rule, never what to type instead."""
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    assert edit[0] in text
    edited = text.replace(edit[0], edit[1], 1)
    plan.write_text(edited, encoding="utf-8")
    line = edited[: edited.index(edit[1])].count("\n") + 1
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {plan}:{line}:")
    assert result.stderr.endswith(f": invalid TOML: {english}\n")
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert zh.stderr.endswith(f"TOML 格式错误：{chinese}\n")


def test_a_bound_typed_as_text_is_shown_with_the_figure_to_write(  # type: ignore[no-untyped-def]
    invoke, small: Path, tmp_path: Path
) -> None:
    """`min = "5%"` said `min: Input should be a valid decimal`, without the value typed."""
    plan = tmp_path / "draft.toml"
    assert invoke("extract", str(small), "-o", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("min = 5\n", 'min = "5%"\n', 1), encoding="utf-8")
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.endswith(
        "target gdp: min: Input should be a valid decimal: '5%' is text with its unit; the unit "
        "goes in unit, the figure is written bare: min = 5\n"
    )
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert zh.stderr.endswith(
        "目标 gdp：min：应为数字：'5%' 是带单位的文本；"
        "单位写在 unit 中，数值单独写、不加引号：min = 5\n"
    )


def test_compare_with_a_file_that_is_no_plan_is_refused(  # type: ignore[no-untyped-def]
    invoke, small: Path, tracked, tmp_path: Path
) -> None:
    """`--compare` given the ledger (or any TOML without targets) scored the draft against
    nothing, `not judged`, and exited 0: the analyst read it as a comparison."""
    _plan, ledger = tracked
    result = invoke("extract", str(small), "--compare", str(ledger))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(
        f"error: --compare {ledger} is a ledger of recorded figures, not a plan\n"
    )
    other = tmp_path / "settings.toml"
    other.write_text('title = "x"\n', encoding="utf-8")
    result = invoke("--lang", "zh", "extract", str(small), "--compare", str(other))
    assert result.exit_code == 3
    assert result.stderr.endswith(f"错误：--compare {other}：其中没有 [[targets]]，不是计划\n")


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        # audit W D5: a decimal typed with the IME's comma was "corrected" to ten times it
        (
            "5，5",
            "(5，5: a comma stands before three digits only as a thousands separator; "
            "write 5.5 if it is a decimal point, 55 if not)",
        ),
        (
            "12，50",
            "(12，50: a comma stands before three digits only as a thousands separator; "
            "write 12.50 if it is a decimal point, 1250 if not)",
        ),
        (
            "5、5",
            "(5、5: a comma stands before three digits only as a thousands separator; "
            "write 5.5 if it is a decimal point, 55 if not)",
        ),
        ("1，053.8", "(a figure is written without separators or units: 1053.8)"),
        ("5。5", "(a figure is written without separators or units: 5.5)"),  # the IME's 。
        # audit W D11: a Chinese unit after the figure got no hint
        (
            "2万",
            "(a figure is written without units: 2万 is 2 where the target's unit is 万; "
            "the unit goes in `unit`)",
        ),
        (
            "310个",
            "(a figure is written without units: 310个 is 310 where the target's unit is "
            "个; the unit goes in `unit`)",
        ),
    ],
)
def test_a_figure_typed_in_an_input_method_gets_the_right_hint(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, typed: str, hint: str
) -> None:
    text = (Path(__file__).parent / "fixtures" / "xishan-2026.toml").read_text(encoding="utf-8")
    plan = tmp_path / "xishan.toml"
    plan.write_text(
        text.replace("min = 5\nstretch", f"min = {typed}\nstretch", 1), encoding="utf-8"
    )
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.rstrip("\n").endswith(hint), result.stderr


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        (
            "year = 2026\n",
            "year = 2026年\n",
            "(a figure is written without units: write year = 2026)",
        ),
        (
            "baseline = { year = 2025, value = 5.1 }",
            "baseline = { year = 2025年, value = 5.1 }",
            "(a figure is written without units: write year = 2025)",
        ),
    ],
)
def test_a_year_typed_with_nian_is_told_to_drop_it(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, old: str, new: str, hint: str
) -> None:
    """N3 (session 27): `[plan] year = 2026年` was told 2026年 "is 2026 where the target's unit
    is 年; the unit goes in `unit`": line 6 is the plan's year, with no target and no unit."""
    text = (Path(__file__).parent / "fixtures" / "xishan-2026.toml").read_text(encoding="utf-8")
    plan = tmp_path / "xishan.toml"
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.rstrip("\n").endswith(hint), result.stderr
    assert "target's unit" not in result.stderr


def test_a_kind_typo_lists_the_kinds_in_chinese_throughout(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """W D11 (session 26, left in 27): the zh error listed the kinds ending in English,
    `应为以下之一：'growth', …, 'indicator' or 'ongoing'`."""
    text = (Path(__file__).parent / "fixtures" / "xishan-2026.toml").read_text(encoding="utf-8")
    plan = tmp_path / "xishan.toml"
    plan.write_text(text.replace('kind = "growth"', 'kind = "grwoth"', 1), encoding="utf-8")
    result = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert "kind：应为以下之一：'growth'、'level'、'cumulative'、" in result.stderr
    assert "'indicator'、'ongoing'" in result.stderr and " or " not in result.stderr
    english = invoke("--lang", "en", "--plan", str(plan), "validate").stderr
    assert "'indicator' or 'ongoing'" in english  # pydantic's own words in English
