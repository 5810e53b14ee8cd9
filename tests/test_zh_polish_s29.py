"""The Chinese interface's punctuation and the errors it still said in English (session 29).

Before: Click's "did you mean" list was joined with `, ` inside a Chinese sentence
(`是否想用 status, targets？`); a plan's, a ledger's and an import's errors kept the English
form's ASCII colons (`p.toml: 第 2 行: plan.name_en: 必填…`); a header cell merged over two
columns was refused row by row as "a value in a column with no header", never saying it is
merged; libpq's reasons for a connection string it cannot read, and the server's for an
unknown setting, stayed English under zh; a read-only folder and a held lock had no zh test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.test_zh_errors_s28 import english_words

from plancli.i18n import set_language

MINI = Path(__file__).parent / "fixtures" / "mini.toml"


def _plan(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = MINI.read_text("utf-8")
    assert old in text
    plan = tmp_path / "p.toml"
    plan.write_text(text.replace(old, new, 1), "utf-8")
    return plan


# ----------------------------------------------------------------- 1. Click's suggestions


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["stauts"],
            "错误：没有这个命令：stauts（是否想用 status、targets？）；见 `plancli --help`\n",
            "error: no such command: stauts (did you mean status, targets?); see "
            "`plancli --help`\n",
        ),
        (
            ["gap", "--as"],
            "错误：没有这个选项：--as（是否想用 --as-of、--csv、--sort？）；"
            "见 `plancli gap --help`\n",
            "error: no such option: --as (did you mean --as-of, --csv, --sort?); see "
            "`plancli gap --help`\n",
        ),
        (
            ["status", "--s"],
            "错误：没有这个选项：--s（是否想用 --as-of、--json？）；见 `plancli status --help`\n",
            "error: no such option: --s (did you mean --as-of, --json?); see "
            "`plancli status --help`\n",
        ),
    ],
    ids=["command", "gap option", "status option"],
)
def test_suggestions_are_joined_with_the_chinese_list_comma(  # type: ignore[no-untyped-def]
    invoke, args: list[str], zh: str, en: str
) -> None:
    """(A command is looked up before the group reads `--lang`; `plancli` chooses the
    language from its arguments first, as set here, test_audit23_usage_words.)"""
    assert invoke("--lang", "en", *args).stderr == en
    set_language("zh")
    assert invoke("--lang", "zh", *args).stderr == zh


# ------------------------------------------------------------ 2. file, line and field: ：


def test_a_plan_error_under_zh_has_full_width_colons(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path, "year = 2022\n")  # named on the [plan] line, line 2
    zh = invoke("--plan", str(plan), "--lang", "zh", "targets")
    assert zh.exit_code == 3
    assert zh.stderr.startswith(
        f"错误：{plan}:2：plan.year：必填，但缺少：请在 [plan] 下加一行 year = …"
    ), zh.stderr
    en = invoke("--plan", str(plan), "targets")
    assert en.stderr.startswith(
        f"error: {plan}: line 2: plan.year: required, and missing: add a line year = … under [plan]"
    ), en.stderr


def test_a_target_error_names_target_and_field_with_full_width_colons(
    invoke, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path, "min = 7", 'min = "7%"')
    line = plan.read_text("utf-8").splitlines().index('min = "7%"') + 1
    zh = invoke("--plan", str(plan), "--lang", "zh", "validate")
    assert zh.exit_code == 3
    assert f"{plan}:{line}：目标 gdp：min：应为数字" in zh.stderr, zh.stderr
    assert ": " not in zh.stderr.replace(str(plan), ""), zh.stderr


def test_a_ledger_record_error_under_zh_has_full_width_colons_and_brackets(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    plan = _plan(tmp_path)
    ledger = tmp_path / "p.progress.toml"
    ledger.write_text(
        "version = 1\n[[records]]\ntarget = 'gdp'\nperiod = '2022-Q2'\nvalue = 'abc'\n"
        "recorded_at = 2022-07-01T00:00:00Z\nbatch = 'b'\n",
        "utf-8",
    )
    zh = invoke("--plan", str(plan), "--lang", "zh", "gap")
    assert zh.exit_code == 3
    assert zh.stderr == f"错误：{ledger}:5：第 1 条记录（gdp 2022-Q2）：value：应为数字\n"
    en = invoke("--plan", str(plan), "gap")
    assert en.stderr == (
        f"error: {ledger}:5: record 1 (gdp 2022-Q2): value: Input should be a valid decimal\n"
    )


def test_an_import_row_error_under_zh_has_a_full_width_colon(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path)
    figures = tmp_path / "june.csv"
    figures.write_text("target,period,value\ngdp,2022-Q2,5.2\ngdp,2022Q5,5\n", "utf-8")
    zh = invoke("--plan", str(plan), "--lang", "zh", "import", str(figures))
    assert zh.exit_code == 2
    assert (
        zh.stderr.splitlines()[1]
        == f"{figures}:3：目标 gdp：期间 '2022Q5' 有误：没有第5季度（季度为1～4）"
    )
    en = invoke("--plan", str(plan), "import", str(figures))
    assert en.stderr.splitlines()[1].startswith(
        f"{figures}:3: target gdp: malformed period '2022Q5'"
    )


def test_a_sqlite_ledger_row_error_under_zh_has_full_width_colons(tmp_path: Path) -> None:
    import sqlite3

    from plancli.locations import LedgerLocation
    from plancli.plan import load_plan_file
    from plancli.stores import open_store
    from plancli.stores.base import LedgerFileError

    ledger = tmp_path / "p.sqlite"
    plan = load_plan_file(MINI)
    from plancli.ledger import Entry, record_entry

    record_entry(open_store(LedgerLocation(ledger, "option")), plan, Entry("gdp", "2022-Q2", "5"))
    with sqlite3.connect(ledger) as db:
        db.execute("UPDATE records SET value = 'abc'")
    db.close()
    set_language("zh")
    with pytest.raises(LedgerFileError) as caught:
        open_store(LedgerLocation(ledger, "option")).read()
    message = str(caught.value)
    assert message.startswith(f"{ledger}：记录 seq 1（gdp 2022-Q2）：value：")
    assert ": " not in message.replace(str(ledger), ""), message


# --------------------------------------------------------------- 3. a merged header cell


def _merged_workbook(path: Path, header: list[str | None], row: list[object], merge: str) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "6月"
    sheet.append(header)
    sheet.append(row)
    sheet.merge_cells(merge)
    book.save(path)
    return path


def test_a_header_cell_merged_over_two_columns_is_named_merged(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path)
    workbook = _merged_workbook(
        tmp_path / "june.xlsx",
        ["target", "period", "value", None],
        ["gdp", "2022-Q2", 5.2, 5.3],
        "C1:D1",
    )
    en = invoke("--plan", str(plan), "import", str(workbook))
    assert en.exit_code == 2
    assert en.stderr == (
        f"error: {workbook}:6月:1: the header cell D1 is merged into C1 (C1:D1), so column D "
        "has values but no header of its own; unmerge C1:D1 and give each column its own "
        "header\n"
    )
    zh = invoke("--plan", str(plan), "--lang", "zh", "import", str(workbook))
    assert zh.exit_code == 2
    assert zh.stderr == (
        f"错误：{workbook}:6月:1：表头单元格 D1 与 C1 合并在一起（合并区域 C1:D1），所以第 D 列"
        "有数值却没有自己的表头；请取消合并 C1:D1，给每一列单独写表头\n"
    )


def test_a_merged_title_over_an_empty_column_is_no_error(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A merge over the header whose other columns hold nothing is harmless: imported."""
    plan = _plan(tmp_path)
    workbook = _merged_workbook(
        tmp_path / "june.xlsx",
        ["target", "period", "value", None],
        ["gdp", "2022-Q2", 5.2, None],
        "C1:D1",
    )
    result = invoke("--plan", str(plan), "import", str(workbook), "--dry-run")
    assert result.exit_code == 0, result.stderr


def test_a_csv_header_cell_empty_beside_a_header_asks_whether_it_was_merged(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path
) -> None:
    plan = _plan(tmp_path)
    figures = tmp_path / "june.csv"
    figures.write_text("target,period,value,\ngdp,2022-Q2,5.2,5.3\n", "utf-8")
    en = invoke("--plan", str(plan), "import", str(figures))
    assert en.stderr.splitlines()[1] == (
        f"{figures}:2: target gdp: a value in column(s) D, which have no header (its header cell "
        "is empty: was it merged with column C's in the sheet this file was saved from? Unmerge "
        "it there and give each column its own header)"
    )
    zh = invoke("--plan", str(plan), "--lang", "zh", "import", str(figures))
    assert zh.stderr.splitlines()[1] == (
        f"{figures}:2：目标 gdp：第 D 列有数值，但该列没有表头（其表头单元格为空："
        "在导出此文件的工作表中，它是否与第 C 列的表头合并过？请在工作表中取消合并，"
        "给每一列单独写表头）"
    )


# ------------------------------------------------ 4. libpq's and the server's reasons in zh

CONNINFO = [
    ("host='abc", "连接串中的引号没有结尾", "unterminated quoted string in connection info string"),
    (
        "postgresql://x@h/db?foo=bar",
        "URI 中 ? 之后的 foo 不是连接参数",
        'invalid URI query parameter: "foo"',
    ),
    ("host=a foo=b", "没有名为 foo 的连接参数", 'invalid connection option "foo"'),
    (
        "postgresql://u:hunter22@[::1/db",
        'URI 中的 IPv6 地址缺少结尾的 "]"',
        'matching "]" in IPv6 host address',
    ),
    (
        "postgresql://x@h/db?a%zz=1",
        "a%zz 中的转义无效：每个 % 之后应为两位十六进制数字，如 %20",
        'invalid percent-encoded token: "a%zz"',
    ),
]


@pytest.mark.parametrize(("url", "chinese", "libpq"), CONNINFO, ids=[c[0] for c in CONNINFO])
def test_a_connection_string_libpq_cannot_read_is_said_in_chinese(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, url: str, chinese: str, libpq: str
) -> None:
    plan = _plan(tmp_path)
    zh = invoke("--plan", str(plan), "--lang", "zh", "--ledger", url, "gap")
    assert zh.exit_code == 2, zh.stderr
    assert zh.stderr.endswith(f"：不是 libpq 能读的连接串：{chinese}\n"), zh.stderr
    assert english_words(zh.stderr, url, "libpq") == set(), zh.stderr
    assert "hunter22" not in zh.stderr
    en = invoke("--plan", str(plan), "--ledger", url, "gap")
    assert libpq in en.stderr  # English: libpq's words, which an administrator can search


def test_an_invalid_port_is_refused_as_input_in_both_languages(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """libpq reads the port only when it connects: it was exit 4 ("unavailable, try again")
    with libpq's English; a port that can never work is an input error, exit 2."""
    plan = _plan(tmp_path)
    url = "postgresql://x@h:99999/db"
    zh = invoke("--plan", str(plan), "--lang", "zh", "--ledger", url, "gap")
    assert (zh.exit_code, zh.stderr) == (
        2,
        f"错误：{url}：端口号 99999 无效：端口应为 1 到 65535 之间的整数\n",
    )
    en = invoke("--plan", str(plan), "--ledger", url, "gap")
    assert (en.exit_code, en.stderr) == (
        2,
        f"error: {url}: invalid port number 99999: a port is a whole number from 1 to 65535\n",
    )


def test_the_servers_refusal_of_a_setting_is_said_in_chinese(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, pg_ledgers
) -> None:
    plan = _plan(tmp_path)
    url = pg_ledgers.at(tmp_path / "ledger").url
    joiner = "&" if "?" in url else "?"
    unknown = f"{url}{joiner}options=-c%20plancli_nosuch%3D1"
    zh = invoke("--plan", str(plan), "--lang", "zh", "--ledger", unknown, "gap")
    assert zh.exit_code == 2, zh.stderr
    assert zh.stderr.endswith(
        "：服务器没有配置参数 plancli_nosuch（来自 options=-c plancli_nosuch=… 或 PGOPTIONS）："
        "请检查参数名\n"
    ), zh.stderr
    bad = f"{url}{joiner}options=-c%20work_mem%3Dabc"
    zh = invoke("--plan", str(plan), "--lang", "zh", "--ledger", bad, "gap")
    assert zh.exit_code == 2, zh.stderr
    assert zh.stderr.endswith(
        "：服务器配置参数 work_mem 的值 abc 无效（来自 options=-c 或 PGOPTIONS）\n"
    ), zh.stderr
    en = invoke("--plan", str(plan), "--ledger", bad, "gap")
    assert en.stderr.endswith(
        ": invalid value abc for the server setting work_mem (options=-c or PGOPTIONS)\n"
    ), en.stderr


def test_a_read_only_server_is_said_in_chinese(invoke, tmp_path: Path, pg_ledgers) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(tmp_path)
    ledger = pg_ledgers.at(tmp_path / "ledger")
    url = ledger.url
    joiner = "&" if "?" in url else "?"
    read_only = f"{url}{joiner}options=-c%20default_transaction_read_only%3Don"
    zh = invoke(
        "--plan", str(plan), "--lang", "zh", "--ledger", read_only, "record", "gdp", "5",
        "-p", "2022-Q2",
    )  # fmt: skip
    assert zh.exit_code == 3, zh.stderr
    assert zh.stderr.endswith(
        "：服务器处于只读状态（备库，或开启了 default_transaction_read_only）\n"
    ), zh.stderr
    en = invoke("--plan", str(plan), "--ledger", read_only, "record", "gdp", "5", "-p", "2022-Q2")
    assert "read-only transaction" in en.stderr, en.stderr


def test_server_reasons_while_reading_or_writing_in_chinese() -> None:
    from plancli.stores.postgres.unreachable import conninfo_reason, unreachable_reason

    said = "FATAL: terminating connection due to administrator command"
    assert unreachable_reason(said) == said
    assert conninfo_reason('invalid connection option "foo"') == 'invalid connection option "foo"'
    set_language("zh")
    assert unreachable_reason(said) == "管理员终止了数据库连接（服务器正在重启或停止？）"
    assert conninfo_reason("something else") == "something else"
    assert (
        conninfo_reason("could not match 2 port numbers to 3 hosts")
        == "2 个端口号对应 3 个主机：请只写一个端口，或为每个主机各写一个"
    )


# -------------------------------------------------- 5. a read-only folder, a held lock


SETPRIV = shutil.which("setpriv")


@pytest.mark.skipif(SETPRIV is None, reason="as root, a read-only folder needs setpriv")
@pytest.mark.parametrize(
    ("suffix", "zh", "en"),
    [
        (".progress.toml", "：无法写入：没有权限", ": cannot write: Permission denied"),
        (
            ".sqlite",
            "：无法写入 SQLite 台账：此处的数据库只读",
            ": cannot write the SQLite ledger: attempt to write a readonly database",
        ),
    ],
)
def test_a_ledger_in_a_read_only_folder_refuses_a_write_in_chinese(  # type: ignore[no-untyped-def]
    invoke, tmp_path: Path, suffix: str, zh: str, en: str
) -> None:
    """As test_read_only does: chmod 0555, and plancli in a child without capabilities (the
    tests run as root, whom chmod does not stop). SQLite's refusal read "unreadable SQLite
    ledger" (无法读取的 SQLite 台账) where it is the write that failed."""
    from tests.test_read_only import without_write_access

    folder = tmp_path / "share"
    folder.mkdir()
    plan = _plan(tmp_path)
    ledger = folder / f"p{suffix}"
    where = ["--plan", str(plan), "--ledger", str(ledger)]
    assert invoke(*where, "record", "g5", "95", "-p", "2022-05").exit_code == 0
    folder.chmod(0o555)
    try:
        refused = without_write_access(
            "--lang", "zh", *where, "record", "g5", "120", "-p", "2022-06"
        )
        english = without_write_access(*where, "record", "g5", "120", "-p", "2022-06")
    finally:
        folder.chmod(0o755)
    assert refused.returncode == 3, refused.stderr
    assert refused.stderr == f"错误：{ledger}{zh}\n"
    assert english.stderr == f"error: {ledger}{en}\n"


@pytest.mark.parametrize("suffix", [".progress.toml", ".sqlite"])
def test_a_held_lock_is_said_in_chinese(tmp_path: Path, suffix: str) -> None:
    """The lock held by another writer, waited for 0.2 s (the store's lock_timeout, as
    test_read_only shortens it) instead of 120."""
    import sqlite3
    from contextlib import closing

    from plancli.ledger import Entry, record_entry
    from plancli.locations import LedgerLocation
    from plancli.plan import load_plan_file
    from plancli.stores import open_store
    from plancli.stores.base import LedgerBusyError
    from plancli.stores.toml import exclusive_lock

    plan = load_plan_file(MINI)
    ledger = tmp_path / f"mini{suffix}"
    store = open_store(LedgerLocation(ledger, "option"))
    store.lock_timeout = 0.2  # type: ignore[attr-defined]
    record_entry(store, plan, Entry("g5", "2022-05", "120"))
    set_language("zh")
    if suffix == ".progress.toml":
        holder = exclusive_lock(ledger.with_name(ledger.name + ".lock"))
        with holder, pytest.raises(LedgerBusyError) as caught:
            record_entry(store, plan, Entry("g5", "2022-06", "150"))
    else:
        with closing(sqlite3.connect(ledger, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(LedgerBusyError) as caught:
                record_entry(store, plan, Entry("g5", "2022-06", "150"))
            other.execute("ROLLBACK")
    message = str(caught.value)
    assert message.startswith(f"{ledger}："), message
    assert "其他 plancli 进程占用台账文件的锁达 0.2 秒；未写入任何内容" in message, message
    assert english_words(message.replace(str(ledger), ""), "convert sqlite") == set(), message


def test_a_figures_amount_is_in_full_width_brackets_under_zh(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`import --dry-run`'s table and `record`'s line wrote `5.2 % (总量 700 亿元)`."""
    plan = _plan(tmp_path)
    figures = tmp_path / "june.csv"
    figures.write_text("target,period,value,amount\ngdp,2022-Q2,5.2,700\n", "utf-8")
    zh = invoke("--plan", str(plan), "--lang", "zh", "import", str(figures), "--dry-run")
    assert zh.exit_code == 0, zh.stderr
    assert "5.2%（总量700亿元）" in zh.output, zh.output  # a table's cell (session 41)
    en = invoke("--plan", str(plan), "import", str(figures), "--dry-run")
    assert "5.2% (amount 700 亿元)" in en.output, en.output  # status's 5.2% (s42)


def test_an_added_increment_is_in_full_width_brackets_under_zh(invoke, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`record --add` said `= 120 个 (2022-05 的 100 + 20)` in a Chinese sentence."""
    plan = _plan(tmp_path)
    ledger = tmp_path / "a.progress.toml"
    where = ["--plan", str(plan), "--ledger", str(ledger)]
    assert invoke(*where, "record", "g5", "100", "-p", "2022-05").exit_code == 0
    zh = invoke(*where, "--lang", "zh", "record", "g5", "20", "-p", "2022-06", "--add")
    assert "已录入 g5 2022-06 = 120个（2022-05 的 100 + 20），写入" in zh.stderr, zh.stderr
    en = invoke(*where, "record", "g5", "5", "-p", "2022-07", "--add")
    assert "recorded g5 2022-07 = 125 个 (2022-06's 120 + 5) in" in en.stderr, en.stderr
