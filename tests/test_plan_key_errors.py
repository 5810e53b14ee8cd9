"""A plan file's key mistyped, deleted or left without a value, in the plan file's words
(user audit N, D6): not pydantic's `arround: Extra inputs are not permitted`, `plan.year:
Field required` without a line, nor tomli's bare `Invalid value` for `review = `."""

from __future__ import annotations

from pathlib import Path

import pytest


def _broken(tmp_path: Path, mini_plan: Path, old: str, new: str) -> Path:
    text = mini_plan.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "target unemployment: arround: unknown key (did you mean around?)"),
        ("zh", "目标 unemployment：arround：未知的键（是否应为 around？）"),
    ],
)
def test_a_mistyped_key_names_the_key_meant(
    invoke, mini_plan: Path, tmp_path: Path, lang: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    path = _broken(tmp_path, mini_plan, "max = 4.8", "arround = 4.8")
    result = invoke("--lang", lang, "--plan", str(path), "validate")
    assert result.exit_code == 3
    line = _line(path, "arround")
    where = f"{path}: line {line}: " if lang == "en" else f"{path}:{line}："
    assert f"{where}{expected}" in result.stderr, result.stderr
    assert "Extra inputs" not in result.stderr


def test_a_mistyped_key_of_an_inline_table_or_of_the_plan(
    invoke, mini_plan: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _broken(
        tmp_path, mini_plan, "baseline = { year = 2021, value", "baseline = { yr = 2021, valu"
    )
    result = invoke("--plan", str(path), "validate")  # validate lists every error
    line = _line(path, "baseline")
    assert f"line {line}: target gdp: baseline.yr: unknown key (did you mean year?)" in (
        result.stderr
    ), result.stderr
    assert "baseline.valu: unknown key (did you mean value?)" in result.stderr
    assert "baseline.year: required, and missing: write year = … in baseline = { … }" in (
        result.stderr
    )
    path = _broken(tmp_path, mini_plan, "year = 2022", "yaer = 2022")
    result = invoke("--plan", str(path), "validate")
    assert f"line {_line(path, 'yaer')}: plan.yaer: unknown key (did you mean year?)" in (
        result.stderr
    ), result.stderr
    path = _broken(tmp_path, mini_plan, "max = 4.8", "zzz = 4.8")
    assert (
        "target unemployment: zzz: unknown key (a typo?)"
        in invoke("--plan", str(path), "validate").stderr
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "plan.year: required, and missing: add a line year = … under [plan]"),
        ("zh", "plan.year：必填，但缺少：请在 [plan] 下加一行 year = …"),
    ],
)
def test_a_deleted_plan_key_gives_the_plan_tables_line_and_what_to_write(
    invoke, mini_plan: Path, tmp_path: Path, lang: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    path = _broken(tmp_path, mini_plan, "year = 2022\n", "")
    result = invoke("--lang", lang, "--plan", str(path), "validate")
    assert result.exit_code == 3
    line = _line(path, "[plan]")
    where = f"{path}: line {line}: " if lang == "en" else f"{path}:{line}："
    assert f"{where}{expected}" in result.stderr, result.stderr


def test_a_deleted_target_key_says_what_to_write(invoke, mini_plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _broken(tmp_path, mini_plan, 'kind = "level"\n', "")
    result = invoke("--plan", str(path), "validate")
    assert "kind: required, and missing: add a line kind = … under [[targets]]" in result.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "invalid TOML: Invalid value (a key needs a value: write one after =, or delete "
            "the line to leave review out)",
        ),
        ("zh", "（键需要一个值：在 = 后写上值，或删去这一行以不用 review）"),
    ],
)
def test_a_key_left_without_a_value_says_so(
    invoke, mini_plan: Path, tmp_path: Path, lang: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    path = _broken(tmp_path, mini_plan, "year = 2022\n", 'year = 2022\nreview = \nsource = "x"\n')
    result = invoke("--lang", lang, "--plan", str(path), "validate")
    assert result.exit_code == 3
    assert f":{_line(path, 'review')}:10" in result.stderr
    assert expected in result.stderr, result.stderr
