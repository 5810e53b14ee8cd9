"""河南's 粮食产量1300亿斤以上、力争比去年实现更多增长 (`stretch = 1350.97`, last year's figure,
`stretch_exclusive`) in the terminal: `show`, `status`, `gap` and `targets` wrote
`争取 > 1350.97` (`status` and `gap` in Chinese even `争取1350.97`, which 1350.97 itself does
not meet), while the report's tables say `力争高于上年1350.97亿斤` / `aim: above last year's
1350.97 亿斤`. One wording now, `fmt.bound_text`'s, as the tables' (session 26; docs/forms.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ZH = "力争高于上年1350.97"
EN = "aim: above last year's 1350.97"


def _flat(text: str) -> str:
    """A table's cell broken over lines, read as one line."""
    return " ".join(text.split())


@pytest.mark.parametrize(("lang", "words"), [("zh", ZH), ("en", EN)])
def test_the_terminal_says_the_aim_as_the_tables_do(
    invoke, tmp_path: Path, lang: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    base = ("--lang", lang, "--plan", "henan-2026", "--ledger", str(tmp_path / "hn.toml"))
    assert invoke(*base, "record", "grain_output", "1340", "--period", "2026").exit_code == 0
    for command in (("show", "grain_output"), ("status",), ("gap",), ("targets",)):
        out = invoke(*base, *command)
        assert out.exit_code == 0, out.stderr
        flat = _flat(out.stdout).replace(" ", "")
        # (the targets table breaks the English cell beside the name's lines: each piece)
        assert all(piece in flat for piece in words.split(" ")), command
        assert "争取>1350.97" not in flat and "争取1350.97" not in flat, command
        assert "aim>1350.97" not in flat, command
    report = invoke(*base, "report", "--format", "md").stdout
    assert words in report  # the tables, as before


def test_a_stretch_not_last_years_keeps_more_than_it(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A stretch to pass that is not the baseline's value (1360): `> 1360`, in Chinese too (the
    Chinese `status` and `gap` dropped the `>`: `争取1360亿斤`, met at 1360)."""
    plan = (Path(__file__).resolve().parents[1] / "data" / "2026" / "henan.toml").read_text(
        encoding="utf-8"
    )
    other = plan.replace("stretch = 1350.97", "stretch = 1360", 1)
    assert other != plan
    (tmp_path / "hn.toml").write_text(other, encoding="utf-8")
    base = ("--plan", str(tmp_path / "hn.toml"), "--ledger", str(tmp_path / "l.toml"))
    assert invoke(*base, "record", "grain_output", "1340", "--period", "2026").exit_code == 0
    for lang, words in (("zh", "争取>1360"), ("en", "aim>1360")):
        for command in (("status",), ("gap",), ("show", "grain_output")):
            out = invoke("--lang", lang, *base, *command)
            assert words in _flat(out.stdout).replace(" ", ""), (lang, command)
    row = next(
        t
        for t in json.loads(invoke(*base, "gap", "--json").stdout)["targets"]
        if t["id"] == "grain_output"
    )
    assert (row["stretch_exceeds"], row["bound"]) == ("figure", "≥ 1300 亿斤 (aim > 1360 亿斤)")


def test_gap_json_says_the_stretch_is_last_years(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base = ("--plan", "henan-2026", "--ledger", str(tmp_path / "hn.toml"))
    assert invoke(*base, "record", "grain_output", "1351", "--period", "2026").exit_code == 0
    rows = json.loads(invoke(*base, "gap", "--json").stdout)["targets"]
    grain = next(t for t in rows if t["id"] == "grain_output")
    assert grain["stretch_exceeds"] == "last_year"
    assert grain["bound"] == "≥ 1300 亿斤 (aim: above last year's 1350.97 亿斤)"
    assert all(t["stretch_exceeds"] is None for t in rows if t["id"] != "grain_output")
