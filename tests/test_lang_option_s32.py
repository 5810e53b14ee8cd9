"""Session 32: `--lang` takes what `PLANCLI_LANG` takes (`ZH`, `zh_CN`, `en_US.UTF-8`): `--lang
ZH` was `error: --lang ZH: choose en or zh` where `PLANCLI_LANG=ZH` was obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest

from plancli.i18n import lang_from_argv, lang_named


@pytest.mark.parametrize(
    ("value", "lang"),
    [("zh", "zh"), ("ZH", "zh"), (" zh ", "zh"), ("zh_CN", "zh"), ("zh-TW", "zh"),
     ("en", "en"), ("EN", "en"), ("en_US.UTF-8", "en"), ("fr", None), ("", None), ("中文", None)],
)  # fmt: skip
def test_a_language_is_named_alike_by_the_option_and_the_variable(
    value: str, lang: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plancli.i18n import env_lang

    assert lang_named(value) == lang
    assert lang_from_argv(["status", "--lang", value]) == lang
    assert lang_from_argv([f"--lang={value}", "status"]) == lang
    monkeypatch.setenv("PLANCLI_LANG", value)
    assert env_lang() == lang


@pytest.mark.parametrize("value", ["ZH", "zh_CN"])
def test_the_command_line_obeys_it(invoke, tmp_path: Path, value: str) -> None:  # type: ignore[no-untyped-def]
    ledger = str(tmp_path / "l.toml")
    for args in (
        ("--lang", value, "--ledger", ledger, "record", "gdp", "5", "-p", "2022-13"),
        ("--ledger", ledger, "record", "gdp", "5", "-p", "2022-13", f"--lang={value}"),
    ):
        result = invoke(*args)
        assert (result.exit_code, result.stderr) == (
            2,
            "错误：期间 '2022-13' 有误：没有13月（月份为1～12）\n",
        )
    refused = invoke("--lang", "fr", "--ledger", ledger, "record", "gdp", "5", "-p", "2022-06")
    assert (refused.exit_code, refused.stderr) == (2, "error: --lang fr: choose en or zh\n")
