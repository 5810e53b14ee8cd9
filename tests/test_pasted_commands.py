"""Commands plancli suggests are pasted into a shell as they are: a path with a space (a
Windows or WPS user's `河南 2026` folder) is quoted, so the pasted command reads one path."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from plancli.texts import shell_word


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("guandu/plan2022.toml", "guandu/plan2022.toml"),
        ("河南/草案.toml", "河南/草案.toml"),  # Chinese needs no quotes
        ("河南 2026/草案.toml", '"河南 2026/草案.toml"'),
        ("a&b.toml", '"a&b.toml"'),
        ("it's.toml", '"it\'s.toml"'),
        ("cost$1 x.toml", "'cost$1 x.toml'"),
        ("a'b c$.toml", "'a'\\''b c$.toml'"),
        ("", '""'),
    ],
)
def test_a_path_is_one_shell_word(value: str, shown: str) -> None:
    assert shell_word(value) == shown
    assert shlex.split(shell_word(value)) == [value]


def _hint(stderr: str, start: str) -> list[str]:
    line = next(line for line in stderr.splitlines() if line.startswith(start))
    return shlex.split(line.removeprefix(start).split("   ")[0])


def test_init_into_a_folder_with_a_space_suggests_a_command_that_runs(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`下一步：plancli --plan 河南 2026/henan.toml targets`, pasted, was refused as
    `没有这个命令：2026/henan.toml`."""
    monkeypatch.chdir(tmp_path)
    result = invoke("--lang", "zh", "--plan", "henan-2026", "init", "河南 2026")
    assert result.exit_code == 0, result.stderr
    # session 26: the hint changes into the workspace, which the next command finds there
    assert '下一步：cd "河南 2026" && plancli targets\n' in result.stderr
    pasted = _hint(result.stderr, "下一步：")
    assert pasted == ["cd", "河南 2026", "&&", "plancli", "targets"]
    monkeypatch.chdir(tmp_path / pasted[1])
    shown = invoke("--lang", "zh", *pasted[4:])
    assert shown.exit_code == 0, shown.stderr
    assert "地区生产总值" in shown.stdout and "粮食产量" in shown.stdout


def test_the_demo_and_review_hints_quote_the_plan_too(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    demo = invoke("--plan", "guandu-2022", "init", "my plans", "--demo")
    assert demo.exit_code == 0, demo.stderr
    assert 'next: cd "my plans" && plancli status   (then:' in demo.stderr
    report = tmp_path / "report.txt"
    report.write_text(
        "2026年浙江省政府工作报告\n二、2026年重点工作\n今年经济社会发展主要预期目标为："
        "全省生产总值增长5%—5.5%；能源消费总量增长2%—3%；城镇调查失业率5%以内。\n",
        encoding="utf-8",
    )
    assert invoke("extract", str(report), "-o", "draft one.toml").exit_code == 0
    result = invoke("--plan", "draft one.toml", "init", "ws 2")
    assert result.exit_code == 0, result.stderr
    assert '`plancli --plan "ws 2/draft one.toml" validate` lists them\n' in result.stderr


def test_the_template_hint_names_the_sheet_to_import_as_one_word(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("--plan", "guandu-2022", "template", "6月 填报.csv", "--period", "2022-06")
    assert result.exit_code == 0, result.stderr
    assert 'then `plancli --plan guandu-2022 import "6月 填报.csv"`\n' in result.stderr
    assert Path("6月 填报.csv").exists()
