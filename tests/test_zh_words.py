"""English words left in the Chinese interface (audit D6), each now said in Chinese: a section
shown by its name (its id, which `--section` takes, in brackets), a relative target's reference
by its name, a roll-up's bound as 下限/上限 rather than its TOML key, and lists in a Chinese
sentence joined with 、. The English interface keeps the ids and the `, `."""

from __future__ import annotations

from pathlib import Path

import pytest


def field(output: str, label: str) -> list[str]:
    """The values of a `show` row (`部分       …`), in the order shown."""
    return [line[len(label) :].strip() for line in output.splitlines() if line.startswith(label)]


def test_show_names_the_section_in_chinese_with_its_id_in_brackets(invoke) -> None:  # type: ignore[no-untyped-def]
    zh = invoke("--lang", "zh", "show", "new_5g_base_stations")
    assert zh.exit_code == 0, zh.output
    assert field(zh.stdout, "部分") == ["坚持建管并重，优化城市品质功能（urban）"]
    assert "备注       目标低于2021年实绩（新建5G基站350个），按报告原数保留。" in zh.stdout
    en = invoke("--lang", "en", "show", "new_5g_base_stations")
    # the section's English name under en (s24 audit E D7), as status and report call it
    assert field(en.stdout, "section") == ["urban  Urban construction and management"]
    assert "note           Set below the 2021 result (350 new base stations)" in en.stdout


def test_show_names_a_relative_targets_reference_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`目标 ≥ national_fai_growth` read as an untranslated word: under zh the reference is
    named (全国固定资产投资增速) in the plan's rows and in the assessment, its id kept beside the
    name in 参照 (what `record` and `show` take)."""
    assert invoke("init", str(tmp_path / "sx"), "--plan", "shaanxi-2026", "--demo").exit_code == 0
    plan = str(tmp_path / "sx" / "shaanxi.toml")
    zh = invoke("--plan", plan, "--lang", "zh", "show", "fixed_asset_investment")
    assert zh.exit_code == 0, zh.output
    assert field(zh.stdout, "目标")[0] == "≥ 全国固定资产投资增速"
    assert field(zh.stdout, "参照")[0] == "不低于 全国固定资产投资增速（national_fai_growth）"
    assessed = field(zh.stdout, "参照")[1]
    assert assessed.startswith("全国固定资产投资增速 ") and "national" not in assessed
    en = invoke("--plan", plan, "--lang", "en", "show", "fixed_asset_investment")
    # English names it too, as the Chinese does (audit C, session 22): the id in brackets
    assert field(en.stdout, "target")[0] == "≥ National fixed-asset investment growth"
    assert field(en.stdout, "reference")[0].startswith("not below National fixed-asset")
    lines = en.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("reference"))
    assert lines[at + 1].strip() == "(national_fai_growth)"  # wrapped at 80 columns
    assert field(en.stdout, "reference")[1].startswith("National fixed-asset investment growth")


def test_validate_says_a_rollups_bound_in_chinese(invoke) -> None:  # type: ignore[no-untyped-def]
    zh = invoke("--lang", "zh", "validate", "--json")
    en = invoke("--lang", "en", "validate", "--json")
    assert (
        "下限（min）58.72 ≠ 构成项之和 58.71（investment_roads、investment_municipal、" in zh.stdout
    )
    assert "min 58.72 ≠ 58.71, the sum of its parts (investment_roads, investment_municipal, " in (
        en.stdout
    )


@pytest.mark.parametrize(
    ("args", "zh_part", "en_part"),
    [
        (
            ("gap", "--status", "late"),
            "met（完成）、on_track（正常推进）、at_risk（存在风险）",
            "valid: met, on_track, at_risk",
        ),
        (
            ("targets", "--section", "nope"),
            "headline（主要预期目标）、industry（构建现代化产业体系）",
            "sections are: headline, industry",
        ),
        (
            ("targets", "--kind", "nope"),
            "growth（增速）、level（水平）、",
            "kinds are: growth, level, ",
        ),
    ],
)
def test_lists_in_a_chinese_error_are_joined_with_the_enumeration_comma(
    invoke, args: tuple[str, ...], zh_part: str, en_part: str
) -> None:  # type: ignore[no-untyped-def]
    zh = invoke("--lang", "zh", *args)
    assert zh.exit_code == 2 and zh_part in zh.stderr and ", " not in zh.stderr, zh.stderr
    en = invoke("--lang", "en", *args)
    assert en.exit_code == 2 and en_part in en.stderr, en.stderr
