"""undo's question answered in the interface's language.

Session 35's walk: an analyst working in Chinese recorded 陕西's 城镇新增就业 (23.6 万人, 1-6月),
ran `plancli undo` in a terminal and answered the question 撤销批次 … 的 1 条记录？ [y/N] with 是:
Click's confirm printed `Error: invalid input` in English and asked again, never saying what to
type. 是 and 否 are answers now, and anything else is met, in Chinese, with what to type.
"""

from decimal import Decimal
from pathlib import Path

import pytest

from ledgers import read_records
from plancli.cli.ask import answer_of


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("y", True),
        ("Yes", True),
        ("ｙ", True),  # full-width, as a Chinese input method types it
        ("是", True),
        ("是。", True),
        (" 确定 ", True),
        ("n", False),
        ("否", False),
        ("不", False),
        ("", False),  # Enter: the default, no
        ("嗯", None),
        ("撤销吧", None),
    ],
)
def test_an_answer_is_read_in_either_language(typed: str, answer: bool | None) -> None:
    assert answer_of(typed) is answer


@pytest.fixture
def undo_in_a_terminal(invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Record new_urban_jobs 23.6 (万人, 2026-06) in 陕西's bundled plan, then run undo as
    though stdin were a terminal, answering with `typed`."""
    from plancli.cli import ledger_cmds

    monkeypatch.setattr(ledger_cmds, "_interactive", lambda: True)
    ledger = tmp_path / "shaanxi.progress.toml"
    where = ["--plan", "shaanxi-2026", "--ledger", str(ledger)]
    made = invoke(*where, "record", "new_urban_jobs", "23.6", "--period", "2026-06")
    assert made.exit_code == 0, made.stderr

    def answer(typed: str, lang: str = "zh"):  # type: ignore[no-untyped-def]
        return invoke("--lang", lang, *where, "undo", input=typed), read_records(ledger)

    return answer


def test_shi_reverts_and_fou_keeps(undo_in_a_terminal) -> None:  # type: ignore[no-untyped-def]
    kept, records = undo_in_a_terminal("否\n")
    assert kept.exit_code == 0, kept.stderr
    assert "未撤销任何内容" in kept.stderr
    assert [(r.target, r.value) for r in records] == [("new_urban_jobs", Decimal("23.6"))]
    reverted, records = undo_in_a_terminal("是\n")
    assert reverted.exit_code == 0, reverted.stderr
    assert "[y/N]" in reverted.stderr and "Error" not in reverted.stderr
    assert "已撤销" in reverted.stderr and records == []


def test_an_unclear_answer_is_asked_again_in_chinese(undo_in_a_terminal) -> None:  # type: ignore[no-untyped-def]
    result, records = undo_in_a_terminal("嗯\n是\n")
    assert result.exit_code == 0, result.stderr
    assert "Error: invalid input" not in result.stderr
    assert "请回答 y（是）或 n（否）；也可输入“是”或“否”" in result.stderr
    assert result.stderr.count("[y/N]") == 2 and records == []


def test_english_asks_again_in_english(undo_in_a_terminal) -> None:  # type: ignore[no-untyped-def]
    result, records = undo_in_a_terminal("maybe\n", lang="en")
    assert result.exit_code == 2  # end of input after the unclear answer: nothing reverted
    assert "please answer y (yes) or n (no)" in result.stderr
    assert "no answer; nothing reverted" in result.stderr
    assert [r.value for r in records] == [Decimal("23.6")]
