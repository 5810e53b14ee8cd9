"""Every error an analyst meets is Chinese under the Chinese interface (session 28 audit): the
common mistakes (a GBK or UTF-16 file, a BOM, 2022Q5, 5.2%, an unknown target, a duplicate
row, a missing ledger, a plan missing a field, a bad TOML line, a JSON typo, a damaged .docx,
an unreachable database) are run under `--lang zh`, and stderr may hold no English word but
the ones the user wrote (ids, keys, file names) and the names of formats. Before, Python's
JSON reasons (`Expecting value`), tomli's (`Expected ']]' at the end of an array
declaration`), pydantic's (`Input should be a valid datetime or date`, `…less than or equal to
2200`), zipfile's (`File is not a zip file`), libpq's (`Connection refused`) and a typed byte
that is not UTF-8 (`--note is not UTF-8 text`) reached the user in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plancli.i18n import set_language

MINI = Path(__file__).parent / "fixtures" / "mini.toml"

# Names a Chinese analyst reads as they are: formats, encodings, products, the program.
ALLOWED = {
    "UTF",
    "CSV",
    "JSON",
    "TOML",
    "GB18030",
    "GBK",
    "Big5",
    "Excel",
    "Windows",
    "Word",
    "SQLite",
    "PostgreSQL",
    "YYYY",
    "plancli",
    "xlsx",
    "docx",
    "Unicode",
    "ANSI",
    "true",
    "false",
    "null",
    "help",
}
# What the user types: the commands, and the values a plan's `kind` takes.
ALLOWED |= {
    *["status", "gap", "show", "report", "record", "import", "amend", "template", "history"],
    *["undo", "targets", "plans", "validate", "schema", "init", "extract", "ledger", "all"],
    *["completion", "growth", "level", "cumulative", "milestone", "relative", "change"],
    *["trend", "indicator", "ongoing"],
}
# a word, not letters inside an id or a batch's hex (`…-7badb8` is no English "badb")
_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z_]{3,}(?![A-Za-z0-9])")
_BATCH = re.compile(r"[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}")


def english_words(stderr: str, *typed: str) -> set[str]:
    """English words of `stderr` not written by the user (`typed`: arguments, file contents,
    paths) nor in ALLOWED; an option (`--skip-unknown`) is a name the user types."""
    said = re.sub(r"--[a-z][a-z-]*|[A-Za-z0-9_.~-]*[/.][A-Za-z0-9_./~-]+", " ", stderr)
    said = _BATCH.sub(" ", said)  # a batch id's random hex may be all letters (`…Z-faafba`)
    own = {word for text in (*typed, MINI.read_text("utf-8")) for word in _WORD.findall(text)}
    return {word for word in _WORD.findall(said) if word not in ALLOWED | own}


def _plan_text(old: str, new: str) -> str:
    text = MINI.read_text("utf-8")
    assert old in text
    return text.replace(old, new, 1)


_HEADER = "target,period,value\n"

# (case, file name, its bytes, the exit code)
CASES = [
    ("GBK CSV", "gbk.csv", "target,period,value,note\ngdp,2022-Q2,5.2,二季度\n".encode("gbk"), 0),
    ("UTF-16 CSV", "u16.csv", (_HEADER + "gdp,2022-Q2,5.2\n").encode("utf-16"), 2),
    ("BOM", "bom.csv", (_HEADER + "gdp,2022-Q2,5.2\n").encode("utf-8-sig"), 0),
    ("2022Q5", "q5.csv", (_HEADER + "gdp,2022Q5,5.2\n").encode(), 2),
    ("unknown target", "unk.csv", (_HEADER + "gdpx,2022-Q2,5.2\n").encode(), 2),
    ("5.2%", "pct.csv", (_HEADER + "gdp,2022-Q2,5.2%\n").encode(), 0),
    ("duplicate row", "dup.csv", (_HEADER + "gdp,2022-Q2,5.2\ngdp,2022-Q2,5.3\n").encode(), 2),
    ("JSON: a key unquoted", "a.json", b'[{"target":"gdp",}]', 2),
    ("JSON: no value", "b.json", b'[{"target":"gdp","period":"2022-Q2","value":}]', 2),
    ("JSON: extra data", "c.json", b'[{"target":"gdp","period":"2022-Q2","value":1}] x', 2),
    ("JSON Lines: extra data", "d.jsonl", b'{"target":"gdp","period":"2022-Q2","value":1} x\n', 2),
    ("not a workbook", "e.xlsx", b"PK\x03\x04" + bytes(100), 2),
]


@pytest.mark.parametrize(("case", "name", "data", "code"), CASES, ids=[c[0] for c in CASES])
def test_an_import_says_it_in_chinese(
    invoke, tmp_path: Path, case: str, name: str, data: bytes, code: int
) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "mini.toml"
    plan.write_text(MINI.read_text("utf-8"), "utf-8")
    figures = tmp_path / name
    figures.write_bytes(data)
    result = invoke("--plan", str(plan), "--lang", "zh", "import", str(figures))
    assert result.exit_code == code, result.stderr
    stderr = result.stderr.replace(str(tmp_path), "")
    assert stderr.strip()
    assert english_words(stderr, name, data.decode("utf-8", "replace")) == set(), stderr


LEDGERS = [
    ("TOML: a table array unclosed", "version = 1\n[[records\n"),
    ("TOML: a table unclosed", "version = 1\n[records\n"),
    ("TOML: a backslash", 'version = 1\n[[records]]\nnote = "C:\\dir"\n'),
    (
        "a time that is none",
        "version = 1\n[[records]]\ntarget = 'gdp'\nperiod = '2022-Q2'\nvalue = 1\n"
        "recorded_at = 'yesterday'\nbatch = 'b'\n",
    ),
    (
        "a value that is text",
        "version = 1\n[[records]]\ntarget = 'gdp'\nperiod = '2022-Q2'\nvalue = 'abc'\n"
        "recorded_at = 2022-07-01T00:00:00Z\nbatch = 'b'\n",
    ),
    ("GBK", "version = 1\n# 二季度\n"),
]


@pytest.mark.parametrize(("case", "text"), LEDGERS, ids=[c[0] for c in LEDGERS])
def test_a_ledger_error_says_it_in_chinese(invoke, tmp_path: Path, case: str, text: str) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "mini.toml"
    plan.write_text(MINI.read_text("utf-8"), "utf-8")
    ledger = tmp_path / "mini.progress.toml"
    ledger.write_bytes(text.encode("gbk" if case == "GBK" else "utf-8"))
    result = invoke("--plan", str(plan), "--lang", "zh", "gap")
    assert result.exit_code == 3, result.stderr
    stderr = result.stderr.replace(str(tmp_path), "")
    assert english_words(stderr, text, "records recorded_at") == set(), stderr


PLANS = [
    ("GBK", None),
    ("a field missing", ('name = "测试计划"\n', "")),
    ("a bad TOML line", ("year = 2022", "year = 2022 2023")),
    ("a year past 2200", ("year = 2022", "year = 20222")),
    (
        "a baseline that is a figure",
        ("baseline = { year = 2021, value = 1441.37, growth = 0.3, plan = 8 }", "baseline = 5"),
    ),
    ("a bound as text", ("min = 7", 'min = "7%"')),
    ("a kind unknown", ('kind = "growth"', 'kind = "grow"')),
]


@pytest.mark.parametrize(("case", "change"), PLANS, ids=[c[0] for c in PLANS])
def test_a_plan_error_says_it_in_chinese(
    invoke, tmp_path: Path, case: str, change: tuple[str, str] | None
) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "plan.toml"
    if change is None:
        plan.write_bytes(MINI.read_text("utf-8").encode("gbk"))
        text = ""
    else:
        text = _plan_text(*change)
        plan.write_text(text, "utf-8")
    result = invoke("--plan", str(plan), "--lang", "zh", "targets")
    assert result.exit_code == 3, result.stderr
    stderr = result.stderr.replace(str(tmp_path), "")
    assert english_words(stderr, text, "plan baseline") == set(), stderr


COMMANDS = [
    ("2022Q5 typed", ["record", "gdp", "5.2", "-p", "2022Q5"], 2),
    ("an unknown target", ["show", "gdpp"], 2),
    (
        "a byte that is not UTF-8",
        ["record", "gdp", "5.2", "-p", "2022-Q2", "--note", "a\udcb6b"],
        2,
    ),
    ("a ledger that is not there", ["--ledger", "{tmp}/none/x.toml", "gap"], 2),
    ("a report beside no folder", ["report", "-o", "{tmp}/nodir/r.md"], 2),
    ("an unreachable database", ["--ledger", "postgresql://nobody@127.0.0.1:1/none", "gap"], 4),
    ("an unknown schema", ["schema", "nosuch"], 2),
]


@pytest.mark.parametrize(("case", "args", "code"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_command_says_it_in_chinese(
    invoke, tmp_path: Path, case: str, args: list[str], code: int
) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "mini.toml"
    plan.write_text(MINI.read_text("utf-8"), "utf-8")
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    result = invoke("--plan", str(plan), "--lang", "zh", *args)
    assert result.exit_code == code, result.stderr
    stderr = result.stderr.replace(str(tmp_path), "")
    assert english_words(stderr, *args, "schema") == set(), stderr


def test_the_reasons_keep_their_english_in_english(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """English is unchanged: Python's, tomli's and pydantic's words as they say them."""
    plan = tmp_path / "mini.toml"
    plan.write_text(MINI.read_text("utf-8"), "utf-8")
    figures = tmp_path / "a.json"
    figures.write_bytes(b'[{"target":"gdp","period":"2022-Q2","value":}]')
    result = invoke("--plan", str(plan), "import", str(figures))
    assert result.stderr == f"error: {figures}:1:45: invalid JSON: Expecting value\n"
    zh = invoke("--plan", str(plan), "--lang", "zh", "import", str(figures))
    assert zh.stderr == (
        f"错误：{figures}:1:45：JSON 格式错误：此处应为一个值（数字、带双引号的文本、true、false、"
        "null、数组 […] 或对象）\n"
    )
    ledger = tmp_path / "mini.progress.toml"
    ledger.write_text("version = 1\n[[records\n", "utf-8")
    result = invoke("--plan", str(plan), "gap")
    assert "invalid TOML: Expected ']]' at the end of an array declaration" in result.stderr
    zh = invoke("--plan", str(plan), "--lang", "zh", "gap")
    assert zh.stderr == f"错误：{ledger}:2:10：TOML 格式错误：表数组的表头缺少结尾的 ']]'\n"
    year = tmp_path / "year.toml"
    year.write_text(_plan_text("year = 2022", "year = 20222"), "utf-8")
    result = invoke("--plan", str(year), "targets")
    assert result.stderr.endswith("plan.year: Input should be less than or equal to 2200\n")
    zh = invoke("--plan", str(year), "--lang", "zh", "targets")
    assert zh.stderr == f"错误：{year}:6：plan.year：不能大于 2200\n"
    note = invoke(
        "--plan", str(plan), "record", "gdp", "5.2", "-p", "2022-Q2", "--note", "a\udcb6b"
    )
    assert note.stderr == (
        "error: --note is not UTF-8 text: byte 0xb6 at character 2; set the terminal or "
        "script to UTF-8\n"
    )


LIBPQ = [
    (
        'connection to server at "db1" (10.0.0.5), port 5432 failed: Connection refused '
        "Is the server running on that host and accepting TCP/IP connections?",
        "服务器 db1，端口 5432：连接被拒绝：该服务器上的 PostgreSQL 是否已启动？",
    ),
    (
        'could not translate host name "db.bureau" to address: Name or service not known',
        "网络上找不到主机 db.bureau：请检查主机名",
    ),
    (
        'connection to server at "10.0.0.5", port 5432 failed: timeout expired',
        "服务器 10.0.0.5，端口 5432：在连接超时时间内没有响应",
    ),
    (
        'connection to server on socket "/run/postgresql/.s.PGSQL.5432" failed: No such file '
        "or directory Is the server running locally and accepting connections on that socket?",
        "本机数据库的套接字 /run/postgresql/.s.PGSQL.5432："
        "没有 PostgreSQL 在此监听：数据库服务是否已启动？",
    ),
    ("FATAL: the database system is starting up", "数据库服务器正在启动"),
]


@pytest.mark.parametrize(
    ("libpq", "chinese"), LIBPQ, ids=["refused", "no host", "timeout", "socket", "starting"]
)
def test_libpq_reasons_in_chinese_and_as_libpq_wrote_them_in_english(
    libpq: str, chinese: str
) -> None:
    from plancli.stores.postgres.unreachable import unreachable_reason

    assert unreachable_reason(libpq) == libpq
    set_language("zh")
    assert unreachable_reason(libpq) == chinese
    assert (
        unreachable_reason("some reason plancli does not know")
        == "some reason plancli does not know"
    )


def test_zip_reasons_in_chinese() -> None:
    import zipfile

    from plancli.errors import zip_reason

    not_zip = zipfile.BadZipFile("File is not a zip file")
    assert zip_reason(not_zip) == "File is not a zip file"
    set_language("zh")
    assert zip_reason(not_zip) == "不是 zip 文件"
    assert (
        zip_reason(RuntimeError("File 'a' is encrypted, password required"))
        == "已加密，需要密码才能打开"
    )
    assert zip_reason(EOFError()) == "已损坏或不完整"


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_damaged_xml_in_a_workbook_or_document_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """expat's `unclosed token` and `mismatched tag` (a workbook cut short by a broken
    download, a hand-zipped document) were English inside the Chinese sentence."""
    plan = tmp_path / "mini.toml"
    plan.write_text(MINI.read_text("utf-8"), "utf-8")
    sheet = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetD'
    workbook = _zip(
        tmp_path / "june.xlsx",
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
            b'r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats'
            b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            b'Target="worksheets/sheet1.xml"/></Relationships>',
            "xl/worksheets/sheet1.xml": sheet,
        },
    )
    result = invoke("--plan", str(plan), "--lang", "zh", "import", str(workbook))
    assert result.exit_code == 2, result.stderr
    assert "xl/worksheets/sheet1.xml 已损坏" in result.stderr
    assert english_words(result.stderr.replace(str(tmp_path), "")) == set(), result.stderr
    document = _zip(
        tmp_path / "report.docx",
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": "<w:document><w:body><w:p>政府工作报告</w:body>".encode(),
        },
    )
    result = invoke("--lang", "zh", "extract", str(document))
    assert result.exit_code == 2, result.stderr
    assert "word/document.xml 已损坏：标签不配对，位于第 1 行第 34 列" in result.stderr
    english = invoke("extract", str(document))
    assert "mismatched tag" in english.stderr


def test_sqlite_reasons_in_chinese(tmp_path: Path) -> None:
    import sqlite3

    from plancli.errors import sqlite_reason

    try:
        sqlite3.connect(f"file:{tmp_path}/none/x.sqlite?mode=rw", uri=True)
    except sqlite3.Error as exc:
        error = exc
    assert sqlite_reason(error) == "unable to open database file"
    set_language("zh")
    assert sqlite_reason(error) == "无法打开数据库文件"
