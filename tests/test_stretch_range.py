"""浙江 增长5%—5.5%，在实际工作中努力争取更好结果 (audit P, D6): `gap` wrote the aim without its
unit (`≥5%（争取5.5）`), and the report said `尚未实现5.5%的争取目标`, a 争取 line the plan never
set: 5.5 is the top of its range (min 5, stretch 5.5; docs/forms.md). Real values: the audit's
reproduction on zhejiang-2026, GDP 5.2 % in the first half.
"""

from __future__ import annotations

import json
from pathlib import Path


def test_zhejiang_gdp_in_its_range_is_said_as_the_plan_states_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "zhejiang.progress.toml"

    def run(*args: str) -> str:
        result = invoke("--plan", "zhejiang-2026", "--ledger", str(ledger), *args)
        assert result.exit_code == 0, result.output
        return result.stdout  # type: ignore[no-any-return]

    run("record", "gdp", "5.2", "--period", "上半年")
    gap = run("--lang", "zh", "gap")
    assert "5.2%/≥5%（争取5.5%）" in gap and "（争取5.5）" not in gap
    assert "≥5% (aim 5.5%)" in run("--lang", "en", "gap")  # wrapped at 80 columns
    gdp = next(t for t in json.loads(run("gap", "--json"))["targets"] if t["id"] == "gdp")
    assert gdp["bound"] == "≥ 5 % (aim 5.5 %)"
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "全省生产总值累计增长5.2%，处于5%—5.5%的目标区间内。" in zh
    assert "争取目标" not in zh.split("## 主要预期目标", 1)[0]
    assert "| 全省生产总值 | ≥ 5%（争取5.5%） | 5.2% |" in zh
    en = run("--lang", "en", "report", "-f", "md")
    assert "grew 5.2% year to date, within the target range of 5%–5.5%." in en
    run("record", "gdp", "5.8", "--period", "2026-Q3")
    zh = run("--lang", "zh", "report", "-f", "md")
    assert "全省生产总值累计增长5.8%，超过5%—5.5%的目标区间上沿0.3个百分点。" in zh
