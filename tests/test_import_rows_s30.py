"""Session 30 `rows`: an import's bad rows as the walk's analyst met them (REPORT F5, F6, F9,
F10, F11 of /tmp/s30/walk): each names the target, the cause and the way on."""

from __future__ import annotations

from pathlib import Path

import pytest

BAD_ROWS = (
    "指标,期间,数值\nretail_sales,2022-06,六点五\ngdp,2022-Q2,5.2\nbudget_revenue,2022-13,3\n"
)


@pytest.mark.parametrize("options", [(), ("--dry-run",)])  # import_stream, check_import
def test_a_bad_row_names_its_target(invoke, tmp_path: Path, options: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """F5: `t6-gbk.csv:8：数值 '六点五' 不是数字` named no target: the analyst counted rows."""
    path, ledger = tmp_path / "t6-gbk.csv", tmp_path / "plan2022.progress.toml"
    path.write_bytes(BAD_ROWS.encode("gbk"))
    zh = invoke("--ledger", str(ledger), "--lang", "zh", "import", str(path), *options)
    assert zh.exit_code == 2, zh.output
    assert zh.stderr.splitlines()[1:] == [
        f"{path}:2：目标 retail_sales：'数值' '六点五' 不是数字（应如 310、5.2、-0.3）",
        f"{path}:4：目标 budget_revenue：期间 '2022-13' 格式不对：请写成 YYYY-MM、YYYY-Qn、"
        "YYYY-Hn 或 YYYY，如 2022-06、2022-Q2、2022-H1、2022",
    ]
    en = invoke("--ledger", str(ledger), "--lang", "en", "import", str(path), *options)
    assert en.stderr.splitlines()[1] == (
        f"{path}:2: target retail_sales: '数值' '六点五' is not a number (e.g. 310, 5.2, -0.3)"
    )
    assert not ledger.exists()


def test_a_message_naming_its_target_is_not_given_it_twice(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, ledger = tmp_path / "a.csv", tmp_path / "plan2022.progress.toml"
    path.write_text(
        "target,period,value,amount\nnew_5g_base_stations,2022-06,120,3\n"
        "retail_sale,2022-06,6.5,\n",
        encoding="utf-8",
    )
    result = invoke("--ledger", str(ledger), "import", str(path))
    assert result.stderr.splitlines()[1:3] == [
        f"{path}:2: new_5g_base_stations is a cumulative target and has no amount; --amount is "
        "for growth targets (the year-to-date amount beside the growth %)",
        f"{path}:3: unknown target 'retail_sale' in plan guandu-2022; did you mean retail_sales?",
    ]
    assert not ledger.exists()
