"""A pending target waits for the level its quote names (audit W D4): 昆明市西山区's plan has
完成省下达的节能减排目标任务, and the report to the 区政府 said 节能减排待国家下达目标."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancli.report.pending import issuer_of, pending_words

XISHAN = Path(__file__).parent / "fixtures" / "xishan-2026.toml"


def _report(invoke, plan: Path, lang: str) -> str:  # type: ignore[no-untyped-def]
    out = plan.parent / f"june.{lang}.md"
    result = invoke("--plan", str(plan), "--lang", lang, "report", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_the_report_names_the_level_the_quote_names(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "xishan.toml"
    plan.write_text(XISHAN.read_text(encoding="utf-8"), encoding="utf-8")
    figures = tmp_path / "june.csv"
    figures.write_text("target,period,value\ngdp,2026-Q2,5.1\n", encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
    zh = _report(invoke, plan, "zh")
    assert "节能减排待省下达目标，尚无数据。" in zh  # 完成省下达的节能减排目标任务
    assert "粮食产量待国家下达目标，尚无数据。" in zh  # 完成国家下达的粮食生产目标任务
    en = _report(invoke, plan, "en")
    assert (
        "No data yet for Energy saving and emission reduction, whose target is still to be "
        "set by the province (pending)."
    ) in en
    assert "No data yet for Grain output, whose target is still to be set by the State" in en
    # a figure and still no bound: ，目标待省下达
    figures.write_text("target,period,value\nemission_reduction,2026-06,2.5\n", encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
    assert "，目标待省下达。" in _report(invoke, plan, "zh")


def test_an_adjusted_target_says_whose_target_the_plan_awaited(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """(3.2万吨以上，原计划待国家下达) only when the quote says 国家; 省 when it says 省."""
    plan = tmp_path / "xishan.toml"
    text = XISHAN.read_text(encoding="utf-8").replace("完成国家下达的粮食", "完成省下达的粮食")
    plan.write_text(text, encoding="utf-8")
    amend = ("amend", "grain_output", "--min", "3.2", "--from", "2026-03", "--note", "省下达")
    assert invoke("--plan", str(plan), *amend).exit_code == 0
    figures = tmp_path / "june.csv"
    figures.write_text("target,period,value\ngrain_output,2026,3\n", encoding="utf-8")
    assert invoke("--plan", str(plan), "import", str(figures)).exit_code == 0
    zh = _report(invoke, plan, "zh")
    assert "原计划待省下达" in zh and "国家" not in zh


@pytest.mark.parametrize(
    ("quote", "zh", "en"),
    [
        ("完成省下达的节能减排目标任务", "待省下达", "still to be set by the province"),
        ("完成市下达的目标任务", "待市下达", "still to be set by the city"),
        ("完成国家下达的粮食生产目标任务", "待国家下达", "still to be set by the State"),
        ("按照国家要求完成节能减排降碳任务", "待国家下达", "still to be set by the State"),
        ("完成上级下达的任务", "待上级下达", "still to be set by a higher level"),
        ("完成节能减排任务", "待上级下达", "still to be set"),  # no level named: never 国家
        (None, "待上级下达", "still to be set"),
    ],
)
def test_the_level_is_read_from_the_quote(quote: str | None, zh: str, en: str) -> None:
    assert pending_words(issuer_of(quote), True) == zh
    assert pending_words(issuer_of(quote), False) == en
