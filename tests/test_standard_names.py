"""A bureau's bulletin names the indicators plans share as statistics do (地区生产总值,
规模以上工业增加值, 居民人均可支配收入), whatever the plan calls them: Henan's 2026 plan names GDP
经济增长, as its report does, and its 统计局's table was refused row by row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancli.extract.vocabulary import INDICATORS
from plancli.indicator_names import STANDARD_NAMES

BULLETIN = (
    "指标,期间,累计增长\n地区生产总值,上半年,4.8\n规模以上工业增加值,1-6月,6.1\n"
    "居民人均可支配收入,上半年,5.0\n"
)


@pytest.fixture
def henan(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert invoke("--plan", "henan-2026", "init", "hn").exit_code == 0
    return tmp_path / "hn" / "henan.toml"


def test_a_bulletins_names_of_shared_indicators_import_into_their_targets(  # type: ignore[no-untyped-def]
    invoke, henan: Path
) -> None:
    bulletin = henan.parent / "b.csv"
    bulletin.write_text(BULLETIN, encoding="gb18030")
    result = invoke("--plan", str(henan), "import", str(bulletin), "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)["records"]
    assert [(r["target"], r["period"], r["value"]) for r in records] == [
        ("gdp", "2026-Q2", 4.8),  # 上半年 in a quarterly target's rhythm
        ("industrial_value_added", "2026-06", 6.1),
        ("resident_income", "2026-Q2", 5.0),
    ]


def test_only_the_exact_name_counts(invoke, henan: Path) -> None:  # type: ignore[no-untyped-def]
    """民间投资 is not 固定资产投资, whatever a pattern would say: it is refused, not recorded."""
    bulletin = henan.parent / "b.csv"
    bulletin.write_text("指标,期间,累计增长\n民间投资,1-6月,-3.1\n", encoding="utf-8")
    result = invoke("--plan", str(henan), "import", str(bulletin))
    assert result.exit_code == 2
    assert "unknown target '民间投资' in plan henan-2026" in result.stderr
    assert not (henan.parent / "henan.progress.toml").exists()


def test_the_plans_own_name_wins_over_a_bulletins(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "p.toml"
    plan.write_text(
        '[plan]\nid = "p"\nname = "测试"\nname_en = "Test"\nyear = 2026\nsource = "测试"\n\n'
        '[[sections]]\nid = "headline"\nname = "主要预期目标"\nname_en = "Headline"\n\n'
        '[[targets]]\nid = "gdp"\nsection = "headline"\nname = "经济增长"\nname_en = "GDP"\n'
        'kind = "growth"\nunit = "%"\naround = 5\nfrequency = "quarterly"\nquote = "5%左右"\n\n'
        '[[targets]]\nid = "county_gdp"\nsection = "headline"\nname = "县域生产总值"\n'
        'name_en = "County GDP"\naliases = ["生产总值"]\nkind = "growth"\nunit = "%"\nmin = 6\n'
        'frequency = "quarterly"\nquote = "6%以上"\n',
        encoding="utf-8",
    )
    bulletin = tmp_path / "b.csv"
    bulletin.write_text(
        "指标,期间,累计增长\n生产总值,上半年,6.2\n地区生产总值,上半年,5.1\n", encoding="utf-8"
    )
    result = invoke("--plan", str(plan), "import", str(bulletin), "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)["records"]
    assert [(r["target"], r["value"]) for r in records] == [("county_gdp", 6.2), ("gdp", 5.1)]


def test_record_names_the_id_for_a_bulletins_name_and_suggests_each_target_once(  # type: ignore[no-untyped-def]
    invoke, henan: Path
) -> None:
    named = invoke(
        "--lang", "zh", "--plan", str(henan), "record", "地区生产总值", "5", "-p", "2026-Q1"
    )
    assert named.exit_code == 2
    assert named.stderr == "错误：'地区生产总值' 是目标 gdp 的名称；命令行中请用目标编号：gdp\n"
    close = invoke("--lang", "zh", "--plan", str(henan), "record", "生产总量", "5", "-p", "2026-Q1")
    assert close.exit_code == 2
    # named as the plan names gdp (地区生产总值), not by the bulletins' 生产总值 it is closest
    # to (session 42: a suggestion names the plan's own target name)
    assert "是否想找 地区生产总值（gdp）、粮食产量（grain_output）？" in close.stderr
    assert "单位生产总值二氧化碳排放" not in close.stderr


def test_every_shared_id_is_one_extract_drafts() -> None:
    assert set(STANDARD_NAMES) <= {indicator.id for indicator in INDICATORS}
