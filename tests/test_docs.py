"""The documentation stays true: every command has help, a mention and a reference entry; the
README's two commands are CI's; and the console examples marked `<!-- tested -->` in the
README and the pages of docs/ give the output they show when run against the real CLI.

A tested example is a ```console block right after a line `<!-- tested -->`. Its `$ ` lines
are run in order in one temp folder per page (so a page's examples build on each other: a
workspace made in one block is used in the next), with an empty app dir, English, no colour
and 80 columns, as the examples were made:

- `plancli …` runs the app in this process (the code the tests import), stdout and stderr
  together as a terminal shows them; `A && B` runs B when A succeeded; a line asking for
  `--help` runs plancli in a process of its own (help is built in the language a process
  starts with);
- `cd DIR` and `export NAME=VALUE` change the folder and environment of the lines after;
  `NAME=VALUE plancli …` (`COLUMNS=100`, for a wider table) only that line's;
- `cat FILE` of a file that does not exist yet writes the block's output lines to it: the way
  an example shows the CSV it imports, and how this test gets it;
- `plancli … | rest` runs plancli here and pipes its stdout into the rest, run by bash;
- any other line (`sed`, `echo … >> FILE`) runs in bash, with a `plancli` on PATH that runs
  the same code; a block needing a program this machine lacks (`jq`) is skipped, saying which.
- a report an example reads that the repository does not hold (docs/extract.md's walk-through
  drafts 浙江's 2026 report as `zhejiang.txt`) is copied into the folder from the corpus
  (INPUTS); a page naming one that is not on this machine is skipped, saying which.

The output must match line for line, trailing spaces and blank lines aside, after batch ids,
recorded times and the temp folder are normalised; a line `…` in the example stands for any
number of lines. The exit code must be 0, or not 0 when the output shows an `error:` (`错误：`)
line (1 or 0 for `--fail-on`).

When an output changes on purpose, `PLANCLI_UPDATE_DOCS=1 python3 -m pytest tests/test_docs.py
-k examples` writes the real output into the pages (the test still fails, to say so): review
the diff, and put back any `…` abbreviation of a rewritten example.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer.main
from tests.conftest import CORPUS
from typer.testing import CliRunner

import plancli
from plancli.cli import app

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
DOCS = REPO / "docs"
REFERENCE = DOCS / "commands.md"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
# The README's first two commands: install and show, install and test (issue 12.8).
INSTALL = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/plancli status"
TEST = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest"


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        names.extend(f"{name} {s}" for s in sub) if sub else names.append(name)
    return sorted(names)


def _options() -> list[tuple[str, str]]:
    """(command, its longest option name) for every option of every command, root included."""
    group = typer.main.get_command(app)
    found = [("", max(p.opts, key=len)) for p in group.params if p.param_type_name == "option"]
    for name in _commands():
        command = group
        for part in name.split():
            command = command.commands[part]  # type: ignore[attr-defined]
        found += [
            (name, max(p.opts, key=len)) for p in command.params if p.param_type_name == "option"
        ]
    return found


def test_there_are_commands() -> None:
    assert {"targets", "show", "validate", "schema", "init", "status"} <= set(_commands())


def test_root_help_lists_each_command_once_under_its_topic(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--help")
    assert result.exit_code == 0
    sections: dict[str, list[str]] = {}
    for block in result.stdout.split("\n\n"):
        title, *rows = block.strip().splitlines()
        if title.endswith(":") and title not in ("Options:",):
            sections[title[:-1]] = [row.split()[0] for row in rows]
    assert list(sections) == [
        "Where we stand",
        "Recording progress",
        "The plan",
        "Files",
        "Shell completion",
    ]
    assert sections["Where we stand"] == ["status", "gap", "show", "report"]
    listed = [name for names in sections.values() for name in names]
    top_level = sorted({name.split()[0] for name in _commands()})
    assert sorted(listed) == top_level  # each once; none left to an "Other" heading


@pytest.mark.parametrize("name", _commands())
def test_command_has_help(invoke, name: str) -> None:
    result = invoke(*name.split(), "--help")
    assert result.exit_code == 0
    usage, _, rest = result.stdout.partition("\n\n")
    assert f"plancli {name}" in usage.replace("  ", " ")
    assert len(rest.strip().splitlines()[0]) > 10  # a real sentence, not empty


@pytest.mark.parametrize("name", _commands())
def test_command_is_shown_in_the_docs(name: str) -> None:
    """Every command is used in an example somewhere (README or a page), not only listed."""
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES if page != REFERENCE)
    assert re.search(rf"plancli (\[?-[^\n`]*\s)?{re.escape(name)}\b", text), (
        f"neither README.md nor a page of docs/ ever shows `plancli {name}`"
    )


@pytest.mark.parametrize("name", _commands())
def test_command_is_in_the_reference(name: str) -> None:
    assert f"\n## `plancli {name}`\n" in REFERENCE.read_text(encoding="utf-8"), (
        f"docs/commands.md has no section for `plancli {name}`: "
        "run PYTHONPATH=src python3 scripts/command_reference.py"
    )


def test_every_option_is_in_the_reference() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    sections = dict(re.findall(r"\n## `plancli ?([^`]*)`\n(.*?)(?=\n## `|\Z)", text, re.S))
    missing = [f"plancli {c} {o}" for c, o in _options() if o not in sections.get(c, "")]
    assert not missing, f"docs/commands.md lacks {missing}"


def test_the_reference_is_what_the_script_writes() -> None:
    """The generated part is each command's current --help (a changed help text, a new option
    or command): regenerate with the script. It runs apart, in English, at a fixed width."""
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "command_reference.py"), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(plancli.__file__).parents[1])},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_starts_with_the_two_commands() -> None:
    """Install-and-run, then install-and-test: each one line that works where `pip install`
    into the system Python is refused (PEP 668: Debian 12, Ubuntu 24.04), and first."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|console)\n(.*?)```", text, re.S)
    assert blocks[:2] == [INSTALL + "\n", TEST + "\n"]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci
    lines = [line.strip() for line in ci.splitlines()]
    assert TEST in lines  # run as a command, not only echoed
    assert "mkdocs build --strict" in ci


def test_mkdocs_nav_lists_every_page() -> None:
    """A page left out of the nav is built but found by no one (mkdocs only says so at info
    level); a page in the nav that does not exist fails the build."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    in_nav = set(re.findall(r":\s*([\w./-]+\.md)\s*$", config, re.M))
    on_disk = {page.name for page in DOCS.glob("*.md")}
    assert in_nav == on_disk


def test_every_module_is_on_the_architecture_page() -> None:
    """The module map names every module and package of plancli (a new one gets a line)."""
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    package = Path(plancli.__file__).parent
    names = [
        f"`{path.name}`" if path.is_file() else f"`{path.name}/`"
        for path in sorted(package.iterdir())
        if (path.suffix == ".py" and path.name != "__init__.py")
        or (path.is_dir() and (path / "__init__.py").exists())
    ]
    assert [name for name in names if name not in text] == []


# --- The tested examples ------------------------------------------------------------------

MARK = "<!-- tested -->"
ELLIPSIS = "…"
BATCH = re.compile(r"\b\d{8}T\d{6}Z-[0-9a-f]{6}\b")
# (a history table's times all of one year: `12-03 07:20`, the year in its header, `2026 (UTC)`)
TIME = re.compile(r"\b(\d{4}-)?\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?(\+00:00|Z)?")
YEAR = re.compile(r"\b\d{4}(?= \(UTC\)|年录入)")
SHORT_BATCH = re.compile(r"(<time>\s+)[0-9a-f]{6}\b")  # history tables: time, then batch end
SHELL = {"|", ">", ">>", "<", "2>", "2>&1", ";"}
ASSIGNMENT = re.compile(r"[A-Z_][A-Z0-9_]*=")
HELP = {"--help", "-h"}


@dataclass
class Step:
    line: int  # in the page, for messages
    command: str
    expected: list[str]


@dataclass
class Block:
    page: Path
    line: int
    steps: list[Step] = field(default_factory=list)


def marked_blocks(page: Path) -> list[Block]:
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    for number, text in enumerate(lines):
        if text.strip() != MARK:
            continue
        fence = number + 1
        assert lines[fence].startswith("```console"), (
            f"{page.name}:{fence + 1}: {MARK} must be followed by a ```console block"
        )
        block = Block(page, fence + 1)
        for offset, body in enumerate(lines[fence + 1 :], start=fence + 2):
            if body.startswith("```"):
                break
            if body.startswith("$ "):
                block.steps.append(Step(offset, body[2:], []))
            else:
                assert block.steps, f"{page.name}:{offset}: output before the first `$ ` line"
                block.steps[-1].expected.append(body)
        blocks.append(block)
    return blocks


def tidy(text: str) -> list[str]:
    """The lines, without trailing spaces and without blank lines before or after."""
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return lines


def normalise(text: str, home: Path, folder: Path) -> list[str]:
    text = text.replace(str(folder), "…").replace(str(home), "~")
    text = YEAR.sub("<year>", TIME.sub("<time>", BATCH.sub("<batch>", text)))
    return tidy(SHORT_BATCH.sub(r"\1<batch>", text))


def matches(expected: list[str], actual: list[str]) -> bool:
    """Line for line; an expected line `…` stands for any number of actual lines."""
    if not expected:
        return not actual
    if expected[0] == ELLIPSIS:
        return any(matches(expected[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


class Session:
    """One page's examples: a folder, an environment, and how to run each line."""

    def __init__(self, folder: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder, self.home, self.cwd = folder, home, folder
        self.env: dict[str, str] = {"SOURCE_DATE_EPOCH": "1656633600"}  # reports: 2022-07-01
        self.monkeypatch = monkeypatch
        self.runner = CliRunner()
        bin_dir = home / "bin"
        bin_dir.mkdir(exist_ok=True)
        shim = bin_dir / "plancli"
        run = "import sys; sys.argv[0] = 'plancli'; from plancli.__main__ import main; main()"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -c "{run}" "$@"\n')
        shim.chmod(0o755)
        code = str(Path(plancli.__file__).parents[1])
        self.shell_env = {
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": os.pathsep.join(filter(None, [code, os.environ.get("PYTHONPATH")])),
            "PYTHONUNBUFFERED": "1",  # stdout and stderr in the order they were written
        }

    def run(self, step: Step) -> tuple[int, str]:
        words = shlex.split(step.command, comments=True)
        first, bar, rest = step.command.partition(" | ")
        if bar and words[0] == "plancli" and not SHELL & set(shlex.split(first)):
            return self.run_piped(step, shlex.split(first), rest)
        if SHELL & set(words):  # a pipe or a redirection: the line as a shell runs it
            return self.run_in_shell(step, words, step.command)
        output, code = "", 0
        while words:
            cut = words.index("&&") if "&&" in words else len(words)
            code, text = self.run_one(words[:cut], step)
            output += text
            if code != 0:
                break
            words = words[cut + 1 :]
        return code, output

    def run_one(self, words: list[str], step: Step) -> tuple[int, str]:
        if words[0] == "cd" and len(words) == 2:
            self.cwd = (self.cwd / words[1]).resolve()
            return 0, ""
        if words[0] == "export" and len(words) == 2 and "=" in words[1]:
            name, _, value = words[1].partition("=")
            self.env[name] = value
            return 0, ""
        if words[0] == "cat" and len(words) == 2 and not (self.cwd / words[1]).exists():
            text = "\n".join(step.expected) + "\n"
            (self.cwd / words[1]).write_text(text, encoding="utf-8")
            return 0, text
        assigned = dict(word.split("=", 1) for word in itertools.takewhile(ASSIGNMENT.match, words))
        if HELP & set(words):  # help is built once per process, in its language: a process
            return self.run_in_shell(step, words, shlex.join(words))
        if words[len(assigned) :][:1] == ["plancli"]:  # `COLUMNS=100 plancli gap`: for this line
            self.monkeypatch.chdir(self.cwd)
            args = words[len(assigned) + 1 :]
            result = self.runner.invoke(app, args, env={**self.env, **assigned})
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise result.exception
            return result.exit_code, result.output
        return self.run_in_shell(step, words, shlex.join(words))

    def run_piped(self, step: Step, words: list[str], rest: str) -> tuple[int, str]:
        """`plancli … | jq …`: plancli in this process (a second start-up saved), its stdout
        piped into the rest of the line, its stderr shown as a terminal would."""
        self.monkeypatch.chdir(self.cwd)
        result = self.runner.invoke(app, words[1:], env=self.env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        code, text = self.run_in_shell(step, shlex.split(rest), rest, result.stdout)
        return code, result.stderr + text

    def run_in_shell(
        self, step: Step, words: list[str], line: str, stdin: str = ""
    ) -> tuple[int, str]:
        commands = [words, *(words[n + 1 :] for n, word in enumerate(words) if word == "|")]
        programs = {next(w for w in command if not ASSIGNMENT.match(w)) for command in commands}
        for program in sorted(programs - {"plancli", "cd"}):
            if shutil.which(program) is None:
                pytest.skip(f"line {step.line} needs {program}, which is not installed")
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=self.cwd,
            env={**os.environ, **self.env, **self.shell_env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            input=stdin,
            text=True,
            check=False,
        )
        return done.returncode, done.stdout


TESTED_PAGES = [page for page in PAGES if MARK in page.read_text(encoding="utf-8")]
# Reports the examples read, by the name they give them: not in the repository (the 2026
# corpus lives beside it, as for tests/test_extract.py), copied into a page's folder.
INPUTS = {"zhejiang.txt": CORPUS / "浙江省.txt"}


def _put_inputs(page: Path, folder: Path) -> None:
    """The INPUTS the page's tested examples name, copied into its folder; a skip without."""
    commands = [step.command for block in marked_blocks(page) for step in block.steps]
    for name, source in INPUTS.items():
        if any(name in shlex.split(command) for command in commands):
            if not source.exists():
                pytest.skip(f"{page.name}'s examples read {name}, {source}, not here")
            shutil.copyfile(source, folder / name)


def test_some_pages_have_tested_examples() -> None:
    names = {page.name for page in TESTED_PAGES}
    assert {"README.md", "monthly-update.md", "monthly-update-zh.md"} <= names


@pytest.mark.parametrize("page", TESTED_PAGES, ids=lambda page: page.name)
def test_tested_examples_give_the_output_shown(
    page: Path,
    tmp_path: Path,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _put_inputs(page, tmp_path)
    session = Session(tmp_path, isolated_env, monkeypatch)
    updates: list[tuple[Step, list[str]]] = []
    for block in marked_blocks(page):
        for step in block.steps:
            code, output = session.run(step)
            actual = normalise(output, isolated_env, tmp_path)
            expected = normalise("\n".join(step.expected), isolated_env, tmp_path)
            where = f"{page.name}:{step.line}: $ {step.command}"
            if UPDATE and not matches(expected, actual):
                shown = output.replace(str(tmp_path), "…").replace(str(isolated_env), "~")
                updates.append((step, tidy(shown)))
                continue
            assert matches(expected, actual), (
                f"{where}\n--- shown\n"
                + "\n".join(expected)
                + "\n--- got\n"
                + "\n".join(actual)
                + f"\n(after a change of output on purpose: {UPDATE_HINT})"
            )
            failed = any(line.startswith(("error:", "错误：")) for line in expected)
            allowed = {0, 1} if "--fail-on" in step.command else ({1, 2, 3} if failed else {0})
            assert code in allowed, f"{where}: exit {code}\n" + "\n".join(actual)
    if updates:
        rewrite(page, updates)
        pytest.fail(f"{page.name}: rewrote {len(updates)} example(s); review with git diff")


UPDATE = os.environ.get("PLANCLI_UPDATE_DOCS") == "1"
UPDATE_HINT = "PLANCLI_UPDATE_DOCS=1 python3 -m pytest tests/test_docs.py -k examples rewrites it"


def rewrite(page: Path, updates: list[tuple[Step, list[str]]]) -> None:
    """Put each step's real output in place of what the page showed (from the last step up, so
    line numbers hold). A `…` abbreviation of a rewritten step is gone: put it back by hand."""
    lines = page.read_text(encoding="utf-8").splitlines()
    for step, output in sorted(updates, key=lambda update: -update[0].line):
        lines[step.line : step.line + len(step.expected)] = output
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_harness_reads_blocks_and_ellipses(tmp_path: Path) -> None:
    """The scheme itself: a marked block's steps and outputs, and what `…` may stand for."""
    page = tmp_path / "page.md"
    page.write_text(
        "intro\n<!-- tested -->\n```console\n$ plancli plans\n id  year\n…\n$ cd x\n```\n"
        "```console\n$ untested\n```\n",
        encoding="utf-8",
    )
    (block,) = marked_blocks(page)
    assert [(s.line, s.command, s.expected) for s in block.steps] == [
        (4, "plancli plans", [" id  year", "…"]),
        (7, "cd x", []),
    ]
    assert matches(["a", "…", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "…"], ["a"])
    assert not matches(["a", "…", "d"], ["a", "b", "c"])
    assert not matches(["a"], ["a", "b"])
    home, folder = tmp_path / "h", tmp_path / "f"
    assert normalise(
        f"batch 20261129T100228Z-80abbe, recorded 2026-11-29 10:02 UTC\n"
        f" *   2022-06   120 个   2026-11-29 10:02   d181c1  \n{home}/x {folder}/y\n\n",
        home,
        folder,
    ) == [
        "batch <batch>, recorded <time> UTC",
        " *   2022-06   120 个   <time>   <batch>",
        "~/x …/y",
    ]
