"""Session 30 walk: a 贵州 analyst's first year with plancli, as README and
docs/monthly-update-zh.md tell it. Each test is a slip the walk met in a normal month."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancli.stores.toml import read_toml_ledger


def _figures(ledger: Path) -> dict[str, tuple[str, str]]:
    return {r.target: (r.period, str(r.value)) for r in read_toml_ledger(ledger).records}


def test_a_footnote_under_a_filled_template_sheet_is_read_past(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A department fills plancli's own sheet and writes a 注 row under it, as it does under
    every 统计月报: it was refused (`missing period, value`, naming no target), though the
    same 注 under a bulletin is counted and read past."""
    openpyxl = pytest.importorskip("openpyxl")
    sheet, ledger = tmp_path / "6月.xlsx", tmp_path / "plan2022.progress.toml"
    made = invoke("template", str(sheet), "--period", "2022-06")
    assert made.exit_code == 0, made.output
    book = openpyxl.load_workbook(sheet)
    rows = book.active
    at = {row[0].value: row[0].row for row in rows.iter_rows(min_row=2)}
    rows.cell(row=at["gdp"], column=3, value=5.0)
    rows.cell(row=at["gdp"], column=4, value=700)
    rows.cell(row=at["new_5g_base_stations"], column=3, value=120)
    rows.cell(row=rows.max_row + 2, column=1, value="注：地区生产总值为初步核算数。")
    book.save(sheet)
    result = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(sheet))
    assert result.exit_code == 0, result.output
    assert "跳过1个注释行（注：…）" in result.stderr
    assert _figures(ledger) == {
        "gdp": ("2022-Q2", "5"),
        "new_5g_base_stations": ("2022-Q2", "120"),
    }


def test_a_stray_word_under_a_template_is_still_refused(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Only a 注 is read past: any other text in the id column stays an error, nothing written."""
    sheet, ledger = tmp_path / "6月.csv", tmp_path / "plan2022.progress.toml"
    made = invoke("template", str(sheet), "--period", "2022-06")
    assert made.exit_code == 0, made.output
    text = sheet.read_text(encoding="utf-8").replace("gdp,2022-Q2,,", "gdp,2022-Q2,5.0,")
    sheet.write_text(text + "以上数据待核,,,,,,,,,\n", encoding="utf-8")
    result = invoke("--ledger", str(ledger), "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert not ledger.exists()


def test_no_chinese_message_begins_with_two_stray_quote_marks() -> None:
    """extract's review of 贵州's 项目县耕种收综合机械化率提升3个百分点左右 read
    `review = "\\"\\"“项目县…”按较基期水平的变动评判…"`: two quote marks the English has not,
    left from editing the catalogue, in the plan file and in `validate`'s table."""
    from babel.messages.pofile import read_po

    po = Path(__file__).parents[1] / "src/plancli/locale/zh/LC_MESSAGES/plancli.po"
    with po.open("rb") as handle:
        catalog = read_po(handle)
    stray = [
        str(message.id)
        for message in catalog
        if isinstance(message.string, str)
        and message.string.startswith('""')
        and not str(message.id).startswith('""')
    ]
    assert stray == []


def test_extract_review_of_a_change_without_base_level_has_no_stray_quotes() -> None:
    from plancli import i18n

    before = i18n.language()
    i18n.set_language("zh")
    try:
        text = i18n.gettext(
            "“{clause}” is judged as the change from a base level the review does not "
            "state once: it cannot be judged until baseline.value (last year's level) "
            "is added"
        ).format(clause="项目县耕种收综合机械化率提升3个百分点左右")
    finally:
        i18n.set_language(before)
    assert text.startswith("“项目县耕种收综合机械化率提升3个百分点左右”按较基期水平的变动评判")


@pytest.mark.parametrize("typed", ["2022年13月", "13月", "1-13月"])
def test_a_thirteenth_month_is_named_not_called_a_wrong_form(
    invoke, tmp_path: Path, typed: str
) -> None:  # type: ignore[no-untyped-def]
    """`--period 2022年13月` was told 期间格式不对：请写成 YYYY-MM…: the 年/月 form the docs
    teach is right, the month is not; the error says which."""
    ledger = tmp_path / "plan2022.progress.toml"
    result = invoke(
        "--ledger", str(ledger), "--lang", "zh", "record", "gdp", "5", "--period", typed
    )
    assert result.exit_code == 2
    assert result.stderr == f"错误：期间 '{typed}' 有误：没有13月（月份为1～12）\n"
    assert not ledger.exists()


def test_an_import_row_of_a_thirteenth_month_names_its_line_and_month(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bulletin, ledger = tmp_path / "月报.csv", tmp_path / "plan2022.progress.toml"
    bulletin.write_text(
        "指标,期间,累计值,累计增长\n社会消费品零售总额,2022年6月,330.8,6.5\n"
        "地区生产总值,2022年13月,700,5.0\n",
        encoding="utf-8",
    )
    result = invoke("--ledger", str(ledger), "--lang", "en", "import", str(bulletin))
    assert result.exit_code == 2
    assert (
        f"{bulletin}:3: target gdp: malformed period '2022年13月': there is no month 13 "
        "(a month is 1-12)" in result.stderr
    )
    assert not ledger.exists()


def test_an_amendment_restating_the_plans_bound_writes_nothing(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`amend cpi --around 2 --tolerance 0.5` on 居民消费价格涨幅2%左右 (judged 1.5–2.5 %) was
    written, and the report to leaders listed `居民消费价格涨幅：自2026年6月起调整为≈ 2%（原计划
    ≈ 2%）` with a † on an unchanged target. Restating the plan's bound writes nothing; a real
    adjustment, and going back to the plan's bound after one, are written as before."""
    ledger = tmp_path / "plan2022.progress.toml"
    recorded = invoke("--ledger", str(ledger), "record", "retail_sales", "6.5", "-p", "2022-06")
    assert recorded.exit_code == 0, recorded.output
    before = ledger.read_bytes()
    same = invoke(
        "--ledger", str(ledger), "--lang", "zh", "amend", "retail_sales", "--from", "上半年",
        "--min", "7",
    )  # fmt: skip
    assert same.exit_code == 0, same.output
    assert same.stderr == (
        f"retail_sales 自 2022-06 起：≥ 7 % 与计划原定目标相同，无需调整；未写入 {ledger}\n"
    )
    assert ledger.read_bytes() == before
    lower = invoke(
        "--ledger", str(ledger), "amend", "retail_sales", "--from", "2022-06", "--min", "6"
    )
    assert lower.exit_code == 0 and "amended retail_sales" in lower.stderr, lower.output
    back = invoke(
        "--ledger", str(ledger), "amend", "retail_sales", "--from", "2022-09", "--min", "7"
    )
    assert back.exit_code == 0 and "amended retail_sales" in back.stderr, back.output
    assert [
        (a.amendment.period, str(a.amendment.min)) for a in read_toml_ledger(ledger).amendments
    ] == [
        ("2022-06", "6"),
        ("2022-09", "7"),
    ]


@pytest.mark.parametrize(
    ("typo", "said"),
    [
        ('kind = "cumulativ"', "kind：应为以下之一：'growth'、"),
        (
            'frequency = "monthy"',
            "frequency：应为以下之一：'monthly'、'quarterly'、'annual'（是否应为 monthly？）",
        ),
    ],
)
def test_a_choice_typed_nearly_right_is_told_the_one_meant(
    invoke, tmp_path: Path, typo: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    """A reviewer's `kind = "cumulativ"` listed nine kinds and left the analyst to spot the one
    meant, where `arround = 5` is told `是否应为 around？`."""
    text = (Path(__file__).parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    key = typo.split(" = ")[0]
    meant = {"kind": 'kind = "cumulative"', "frequency": 'frequency = "monthly"'}[key]
    assert meant in text
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(meant, typo, 1), encoding="utf-8")
    result = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert said in result.stderr
    word = meant.split('"')[1]
    assert result.stderr.rstrip().endswith(f"（是否应为 {word}？）")
    english = invoke("--lang", "en", "--plan", str(plan), "validate")
    assert english.stderr.rstrip().endswith(f"(did you mean {word}?)")


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ('kind = "增速"', "growth"),
        ('kind = "累计"', "cumulative"),
        ('frequency = "季度"', "quarterly"),
    ],
)
def test_a_choice_written_as_the_tables_show_it_is_told_its_id(
    invoke, tmp_path: Path, typo: str, word: str
) -> None:  # type: ignore[no-untyped-def]
    """(verify s30) `kind = "增速"` — the word `targets` and `show` print for a growth target,
    and what `--kind 增速` takes — listed nine kinds with no hint, where `cumulativ` is told
    `cumulative`: a plan written by hand in Chinese is told the id meant."""
    text = (Path(__file__).parents[1] / "data" / "plan2022.toml").read_text(encoding="utf-8")
    key = typo.split(" = ")[0]
    meant = {"kind": 'kind = "growth"', "frequency": 'frequency = "monthly"'}[key]
    if word == "cumulative":
        meant = 'kind = "cumulative"'
    assert meant in text
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace(meant, typo, 1), encoding="utf-8")
    result = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.rstrip().endswith(f"（是否应为 {word}？）"), result.stderr
    english = invoke("--lang", "en", "--plan", str(plan), "validate")
    assert english.stderr.rstrip().endswith(f"(did you mean {word}?)")
