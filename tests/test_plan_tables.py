"""Table-header slips in a hand-written plan (audit W D10, 昆明市西山区's 2026 plan): tomli's
`Cannot declare ('targets',) twice` reached the analyst as a Python tuple, in Chinese too;
`Cannot overwrite a value` said nothing of the `[targets]` 14 lines up; and a misspelt
`[paln]` led with "add a line plan = …" (a table is no line), its cause second."""

from __future__ import annotations

from pathlib import Path

XISHAN = Path(__file__).parent / "fixtures" / "xishan-2026.toml"


def _plan(tmp_path: Path, text: str) -> Path:
    plan = tmp_path / "xishan.toml"
    plan.write_text(text, encoding="utf-8")
    return plan


def _nth(text: str, old: str, new: str, n: int) -> str:
    parts = text.split(old)
    assert len(parts) > n + 1
    return old.join(parts[: n + 1]) + new + old.join(parts[n + 1 :])


def test_a_target_written_as_a_single_table_names_its_line(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = XISHAN.read_text(encoding="utf-8")
    last = _plan(tmp_path, _nth(text, "[[targets]]", "[targets]", text.count("[[targets]]") - 1))
    result = invoke("--plan", str(last), "validate")
    assert result.exit_code == 3
    assert "Cannot declare [targets] twice (line " in result.stderr
    assert "declares [targets], a single table; each entry of the list is written [[targets]])" in (
        result.stderr
    )
    assert "('targets',)" not in result.stderr
    zh = invoke("--lang", "zh", "--plan", str(last), "validate")
    assert "[targets] 不能声明两次" in zh.stderr and "('targets',)" not in zh.stderr
    first = _plan(tmp_path, _nth(text, "[[targets]]", "[targets]", 0))
    result = invoke("--plan", str(first), "validate")
    assert result.exit_code == 3
    assert ":38:10: invalid TOML: Cannot overwrite a value (line 24 declares [targets], a " in (
        result.stderr
    )


def test_a_misspelt_table_leads_with_did_you_mean(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path, XISHAN.read_text(encoding="utf-8").replace("[plan]", "[paln]", 1))
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"error: {plan}: paln: unknown key (did you mean plan?) (and 1 more error)",
        f"{plan}: plan: required, and missing: add the table [plan]",
    ]
    # the commands that show only the first error show the cause
    status = invoke("--plan", str(plan), "targets")
    assert "paln: unknown key (did you mean plan?)" in status.stderr


def test_an_id_error_says_what_an_id_is_and_shows_a_trailing_space(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    """D11: `id = "老旧小区改造"` (the Chinese id the brief names) and `id = "pm25 "` were told
    `String should match pattern '^[a-z][a-z0-9_]*$'`, the space invisible; a negative
    tolerance kept pydantic's English in the Chinese message."""
    text = XISHAN.read_text(encoding="utf-8")
    plan = _plan(tmp_path, text.replace('id = "pm25"', 'id = "pm25 "', 1))
    said = (
        "'pm25 ' is not an id: an id is ASCII lower-case letters, digits and _, starting with a "
        "letter (old_compounds); the Chinese name goes in name"
    )
    result = invoke("--plan", str(plan), "validate")
    assert result.exit_code == 3 and said in result.stderr and "pattern" not in result.stderr
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert "'pm25 ' 不是有效的 id" in zh.stderr
    plan = _plan(tmp_path, text.replace("around = 2\n", "around = 2\ntolerance = -0.5\n", 1))
    zh = invoke("--lang", "zh", "--plan", str(plan), "validate")
    assert zh.exit_code == 3 and "：目标 cpi：tolerance：不能小于 0" in zh.stderr, zh.stderr
