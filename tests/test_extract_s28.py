"""Session 28, issue #11: `plancli extract` defects left by session 27 — a Taiwan-phrased
copy's verbs (OpenCC s2twp), work-target names and milestones, pending ids, table rows cut
before a figure. Each case is a real sentence of a corpus report or the seed."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from tests.conftest import corpus_report, needs_corpus, needs_seed

from plancli.extract import extract_plan

report = corpus_report


@cache
def targets_of(text: str) -> tuple[dict[str, Any], ...]:
    return tuple(extract_plan(text).plan["targets"])


def _form(target: dict[str, Any]) -> dict[str, Any]:
    """A target without its words (name, English name, aliases, quote): what it counts."""
    return {k: v for k, v in target.items() if k not in ("name", "name_en", "aliases", "quote")}


# ----------------------------------------- item 1: s2twp's 支援, 建立, 設定 for 支持, 创建, 设置


@needs_corpus
@pytest.mark.parametrize(
    ("name", "simplified", "taiwan", "drafted_name"),
    [
        (
            "北京市",
            "在3000个小区设置智能回收机",
            "在3000個小區設定智慧回收機",
            "设定智慧回收机的小区",
        ),
        ("北京市", "再创建5条美丽河湖", "再建立5條美麗河湖", "再建立美丽河湖"),
        (
            "甘肃省",
            "三是支持1万名未就业普通高校毕业生到基层就业",
            "三是支援1萬名未就業普通高校畢業生到基層就業",
            "支援未就业普通高校毕业生到基层就业",
        ),
        (
            "贵州省",
            "重点支持20个县深化城乡交通运输一体化发展",
            "重點支援20個縣深化城鄉交通運輸一體化發展",
            "重点支援县深化城乡交通运输一体化发展",
        ),
        (
            "辽宁省",
            "创建全国示范性老年友好型社区80个",
            "建立全國示範性老年友好型社群80個",
            "建立全国示范性老年友好型社群",
        ),
        (
            "四川省",
            "支持15个服务业高质量发展集聚区（培育区）建设",
            "支援15個服務業高質量發展集聚區（培育區）建設",
            "支援服务业高质量发展集聚区（培育区）建设",
        ),
        (
            "四川省",
            "支持29个扩权赋能县（市）率先高质量发展",
            "支援29個擴權賦能縣（市）率先高質量發展",
            "支援扩权赋能县（市）率先高质量发展",
        ),
        (
            "天津市",
            "支持22个国家级产业融合载体延伸上下游产业链",
            "支援22個國家級產業融合載體延伸上下游產業鏈",
            "支援国家级产业融合载体延伸上下游产业链",
        ),
    ],
)
def test_a_taiwan_phrased_verb_drafts_the_work_target(
    name: str, simplified: str, taiwan: str, drafted_name: str
) -> None:
    """An s2twp copy writes 支援 for 支持, 建立 for 创建, 設定 for 设置: the 7 work targets on
    those verbs were lost (and 四川's 支援15个 was cumulative, not ongoing). Now the copy's
    sentence drafts the clean report's target, figure, unit and kind, in the copy's words."""
    text = report(name)
    assert text.count(simplified) == 1
    copy = text.replace(simplified, taiwan)
    clean, drafted = targets_of(text), targets_of(copy)
    assert [_form(t) for t in drafted] == [_form(t) for t in clean]
    assert drafted_name in [t["name"] for t in drafted]


# ------------------------------------ item 2: names that say of what; 召开 and 开展 milestones


def _named(name: str, quote: str) -> list[dict[str, Any]]:
    return [t for t in targets_of(report(name)) if t["quote"] == quote]


@needs_corpus
@pytest.mark.parametrize(
    ("name", "quote", "drafted_name", "figure"),
    [
        # the pair's first thing with the work both share (was 国家区域医疗中心 alone)
        (
            "贵州省",
            "推进5个国家区域医疗中心和6个省级区域医疗中心高效运行",
            "国家区域医疗中心高效运行",
            5,
        ),
        (
            "贵州省",
            "推进5个国家区域医疗中心和6个省级区域医疗中心高效运行",
            "省级区域医疗中心高效运行",
            6,
        ),
        # a bare work completed by the thing the clause before works on
        ("贵州省", "完成2.08万人搬迁任务", "完成地质灾害避险搬迁任务", "2.08"),
        ("上海市", "全面启动整体改造项目", "启动城中村整体改造项目", None),
    ],
)
def test_a_name_says_what_is_worked_on(
    name: str, quote: str, drafted_name: str, figure: Any
) -> None:
    """User audit A2's D8 names left by session 27: each said its work but not its thing."""
    found = [t for t in _named(name, quote) if t["name"] == drafted_name]
    assert len(found) == 1
    assert found[0].get("min") == (None if figure is None else Decimal(str(figure)))


@needs_corpus
@pytest.mark.parametrize(
    ("name", "quote", "drafted_name"),
    [
        ("四川省", "召开全省服务业发展大会", "召开全省服务业发展大会"),
        ("湖北省", "开展第四次农业普查", "开展第四次农业普查"),
        ("湖北省", "依法有序开展村（社区）换届选举", "开展村（社区）换届选举"),
        ("上海市", "开展居村委会换届选举", "开展居村委会换届选举"),
        (
            "河南省",
            "全面开展第二轮土地承包到期后再延长30年整省试点",
            "开展第二轮土地承包到期后再延长30年整省试点",
        ),
    ],
)
def test_an_event_held_or_a_set_pilot_is_a_milestone(
    name: str, quote: str, drafted_name: str
) -> None:
    """召开 a conference, 开展 a census, an election or a pilot of a set round or of the whole
    province: events of the plan year a planner checks (audit C27 left 召开全省服务业发展大会,
    开展第四次农业普查, 开展…换届选举 undrafted, though 启动第四次农业普查 and 全面启动…整省试点
    of other reports were)."""
    found = _named(name, quote)
    assert [(t["name"], t["kind"], t.get("due")) for t in found] == [
        (drafted_name, "milestone", "2026")
    ]


@needs_corpus
@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("北京市", "开展第三轮回天行动"),  # a 行动: a slogan, no end the year reaches
        ("浙江省", "开展水预算管理试点"),  # a pilot at large: work going on
        ("上海市", "开展不动产信托登记试点"),
        ("河南省", "逐季召开经济工作部署会"),  # (the review's: a routine, not the plan year's)
    ],
)
def test_open_ended_kaizhan_is_no_milestone(name: str, words: str) -> None:
    assert words in report(name)
    assert not [t for t in targets_of(report(name)) if words in t["quote"]]


# ------------------------------------------------ item 3: pending work targets and their ids

_GRAIN = "粮食产量确保完成国家下达任务。粮食播种面积完成国家下达任务。"


def _with_grain(name: str) -> tuple[dict[str, Any], ...]:
    """The report with two pending grain tasks put at a sentence's end two thirds in (a work
    section in each of these reports)."""
    text = report(name)
    at = text.rfind("。", 0, len(text) * 2 // 3) + 1
    return targets_of(text[:at] + _GRAIN + text[at:])


@needs_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the headline has grain_output (粮食产量稳定在…): the work's task is that target, said
        # again; grain_area, which the headline lacks, takes its shared id
        ("福建省", [("grain_area", "粮食播种面积")]),
        # no grain in the headline: both take their shared ids, not positional ones
        ("上海市", [("grain_output", "粮食产量"), ("grain_area", "粮食播种面积")]),
    ],
)
def test_a_pending_work_task_takes_the_shared_id_the_headline_lacks(
    name: str, expected: list[tuple[str, str]]
) -> None:
    targets = _with_grain(name)
    pending = [t for t in targets if t["quote"].startswith("粮食") and "下达" in t["quote"]]
    assert [(t["id"], t["name"]) for t in pending] == expected  # (粮食产量, not 粮食产量确保)
    assert all(t["pending"] and t["frequency"] == "annual" for t in pending)
    ids = [t["id"] for t in targets]
    assert len(ids) == len(set(ids))
    headline = [t["id"] for t in targets if t["section"] == "headline"]
    assert ("grain_output" in headline) == (name == "福建省")


# ----------------------------------- item 4: a table row cut inside a cell before an integer


def _table_wrapped(width: int) -> str:
    """The seed with its 附表1's lines cut every `width` characters (a copy re-wrapped at a
    narrow width), the rest as it is."""
    lines = []
    for line in report("seed").split("\n"):
        while "|" in line and len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    return "\n".join(lines)


def _baselines(text: str) -> dict[str, Any]:
    return {t["id"]: t.get("baseline") for t in targets_of(text) if t["section"] == "headline"}


@needs_seed
@pytest.mark.parametrize("width", [21, 35, 40])
def test_a_table_row_cut_before_an_integer_keeps_its_figures(width: int) -> None:
    """Cut at 40, 社会消费品零售总额's row went on in a line `7 |`, read as row 7: its baseline
    became growth 671.85, value 6 (a wrong figure); at 21 `2 |` made 地方一般公共预算收入's growth
    52.24; at 35 `2 | —— |` (605.0 / 2) lost 53505 and gave 农村 income a plan of 6."""
    clean = _baselines(report("seed"))
    assert clean["retail_sales"]["growth"] == Decimal("11.6")
    assert clean["urban_income"]["value"] == 53505
    assert _baselines(_table_wrapped(width)) == clean


# ------------------------------------------------- item 5: --help says what extract reads

_READ = ["UTF-16", "GB18030", "Big5", "cp950", "Big5-HKSCS", ".docx"]


def test_extract_help_names_every_encoding_it_reads(invoke) -> None:  # type: ignore[no-untyped-def]
    """`text.decode_text` reads Big5 (cp950, Big5-HKSCS) and `read_report` UTF-16 with its
    BOM since session 27, but the help named UTF-8 and GB18030 only."""
    result = invoke("extract", "--help")
    assert result.exit_code == 0
    text = "".join(result.stdout.split())
    assert all(word in text for word in [*_READ, "UTF-16withBOM"]), text


def test_extract_help_in_chinese_names_them_too() -> None:
    """The Chinese help (the catalog's translation of the same message) says the same."""
    from plancli.cli.extract_cmds import extract_cmd
    from plancli.i18n import _, language, set_language

    help_text = extract_cmd.__annotations__["report"].__metadata__[0].help
    before = language()
    set_language("zh")
    try:
        chinese = _(help_text)
    finally:
        set_language(before)
    assert chinese != help_text and "带 BOM 的 UTF-16" in chinese
    assert all(word in chinese for word in _READ)
