"""Audit 23: what `extract` reads and writes (a report's controls and invisible characters),
and `--compare`'s plan (a bundled id, a missing file) and table (escaped, in Chinese)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from plancli.safe import CONTROLS
from test_extract_cli import SMALL

# The audit's report (auditS D3): an OSC title sequence, a bidi override, the 8-bit CSI, a
# zero-width space inside a target's sentence.
HOSTILE = (
    "官渡区2022年政府工作报告\n\n2022年主要预期目标是：地区生产总值增长7%以上；"
    "\x1b]0;PWNED\x07新建5G基站\u202e310个；城镇新增就业\x9b2J1.2万人；"
    "引进\u200b市外到位资金125亿元；民营经济增加值增长8%；项目开工20个。\n"
)
RAW = {chr(code) for code in CONTROLS} - {"\n"}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def _raw(text: str) -> set[str]:
    return {ch for ch in text if ch in RAW}


# ------------------------------------------------------------------ reading the report


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("\x1b]0;PWNED\x07新建5G基站", "新建5G基站"),  # OSC with its payload, to BEL
        ("\x1b]8;;http://x\x1b\\链接", "链接"),  # OSC 8 to ST
        ("就业\x9b2J1.2万人", "就业1.2万人"),  # 8-bit CSI with its parameters
        ("红\x1b[31m色\x1b[0m", "红色"),  # 7-bit CSI
        ("引进\u200b市外\u202e资金\ufeff", "引进市外资金"),  # zero-width, bidi, BOM
        ("重置\x1bc终端\x07\x00", "重置终端"),  # ESC with one character, BEL, NUL
        ("一\u2028二\x0b三\x85四", "一\n二\n三\n四"),  # line breaks written as controls
        ("表\t格\r\n页\f末", "表\t格\r\n页\f末"),  # the text's own: kept
        ("\x9d未终止的串", "未终止的串"),  # an unterminated string: its opener dropped
    ],
)
def test_readable_drops_what_no_reader_sees(text: str, read: str) -> None:
    from plancli.safe import readable

    assert readable(text) == read
    assert readable(read) == read


def test_extract_writes_no_control_character_in_the_draft(  # type: ignore[no-untyped-def]
    invoke, hostile: Path, tmp_path: Path
) -> None:
    """auditS D3: the draft carried U+202E, U+009B and U+200B raw (stdout and -o), and the
    OSC payload PWNED with its BEL in a target's name."""
    shown = invoke("extract", str(hostile))
    assert shown.exit_code == 0, shown.stderr
    assert _raw(shown.stdout) == set()
    assert "PWNED" not in shown.stdout and "\\u0007" not in shown.stdout
    quotes = [t["quote"] for t in tomllib.loads(shown.stdout)["targets"]]
    assert "新建5G基站310个" in quotes and "引进市外到位资金125亿元" in quotes
    assert "15 characters no reader sees dropped" in shown.stderr
    written = tmp_path / "draft.toml"
    assert invoke("extract", str(hostile), "-o", str(written)).exit_code == 0
    assert _raw(written.read_text(encoding="utf-8")) == set()
    # the quotes are substrings of what validate --source reads of the same report
    checked = invoke("--plan", str(written), "validate", "--source", str(hostile))
    assert checked.exit_code == 0, checked.stderr
    assert "quote not found" not in checked.stderr


def test_validate_source_reads_the_report_as_extract_does(  # type: ignore[no-untyped-def]
    invoke, hostile: Path, tmp_path: Path
) -> None:
    """A quote as extract drafts it (without the zero-width space inside 引进市外到位资金) is
    found in the report validate --source reads: both read it as a reader sees it."""
    from plancli.safe import readable

    clean = tmp_path / "clean.txt"
    clean.write_text(readable(HOSTILE), encoding="utf-8")
    draft = tmp_path / "draft.toml"
    assert invoke("extract", str(clean), "-o", str(draft)).exit_code == 0
    checked = invoke("--plan", str(draft), "validate", "--source", str(hostile))
    assert checked.exit_code == 0, checked.stderr
    assert "quote not found" not in checked.stderr


def test_the_draft_escapes_what_reaches_it_from_elsewhere() -> None:
    """The TOML written escapes C1 and format characters as TOML reads them back."""
    from plancli.safe import toml_text

    document = 'name = "a\u202eb\x9bc\U000e0041"\n# from x\n'
    safe = toml_text(document)
    assert _raw(safe) == set() and "\U000e0041" not in safe
    assert tomllib.loads(safe) == tomllib.loads(document)


# ------------------------------------------------------------------ --compare


def _gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.toml"
    gold.write_text(
        '[plan]\nid = "g"\nname = "g"\nyear = 2022\n'
        '[[targets]]\nid = "x\\u202ey"\nname = "n"\nsection = "headline"\nkind = "growth"\n'
        'min = 9\nquote = "不在报告里\\u0007\\u009b2J"\n',
        encoding="utf-8",
    )
    return gold


def test_compare_shows_the_plans_strings_escaped(  # type: ignore[no-untyped-def]
    invoke, hostile: Path, tmp_path: Path
) -> None:
    """auditS D3: the score table printed quotes raw, a BEL among them."""
    result = invoke("extract", str(hostile), "--compare", str(_gold(tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert _raw(result.stdout) == set()
    assert "missed   x\\u202ey (headline): 不在报告里\\x07\\x9b2J" in result.stdout
    as_json = invoke("extract", str(hostile), "--compare", str(_gold(tmp_path)), "--json")
    assert _raw(as_json.stdout) == set()


def test_compare_takes_a_bundled_plan_as_plan_does(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """auditP D4: `--compare sichuan-2026` was refused ("cannot read"), and a missing file
    exited 3 (an invalid plan) where `--plan nosuch.toml` exits 2."""
    report = tmp_path / "report.txt"
    report.write_text(SMALL, encoding="utf-8")
    bundled = invoke("extract", str(report), "--compare", "zhejiang-2026")
    assert bundled.exit_code == 0, bundled.stderr
    assert bundled.stdout.startswith("targets ")
    missing = invoke("extract", str(report), "--compare", str(tmp_path / "nosuch.toml"))
    assert missing.exit_code == 2
    assert missing.stderr.endswith(
        f"error: --compare {tmp_path / 'nosuch.toml'}: no such file and no bundled plan of "
        "that id (17 are bundled: `plancli plans` lists them)\n"
    )


def test_compare_speaks_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """auditP D4: the table, its `not judged` line and `quotes verbatim` stayed English."""
    report = tmp_path / "report.txt"
    report.write_text(SMALL, encoding="utf-8")
    result = invoke("--lang", "zh", "extract", str(report), "--compare", "zhejiang-2026")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["目标", "计划", "草稿", "匹配", "召回率", "精确率", "完全一致"]
    assert lines[1].split()[0] == "主要预期目标"
    assert "工作目标：起草 1 个，对照的计划中没有：不评分" in lines
    assert any(line.startswith("引文逐字一致：") for line in lines)
    assert not any(word in result.stdout for word in ("targets", "drafted", "verbatim"))
