"""A path typed on the command line, as every message shows it (session 28, `paths`).

docs/security.md: a path is shown on one line, its line feed as `\\n`. Paths read from files
(a workspace marker) were; a path typed for `--plan`, `--ledger`, `-o`, `import FILE`, `validate
--source` or `ledger convert` reached its `error:` and `wrote …` lines raw, so a file name could
print a line plancli never wrote (`x\\nerror: forged`). Every message now names a path through
`safe.clip_path`. Each test fails on the code before the fix."""

from __future__ import annotations

import ast
import functools
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


@functools.cache
def _tree(source: str) -> ast.Module:
    """A module's tree, parsed once a run: the guards below read every module of the package
    (read only: no guard changes a node)."""
    return ast.parse(source)


@functools.cache
def _walked(node: ast.AST) -> tuple[ast.AST, ...]:
    """`ast.walk(node)`, in its order, walked once: the guards walk each module and function
    again and again (a function's calls once per name handed down)."""
    return tuple(ast.walk(node))


@functools.cache
def _source_lines(source: str) -> list[bytes]:
    """A module's lines as `ast.get_source_segment` splits them (at `\\n`, `\\r\\n` and `\\r`
    only, a form feed inside a line), each encoded: split once per module."""
    return [line.encode() for line in re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z", source)]


def _segment(source: str, node: ast.expr) -> str:
    """`ast.get_source_segment(source, node) or ""`, the same text: the standard function splits
    the whole module, a character at a time in Python, at every call: with the trees parsed
    and walked once too, the guards below took 5.5 CPU-s, not 51 (session 33)."""
    if node.end_lineno is None or node.end_col_offset is None:
        return ""
    lines = _source_lines(source)
    first, last = node.lineno - 1, node.end_lineno - 1
    start, end = node.col_offset, node.end_col_offset
    if first == last:
        return lines[first][start:end].decode()
    return (lines[first][start:] + b"".join(lines[first + 1 : last]) + lines[last][:end]).decode()


def test_every_message_names_a_path_through_clip_path() -> None:
    """A new message that fills {file}, {path}, {ledger}, {folder} … with a raw path would
    print a typed line feed raw again: each goes through `safe.clip_path`."""
    raw = []
    for module in sorted((REPO / "src" / "plancli").rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        for node in _walked(_tree(source)):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr != "format":
                continue
            for field in node.keywords:
                value = _segment(source, field.value)
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


# --------------------------------------------------------------- every message, widened (guard)
#
# The guard above reads `.format(file=…)` keywords only. f-strings (`f"{path}: …"`), a
# `**mapping` of fields and a name built into a message elsewhere slipped past it: five messages
# printed a typed line feed raw (commits eb26a618, 0656c666, 56dc3697). These read them too.

# a value named like a path: path, file, ledger, folder, report, source, output … and `*_path`,
# `*_file`, `*_folder`, `*_dir`; `name` too where the f-string is a message or FILE:LINE-shaped
_PATHY = r"path|file|filename|ledger|folder|report|source|output|destination|directory"
PATH_LIKE = re.compile(rf"(?:{_PATHY}|\w+_(?:path|file|folder|dir|ledger))")
NAME_TOO = re.compile(rf"(?:{PATH_LIKE.pattern}|name)")
SAYS = {"print", "echo", "secho", "say", "warn", "fail", "format"}  # (`format`: a field)
RAISED = re.compile(r"[A-Z]\w*(?:Error|Exception|Rejected|Refused|Exit)$")
# f-strings that name something else by a path-like word, each with its reason
NOT_A_PATH = {
    # cli/app.py: the internal-error line names the exception's class (`type(exc).__name__`)
    "f\"{name}{': ' + detail if detail else ''}\"": "an exception class's name",
    # cli/app.py: click's own sentence for an option given no value (`--plan`)
    "f\"Option '{name}' requires an argument.\"": "an option's name",
    # cli/click_words.py: a command's words (`plancli ledger`) before a subcommand's name
    'f"{ctx.parent.command_path} {name}"': "a command's name",
    # read_notes.Located: FILE:SHEET exactly as typed, for `import --json` (the shown one is
    # clipped in the line above it)
    'f"{file}:{sheet}"': "the exact name, for --json",
    # render/ledger.py: a record's source is where the figure came from (国家统计局), text
    # put in a note cell, which `shown` escapes
    'f"({record.source})"': "a record's source, not a file",
    # stores/postgres/passwords.py: Looked.file, a message's {file} through clip_path there
    'f"{service_file} [{name}]"': "clipped where a message names it",
}
# an f-string inside these is escaped already (a table cell, a title)
ESCAPED = {"shown", "visible", "clip", "clip_path"}
# `.format(**mapping)` whose fields cannot be read here, each with its reason
MAPPINGS = {
    # a PlanRule's fields: no caller passes a path field (`item`, `owner`, `time`)
    "_clipped(cause.fields)": "a plan rule's fields, clipped",
    "cause.fields": "a plan rule's fields (item, owner, time)",
    # libpq's refusals matched in its message made one line first (`one_line`): its
    # `service file "…" not found` names PGSERVICEFILE with a line feed as a space
    "found.groupdict()": "libpq's message, already one line",
    # cli/click_words.py: Click's bad-value sentences, fields {value} and {choices}
    "match.groupdict()": "Click's words, no path field",
}


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


@functools.cache
def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in _walked(tree) for child in ast.iter_child_nodes(node)}


def _is_message(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool | None:
    """Raised, passed to an exception, to print/echo/say, or a message's field: True; inside
    `shown(…)`/`visible(…)` (escaped on its way out): None."""
    up = parents.get(node)
    while up is not None and not isinstance(up, ast.stmt):
        if isinstance(up, ast.Call) and _callee(up) in ESCAPED:
            return None
        if isinstance(up, ast.Call) and (_callee(up) in SAYS or RAISED.match(_callee(up))):
            return True
        up = parents.get(up)
    return isinstance(up, ast.Raise)


def _named(expr: ast.expr) -> str:
    while isinstance(expr, ast.Call) and _callee(expr) in ("str", "fspath") and expr.args:
        expr = expr.args[0]
    if isinstance(expr, ast.Name):
        return expr.id
    return expr.attr if isinstance(expr, ast.Attribute) else ""


def raw_fstring_paths(source: str) -> list[str]:
    """`{path}` in an f-string that is a message (or its field), `{name}` too; `{path}` in any
    f-string (a name handed to a function that puts it in a message: `f"--source {source}"`);
    `{name}:` opening one (`f"{self.name}:{row}: …"`, a FILE:LINE line) — each not given
    `clip_path(…)`."""
    raw = []
    tree = _tree(source)
    parents = _parents(tree)
    for node in _walked(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        text = _segment(source, node)
        if text in NOT_A_PATH:
            continue
        message = _is_message(node, parents)
        if message is None:
            continue
        for at, part in enumerate(node.values):
            if not isinstance(part, ast.FormattedValue):
                continue
            # FILE:LINE: `{x}` then `:` then another value
            after = node.values[at + 1 : at + 3]
            opens = at == 0 and [type(v) for v in after] == [ast.Constant, ast.FormattedValue]
            opens = opens and after[0].value == ":"  # type: ignore[union-attr]
            like = NAME_TOO if message or opens else PATH_LIKE
            value = _segment(source, part.value)
            if like.fullmatch(_named(part.value)) and not _shown_by_clip_path(value, source):
                raw.append(f"{part.lineno} {{{value}}} in {text[:60]}")
    return raw


def _literal(node: ast.expr) -> str | None:
    while isinstance(node, ast.Call) and _callee(node) in ("_", "N_") and node.args:
        node = node.args[0]
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dicts(source: str) -> dict[str, list[tuple[str, str]]]:
    """name -> the (key, value) pairs of every `name = {…}` / `name = dict(…)` of a module."""
    found: dict[str, list[tuple[str, str]]] = {}
    for node in _walked(_tree(source)):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if isinstance(value, ast.Dict):
            pairs = [
                (k.value if isinstance(k, ast.Constant) else None, v)
                for k, v in zip(value.keys, value.values, strict=True)
            ]
        elif isinstance(value, ast.Call) and _callee(value) == "dict":
            pairs = [(kw.arg, kw.value) for kw in value.keywords]
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                found.setdefault(target.id, []).extend(
                    (key, _segment(source, v)) for key, v in pairs if isinstance(key, str)
                )
    return found


def raw_mapping_paths(source: str, elsewhere: dict[str, list[tuple[str, str, str]]]) -> list[str]:
    """`.format(**fields)`: the mapping built in the module (`fields = {"file": …}`) or, a
    parameter (`**at`), in another (`elsewhere`: name -> (source, key, value)); its path fields
    given `clip_path(…)`. A mapping read nowhere whose message has a path field: raw too."""
    raw = []
    here = _dicts(source)
    tree = _tree(source)
    # `fields = match.groupdict()`: read as that call; `def f(**fields)`: filled by its callers'
    # keywords
    made = {
        target.id: _segment(source, node.value)
        for node in _walked(tree)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id not in here
    }
    keywords = {
        node.args.kwarg.arg
        for node in _walked(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.args.kwarg
    }
    for node in _walked(tree):
        if not (isinstance(node, ast.Call) and _callee(node) == "format"):
            continue
        if not isinstance(node.func, ast.Attribute):
            continue
        text = _literal(node.func.value)
        given = {kw.arg for kw in node.keywords}
        for kw in node.keywords:
            if kw.arg is not None:
                continue
            mapping = _segment(source, kw.value)
            name = kw.value.id if isinstance(kw.value, ast.Name) else ""
            mapping = made.get(name, mapping)
            if name in keywords and name not in here and name not in made:
                continue
            if name in here:
                built = [(source, key, value) for key, value in here[name]]
            elif name in elsewhere and name not in made:
                built = elsewhere[name]
            else:
                wanted = set(re.findall(r"\{(\w+)", text or "")) & PATH_FIELDS
                if mapping not in MAPPINGS and (text is None or wanted - given):
                    raw.append(f"{node.lineno} **{mapping}: its fields are read nowhere")
                continue
            raw.extend(
                f"{node.lineno} **{mapping}: {key}={value}"
                for module, key, value in built
                if key in PATH_FIELDS and not _shown_by_clip_path(value, module)
            )
    return raw


def _sources() -> dict[str, str]:
    return {
        str(module.relative_to(REPO / "src" / "plancli")): module.read_text(encoding="utf-8")
        for module in sorted((REPO / "src" / "plancli").rglob("*.py"))
    }


def test_every_fstring_message_names_a_path_through_clip_path() -> None:
    raw = [
        f"{name}:{line}"
        for name, source in _sources().items()
        for line in raw_fstring_paths(source)
    ]
    assert raw == []


def test_every_format_mapping_names_a_path_through_clip_path() -> None:
    sources = _sources()
    elsewhere: dict[str, list[tuple[str, str, str]]] = {}
    for source in sources.values():
        for name, pairs in _dicts(source).items():
            elsewhere.setdefault(name, []).extend((source, k, v) for k, v in pairs)
    raw = [
        f"{name}:{line}"
        for name, source in sources.items()
        for line in raw_mapping_paths(source, elsewhere)
    ]
    assert raw == []


@pytest.mark.parametrize(
    "source",
    [  # the messages found raw in session 28 (verify2, guard), as they were written
        'raise InputError(f"{path}: {describe(exc)}")',  # plan._validate
        'raise InputError(f"{path}: {where}: {bad}: {not_utf8(cells[bad])}")',  # sqlite_text
        'lines = [*(f"{self.name}:{p.row}: {p.message}" for p in problems)]',  # ImportRejected
        'return report_document(data, f"--source {source}")',  # source_checks
        'raise InputError(_("{sheet}: no header").format(sheet=f"{name}:{clip(sheet)}"))',
        'located = super().__new__(cls, f"{file}:{clip(sheet)}")',  # read_notes.Located
    ],
)
def test_the_fstring_guard_sees_the_raw_names_it_was_written_for(source: str) -> None:
    assert len(raw_fstring_paths(source)) == 1
    assert raw_fstring_paths(source.replace("{path}", "{clip_path(path)}")) == (
        [] if "{path}" in source else raw_fstring_paths(source)
    )


def test_the_mapping_guard_sees_raw_fields() -> None:
    at = 'at = {"file": name, "line": line}\n'  # bulletin.read_header before eb26a618
    uses = 'raise InputError(_("{file}:{line}: x").format(**at))\n'
    assert raw_mapping_paths(at + uses, {}) == ["2 **at: file=name"]
    assert raw_mapping_paths(at.replace("name", "clip_path(name)") + uses, {}) == []
    # `**at` a parameter: read where the mapping is built
    elsewhere = {"at": [(at, "file", "name")]}
    assert raw_mapping_paths(uses, elsewhere) == ["1 **at: file=name"]
    # a mapping read nowhere, for a message with a {file} field
    assert raw_mapping_paths('m = _("{file}: x").format(**g())\n', {}) != []
    fields = 'fields = {"role": role, "file": file}\nm = _(t).format(**fields)\n'
    assert raw_mapping_paths(fields, {}) == ["2 **fields: file=file"]  # passwords.py


def test_an_xlsx_sheet_without_a_header_row_is_named_escaped(
    invoke, tmp_path: Path, plan: Path
) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "cover"
    book.active.append(["only"])
    book.create_sheet("S2").append(["x"])
    source = tmp_path / f"c{HOSTILE}.xlsx"
    book.save(source)
    result = invoke(
        "--plan", str(plan), "--ledger", str(tmp_path / "l.toml"), "import", str(source)
    )
    # was: `error: cx` and a line `error: forged…xlsx:cover: no header row …`
    assert result.exit_code != 0
    lines = _lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {tmp_path}/c{SHOWN}.xlsx:cover: no header row"), lines


def test_a_missing_password_names_the_password_file_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli.stores.postgres.passwords import missing_password

    passfile = tmp_path / f"p{HOSTILE}"  # no such file: "put it in {file}"
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    for name in ("PGHOST", "PGPORT", "PGHOSTADDR", "PGSERVICE", "PGUSER", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)
    message = missing_password({"dbname": "plans", "user": "alice"})
    assert message == (
        f"the server asks role alice for a password and none was given: put it in "
        f"{tmp_path}/p{SHOWN} (host:port:database:role:password) or PGPASSWORD"
    )
    passfile.write_text("db1:5432:plans:alice:x\n", encoding="utf-8")
    passfile.chmod(0o600)  # a file with no line for this host: named escaped as well
    message = missing_password({"dbname": "plans", "user": "alice"})
    assert f"{tmp_path}/p{SHOWN} has no line for" in message and "\n" not in message


def test_a_chart_sheet_chosen_with_sheet_is_named_escaped(
    invoke, tmp_path: Path, plan: Path
) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "S"
    book.active.append(["target", "period", "value"])
    book.create_chartsheet("C")
    source = tmp_path / f"k{HOSTILE}.xlsx"
    book.save(source)
    ledger = str(tmp_path / "l.toml")
    result = invoke("--plan", str(plan), "--ledger", ledger, "import", "--sheet", "C", str(source))
    # was: `error: kx` and a line `error: forged…xlsx:C: not a worksheet …` (read_notes.Located)
    assert result.exit_code != 0
    assert _lines(result) == [
        f"error: {tmp_path}/k{SHOWN}.xlsx:C: not a worksheet (a chart sheet?); choose one with "
        "--sheet"
    ]


# --------------------------------------------------------------- a name handed down (guard)
#
# `read_report(data, name)` put a raw report name in `{name} is empty` three calls down
# (56dc3697); `_too_large(name, …)` the same in `{name} has … bytes`. A function whose parameter
# fills a message's {name}/{file}… field unclipped (or hands it to one that does) must be given
# a clipped value by its callers.

# a path-like name handed to such a parameter that is no file, each with its reason
HANDED = {
    # workspace.discover: the plan a marker names, read from the marker, JSON-quoted by
    # `_shown` in the messages that name it as a plan
    "_plan_in_folder(name=name)": "a marker's plan, quoted",
}


def raw_handed_names(sources: dict[str, str]) -> list[str]:
    fields = PATH_FIELDS | {"name"}
    functions = [
        # (keyword-only parameters after the positional ones: none is given by position)
        (source, node, [a.arg for a in (*node.args.args, *node.args.kwonlyargs)])
        for source in sources.values()
        for node in _walked(_tree(source))
        if isinstance(node, ast.FunctionDef)
    ]

    def given(call: ast.Call, param: str, index: int) -> ast.expr | None:
        value = next((kw.value for kw in call.keywords if kw.arg == param), None)
        positional = index < len(call.args) and not isinstance(call.args[index], ast.Starred)
        return call.args[index] if value is None and positional else value

    shows: dict[str, dict[str, int]] = {}  # function -> the parameters its messages show raw
    for _source, function, params in functions:
        for node in _walked(function):
            if isinstance(node, ast.Call) and _callee(node) == "format":
                for kw in node.keywords:
                    value = kw.value
                    if kw.arg in fields and isinstance(value, ast.Name) and value.id in params:
                        shows.setdefault(function.name, {})[value.id] = params.index(value.id)
    grew = True
    while grew:  # …and the parameters it hands down to one that shows them
        grew = False
        for _source, function, params in functions:
            mine = shows.setdefault(function.name, {})
            for node in _walked(function):
                if not (isinstance(node, ast.Call) and shows.get(_callee(node))):
                    continue
                for param, index in list(shows[_callee(node)].items()):
                    value = given(node, param, index)
                    if isinstance(value, ast.Name) and value.id in params and value.id not in mine:
                        mine[value.id], grew = params.index(value.id), True
    raw = []
    for source, function, params in functions:
        for node in _walked(function):
            if not (isinstance(node, ast.Call) and shows.get(_callee(node))):
                continue
            for param, index in shows[_callee(node)].items():
                value = given(node, param, index)
                if value is None or (isinstance(value, ast.Name) and value.id in params):
                    continue  # handed down: its caller is read
                text = _segment(source, value)
                call = f"{_callee(node)}({param}={text})"
                named = NAME_TOO.fullmatch(_named(value)) and call not in HANDED
                if named and not _shown_by_clip_path(text, source):
                    raw.append(f"{function.name}: {call}")
    return raw


def test_every_name_handed_to_a_message_goes_through_clip_path() -> None:
    assert raw_handed_names(_sources()) == []


def test_the_handed_name_guard_sees_a_raw_name_three_calls_down() -> None:
    source = (  # extract_cmds → read_report → report_document → the message (before 56dc3697)
        "def show(data, name):\n    raise InputError(_('{name} is empty').format(name=name))\n"
        "def read_report(data, name):\n    return show(data, name)\n"
        "def extract_cmd(report):\n    name = report\n    read_report(b'', name)\n"
    )
    assert raw_handed_names({"m": source}) == ["extract_cmd: read_report(name=name)"]
    clipped = source.replace("read_report(b'', name)", "read_report(b'', clip_path(name))")
    assert raw_handed_names({"m": clipped}) == []


@pytest.mark.parametrize("how", ["extract", "validate"])
def test_a_report_too_large_is_named_escaped(invoke, tmp_path: Path, plan: Path, how: str) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / f"big{HOSTILE}.txt"
    with report.open("wb") as sparse:
        sparse.truncate(9 * 1024 * 1024)  # past 8 MiB: refused by its size, unread
    args = ["extract", str(report)] if how == "extract" else ["--plan", str(plan), "validate"]
    result = invoke(*args, *(["--source", str(report)] if how == "validate" else []))
    # was: `error: …/big` and a line `error: forged…txt has 9,437,184 bytes, more than …`
    assert result.exit_code != 0
    assert _lines(result) == [
        f"error: {tmp_path}/big{SHOWN}.txt has 9,437,184 bytes, more than any report's text can "
        "take (2,000,000 characters, 8,388,608 bytes at most); give one report's text"
    ]
