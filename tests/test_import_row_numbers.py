"""A CSV row is numbered as Excel shows it, also after a cell with line breaks (a 备注 typed
with Alt+Enter, which Excel writes as a quoted cell over several lines): the error named the
row's last line, so the analyst was sent to another row (GDP's row 2 was reported as 3, the
unemployment row 4 as 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROWS = [
    "指标,期间,累计增长,累计值,来源,备注",
    '地区生产总值,2022年上半年,5.2,abc,区统计局,"初步核算\n待市局反馈"',
    '新建5G基站,2022年6月,,150,区工信局,"第一行\n第二行\n第三行"',
    "城镇登记失业率,2022年6月,四点二,,区人社局,",
]
PLAIN = [
    "target,period,value,note",
    'gdp,2022-Q2,5.2,"初步核算\n待市局反馈"',
    'new_5g_base_stations,2022-06,150,"第一行\n第二行\n第三行"',
    "unemployment_rate,2022-06,x4.2,",
]


@pytest.mark.parametrize("rows", [ROWS, PLAIN], ids=["bulletin", "plain"])
def test_errors_name_the_row_excel_shows(invoke, tmp_path: Path, rows: list[str]) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "多行备注.csv"
    sheet.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    result = invoke("--plan", "guandu-2022", "import", str(sheet), "--dry-run")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()[1:]
    assert [line.split(": ", 1)[0] for line in lines] == (
        [f"{sheet}:2", f"{sheet}:4"] if rows is ROWS else [f"{sheet}:4"]
    )


def test_a_good_rows_number_is_excels_too(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "ok.csv"
    good = [*PLAIN[:3], "unemployment_rate,2022-06,4.2,"]
    sheet.write_bytes(("\r\n".join(good) + "\r\n").encode("utf-8"))
    result = invoke("--plan", "guandu-2022", "import", str(sheet), "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)["records"]
    assert [(r["target"], r["row"]) for r in records] == [
        ("gdp", 2),
        ("new_5g_base_stations", 3),
        ("unemployment_rate", 4),
    ]
    assert records[0]["note"] == "初步核算\n待市局反馈"
