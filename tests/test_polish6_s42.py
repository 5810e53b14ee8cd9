"""Session 42, small leftovers of the session's walks (polish6), on the bundled 2026 plans:

1. `record cpi 0.3 -p 截至3月` was refused as malformed, its hint naming YYYY-MM … alone though
   1-3月 and 一季度 were taken: `截至3月`, `截至3月末`, `截至6月底`, `截至三季度` are the
   periods a bulletin's `截至…累计` header reads (one rule, `period_since`), and the hint of a
   typed period names the bulletin's forms too (a ledger's keeps plancli's codes alone).
2. A quarterly relation's reference awaited read `同期（2026年二季度）尚无数据`: a quarter's figure
   is the year to date, 2026年上半年 (as the import summary says it since walk6); `show` in
   Chinese printed `截至 2026-Q3`, a code: words there too.
3. `record --help` said --add is added to "the latest earlier period's total": since walk6 a
   month's increment needs the month before it.
4. The 基本同步 notes of four plans named a plan-file key and "the default tolerance": the
   analyst's words, with its figure (1个百分点, DESIGN's relative_tolerance).
5. `plancli template` on a new workspace said `上期数取自 shanghai.progress.toml` before that
   file existed; 规上工业增加值's unit hint named an amount bulletins never publish.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import plancli
from bulletin_files import ledger_values

SHANGHAI = "shanghai-2026"
HENAN = "henan-2026"


def _at(ledger: Path, lang: str = "en", plan: str = SHANGHAI) -> tuple[str, ...]:
    return ("--lang", lang, "--plan", plan, "--ledger", str(ledger))


# ------------------------------------------------------------ 1. -p 截至3月


@pytest.mark.parametrize(
    ("target", "typed", "period"),
    [
        ("cpi", "截至3月", "2026-03"),
        ("cpi", "截至3月末", "2026-03"),
        ("cpi", "截至6月底", "2026-06"),
        ("cpi", "截止到 5 月", "2026-05"),
        ("cpi", "截至三季度", "2026-09"),
        ("cpi", "截至二季度末", "2026-06"),
        ("cpi", "截至上半年", "2026-06"),
        ("cpi", "截至二〇二六年七月末", "2026-07"),
        ("resident_income", "截至6月底", "2026-Q2"),
        ("resident_income", "截至三季度", "2026-Q3"),
    ],
)
def test_a_period_to_the_end_of_a_month_is_recorded_as_its_year_to_date(
    invoke: Any, tmp_path: Path, target: str, typed: str, period: str
) -> None:
    ledger = tmp_path / "sh.progress.toml"
    result = invoke(*_at(ledger), "record", target, "0.3", "-p", typed)
    assert result.exit_code == 0, result.stderr
    assert f"recorded {target} {period} = 0.3%" in result.stdout + result.stderr
    assert ledger_values(ledger) == {(target, period): (Decimal("0.3"), None)}


def test_a_typed_to_the_end_and_a_bulletins_header_read_one_rule() -> None:
    from plancli.bulletin_period_words import period_part
    from plancli.periods import read_period

    for words in ("7月末", "三季度", "二季度末", "上半年", "七月"):
        header = period_part(f"截至{words}累计")  # the header, as session 40-41 read it
        typed = read_period(f"截至{words}", 2026)
        assert header == f"1-{typed.end_month}月", words


def test_a_span_to_the_end_not_from_january_is_refused(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sh.progress.toml"
    result = invoke(*_at(ledger), "record", "cpi", "0.3", "-p", "截至4-6月")
    assert result.exit_code == 2
    assert "is not year to date: plancli records figures from January (1-6月, 2026-06)" in (
        result.stderr
    )
    assert not ledger.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "error: malformed period '截至年中': use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY (e.g. "
            "2026-06, 2026-Q2, 2026-H1, 2026), or a bulletin's 1-6月, 一季度, 上半年, 前三季度, "
            "截至6月末, 全年",
        ),
        (
            "zh",
            "错误：期间 '截至年中' 格式不对：请写成 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY（如 2026-06、"
            "2026-Q2、2026-H1、2026），或按统计公报的写法：1-6月、一季度、上半年、前三季度、"
            "截至6月末、全年",
        ),
    ],
)
def test_the_hint_of_a_typed_period_names_the_bulletins_forms(
    invoke: Any, tmp_path: Path, lang: str, said: str
) -> None:
    ledger = tmp_path / "sh.progress.toml"
    result = invoke(*_at(ledger, lang), "record", "cpi", "0.3", "-p", "截至年中")
    assert result.exit_code == 2
    assert result.stderr.strip() == said


def test_a_ledgers_period_is_told_plancli_codes_alone(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sh.progress.toml"
    assert invoke(*_at(ledger), "record", "cpi", "0.3", "-p", "1-3月").exit_code == 0
    ledger.write_text(ledger.read_text("utf-8").replace('"2026-03"', '"1-3月"'), "utf-8")
    result = invoke(*_at(ledger), "status")
    assert result.exit_code != 0
    assert result.stderr.strip().endswith(
        "malformed period '1-3月': use YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, e.g. 2022-06, "
        "2022-Q2, 2022-H1, 2022"
    )


# ------------------------------------------------------------ 2. a quarter's figure in words


def test_a_quarterly_reference_awaited_names_the_year_to_date(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sh.progress.toml"
    assert invoke(*_at(ledger), "record", "resident_income", "4.5", "-p", "上半年").exit_code == 0
    zh = invoke(*_at(ledger, "zh"), "gap")
    assert "参照：全市生产总值同期（2026年上半年）尚无数据" in zh.stdout
    assert "二季度" not in zh.stdout
    en = invoke(*_at(ledger), "gap")
    assert "not yet out for 2026-Q2" in en.stdout


def test_show_in_chinese_dates_its_figure_in_words(invoke: Any, tmp_path: Path) -> None:
    ledger = tmp_path / "sh.progress.toml"
    assert invoke(*_at(ledger), "record", "resident_income", "4.5", "-p", "上半年").exit_code == 0
    lines = invoke(*_at(ledger, "zh"), "show", "resident_income").stdout.splitlines()
    assert "截至    2026年二季度末" in lines
    assert "期间    2026年上半年" in lines
    at_q3 = invoke(*_at(ledger, "zh"), "show", "resident_income", "--as-of", "前三季度")
    assert "截至        2026年三季度末" in at_q3.stdout.splitlines()
    en = [
        " ".join(line.split())
        for line in invoke(*_at(ledger), "show", "resident_income").stdout.splitlines()
    ]
    assert "as of 2026-Q2" in en
    assert "period 2026-Q2" in en


# ------------------------------------------------------------ 3. record --help, --add


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("year-to-date figure at the end of the month before it", "1-5月's")),
        ("zh", ("加到本期前一个月末的年初至今累计数上", "加到1-5月的数上")),
    ],
)
def test_record_help_says_what_add_adds_to(lang: str, words: tuple[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLANCLI_", "LC_"))}
    env.update(LANG="C.UTF-8", COLUMNS="80", PYTHONPATH=str(Path(plancli.__file__).parents[1]))
    run = [sys.executable, "-m", "plancli", "record", "--help", "--lang", lang]
    shown = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout
    flat = "".join(shown.split())
    assert all("".join(w.split()) in flat for w in words), shown
    assert "latestearlierperiod" not in flat
    assert "此前最近一期" not in flat


# ------------------------------------------------------------ 4. 基本同步, with its figure

NOTE = "“基本同步”：居民收入增速不低于同期地区生产总值增速减1个百分点，即视为同步"


@pytest.mark.parametrize("plan", ["liaoning-2026", "shanghai-2026", "sichuan-2026", "tianjin-2026"])
def test_the_in_step_notes_say_the_tolerance_in_the_analysts_words(
    invoke: Any, tmp_path: Path, plan: str
) -> None:
    ledger = tmp_path / "p.progress.toml"
    assert invoke(*_at(ledger, "zh", plan), "record", "gdp", "5", "-p", "一季度").exit_code == 0
    shown = invoke(*_at(ledger, "zh", plan), "show", "resident_income").stdout
    flat = "".join(line.strip() for line in shown.splitlines())
    assert NOTE in flat
    assert "relation" not in shown and "默认" not in shown
    # the figure the note gives is the one the assessment applies: 4 beside GDP's 5 in step
    record = ("record", "resident_income", "4", "-p", "一季度")
    assert invoke(*_at(ledger, "zh", plan), *record).exit_code == 0
    judged = [
        " ".join(line.split())
        for line in invoke(*_at(ledger, "zh", plan), "show", "resident_income").stdout.splitlines()
    ]
    assert "容差 1 个百分点（不低于 4 % 即为同步）" in judged
    assert "状态 正常推进" in judged


# ------------------------------------------------------------ 5. template


def test_a_template_of_a_new_workspace_reads_no_last_figures(
    invoke: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("--plan", SHANGHAI, "init", "ws").exit_code == 0
    monkeypatch.chdir(tmp_path / "ws")
    zh = invoke("--lang", "zh", "template", "t.csv", "-p", "6月")
    assert zh.exit_code == 0, zh.stderr
    assert "已写入 t.csv（尚无上期数：shanghai.progress.toml 在首次录入或导入时建立）" in zh.stderr
    assert "上期数取自" not in zh.stderr
    assert not (tmp_path / "ws" / "shanghai.progress.toml").exists()
    en = invoke("template", "t.csv", "-p", "6月", "--force")
    assert (
        "(no figures recorded yet: shanghai.progress.toml is made by the first record or import)"
        in en.stderr
    )
    assert invoke("record", "cpi", "0.3", "-p", "1-3月").exit_code == 0
    again = invoke("--lang", "zh", "template", "t.csv", "-p", "6月", "--force")
    assert "已写入 t.csv（上期数取自 shanghai.progress.toml）" in again.stderr


def test_industrial_value_addeds_unit_hint_names_no_amount(invoke: Any, tmp_path: Path) -> None:
    ledger, sheet = tmp_path / "hn.progress.toml", tmp_path / "t.csv"
    assert invoke(*_at(ledger, "en", HENAN), "record", "gdp", "5.1", "-p", "一季度").exit_code == 0
    assert invoke(*_at(ledger, "zh", HENAN), "template", str(sheet), "-p", "6月").exit_code == 0
    rows = {line.split(",")[0]: line for line in sheet.read_text("utf-8-sig").splitlines()}
    assert (
        "规上工业增加值,增速%（统计局只公布增速，不公布总量：对应总量列留空）"
        in (rows["industrial_value_added"])
    )
    # (the Chinese CSV names the amount column as headed since session 43: 对应总量)
    assert "增速%（对应总量列：亿元）" in rows["gdp"]  # a GDP's amount is published
    # a template written before, its old words, is read back as the template's own
    old = rows["industrial_value_added"].replace(
        "增速%（统计局只公布增速，不公布总量：对应总量列留空）", "增速%（amount列：亿元）"
    )
    filled = old.replace("industrial_value_added,2026-06,,", "industrial_value_added,2026-06,6.1,")
    sheet.write_text(f"{rows['指标代码']}\n{filled}\n", "utf-8")
    result = invoke(*_at(ledger, "en", HENAN), "import", str(sheet))
    assert result.exit_code == 0, result.stderr
    assert ledger_values(ledger)[("industrial_value_added", "2026-06")] == (Decimal("6.1"), None)
