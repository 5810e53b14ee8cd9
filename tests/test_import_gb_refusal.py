"""A GB18030 (GBK) CSV that `import` refuses says how it was read, on its last line, as an
imported one does (session 35's walk): a user fixing a refused Excel CSV from a Chinese
Windows learns the file was read as GB18030, not UTF-8; `error:` stays the first line.
Guandu 2022's GDP (gdp, 地区生产总值) and the seed's 0.3 %."""

from __future__ import annotations

from pathlib import Path

import pytest

READ_AS = "{file}: read as GB18030 text (Excel's CSV on a Chinese Windows)\n"


@pytest.fixture
def imports(invoke, tmp_path: Path):  # type: ignore[no-untyped-def]
    ledger = tmp_path / "work.progress.toml"

    def call(file: str, text: str, encoding: str = "gbk", *lang: str):  # type: ignore[no-untyped-def]
        path = tmp_path / file
        path.write_bytes(text.encode(encoding))
        result = invoke(
            *lang, "--plan", "guandu-2022", "--ledger", str(ledger), "import", str(path)
        )
        assert not ledger.exists()  # refused: nothing written
        return result, str(path)

    return call


def test_a_bad_row_of_a_gbk_csv_says_how_it_was_read(imports) -> None:  # type: ignore[no-untyped-def]
    result, path = imports(
        "6月.csv", "指标,期间,数值\n地区生产总值,2022年6月,0.3\n地区生产总值,2022年9月,abc\n"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}: 1 bad row; nothing was imported\n"
        + f"{path}:3: target gdp: '数值' 'abc' is not a number (e.g. 310, 5.2, -0.3)\n"
        + READ_AS.format(file=path)
    )


def test_a_bad_header_of_a_gbk_csv_says_how_it_was_read(imports) -> None:  # type: ignore[no-untyped-def]
    result, path = imports("6月.csv", "名称,数值\n地区生产总值,0.3\n")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"error: {path}:1: unknown column(s) '名称'")
    assert lines[1] == READ_AS.format(file=path).rstrip("\n")
    assert len(lines) == 2  # one extra line, no more


def test_the_refusal_in_chinese(imports) -> None:  # type: ignore[no-untyped-def]
    text = "指标,期间,数值\n地区生产总值,2022年9月,abc\n"
    result, path = imports("6月.csv", text, "gbk", "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：{path}：1 行有误")
    assert result.stderr.endswith(
        f"\n{path}：按 GB18030 编码读取（中文 Windows 上 Excel 保存的 CSV）\n"
    )


def test_a_utf8_csv_refused_says_nothing_of_its_encoding(imports) -> None:  # type: ignore[no-untyped-def]
    result, path = imports("6月.csv", "指标,期间,数值\n地区生产总值,2022年9月,abc\n", "utf-8")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: 1 bad row")
    assert "GB18030" not in result.stderr
