"""A path typed on the command line, as every message shows it (session 28, `paths`).

docs/security.md: a path is shown on one line, its line feed as `\\n`. Paths read from files
(a workspace marker) were; a path typed for `--plan`, `--ledger`, `-o`, `import FILE`, `validate
--source` or `ledger convert` reached its `error:` and `wrote …` lines raw, so a file name could
print a line plancli never wrote (`x\\nerror: forged`). Every message now names a path through
`safe.clip_path`. Each test fails on the code before the fix."""

from __future__ import annotations

import ast
import os
import re
import shutil
from pathlib import Path

import pytest

from plancli.safe import PATH_CHARS, clip_path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SEED = REPO.parent / "shared" / "seed" / "000_00f01ebf3f7ca338.txt"
# a line feed that starts a forged line, ESC (a colour), U+202E (right-to-left override)
HOSTILE = "x\nerror: forged\x1b[31m\u202eZ"
SHOWN = "x\\nerror: forged\\x1b[31m\\u202eZ"


def test_clip_path_shows_a_path_on_one_line_with_its_controls_escaped() -> None:
    assert clip_path(Path("/tmp") / f"a{HOSTILE}.toml") == f"/tmp/a{SHOWN}.toml"
    assert clip_path("sur\udcff.csv") == "sur\\udcff.csv"  # a byte that is not UTF-8
    assert clip_path("河南 2026/草案.toml") == "河南 2026/草案.toml"  # Chinese, spaces: as is
    whole = "d/" + "名" * (PATH_CHARS - 2)
    assert clip_path(whole) == whole  # 255 characters: whole
    cut = clip_path("\n" + whole)  # 256: its first 60 characters and its length
    assert cut.startswith("\\n" + "d/") and "256" in cut and "\n" not in cut


def _lines(result) -> list[str]:  # type: ignore[no-untyped-def]
    return (result.stdout + result.stderr).splitlines()


def shown_escaped(result, exit_code: int = 0) -> None:  # type: ignore[no-untyped-def]
    """The path is named, escaped, and no line starts with what its name holds."""
    assert result.exit_code == exit_code, (result.stdout, result.stderr)
    lines = _lines(result)
    assert not [line for line in lines if line.startswith("error: forged")], lines
    # (a table may wrap the name: joined, it is the escaped name)
    assert SHOWN in "".join(line.strip() for line in lines), lines


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "mini.toml"
    shutil.copyfile(FIXTURES / "mini.toml", path)
    return path


# --------------------------------------------------------------- error lines


def test_error_lines_show_a_typed_path_escaped(invoke, tmp_path: Path, plan: Path) -> None:  # type: ignore[no-untyped-def]
    gone = str(tmp_path / f"n{HOSTILE}")
    cases = [
        ["--plan", gone + ".toml", "status"],
        ["--plan", str(plan), "import", gone + ".csv"],
        ["--plan", str(plan), "validate", "--source", gone + ".txt"],
        ["--plan", str(plan), "ledger", "convert", gone + ".toml", str(tmp_path / "c.sqlite")],
        ["--plan", str(plan), "--ledger", gone + ".toml", "report", "-o", str(tmp_path / "r.md")],
        ["extract", gone + ".txt"],
    ]
    for args in cases:
        result = invoke(*args)
        assert result.exit_code != 0, args
        lines = _lines(result)
        assert len(lines) == 1 and lines[0].startswith("error: "), (args, lines)
        assert SHOWN in lines[0], (args, lines)


def test_an_output_that_cannot_be_written_is_named_escaped(
    invoke, tmp_path: Path, plan: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / f"d{HOSTILE}"  # no such folder
    for args in (
        ["extract", str(SEED), "-o", str(folder / "draft.toml")],
        ["--plan", str(plan), "template", "-p", "2022-Q1", str(folder / "t.csv")],
    ):
        result = invoke(*args)
        assert result.exit_code != 0, args
        lines = _lines(result)
        assert lines and all(line.startswith("error: ") for line in lines[:1]), lines
        assert not [line for line in lines if line.startswith("error: forged")], lines
        assert any(SHOWN in line for line in lines), (args, lines)


# --------------------------------------------------------------- success lines


def test_record_and_report_name_a_typed_ledger_and_output_escaped(
    invoke, tmp_path: Path, plan: Path
) -> None:  # type: ignore[no-untyped-def]
    ledger = str(tmp_path / f"l{HOSTILE}.toml")
    args = ["--plan", str(plan), "--ledger", ledger]
    shown_escaped(invoke(*args, "record", "gdp", "7.2", "-p", "2022-Q1"))
    assert Path(ledger).is_file()  # the file keeps its real name
    shown_escaped(invoke(*args, "report", "-o", str(tmp_path / f"r{HOSTILE}.md")))
    assert Path(tmp_path / f"r{HOSTILE}.md").is_file()
    shown_escaped(invoke(*args, "undo", "--yes"))


def test_import_names_a_typed_file_and_ledger_escaped(invoke, tmp_path: Path, plan: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / f"i{HOSTILE}.csv"
    source.write_text("target,period,value\ngdp,2022-Q1,7.1\n", encoding="utf-8")
    ledger = str(tmp_path / f"l{HOSTILE}.toml")
    result = invoke("--plan", str(plan), "--ledger", ledger, "import", str(source))
    shown_escaped(result)
    assert "i" + SHOWN + ".csv" in result.stderr


def test_extract_and_convert_name_typed_files_escaped(invoke, tmp_path: Path, plan: Path) -> None:  # type: ignore[no-untyped-def]
    draft = tmp_path / f"d{HOSTILE}.toml"
    shown_escaped(invoke("extract", str(SEED), "-o", str(draft)))
    assert draft.is_file()
    ledger = str(tmp_path / f"l{HOSTILE}.toml")
    assert (
        invoke(
            "--plan", str(plan), "--ledger", ledger, "record", "gdp", "7.2", "-p", "2022-Q1"
        ).exit_code
        == 0
    )
    copy = str(tmp_path / f"c{HOSTILE}.sqlite")
    shown_escaped(invoke("--plan", str(plan), "ledger", "convert", ledger, copy))
    assert Path(copy).is_file()


def test_status_names_a_typed_plan_escaped(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / f"p{HOSTILE}.toml"
    shutil.copyfile(FIXTURES / "mini.toml", plan)
    result = invoke("--plan", str(plan), "record", "gdp", "7.2", "-p", "2022-Q1")
    shown_escaped(result)
    shown_escaped(invoke("--plan", str(plan), "status"))
    shown_escaped(invoke("--plan", str(plan), "validate"))


# --------------------------------------------------------------- every message


PATH_FIELDS = {"file", "path", "ledger", "folder", "destination", "directory", "output"}
# how a message may fill a path field: the shared function, or workspace.py's quoting of a
# name read from a marker (JSON-quoted and escaped, or clipped)
SHOWN_BY = ("clip_path(", "_shown(")


def _shown_by_clip_path(value: str, source: str) -> bool:
    """`clip_path(x)`, workspace.py's `_shown(x)`, or a name given `clip_path(…)` once in the
    module (`shown = clip_path(path)`, `self.name = clip_path(name)`)."""
    if value.startswith(SHOWN_BY):
        return True
    return re.search(rf"(?<![\w.]){re.escape(value)} = clip_path\(", source) is not None


def test_every_message_names_a_path_through_clip_path() -> None:
    """A new message that fills {file}, {path}, {ledger}, {folder} … with a raw path would
    print a typed line feed raw again: each goes through `safe.clip_path`."""
    raw = []
    for module in sorted((REPO / "src" / "plancli").rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "format":
                continue
            for field in node.keywords:
                value = ast.get_source_segment(source, field.value) or ""
                if field.arg in PATH_FIELDS and not _shown_by_clip_path(value, source):
                    raw.append(f"{module.name}:{field.value.lineno} {field.arg}={value}")
    assert raw == []


# --------------------------------------------------------------- names that are not UTF-8


def test_extract_reads_a_report_whose_name_is_not_utf8(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / os.fsdecode(b"r\xff.txt")
    shutil.copyfile(SEED, report)
    draft = tmp_path / "d.toml"
    result = invoke("extract", str(report), "-o", str(draft))
    # was: exit 2, "report is not UTF-8 text: byte 0xff …; set the terminal or script to UTF-8"
    assert result.exit_code == 0, result.stderr
    assert "drafted 80 targets (7 headline, 66 work, 7 investment)" in result.stderr
    text = draft.read_text(encoding="utf-8")  # the draft is UTF-8: the name shown escaped
    assert text.splitlines()[0].endswith("r\\udcff.txt.")
    compared = invoke("extract", str(report), "--compare", str(REPO / "data" / "plan2022.toml"))
    assert compared.exit_code == 0, compared.stderr
    assert "quotes verbatim: 80/80" in compared.stdout


def test_ledger_convert_reads_and_writes_files_whose_names_are_not_utf8(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, plan: Path
) -> None:
    ledger = tmp_path / os.fsdecode(b"l\xff.toml")
    args = ["--plan", str(plan)]
    assert (
        invoke(*args, "--ledger", str(ledger), "record", "gdp", "7.2", "-p", "2022-Q1").exit_code
        == 0
    )
    copy = tmp_path / os.fsdecode(b"c\xfe.sqlite")
    result = invoke(*args, "ledger", "convert", str(ledger), str(copy))
    # was: exit 2, "FROM is not UTF-8 text: byte 0xff …; set the terminal or script to UTF-8"
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        "l\\udcff.toml (toml) -> " + str(tmp_path) + "/c\\udcfe.sqlite (sqlite)\n"
    )
    back = tmp_path / os.fsdecode(b"b\xff.toml")
    assert invoke(*args, "ledger", "convert", str(copy), str(back)).exit_code == 0
    shown = invoke(*args, "--ledger", str(back), "history", "--json")
    assert shown.exit_code == 0 and '"value": 7.2' in shown.stdout


def test_validate_source_and_compare_read_files_whose_names_are_not_utf8(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    report = tmp_path / os.fsdecode(b"r\xff.txt")
    shutil.copyfile(SEED, report)
    gold = tmp_path / os.fsdecode(b"g\xff.toml")
    shutil.copyfile(REPO / "data" / "plan2022.toml", gold)
    result = invoke("--plan", str(gold), "validate", "--source", str(report))
    assert result.exit_code == 0, result.stderr
    assert "g\\udcff.toml: valid, 80 targets" in result.stdout + result.stderr
    compared = invoke("extract", str(SEED), "--compare", str(gold))
    assert compared.exit_code == 0 and "quotes verbatim: 80/80" in compared.stdout


@pytest.mark.parametrize("how", ["--ledger", "convert"])
def test_a_connection_string_that_is_not_utf8_is_refused_in_one_line(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, plan: Path, how: str
) -> None:
    url = os.fsdecode(b"postgresql://u:pw@localhost/d\xff")
    if how == "--ledger":
        result = invoke("--plan", str(plan), "--ledger", url, "status")
    else:
        ledger = str(tmp_path / "l.toml")
        assert (
            invoke(
                "--plan", str(plan), "--ledger", ledger, "record", "gdp", "7", "-p", "2022-Q1"
            ).exit_code
            == 0
        )
        result = invoke("--plan", str(plan), "ledger", "convert", ledger, url)
    # was: exit 70, "internal error: UnicodeEncodeError … surrogates not allowed"
    assert result.exit_code == 2, result.stderr
    assert result.stderr == (
        "error: postgresql://u:***@localhost/d\\udcff is not UTF-8 text: byte 0xff at "
        "character 30; set the terminal or script to UTF-8\n"
    )
