"""A rate-named figure of an earlier period says which, in the report's Chinese text.

Session 35's walk: 陕西's July report (固定资产投资 3%, 1-7月) said 全国固定资产投资增速同期尚无数据
and, in the next sentence, 全国固定资产投资增速为2.8%（跟踪指标）: the 2.8 % is 1-6月's, which
the English said (…growth grew 2.8% in January–June) and the Chinese did not, so a leader
read the two sentences as contradicting each other.
"""

from pathlib import Path

import pytest

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "2026" / "shaanxi.toml"


def drafted(tmp_path: Path) -> str:
    """陕西's bundled plan with the national series yearly, as `extract` drafts it from
    固定资产投资增速保持在全国平均水平以上 (frequency = "annual"): a June figure in July is
    then no late one (the bundled plan's monthly series says 数据截至2026年6月 instead)."""
    text = BUNDLED.read_text(encoding="utf-8")
    head, tail = text.split('id = "national_fai_growth"', 1)
    tail = tail.replace('frequency = "monthly"', 'frequency = "annual"', 1)
    plan = tmp_path / "shaanxi.toml"
    plan.write_text(head + 'id = "national_fai_growth"' + tail, encoding="utf-8")
    return str(plan)


@pytest.fixture
def july(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    """陕西's plan: the national FAI growth of 1-6月 (2.8), 陕西's of 1-7月 (3.0)."""
    where = ["--plan", drafted(tmp_path)]
    for target, value, period in (
        ("national_fai_growth", "2.8", "2026-06"),
        ("fixed_asset_investment", "3.0", "2026-07"),
    ):
        made = invoke(*where, "record", target, value, "--period", period)
        assert made.exit_code == 0, made.stderr

    def report(lang: str) -> str:
        result = invoke("--lang", lang, *where, "report", "--format", "md")
        assert result.exit_code == 0, result.stderr
        return " ".join(result.stdout.split())

    return report


def test_an_earlier_rate_says_its_months_in_chinese(july) -> None:  # type: ignore[no-untyped-def]
    text = july("zh")
    assert "全国固定资产投资增速1-6月为2.8%（跟踪指标）" in text
    assert "全国固定资产投资增速为2.8%" not in text


def test_the_english_says_the_months_and_no_growth_grows(july) -> None:  # type: ignore[no-untyped-def]
    """The English had the months, but "National fixed-asset investment growth grew 2.8%": a
    name that is a rate is 2.8%, as the Chinese is 为2.8%, written as any name's figure is
    ("New urban jobs: 52 万人")."""
    text = july("en")
    assert "National fixed-asset investment growth: 2.8% in January–June (a tracked" in text
    assert "growth grew" not in text


def test_a_rate_of_the_reports_own_month_has_no_months(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    where = ["--plan", drafted(tmp_path)]
    assert invoke(*where, "record", "national_fai_growth", "2.8", "-p", "2026-06").exit_code == 0
    result = invoke("--lang", "zh", *where, "report", "--format", "md")
    assert "全国固定资产投资增速为2.8%（跟踪指标）" in " ".join(result.stdout.split())
