"""The Chinese interface (issue 12.4): the language chosen, the catalog complete and compiled,
help, errors and prompts in Chinese; English complete and the default."""

from __future__ import annotations

import gettext
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest

from ledgers import read_records
from plancli.i18n import LOCALE_DIR, choose_language, default_lang, lang_from_argv

REPO = Path(__file__).resolve().parents[1]
PO = LOCALE_DIR / "zh" / "LC_MESSAGES" / "plancli.po"
MO = PO.with_suffix(".mo")


def _po() -> dict[str, str | tuple[str, ...]]:
    from babel.messages.pofile import read_po

    with PO.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in catalog if m.id}


def _extracted() -> set[str]:
    """Every message the code marks for translation, as `pybabel extract` finds them."""
    from babel.messages.extract import extract_from_dir

    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO / "src" / "plancli"), method_map=[("**.py", "python")]
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


# ------------------------------------------------------------------------ the catalog


def test_every_extracted_message_has_a_chinese_translation() -> None:
    pytest.importorskip("babel")
    translations = _po()
    extracted = _extracted()
    assert len(extracted) > 250
    missing = sorted(m for m in extracted if not translations.get(m))
    assert missing == [], "run the update in docs/chinese.md; untranslated: " + "; ".join(missing)
    # and the catalog keeps nothing the code no longer says
    assert sorted(set(translations) - extracted) == []


def test_translations_keep_every_placeholder() -> None:
    pytest.importorskip("babel")
    for message, translated in _po().items():
        forms = translated if isinstance(translated, tuple) else (translated,)
        for form in forms:
            assert _fields(form) == _fields(message), (message, form)


def test_the_ledger_has_one_chinese_name() -> None:
    """Audit D9: the ledger was 数据文件 (32 messages, a database's too), 账本 (the PostgreSQL
    messages) and 进度数据 (--ledger's help). It is 台账 - a file's or a database's - and 台账文件
    only where a message is about the file as such (its name, its lock, its syntax)."""
    pytest.importorskip("babel")
    from plancli.i18n import t

    for message, translated in _po().items():
        forms = translated if isinstance(translated, tuple) else (translated,)
        for form in forms:
            for other in ("数据文件", "进度数据", "全局"):
                assert other not in form, (message, form)
            assert "账本" not in form.replace("台账本身", ""), (message, form)
        if "ledger" in message.lower() and "the ledger's owner" in message:
            assert all("台账所有者" in form for form in forms), (message, forms)
    assert t("ledger", "zh") == "台账："
    ledger_help = next(m for m in _po() if m.startswith("Ledger of recorded progress"))
    assert "单位共用的 PostgreSQL 数据库" in str(_po()[ledger_help])


def test_the_compiled_catalog_is_the_po_file() -> None:
    pytest.importorskip("babel")
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message, translated in _po().items():
        if isinstance(translated, tuple):
            assert compiled.ngettext(message, message + "s", 2) == translated[0], message
        else:
            assert compiled.gettext(message) == translated, f"{message}: recompile the .mo"


def test_the_catalog_ships_in_the_package() -> None:
    assert MO.parent == Path(__import__("plancli").__file__).parent / "locale/zh/LC_MESSAGES"
    assert MO.stat().st_size > 10_000


# ---------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("argv", "lang"),
    [
        (["--lang", "zh", "status"], "zh"),
        (["status", "--lang", "zh"], "zh"),  # after the command too
        (["gap", "--lang=zh", "--json"], "zh"),
        (["status", "--lang", "en"], "en"),
        (["status"], None),
        (["status", "--lang", "fr"], None),  # the CLI then says `--lang fr: choose en or zh`
        (["record", "gdp", "5", "--", "--lang", "zh"], None),  # after `--`: an argument
    ],
)
def test_lang_from_the_command_line(argv: list[str], lang: str | None) -> None:
    assert lang_from_argv(argv) == lang


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),  # LC_ALL first
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"PLANCLI_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),  # set once, over the locale
        ({"PLANCLI_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"PLANCLI_LANG": "zh_CN"}, "zh"),
        ({"PLANCLI_LANG": ""}, "en"),  # empty: as if unset
    ],
)
def test_lang_from_plancli_lang_else_the_locale(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "PLANCLI_LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert default_lang() == lang
    assert choose_language(["status", "--lang", "en"]) == "en"  # the option wins


@pytest.mark.parametrize(("language_id", "lang"), [(0x0804, "zh"), (0x0404, "zh"), (0x0409, "en")])
def test_without_a_locale_windows_display_language_decides(
    monkeypatch: pytest.MonkeyPatch, language_id: int, lang: str
) -> None:
    """Windows sets no LANG: a Chinese Windows got English. Its display language (a LANGID,
    which only Windows answers) decides when no variable does; LANG still wins where set."""
    import plancli.i18n

    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "PLANCLI_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(plancli.i18n, "windows_ui_language", lambda: language_id)
    assert default_lang() == lang
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert default_lang() == "en"


def test_off_windows_there_is_no_display_language() -> None:
    import plancli.i18n

    assert plancli.i18n.windows_ui_language() is None


def test_a_plancli_lang_naming_no_language_is_refused(invoke, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PLANCLI_LANG", "fr")
    result = invoke("status")
    assert result.exit_code == 2
    assert result.stderr == "error: PLANCLI_LANG=fr: choose en or zh\n"
    assert invoke("status", "--lang", "zh").exit_code == 0  # the option wins, unchecked


def test_plancli_lang_makes_the_help_chinese() -> None:
    result = _plancli("--help", extra={"PLANCLI_LANG": "zh"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法：")
    assert "（默认：PLANCLI_LANG，否则按系统区域设置）" in result.stdout.replace("\n", "").replace(
        " ", ""
    )


def _plancli(
    *args: str, lang_env: str = "C.UTF-8", extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LC_ALL", "LC_MESSAGES", "PLANCLI_PLAN", "PLANCLI_LEDGER", "PLANCLI_LANG")
    }
    env.update(LANG=lang_env, COLUMNS="80", PYTHONPATH=str(REPO / "src"), NO_COLOR="1")
    env.update(extra or {})
    return subprocess.run(
        [sys.executable, "-m", "plancli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_help_is_chinese_under_a_chinese_locale() -> None:
    result = _plancli("--help", lang_env="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("用法：")
    for words in (
        "对照目标跟踪政府年度国民经济和社会发展计划的执行情况",
        "选项：",
        "执行情况：",
        "录入进度：",
        "显示本帮助并退出",
    ):
        assert words in out
    assert "Track a government" not in out
    # wrapped by display width: no line wider than the terminal
    assert (
        max(
            sum(2 if "\u4e00" <= c <= "\u9fff" or c in "（）：；，。、" else 1 for c in line)
            for line in out.splitlines()
        )
        <= 80
    )


def test_help_is_english_by_default_and_chinese_with_lang_after_the_command() -> None:
    english = _plancli("record", "--help")
    assert "Record a figure for a target and period" in english.stdout
    assert "Usage:" in english.stdout and "用法" not in english.stdout
    chinese = _plancli("record", "--help", "--lang", "zh")
    assert "录入某目标某期的数据" in chinese.stdout
    assert chinese.stdout.startswith("用法：") and "参数：" in chinese.stdout


# ------------------------------------------------------------------ errors in Chinese


def test_an_unknown_target_in_chinese_names_it_and_suggests(invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke("--lang", "zh", "show", "gdpp")
    assert result.exit_code == 2
    assert result.stderr == "错误：计划 guandu-2022 中没有目标 'gdpp'；是否想找 gdp？\n"


def test_input_errors_in_chinese_keep_the_value(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    plan = str(mini_plan)
    bad_period = invoke(
        "--plan", plan, "record", "g5", "150", "--period", "2022-13", "--lang", "zh"
    )
    assert bad_period.exit_code == 2
    assert bad_period.stderr == "错误：期间 '2022-13' 有误：没有13月（月份为1～12）\n"
    not_a_period = invoke(
        "--plan", plan, "record", "g5", "150", "--period", "22-06", "--lang", "zh"
    )
    assert not_a_period.stderr.startswith("错误：期间 '22-06' 格式不对：请写成 YYYY-MM")
    outside = invoke("--plan", plan, "--lang", "zh", "record", "g5", "150", "-p", "2021-06")
    assert outside.stderr == "错误：期间 '2021-06' 不在计划年度 2022 内\n"
    not_a_number = invoke("--plan", plan, "--lang", "zh", "record", "g5", "lots", "-p", "2022-06")
    assert not_a_number.stderr == "错误：数值 'lots' 不是数字（应如 310、5.2、-0.3）\n"


def test_a_plan_file_error_in_chinese_exits_3(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "bad.toml"
    plan.write_text('[plan]\nid = "x"\nyear = 2022\nname = "x"\n[[targets]\nid = 1\n', "utf-8")
    result = invoke("--plan", str(plan), "--lang", "zh", "targets")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"错误：{plan}:5:")
    assert "TOML 格式错误" in result.stderr and result.stderr.count("\n") == 1


def test_a_ledger_file_error_in_chinese_exits_3(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = mini_plan.with_name("mini.progress.toml")
    ledger.write_text("version = 1\nfigures = []\n", "utf-8")
    result = invoke("--plan", str(mini_plan), "--lang", "zh", "gap")
    assert result.exit_code == 3
    assert result.stderr == (
        f"错误：{ledger}：未知的键 'figures'；台账文件只含 `version = 1`、[[records]] 和 "
        "[[amendments]]\n"
    )


def test_usage_errors_are_one_line_in_either_language(invoke) -> None:  # type: ignore[no-untyped-def]
    english = invoke("gap", "--bogus")
    assert english.exit_code == 2
    assert english.stderr == "error: no such option: --bogus; see `plancli gap --help`\n"
    missing = invoke("show")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "error: missing argument ID; see `plancli show --help`\n",
    )
    chinese = invoke("--lang", "zh", "record", "gdp")
    assert (chinese.exit_code, chinese.stderr) == (
        2,
        "错误：缺少参数 VALUE；见 `plancli record --help`\n",
    )
    unknown = invoke("--lang", "zh", "nosuch")
    assert unknown.stderr == "错误：没有这个命令：nosuch；见 `plancli --help`\n"
    bad_lang = invoke("--lang", "fr", "gap")
    assert (bad_lang.exit_code, bad_lang.stderr) == (2, "error: --lang fr: choose en or zh\n")
    assert "Usage" not in english.stderr + missing.stderr + chinese.stderr


def test_what_record_says_is_chinese(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    ledger = mini_plan.with_name("mini.progress.toml")
    first = invoke("--plan", str(mini_plan), "--lang", "zh", "record", "g5", "150", "-p", "2022-06")
    [record] = read_records(ledger)
    assert first.stderr == f"已录入 g5 2022-06 = 150个，写入 {ledger}（批次 {record.batch}）\n"
    again = invoke("--plan", str(mini_plan), "--lang", "zh", "record", "g5", "160", "-p", "2022-06")
    batch = read_records(ledger)[-1].batch
    assert again.stderr.startswith(
        f"已录入 g5 2022-06 = 160个，写入 {ledger}（批次 {batch}）；取代 "
    )
    assert again.stderr.endswith(" UTC 录入的 150个\n")


def test_the_undo_question_is_chinese(invoke, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    invoke("--plan", str(mini_plan), "record", "g5", "150", "-p", "2022-06")
    refused = invoke("--plan", str(mini_plan), "undo", "--lang", "zh")
    assert refused.exit_code == 2
    assert refused.stderr.endswith(
        "错误：undo 撤销前要询问，而标准输入不是终端；用 --yes 可不经询问直接撤销\n"
    )
    dry = invoke("--plan", str(mini_plan), "undo", "--dry-run", "--lang", "zh")
    assert "将撤销批次 " in dry.stderr and " 的 1 条记录；未写入（--dry-run）" in dry.stderr


def test_english_stays_the_default_after_a_chinese_run(invoke) -> None:  # type: ignore[no-untyped-def]
    assert invoke("--lang", "zh", "show", "gdpp").stderr.startswith("错误：")
    assert invoke("show", "gdpp").stderr.startswith("error: unknown target 'gdpp'")


def test_the_note_is_shown_in_the_chosen_language(invoke, tmp_path: Path, mini_plan: Path) -> None:  # type: ignore[no-untyped-def]
    text = mini_plan.read_text(encoding="utf-8")
    noted = text.replace(
        'id = "g5"\n', 'id = "g5"\nnote = "按季度统计"\nnote_en = "counted quarterly"\n', 1
    )
    assert noted != text
    mini_plan.write_text(noted, encoding="utf-8")
    zh = invoke("--plan", str(mini_plan), "--lang", "zh", "show", "g5").stdout
    en = invoke("--plan", str(mini_plan), "show", "g5").stdout
    assert "按季度统计" in zh and "counted quarterly" not in zh
    assert "counted quarterly" in en and "按季度统计" not in en


def test_xlsx_report_headers_and_statuses_in_chinese(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    workspace = tmp_path / "ws"
    assert invoke("--plan", "guandu-2021", "init", str(workspace)).exit_code == 0
    plan = workspace / "plan2021.toml"
    for lang, header, status, name in (
        ("zh", "状态", "未完成", "执行情况"),  # the sheet's Chinese name (session 31)
        ("en", "status", "missed", "assessments"),
    ):
        out = tmp_path / f"report-{lang}.xlsx"
        assert invoke("--plan", str(plan), "--lang", lang, "report", "-o", str(out)).exit_code == 0
        sheet = openpyxl.load_workbook(out)[name]
        headers = [cell.value for cell in sheet[1]]
        column = headers.index(header)
        gdp = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "gdp")
        assert gdp[column] == status  # 2021: GDP grew 0.3 % against a planned 8 %


def test_an_import_refused_in_chinese(invoke, mini_plan: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    figures = tmp_path / "june.csv"
    figures.write_text("target,period,value\ng5,2022-06,150\ng5,2022-13,160\n", "utf-8")
    result = invoke("--plan", str(mini_plan), "--lang", "zh", "import", str(figures))
    assert result.exit_code == 2
    first, second = result.stderr.splitlines()
    assert first == f"错误：{figures}：1 行有误；未导入任何数据"
    assert second == f"{figures}:3：目标 g5：期间 '2022-13' 有误：没有13月（月份为1～12）"


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_a_terminal_in_gbk_shows_the_dashboard_not_an_internal_error(
    invoke, tmp_path: Path, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    """A Chinese server's terminal in GBK (zh_CN.GBK) cannot show the bar's ░: `status` ended
    in "internal error: UnicodeEncodeError", exit 70. What the terminal's encoding lacks is
    written as a near character or '?', and the figures are all there."""
    plan = tmp_path / "ws" / "plan2022.toml"
    # the workspace made in-process (its files are the same); `status` is a real process, whose
    # terminal's encoding is the point (docs/testing.md, rule 2)
    assert invoke("init", str(tmp_path / "ws")).exit_code == 0
    assert invoke("--plan", str(plan), "record", "gdp", "5", "-p", "2022-Q2").exit_code == 0
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING=encoding, COLUMNS="80", PYTHONPATH=str(REPO / "src"))
    env.update(NO_COLOR="1", HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for lang in ("zh", "en"):
        run = subprocess.run(
            [sys.executable, "-m", "plancli", "--plan", str(plan), "--lang", lang, "status"],
            capture_output=True,
            env=env,
            check=False,
        )
        assert run.returncode == 0, run.stderr.decode(encoding, "replace")
        text = run.stdout.decode(encoding)
        assert "gdp" in text and " 5%" in text and "50%" in text
        if encoding == "gbk" and lang == "zh":
            assert "时间进度" in text and "地区生产总值" in text
        if encoding == "gbk":  # GBK has ─: one rule under the header, as on UTF-8, no grid of
            assert "─" * 20 in text and "|" not in text  # `|` boxing some columns, not others


def test_json_on_a_gbk_terminal_is_utf8(tmp_path: Path) -> None:
    """`targets --json`, `plans --json` and `extract`'s TOML on a GBK locale: UTF-8, as the help
    promises and the formats require (before: GBK bytes, which `jq`, JSON readers and tomllib
    refuse); the table and a Markdown report stay in GBK, an HTML one in its UTF-8."""
    report = tmp_path / "report.txt"
    body = "今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，财政收入增长5%。"
    report.write_text(f"某县政府工作报告\n县长在报告中说，发展是第一要务。\n{body}\n", "utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING="gbk", PYTHONPATH=str(REPO / "src"), HOME=str(tmp_path))
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), COLUMNS="120", NO_COLOR="1")
    cases = [
        (["targets", "--json"], "地区生产总值", "utf-8"),
        (["plans", "--json"], "官渡区", "utf-8"),
        (["targets"], "地区生产总值", "gbk"),
        (["extract", str(report), "--year", "2024"], "地区生产总值", "utf-8"),
        # the guide's `report --format md | head -5`: text for people, in the terminal's
        # encoding (it printed UTF-8, mojibake on a GBK screen); HTML keeps its own charset
        (["report", "--format", "md"], "官渡区2022年国民经济和社会发展计划执行进度报告", "gbk"),
        (["report", "--format", "html"], "官渡区2022年国民经济和社会发展计划", "utf-8"),
    ]
    for command, name, encoding in cases:
        run = subprocess.run(
            [sys.executable, "-m", "plancli", "--lang", "zh", *command],
            capture_output=True,
            env=env,
            check=False,
        )
        assert run.returncode == 0, run.stderr.decode("gbk", "replace")
        assert name.encode(encoding) in run.stdout


def test_csv_on_a_gbk_terminal_writes_what_gbk_lacks_in_gb18030(tmp_path: Path) -> None:
    """A name with a character GBK lacks (𠮷, written with a rare character of a place name,
    or an emoji pasted from a chat) stopped `gap --csv` and `targets --csv` on a zh_CN.GBK
    terminal: internal error: UnicodeEncodeError, exit 70. CSV is data: GB18030, GBK's
    superset, writes every GBK character as GBK writes it and the rest exactly."""
    seed = (REPO / "data" / "plan2022.toml").read_text(encoding="utf-8")
    plan = tmp_path / "plan2022.toml"
    plan.write_text(seed.replace('name = "地区生产总值"', 'name = "地区生产总值𠮷"', 1), "utf-8")
    assert _plancli("--plan", str(plan), "record", "gdp", "5", "-p", "2022-Q2").returncode == 0
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING="gbk", PYTHONPATH=str(REPO / "src"), HOME=str(tmp_path))
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    for command in (["gap", "--csv"], ["targets", "--csv"]):
        run = subprocess.run(
            [sys.executable, "-m", "plancli", "--plan", str(plan), "--lang", "zh", *command],
            capture_output=True,
            env=env,
            check=False,
        )
        assert run.returncode == 0, run.stderr.decode("gbk", "replace")
        text = run.stdout.decode("gb18030")
        assert "gdp,headline,地区生产总值𠮷," in text
        assert "城镇登记失业率".encode("gbk") in run.stdout  # the rest as GBK writes it


def test_template_on_stdout_follows_a_gbk_terminal_as_csv_does(tmp_path: Path) -> None:
    """`plancli template - --period 2022-06 | head` (the guide's way to see the sheet's
    columns) printed UTF-8 on a GBK terminal, its Chinese names as mojibake (缁忔祹澧為暱),
    where every other CSV on stdout is in the terminal's encoding."""
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LANG")}
    env.update(PYTHONIOENCODING="gbk", PYTHONPATH=str(REPO / "src"), HOME=str(tmp_path))
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    run = subprocess.run(
        [sys.executable, "-m", "plancli", "--lang", "zh", "template", "-", "--period", "2022-06"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode("gbk", "replace")
    assert "gdp,2022-Q2,,,,,地区生产总值," in run.stdout.decode("gbk")


def test_report_on_a_terminal_without_the_signs_writes_them_in_ascii(tmp_path: Path) -> None:
    """Session 25: `report` on stdout in an encoding without ≈, ≥ and ≤ (cp1252, a Western
    Windows' pipe; ASCII: `LANG=C` with `PYTHONUTF8=0`) stopped with `cannot write '≥'`, or,
    with `errors=replace`, printed `?` for each: `? 7%` beside `? 4.8%`. They are `>= 7%`,
    `<= 4.8%`, `~`, as the tables write them; 亿元 a Markdown reference (&#20159;&#20803;),
    shown as 亿元 by any Markdown reader. A file written with -o stays UTF-8, byte for byte."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    env.update(PYTHONPATH=str(REPO / "src"), HOME=str(tmp_path), NO_COLOR="1")
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), SOURCE_DATE_EPOCH="1656633600")
    ledger = ("--plan", "guandu-2022", "--ledger", str(tmp_path / "gd.toml"), "--lang", "en")

    def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
        extra = {"PYTHONIOENCODING": encoding}
        if encoding == "C":
            extra = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
        done = subprocess.run(
            [sys.executable, "-m", "plancli", *ledger, *args],
            capture_output=True,
            env={**env, **extra},
            check=False,
        )
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done

    run("utf-8", "record", "gdp", "4.1", "--period", "2022-Q1")
    utf8 = run("utf-8", "report", "--as-of", "2022-03").stdout.decode("utf-8")
    assert "| ≥ 7% |" in utf8 and "| ≤ 4.8% |" in utf8 and "| ≈ Gross regional" in utf8
    for encoding in ("cp1252", "ascii", "ascii:replace", "C"):
        done = run(encoding, "report", "--as-of", "2022-03")
        text = done.stdout.decode(encoding.split(":")[0].replace("C", "ascii"))
        assert "?" not in text
        assert "| >= 7% |" in text and "| <= 4.8% |" in text and "| ~ Gross regional" in text
        assert "Units: &#20159;&#20803; = 100 million yuan." in text
        assert "written as Markdown references" in done.stderr.decode("ascii")
        out = tmp_path / f"report-{encoding.replace(':', '-')}.md"
        run(encoding, "report", "--as-of", "2022-03", "-o", str(out))
        assert out.read_bytes() == utf8.encode("utf-8")  # -o: UTF-8, unchanged
