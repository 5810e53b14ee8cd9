"""`history` of a shared ledger at 80 columns left out `recorded by` (录入人), though
docs/recording.md said it is kept there (audit V D4): with a 31-character id
(high_tech_enterprises_certified) and an amount column, the table with the writer and the
batch is 81 wide. Since session 30 a wider terminal never shows fewer columns than the cards
of a narrower one: at 80 columns each record is a card that keeps the writer, the batch
(test_undo_batch: `undo --batch` takes it) and the time recorded; the page says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

REPO = Path(__file__).resolve().parents[1]


def test_history_at_80_columns_keeps_the_writer_with_a_long_id_and_an_amount(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ledger = tmp_path / "bureau.progress.toml"
    run = ("--plan", "guandu-2022", "--ledger", str(ledger))
    for args in (
        ("high_tech_enterprises_certified", "40"),
        ("gdp", "6.2", "--amount", "123.4"),
        ("new_parking_spaces", "1300", "--note", "区住建局报送"),
        ("little_giant_enterprises", "3", "--source", "区工信局"),
    ):
        assert invoke(*run, "record", *args, "-p", "2022-Q3").exit_code == 0
    # as a database ledger converted to TOML keeps them: each record's writer
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace('\nbatch = "', '\nrecorded_by = "bureau"\nbatch = "'), "utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    result = invoke(*run, "history")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "period" in line)
    assert "batch" in header and "recorded by" in header, result.stdout
    # the time recorded: its year under the header's word (session 31: `12-03 11:31` in each
    # row, five cells narrower than `2026-12-03 11:31`); since session 33 the cards' headers
    # are bottom-aligned as a table's, `recorded` over `2026 (UTC)` on the headers' line
    assert " (UTC)" in header, result.stdout
    above = lines[lines.index(header) - 1]
    assert above.split() == ["target", "amount", "recorded"], result.stdout
    at = cell_len(header[: header.index("2026 (UTC)")])  # (亿元: two cells a character)
    assert above.index("recorded") == at, result.stdout
    # a card a record: the id on its own line, the writer on the line under it
    at = lines.index(" *  high_tech_enterprises_certified")
    assert lines[at + 1].split()[:3] == ["2022-Q3", "40", "户"] and "bureau" in lines[at + 1]
    assert sum("2022-Q3" in line and " bureau " in line for line in lines) == 4
    assert max(map(len, lines)) <= 80
    monkeypatch.setenv("COLUMNS", "90")
    wider = invoke(*run, "history").stdout
    header = next(line for line in wider.splitlines() if "period" in line)
    assert "recorded by" in header and "batch" in header, wider
    page = " ".join((REPO / "docs" / "recording.md").read_text(encoding="utf-8").split())
    assert "a shared ledger's writer: kept at 80 columns" not in page  # the claim of audit V D4
    assert (
        "with a 31-character id (`high_tech_enterprises_certified`) and an amount is cards that"
        " keep the writer" in page
    )
