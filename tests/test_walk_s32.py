"""Session 32's walk: a 湖北 统计局 analyst drafts the province's 2026 plan from its government
work report with `plancli extract`, fills the June template and the bureau's 1-6月 bulletin,
and reads the half-year in Chinese, as README.md and docs/monthly-update-zh.md tell it. Each
test is a slip the walk met, on the drafted plan and the report's own figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, needs_corpus
from plancli.stores.toml import read_toml_ledger

HUBEI = CORPUS / "湖北省.txt"


@pytest.fixture
def hubei_draft(invoke, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """湖北's draft, as `plancli extract 湖北省.txt -o hubei-draft.toml` writes it."""
    draft = tmp_path / "hubei-draft.toml"
    made = invoke("extract", str(HUBEI), "-o", str(draft))
    assert made.exit_code == 0, made.output
    return draft


# ------------------------------------------ a CPI index for the drafted CPI rise (居民消费价格涨幅)


@needs_corpus
def test_the_drafted_cpi_refuses_the_bulletins_index_as_the_bundled_plan_does(
    invoke, hubei_draft: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """湖北's 居民消费价格涨幅2%左右 is a rise in %; the bureau's 1-6月 table gives 居民消费价格指数
    （上年同期=100） 100.6. The bundled plan refuses it ("请填写 0.6"); the draft's target, whose
    aliases carry the bulletins' names 居民消费价格指数 and 居民消费价格总指数 (so that the row is
    read as it), was taken for an index itself: 100.6 went in as a rise of 100.6 %."""
    sheet = tmp_path / "湖北省2026年1-6月主要经济指标.csv"
    sheet.write_text(
        "指标,计量单位,本月止累计,比上年同期增长(%)\n"
        "居民消费价格指数（上年同期=100）,上年同期=100,100.6,\n",
        encoding="utf-8",
    )
    ledger = tmp_path / "hubei-draft.progress.toml"
    plan = ("--plan", str(hubei_draft), "--ledger", str(ledger), "--lang", "zh")
    result = invoke(*plan, "import", str(sheet))
    assert result.exit_code == 2, result.output
    assert "100.6 即上涨 0.6 %；plancli 不换算：请填写 0.6" in result.stderr
    assert not ledger.exists()
    typed = invoke(*plan, "record", "cpi", "100.6", "--period", "2026-06")
    assert typed.exit_code == 0, typed.output
    assert "这个数像是指数（上年同期=100）" in typed.stderr
    assert "是否应为 0.6 %？" in typed.stderr


@needs_corpus
def test_a_plan_whose_own_cpi_is_an_index_is_still_not_warned(
    invoke, hubei_draft: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A target the plan itself names an index (its figure ~100) is not warned of 100.6."""
    text = hubei_draft.read_text(encoding="utf-8")
    text = text.replace('name = "居民消费价格涨幅"', 'name = "居民消费价格指数"')
    hubei_draft.write_text(text, encoding="utf-8")
    ledger = tmp_path / "hubei-draft.progress.toml"
    typed = invoke(
        "--plan", str(hubei_draft), "--ledger", str(ledger), "--lang", "zh",
        "record", "cpi", "100.6", "--period", "2026-06",
    )  # fmt: skip
    assert typed.exit_code == 0, typed.output
    assert "指数" not in typed.stderr
    assert [str(r.value) for r in read_toml_ledger(ledger).records] == ["100.6"]


# ------------------------------------------------ last year's GDP amount the review states apart


def _gdp_baseline(text: str) -> dict[str, object]:
    from plancli.extract import extract_plan

    (gdp,) = [t for t in extract_plan(text).plan["targets"] if t["id"] == "gdp"]
    return {key: str(value) for key, value in gdp["baseline"].items()}


@needs_corpus
@pytest.mark.parametrize(
    ("report", "bundled"),
    [("湖北省", "hubei"), ("甘肃省", "gansu"), ("贵州省", "guizhou")],
)
def test_the_reviews_gdp_level_is_last_years_amount_as_the_bundled_plan_has_it(
    report: str, bundled: str
) -> None:
    """湖北's 2025 review says only 地区生产总值增长5.5%; its "十四五" review closes
    地区生产总值迈上6万亿元台阶，达到62661亿元, the amount the bundled plan takes (甘肃
    全省地区生产总值达到13697.5亿元, 贵州 …突破2万亿元、达到23562亿元 likewise). The draft had the
    growth alone, so `gap` and `show` could not say what growth the rest of the year needs."""
    import tomllib

    from conftest import REPO, corpus_report

    plan = tomllib.loads((REPO / "data" / "2026" / f"{bundled}.toml").read_text("utf-8"))
    (gold,) = [t for t in plan["targets"] if t["id"] == "gdp"]
    assert _gdp_baseline(corpus_report(report)) == {k: str(v) for k, v in gold["baseline"].items()}


@needs_corpus
def test_no_level_of_a_region_nor_an_approximate_one_is_taken() -> None:
    """武汉都市圈经济总量达到3.8万亿元 is a region's, a level 左右 or of another year no amount."""
    from conftest import corpus_report

    text = corpus_report("湖北省")
    level = "地区生产总值迈上6万亿元台阶，达到62661亿元"
    assert level in text
    for changed in (
        "地区生产总值迈上6万亿元台阶，达到62661亿元左右",
        "武汉地区生产总值迈上2万亿元台阶，达到21106亿元",
        "2024年地区生产总值迈上6万亿元台阶，达到60013亿元",
    ):
        assert _gdp_baseline(text.replace(level, changed)) == {"year": "2025", "growth": "5.5"}
    two = text.replace(level, level + "；全省地区生产总值达到62000亿元")
    assert _gdp_baseline(two) == {"year": "2025", "growth": "5.5"}  # two levels: neither


@needs_corpus
def test_the_drafted_gdp_says_what_growth_the_second_half_needs(
    invoke, hubei_draft: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """With the half-year's 5.6 % and 29876.3 亿元, `show gdp` on the draft gives the growth the
    rest of the year needs, as on the bundled plan, where it said 缺少上年总量."""
    from conftest import REPO

    shown = []
    for plan in (hubei_draft, REPO / "data" / "2026" / "hubei.toml"):
        ledger = tmp_path / f"{plan.stem}.progress.toml"
        base = ("--plan", str(plan), "--ledger", str(ledger), "--lang", "zh")
        typed = invoke(*base, "record", "gdp", "5.6", "--amount", "29876.3", "--period", "上半年")
        assert typed.exit_code == 0, typed.output
        result = invoke(*base, "gap", "--json")
        assert result.exit_code == 0, result.output
        import json

        (gdp,) = [t for t in json.loads(result.stdout)["targets"] if t["id"] == "gdp"]
        shown.append(gdp["required_growth_rest"])
    assert shown[0] is not None
    assert shown[0] == shown[1]


@needs_corpus
@pytest.mark.parametrize("report", ["四川省", "湖北省", "陕西省"])
def test_a_baselines_note_quotes_the_reports_own_words(report: str) -> None:
    """四川's note read “地区生产总值67665亿元,增长5.5%”, 陕西's “地区生产总值增长5.1%”: the parse
    form's comma and per cent sign, where the report writes 67665亿元，增长5.5% and 5.1％; a
    reviewer searching the report for the note's words found nothing."""
    import re

    from conftest import corpus_report
    from plancli.extract import extract_plan

    text = corpus_report(report)
    quoted = [
        quote
        for target in extract_plan(text).plan["targets"]
        for quote in re.findall(r"from the review: “([^”]*)”", target.get("note", ""))
    ]
    assert quoted
    assert [q for q in quoted if q not in text] == []


@needs_corpus
def test_a_cpi_whose_plan_figure_is_an_index_takes_the_bulletins_index(
    invoke, hubei_draft: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A plan that bounds its CPI as the index (控制在103以内: `max = 103`), with the bulletins'
    names as aliases, reads the bulletin's 居民消费价格指数 102.5 as its figure, as before."""
    text = hubei_draft.read_text(encoding="utf-8")
    text = text.replace('direction = "band"\nunit = "%"\naround = 2\n', 'unit = "%"\nmax = 103\n')
    assert "max = 103" in text
    hubei_draft.write_text(text, encoding="utf-8")
    sheet = tmp_path / "湖北省2026年1-6月物价.csv"
    sheet.write_text("指标,本月止累计\n居民消费价格指数,102.5\n", encoding="utf-8")
    ledger = tmp_path / "hubei-draft.progress.toml"
    result = invoke(
        "--plan", str(hubei_draft), "--ledger", str(ledger), "--lang", "zh", "import", str(sheet)
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "指数" not in result.stderr.replace("居民消费价格指数", "")
    assert [(r.target, str(r.value)) for r in read_toml_ledger(ledger).records] == [
        ("cpi", "102.5")
    ]
