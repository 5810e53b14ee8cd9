"""Session 23's audits S and P: a footnote mark glued to a figure (S D0), long names echoed
whole (S D4), a bulletin's names of 节能/降碳 (P D2), a rate under 当月 (P D3), a fall typed
as a rise for a 下降 target (P D9)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return tmp_path / "plan2022.progress.toml"


def _import(invoke, ledger: Path, path: Path, *args: str):  # type: ignore[no-untyped-def]
    return invoke("--ledger", str(ledger), "import", str(path), "--lang", "en", *args)


# ------------------------------------------------ S D4: a long name is echoed cut short


def test_a_long_sheet_name_is_cut_in_the_prefix_and_the_hint(
    invoke, ledger: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A cover sheet named 封×5,000 made a 15,738-byte error line: the name whole as the
    FILE:SHEET prefix and the other sheet's 300 characters whole in the --sheet hint."""
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    assert cover is not None
    with warnings.catch_warnings():  # openpyxl warns of a title past Excel's 31 characters
        warnings.simplefilter("ignore")
        cover.title = "封" * 5000
        cover["A1"] = "封面"
        sheet = book.create_sheet("D" * 300)
    sheet.append(["指标", "期间", "累计增长（%）"])
    sheet.append(["地区生产总值", "2022年6月", 5.2])
    path = tmp_path / "cover_long.xlsx"
    book.save(path)
    result = _import(invoke, ledger, path, "--dry-run")
    assert result.exit_code == 2
    assert len(result.stderr.encode()) < 1000, len(result.stderr.encode())
    assert result.stderr.startswith(f"error: {path}:{'封' * 60}…(5,000 characters): no header")
    assert result.stderr.endswith(f"e.g. --sheet '{'D' * 60}'…(300 characters)\n")
    assert "封" * 61 not in result.stderr and "D" * 61 not in result.stderr


def test_a_skipped_rows_long_name_is_cut(invoke, ledger: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`skipped:` printed the whole cell (3,637 bytes for 1,200 characters), where the same
    row's refusal without --skip-unknown cut it at 60."""
    path = tmp_path / "skip.csv"
    name = "产值" * 600
    path.write_text(f"指标,期间,累计值\n{name},2022年6月,1\n新增城镇就业,2022年6月,1.1\n")
    result = _import(invoke, ledger, path, "--skip-unknown")
    assert result.exit_code == 0, result.output
    assert f"skipped: {path}:2: {name[:60]}…(1,200 characters)\n" in result.stderr
    assert name[:61] not in result.stderr


def test_a_long_owner_is_cut_in_a_refusal() -> None:
    """A plan `owner` of 5,000 characters was printed whole in every refused write."""
    from plancli.stores.postgres.refusals import refusal

    owner = "局" * 5000
    message = str(refusal(("grade_a_office_space", owner, 1, "统计局", "alice"), "p"))
    assert f"grade_a_office_space is owned by {'局' * 60}…(5,000 characters) (牵头单位)" in message
    assert len(message) < 300, len(message)
