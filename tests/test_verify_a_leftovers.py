"""Verify A's small leftovers (session 27): a floor's trend glued to a work target's name, the
next step `init` hinted while PLANCLI_PLAN wins over the workspace, and a UTF-16 file cut
short called "neither UTF-8 nor GB18030"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CORPUS

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


@needs_corpus
def test_a_floors_trend_is_not_part_of_the_name() -> None:
    """Before: 浙江 w5_t08 `核电等重大项目参股比例并逐步提升` (…参股比例不低于10%并逐步提升:
    不低于 cut out of the middle, the trend glued on)."""
    from plancli.extract import extract_plan

    text = (CORPUS / "浙江省.txt").read_text(encoding="utf-8")
    target = next(t for t in extract_plan(text).plan["targets"] if "参股比例" in t["quote"])
    assert target["name"] == "核电等重大项目参股比例"
    assert target["min"] == 10 and "不低于10%并逐步提升" in target["quote"]


def test_init_hints_no_next_step_plancli_plan_would_take_over(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: right after warning that PLANCLI_PLAN wins over the workspace's plan, init ended
    `progress will be recorded in g/plan2022.progress.toml` and `next: cd g && plancli targets`
    (a step that then used PLANCLI_PLAN's plan, or failed)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANCLI_PLAN", str(tmp_path / "plan.toml"))
    done = invoke("--plan", "guandu-2022", "init", "g")
    assert done.exit_code == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[-2] == (
        "progress will be recorded in g/plan2022.progress.toml once PLANCLI_PLAN is unset"
    )
    assert lines[-1] == "next: unset PLANCLI_PLAN && cd g && plancli targets"
    monkeypatch.delenv("PLANCLI_PLAN")
    plain = invoke("--plan", "guandu-2022", "init", "h").stderr.splitlines()
    assert plain[-2:] == [
        "progress will be recorded in h/plan2022.progress.toml",
        "next: cd h && plancli targets",
    ]


@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"])
def test_a_utf16_file_cut_short_is_called_utf16(
    tmp_path: Path, isolated_cli: Any, bom: bytes
) -> None:
    """Before: an odd number of bytes after a UTF-16 mark: `… is neither UTF-8 nor GB18030 text
    (byte 0 is not UTF-8)` (validate --source), or `a binary file` (extract)."""
    codec = "utf-16-le" if bom == b"\xff\xfe" else "utf-16-be"
    data = bom + ("地区生产总值增长5%左右。" * 40).encode(codec) + b"\x00"
    (tmp_path / "r.txt").write_bytes(data)
    with isolated_cli() as invoke:
        extracted = invoke("extract", str(tmp_path / "r.txt"))
        checked = invoke("--plan", "guandu-2022", "validate", "--source", str(tmp_path / "r.txt"))
    for done in (extracted, checked):
        assert done.exit_code == 2, done.output
        assert "opens with a UTF-16 byte-order mark but is not UTF-16 text" in done.output
        assert f"of {len(data)}: cut short?" in done.output
        assert "GB18030" not in done.output and "binary" not in done.output
