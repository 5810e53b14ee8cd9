"""Audit S D7: a file of bad rows holds the rows reported, not every row. Rows naming no target
of the plan were kept to the end (300,000 of them took 205 MB; docs/security-input.md promises
"bad rows kept to report: first 1,000, the rest counted"); past the first 1,000 they are now
counted as they are read. The messages are the same: the count, the first rows, the hint."""

from __future__ import annotations

import io
from pathlib import Path

from hostile import Sheet, workbook
from plancli.imports import Problems, read_import
from plancli.read_notes import ReadNotes

ROWS = Problems.KEEP + 200


def _csv(unknown: int, known: int = 0) -> bytes:
    lines = ["target,period,value"]
    lines += [f"规上工业增加值{n},2022-06,5" for n in range(unknown)]
    lines += ["gdp,2022-06,5.2"] * known
    return ("\n".join(lines) + "\n").encode()


def test_rows_naming_no_target_past_the_first_thousand_are_counted_not_kept() -> None:
    for name, data in (
        ("in.csv", _csv(ROWS, known=1)),
        (
            "in.xlsx",
            workbook(
                Sheet()
                .row(1, "target", "period", "value")
                .row(2, "gdp", "2022-06", 5.2)
                .rows_of([(f"规上工业增加值{n}", "2022-06", 5) for n in range(ROWS)], first=3)
            ),
        ),
    ):
        notes = ReadNotes()
        notes.no_target = lambda text: text.startswith("规上")
        _name, rows, _problems = read_import(io.BytesIO(data), name, notes=notes)
        assert len(rows) == Problems.KEEP + 1, name  # the known row, and the first 1,000
        assert notes.dropped == 200, name


def test_the_refusal_counts_every_row_and_the_hint_every_unknown_one(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(_csv(ROWS))
    result = invoke("--plan", str(mini_plan), "import", str(path), "--dry-run")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path}: 1,200 bad rows; nothing was imported"
    assert lines[1].startswith(f"{path}:2: unknown target '规上工业增加值0'")
    assert lines[21] == "… and 1,180 more"
    assert lines[-1].startswith("hint: 1,200 of these rows name no target of plan mini-2022")


def test_skip_unknown_counts_every_row_it_skips(
    invoke,  # type: ignore[no-untyped-def]
    mini_plan: Path,
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(_csv(ROWS, known=1))
    result = invoke("--plan", str(mini_plan), "import", str(path), "--dry-run", "--skip-unknown")
    assert result.exit_code == 0, result.output
    assert f"{path}: 1,200 rows naming no target of plan mini-2022 skipped" in result.stderr
    assert "… and 1,180 more (import --json lists them all)" in result.stderr
