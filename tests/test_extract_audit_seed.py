"""The audit of `extract` on the seed report (赵工, another district's 发改局): a title
wrapped over two lines (D1), the incomes' shared aliases (D2), a page's breadcrumb and site
name (D3), `validate --source -` (D8)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from plancli.extract import extract_plan
from plancli.extract.text import decode_report

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report is not here")
TITLE = "昆明市官渡区2021年国民经济和社会发展计划执行情况与2022年国民经济和社会发展计划草案的报告"


def seed_text() -> str:
    return decode_report(SEED.read_bytes())


def retitled(*title_lines: str) -> str:
    """The seed with its title line replaced by `title_lines`."""
    text = seed_text()
    first, rest = text.split("\n", 1)
    assert first.strip() == TITLE
    return "\n".join(title_lines) + "\n" + rest


def by_id(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in plan["targets"]}


# ------------------------------------------------------------------ D1: a title over two lines


@needs_seed
@pytest.mark.parametrize(
    "cut",
    [
        "昆明市官渡区2021年国民经济和社会发展计划执行",  # (a page's <h1>, a PDF at A4)
        "昆明市官渡区2021年国民经济和社会发展计划",
        "昆明市官渡区2021年国民经济和",
        "昆明市官渡区2021年国民经济和社会发展计划执行情况",
    ],
)
def test_a_title_wrapped_over_two_lines_is_one_title(cut: str) -> None:
    draft = extract_plan(retitled(cut, TITLE[len(cut) :]))
    plan = draft.plan
    assert plan["plan"]["year"] == 2022
    assert plan["plan"]["source"] == TITLE
    assert plan["plan"]["name"] == "昆明市官渡区2022年国民经济和社会发展计划"
    headline = [t["id"] for t in plan["targets"] if t["section"] == "headline"]
    assert {"gdp", "fixed_asset_investment", "urban_income", "rural_income"} <= set(headline)
    assert "the targets paragraph names" not in plan["plan"]["review"]


@needs_seed
def test_a_plan_year_other_than_the_targets_paragraphs_is_flagged() -> None:
    # a title that names only last year's plan: the targets paragraph (2022年经济和社会发展
    # 主要预期目标建议为) names 2022
    draft = extract_plan(retitled("昆明市官渡区2021年国民经济和社会发展计划"))
    assert draft.plan["plan"]["year"] == 2021
    assert draft.lead_year == 2022
    assert (
        "the plan year is 2021, but the targets paragraph names 2022's"
        in (draft.plan["plan"]["review"])
    )
    assert "targets paragraph" not in extract_plan(seed_text()).plan["plan"]["review"]


@needs_seed
def test_the_year_warning_says_so_without_sending_the_user_back(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "report.txt"
    report.write_text(retitled("昆明市官渡区2021年国民经济和社会发展计划"), encoding="utf-8")
    plain = invoke("extract", str(report))
    assert plain.exit_code == 0, plain.stderr
    assert "targets paragraph names 2022's targets" in plain.stderr
    assert "--year 2022" in plain.stderr
    given = invoke("extract", str(report), "--year", "2022")
    assert given.exit_code == 0, given.stderr
    assert tomllib.loads(given.stdout)["plan"]["year"] == 2022
    assert "leave --year out" not in given.stderr
    # a --year the report's targets paragraph does not name is still a slip
    other = invoke("extract", str(report), "--year", "2023")
    assert "leave --year out" in other.stderr


# ------------------------------------------------------------------ D2: each income its names


@needs_seed
def test_urban_and_rural_income_each_get_their_own_bulletin_names() -> None:
    targets = by_id(extract_plan(seed_text()).plan)
    assert targets["urban_income"]["aliases"] == [
        "城镇居民人均可支配收入",
        "城镇常住居民人均可支配收入",
    ]
    assert targets["rural_income"]["aliases"] == [
        "农村居民人均可支配收入",
        "农村常住居民人均可支配收入",
    ]
    seen: dict[str, str] = {}
    for target in targets.values():
        for name in (target["name"], *target.get("aliases", [])):
            assert seen.setdefault(name, target["id"]) == target["id"], name


PLAN = """
[plan]
id = "p"
name = "计划"
name_en = "Plan"
year = 2022

[[sections]]
id = "headline"
name = "主要预期目标"
name_en = "Headline"

[[targets]]
id = "urban_income"
section = "headline"
name = "城镇居民收入"
name_en = "Urban income"
aliases = ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
kind = "indicator"
unit = "%"

[[targets]]
id = "rural_income"
section = "headline"
name = "农村常住居民人均可支配收入"
name_en = "Rural income"
kind = "indicator"
unit = "%"
"""


def test_validate_warns_of_an_alias_another_target_has(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN, encoding="utf-8")
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 0, result.stderr
    said = " ".join((result.stdout + result.stderr).split())
    assert "alias '农村常住居民人均可支配收入' is also a name" in said
    assert "城镇常住居民人均可支配收入' is also" not in said
