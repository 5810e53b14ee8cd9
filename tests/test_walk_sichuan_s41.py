"""Session 41's walk of the bundled 四川 2026 plan in Chinese (地区生产总值增长5.5%左右;
城镇新增就业85万人, 城镇调查失业率5.5%左右; 居民消费价格涨幅2%左右; 地方一般公共预算收入增长2%,
居民收入增长和经济增长基本同步, 粮食产量730亿斤以上; 按照国家要求完成节能减排降碳任务), a 统计局
analyst's year: a workspace begun, the 1-3月, 1-6月 and 1-9月 bulletins and the year-end 统计公报
imported, figures recorded, amended and undone by hand, the reports. Each test is a slip the walk
met, or the plan's figures checked against the report."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

PLAN = Path(__file__).parent.parent / "data" / "2026" / "sichuan.toml"
REPORT = CORPUS / "四川省.txt"


@pytest.fixture
def sichuan(tmp_path: Path) -> list[str]:
    return ["--plan", "sichuan-2026", "--ledger", str(tmp_path / "sc.progress.toml")]


def test_every_headline_figure_is_the_reports() -> None:
    """The 主要预期目标 paragraph (report line 48) and the 2025 review (lines 18, 22, 24),
    figure by figure: the bundled plan holds each of the paragraph's ten targets, and nothing
    else (the plan holds no work targets)."""
    plan = tomllib.loads(PLAN.read_text(encoding="utf-8"))
    lines = REPORT.read_text(encoding="utf-8").splitlines()
    by_id = {t["id"]: t for t in plan["targets"]}
    assert list(by_id) == [
        "gdp",
        "new_urban_jobs",
        "surveyed_unemployment_rate",
        "cpi",
        "budget_revenue",
        "resident_income",
        "grain_output",
        "energy_intensity",
        "emission_reduction",
        "co2_intensity",
    ]
    paragraph = lines[47]
    assert paragraph.startswith("今年全省经济社会发展主要预期目标是：")
    for target in plan["targets"]:
        assert target["quote"] in paragraph, target["id"]
    assert by_id["gdp"]["around"] == 5.5
    assert by_id["gdp"]["baseline"] == {"year": 2025, "value": 67665, "growth": 5.5}
    assert "实现地区生产总值67665亿元，增长5.5%" in lines[17]
    assert by_id["new_urban_jobs"]["min"] == 85
    assert by_id["new_urban_jobs"]["baseline"]["value"] == 107
    assert "全省城镇新增就业107万人" in lines[23]
    assert by_id["surveyed_unemployment_rate"]["around"] == 5.5
    assert by_id["surveyed_unemployment_rate"]["direction"] == "down"
    assert by_id["cpi"]["around"] == 2 and by_id["cpi"]["direction"] == "band"
    assert by_id["budget_revenue"]["min"] == 2
    assert by_id["budget_revenue"]["baseline"] == {"year": 2025, "value": 5853.9, "growth": 3.9}
    assert "地方一般公共预算收入5853.9亿元，增长3.9%" in lines[17]
    assert by_id["resident_income"]["relation"] == "same"
    assert by_id["grain_output"]["min"] == 730
    assert by_id["grain_output"]["baseline"]["value"] == 732.5
    assert "粮食产量达到732.5亿斤" in lines[21]
    for pending in ("energy_intensity", "emission_reduction", "co2_intensity"):
        assert by_id[pending]["pending"] is True


def test_basically_in_step_is_said_as_the_other_plans_say_it(
    invoke: Any, sichuan: list[str]
) -> None:
    """基本同步 is read as relation same, with the tolerance: 辽宁's, 上海's and 天津's plans
    tell the user so in the target's note; 四川's said nothing, so show gave the analyst no
    reason the walk's 5.2 % under GDP's 5.4 % (1-6月) is still 同步."""
    assert invoke(*sichuan, "record", "gdp", "5.4", "-p", "2026-Q2").exit_code == 0
    assert invoke(*sichuan, "record", "resident_income", "5.2", "-p", "2026-Q2").exit_code == 0
    result = invoke("--lang", "zh", *sichuan, "show", "resident_income")
    assert result.exit_code == 0, result.output
    assert "“基本同步”：居民收入增速不低于同期地区生产总值增速减1个百分点" in result.output
    assert "正常推进" in result.output
    english = invoke("--lang", "en", *sichuan, "show", "resident_income")
    flat = " ".join(english.output.split())  # in the analyst's words since session 42
    assert "income growth no more than 1 percentage point below GDP growth" in flat


@pytest.mark.parametrize("word", ["偏低", "偏离区间", "偏高、偏低", "off_band", "below band"])
def test_a_band_side_a_table_shows_is_refused_saying_which_status_it_is(
    invoke: Any, sichuan: list[str], word: str
) -> None:
    """gap's table writes 偏低 for 四川's CPI 0.4 % (1-6月) under its 1.5–2.5 % band, and the
    counts 偏离区间 1; `gap --status 偏低`, typed as the table shows it (`--status` takes the
    table's words: 滞后、存在风险), was refused as an unknown status with a list of nine that
    does not say where 偏低 went. Now the refusal says it is a band target's side, whose status
    is behind (missed at the year's end), and what to type."""
    assert invoke(*sichuan, "record", "cpi", "0.4", "-p", "1-6月").exit_code == 0
    table = invoke("--lang", "zh", *sichuan, "gap")
    assert "偏低" in table.output and "偏离区间 1" in table.output
    for option in ("--status", "--fail-on"):
        result = invoke("--lang", "zh", *sichuan, "gap", option, word)
        assert result.exit_code == 2
        assert "不是单独的状态" in result.stderr, result.stderr
        assert f"请用 {option} behind,missed" in result.stderr
        assert "Traceback" not in result.output
    english = invoke("--lang", "en", *sichuan, "gap", "--status", word)
    assert english.exit_code == 2
    assert "not a status of its own" in english.stderr
    assert "use --status behind,missed" in english.stderr


def test_a_band_side_beside_an_unknown_word_is_still_an_unknown_status(
    invoke: Any, sichuan: list[str]
) -> None:
    """Only a filter of band words alone gets the band's message: 偏低,xyz lists the statuses."""
    assert invoke(*sichuan, "record", "cpi", "0.4", "-p", "1-6月").exit_code == 0
    result = invoke("--lang", "zh", *sichuan, "gap", "--status", "偏低,xyz")
    assert result.exit_code == 2
    assert "未知状态 偏低、xyz" in result.stderr
    behind = invoke("--lang", "zh", *sichuan, "gap", "--status", "behind,missed")
    assert behind.exit_code == 0, behind.output
    assert "cpi" in behind.output and "偏低" in behind.output


@pytest.mark.parametrize("option", ["--min", "--around", "--max"])
def test_a_decline_targets_bound_is_never_negative(
    invoke: Any, sichuan: list[str], tmp_path: Path, option: str
) -> None:
    """The national allocation of 四川's 节能 (单位地区生产总值能耗, a pending 下降 target)
    typed as `record` takes a fall (-2.9 for 下降2.9): `amend energy_intensity --min -3` was
    recorded as 下降 ≥ -3 %, under which the walk's year-end 下降2.9 and any rise up to 3 % are
    完成; the plan file refuses min = -3 on a decline target. Now refused, exit 2, the ledger
    as it was."""
    ledger = tmp_path / "sc.progress.toml"
    args = [*sichuan, "amend", "energy_intensity", option, "-3", "--from", "2026-01"]
    if option == "--max":
        args += ["--min", "1"]
    result = invoke("--lang", "zh", *args)
    assert result.exit_code == 2, result.output
    assert f"energy_intensity 是下降类目标：{option} 填的是下降幅度" in result.stderr
    assert f"请写 {option} 3（下降3%），而不是 {option} -3" in result.stderr
    assert not ledger.exists()
    english = invoke("--lang", "en", *args)
    assert f"give {option} 3 (下降3%), not {option} -3" in english.stderr


def test_a_decline_targets_bound_as_the_letter_writes_the_fall(
    invoke: Any, sichuan: list[str]
) -> None:
    """`--min 下降2.5`, as the 国家下达 letter and `record` write a fall, is the fall's size:
    it was refused as not a number (应如 310、5.2、-0.3, pointing at the negative that is
    wrong here). A growth target's 下降1 stays refused: its bound is a signed growth."""
    result = invoke(
        "--lang",
        "zh",
        *sichuan,
        "amend",
        "energy_intensity",
        "--min",
        "下降2.5",
        "--from",
        "2026-01",
    )
    assert result.exit_code == 0, result.output
    assert "下降 ≥ 2.5 %" in result.stderr
    recorded = invoke(*sichuan, "record", "energy_intensity", "下降2.9", "-p", "2026")
    assert recorded.exit_code == 0, recorded.output
    shown = invoke("--lang", "zh", *sichuan, "show", "energy_intensity")
    assert "完成" in shown.output and "下降 ≥ 2.5 %" in shown.output
    gdp = invoke(*sichuan, "amend", "gdp", "--min", "下降1", "--from", "2026-07", "-n")
    assert gdp.exit_code == 2
