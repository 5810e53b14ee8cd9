"""Session 24's audits of `validate`, `report -o` and an import's `unit` column.

A D8: `validate --source` with another province's report listed 8 "quote not found" warnings,
then "valid", exit 0. B D5: a baseline mistyped (127.1 for the report's 121.7) passed. E D5:
90 of an English draft's 95 targets kept their Chinese name as name_en, unflagged. E D8:
`report -o FOLDER` asked for --format. E D1: an import's `unit` column was read past, so
`grain_output,2026,3650,万吨` was recorded as 3650 亿斤. The report texts below are the
corpus reports' own sentences (江苏省.txt, 上海市.txt, 河南省.txt, 北京市.txt)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.plan import load_plan
from plancli.plan_checks import check_plan

REPO = Path(__file__).parents[1]
BUNDLED = [*sorted((REPO / "data" / "2026").glob("*.toml")), REPO / "data" / "plan2022.toml"]

# 江苏省.txt's 主要预期目标 sentence: every quote of jiangsu-2026 is in it.
JIANGSU = (
    "主要预期目标是：地区生产总值按增长5%安排，在实际工作中努力争取更好结果；一般公共预算收入"
    "增长2%；城镇新增就业120万人，城镇调查失业率5%左右；居民消费价格涨幅2%左右；居民收入增长"
    "与经济增长同步；社会消费品零售总额增长5%左右；全社会研发投入强度3.42%左右；粮食产量保持"
    "稳定；单位地区生产总值二氧化碳排放降低完成国家下达任务。"
)
# 上海市.txt's: of jiangsu's 10 quotes it holds two
# (一般公共预算收入增长2%, 居民消费价格涨幅2%左右).
SHANGHAI = (
    "主要预期目标是：全市生产总值增长5%左右，地方一般公共预算收入增长2%，全社会研发经费支出相当"
    "于全市生产总值的比例达到4.6%左右，城镇调查失业率5%以内，居民人均可支配收入增长与经济增长"
    "保持基本同步，居民消费价格涨幅2%左右，单位生产总值二氧化碳排放量进一步下降，主要污染物重点"
    "工程减排量完成国家下达目标。"
)
# 江苏省.txt's review sentences holding the plan's baselines (gdp 5.3 in another sentence; its
# level, 14.2万亿元, in the "十四五" review's since session 42).
JIANGSU_REVIEW = (
    "地区生产总值连续迈上4个万亿元台阶、达14.2万亿元。"
    "全省地区生产总值增长5.3%。一般公共预算收入增长2.1%。城镇新增就业141万人，城镇调查失业率"
    "4.6%。全社会研发投入强度达3.38%左右。"
)


def _report(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ A D8: the wrong report


def test_another_provinces_report_is_an_error_not_valid(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _report(tmp_path, "上海市.txt", SHANGHAI + JIANGSU_REVIEW)
    result = invoke("--plan", "jiangsu-2026", "validate", "--source", str(source))
    assert result.exit_code == 3, result.stderr
    said = " ".join(result.stderr.split())
    assert said.count("quote not found in the report") == 8  # which ones, still listed
    assert result.stderr.endswith(
        f"error: 8 of 10 quotes are not in {source}: is it this plan's report?\n"
    )
    assert "valid," not in result.stderr
    zh = invoke("--lang", "zh", "--plan", "jiangsu-2026", "validate", "--source", str(source))
    assert zh.exit_code == 3
    assert zh.stderr.endswith(
        f"错误：10 条原文引用中有 8 条不在 {source} 中：它是本计划的报告吗？\n"
    )


def test_the_wrong_report_in_json_is_an_error_finding(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = _report(tmp_path, "sh.txt", SHANGHAI + JIANGSU_REVIEW)
    result = invoke("--plan", "jiangsu-2026", "validate", "--source", str(source), "--json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert (data["plan"], data["valid"], data["targets"]) == ("jiangsu-2026", False, 10)
    assert data["findings"][-1] == {
        "level": "error",
        "code": "wrong_report",
        "target": None,
        "message": f"8 of 10 quotes are not in {source}: is it this plan's report?",
        "line": None,
    }
    assert [f["level"] for f in data["findings"][:-1]] == ["warning"] * 8


@pytest.mark.parametrize(("kept", "code"), [(5, 0), (4, 3)])
def test_half_the_quotes_missing_stay_warnings(
    invoke, tmp_path: Path, kept: int, code: int
) -> None:  # type: ignore[no-untyped-def]
    """More than half missing (and at least 3) is the error; half is not."""
    clauses = JIANGSU.removeprefix("主要预期目标是：").split("；")
    text = "；".join(clauses[: kept - 1]) + JIANGSU_REVIEW  # 城镇新增就业…，失业率…: 2 quotes
    source = _report(tmp_path, "js.txt", text)
    result = invoke("--plan", "jiangsu-2026", "validate", "--source", str(source))
    assert result.exit_code == code, result.stderr
    assert " ".join(result.stderr.split()).count("quote not found") == 10 - kept
    if code == 0:
        assert result.stderr.endswith("valid, 10 targets, 5 warnings\n")


def test_two_missing_quotes_of_three_stay_warnings(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Fewer than 3 missing is never the error, whatever the share (a small draft)."""
    plan = tmp_path / "small.toml"
    text = (REPO / "data" / "2026" / "jiangsu.toml").read_text(encoding="utf-8")
    head, *targets = text.split("\n[[targets]]\n")
    plan.write_text(head + "".join(f"\n[[targets]]\n{t}" for t in targets[:3]), encoding="utf-8")
    source = _report(tmp_path, "sh.txt", SHANGHAI + JIANGSU_REVIEW)
    result = invoke("--plan", str(plan), "validate", "--source", str(source))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith("valid, 3 targets, 2 warnings\n")


# ------------------------------------------------------------------ B D5: baselines


def _henan(tmp_path: Path, old: str, new: str) -> Path:
    text = (REPO / "data" / "2026" / "henan.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    plan = tmp_path / "henan.toml"
    plan.write_text(text.replace(old, new), encoding="utf-8")
    return plan


HENAN = (
    "深入实施援企稳岗政策，突出抓好重点群体就业，城镇新增就业121.7万人。"
    "主要预期目标是：经济增长5%左右、在实际工作中努力争取更好结果，城镇新增就业110万人以上。"
)


def test_a_baseline_the_report_does_not_state_is_warned(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _henan(tmp_path, "value = 121.7 }", "value = 127.1 }")
    findings = check_plan(load_plan(str(plan)), HENAN)  # (the other targets' baselines: not
    jobs = [f for f in findings if f.target == "new_urban_jobs"]  # in these two sentences)
    assert [(f.code, f.target, f.message) for f in jobs] == [
        (
            "baseline_not_in_source",
            "new_urban_jobs",
            "baseline value = 127.1 (2025) is not a figure anywhere in the report",
        )
    ]
    right = check_plan(load_plan("henan-2026"), HENAN)
    assert [f for f in right if f.target == "new_urban_jobs"] == []
    source = _report(tmp_path, "河南省.txt", HENAN)
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate", "--source", str(source))
    said = "".join((zh.stdout + zh.stderr).split())
    assert "基期值（value）127.1（2025年）不是报告中的任何数字" in said


def test_a_baseline_growth_is_read_in_the_reports_words_and_digits(tmp_path: Path) -> None:
    """Beijing's PM2.5 baseline growth −11.5 is the review's 下降11.5%; full-width digits and
    a figure with 万/亿 read in the target's unit, as a bound's quote is."""
    beijing = load_plan("beijing-2026")
    review = "细颗粒物年均浓度27微克/立方米、下降11.5%，创有监测记录以来最优水平。"

    def pm25(text: str) -> list[str]:  # (its quote is not in the review sentence)
        found = check_plan(beijing, text)
        return [f.message for f in found if f.target == "pm25" and f.code.startswith("base")]

    assert pm25(review) == []
    assert pm25(review.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))) == []
    assert pm25(review.replace("11.5%", "1.5%")) == [
        "baseline growth = -11.5 (2025) is not a figure anywhere in the report"
    ]
    # 福建省.txt's 60199.45亿元 is 601994500 万元 (a plan counting 万元)
    text = (REPO / "data" / "2026" / "fujian.toml").read_text(encoding="utf-8")
    text = text.replace("value = 60199.45,", "value = 601994500,", 1)
    assert text.count('unit = "亿元"') >= 1
    plan = tmp_path / "fujian.toml"
    plan.write_text(text.replace('unit = "亿元"', 'unit = "万元"', 1), encoding="utf-8")
    fujian = "初步统计，2025年全省地区生产总值60199.45亿元、增长5%，"
    found = check_plan(load_plan(str(plan)), fujian)
    assert [f for f in found if f.target == "gdp" and f.code.startswith("baseline")] == []
    found = check_plan(load_plan(str(plan)), fujian.replace("60199.45", "60199.54"))
    assert [f.message for f in found if f.target == "gdp" and f.code.startswith("baseline")] == [
        "baseline value = 601994500 (2025) is not a figure anywhere in the report"
    ]


def test_jiangsus_baselines_are_in_its_review(tmp_path: Path) -> None:
    findings = check_plan(load_plan("jiangsu-2026"), JIANGSU + JIANGSU_REVIEW)
    assert findings == []


# ------------------------------------------------------------------ E D5: name_en untranslated


def test_untranslated_english_names_are_one_summary_warning(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (REPO / "data" / "2026" / "jiangsu.toml").read_text(encoding="utf-8")
    for english, chinese in [
        ("Gross regional product (GDP)", "地区生产总值"),
        ("General public budget revenue", "一般公共预算收入"),
        ("New urban jobs", "城镇新增就业"),
        ("Grain output", "粮食产量"),
    ]:
        text = text.replace(f'name_en = "{english}"', f'name_en = "{chinese}"', 1)
    text = text.replace('name_en = "Residents\' income"', 'name_en = "居民收入 growth"', 1)
    text = text.replace(
        'name_en = "Surveyed urban unemployment rate"', 'name_en = "城镇调查失业率"'
    )
    plan = tmp_path / "js.toml"
    plan.write_text(text, encoding="utf-8")
    result = invoke("--plan", str(plan), "validate", "--json")
    assert result.exit_code == 0
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["target"], f["message"]) for f in findings] == [
        (
            "name_en_untranslated",
            None,
            "6 targets have their Chinese name as name_en (gdp, budget_revenue, new_urban_jobs, "
            "surveyed_unemployment_rate, resident_income, …): English screens and reports show "
            "them in Chinese; translate them",
        )
    ]
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate")
    said = "".join(zh.stderr.split())
    assert "6个指标的name_en仍是中文名称" in said


def test_an_english_name_glossing_a_chinese_term_is_translated() -> None:
    """guandu-2022's `Finance-and-intelligence (财智) platform set up`: a gloss in brackets."""
    plan = load_plan("guandu-2022")
    gloss = plan.target("caizhi_platform_set_up")
    assert gloss is not None and "(财智)" in gloss.name_en
    assert [f for f in check_plan(plan) if f.code == "name_en_untranslated"] == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_no_bundled_plan_has_an_untranslated_name(path: Path) -> None:
    codes = {f.code for f in check_plan(load_plan(str(path)))}
    assert "name_en_untranslated" not in codes


# ------------------------------------------------------------------ E D8: report -o FOLDER


def test_report_into_a_folder_says_it_is_a_folder(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--plan", "sichuan-2026", "report", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path}: is a folder; give -o a file to write, such as "
        f"{tmp_path / 'report.md'} (or .html, .xlsx)\n"
    )
    assert "--format" not in result.stderr


# ------------------------------------------------------------------ E D1: a `unit` column


def test_an_english_unit_column_is_checked_as_a_dan_wei_column(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = str(tmp_path / "sc.toml")
    for header in ("unit", "单位", "Unit"):
        path = _report(
            tmp_path, "units.csv", f"target,period,value,{header}\ngrain_output,2026,3650,万吨\n"
        )
        result = invoke("--plan", "sichuan-2026", "--ledger", ledger, "import", str(path))
        assert result.exit_code == 2, (header, result.stdout)
        assert (
            "units.csv:2: grain_output: the file's unit is 万吨 and the plan's 亿斤; plancli "
            "does not convert: give the figure in 亿斤"
        ) in result.stderr
    path = _report(tmp_path, "ok.csv", "target,period,value,unit\ngrain_output,2026,720,亿斤\n")
    assert invoke("--plan", "sichuan-2026", "--ledger", ledger, "import", str(path)).exit_code == 0
    both = _report(tmp_path, "both.csv", "target,period,value,unit,单位\ngdp,2026-Q1,5,%,%\n")
    result = invoke("--plan", "sichuan-2026", "--ledger", ledger, "import", str(both))
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "both.csv:1: columns '单位' and 'unit' both mean 单位; keep one\n"
    )


def test_a_templates_unit_words_pass_and_a_unit_typed_there_is_checked(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ledger = str(tmp_path / "sc.toml")
    plan = ("--plan", "sichuan-2026", "--ledger", ledger)
    assert invoke(*plan, "record", "cpi", "0.3", "-p", "2026-05").exit_code == 0
    for lang in ("en", "zh"):
        sheet = tmp_path / f"{lang}.csv"
        made = invoke(*plan, "--lang", lang, "template", str(sheet), "-p", "2026-06", "--force")
        assert made.exit_code == 0, made.stderr
        text = sheet.read_text(encoding="utf-8-sig")
        words = "万人, year to date" if lang == "en" else "万人（年初至今累计）"
        row = f"new_urban_jobs,2026-06,,,,,{'New urban jobs' if lang == 'en' else '城镇新增就业'},"
        assert f'{row}"{words}"' in text or f"{row}{words}" in text
        filled = text.replace("new_urban_jobs,2026-06,,", "new_urban_jobs,2026-06,46.2,")
        filled = filled.replace("gdp,2026-Q2,,", "gdp,2026-Q2,5.3,")
        sheet.write_text(filled, encoding="utf-8")
        result = invoke(*plan, "import", str(sheet), "--dry-run")
        assert result.exit_code == 0, result.stderr
        assert "warning" not in result.stderr
        assert "2 new" in result.stderr
    en = (tmp_path / "en.csv").read_text(encoding="utf-8")
    typed = en.replace('46.2,,,,New urban jobs,"万人, year to date"', "462000,,,,New urban jobs,人")
    assert typed != en
    (tmp_path / "typed.csv").write_text(typed, encoding="utf-8")
    result = invoke(*plan, "import", str(tmp_path / "typed.csv"), "--dry-run")
    assert result.exit_code == 2
    assert (
        "typed.csv:3: new_urban_jobs: the file's unit is 人 and the plan's 万人; plancli does "
        "not convert: give the figure in 万人"
    ) in result.stderr
