"""Session 28, issue #11: `plancli extract` defects left by session 27 — a Taiwan-phrased
copy's verbs (OpenCC s2twp), work-target names and milestones, pending ids, table rows cut
before a figure. Each case is a real sentence of a corpus report or the seed."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from tests.conftest import CORPUS, REPORT

from plancli.extract import extract_plan

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")
needs_seed = pytest.mark.skipif(not REPORT.exists(), reason="the seed report is not here")


@cache
def report(name: str) -> str:
    path = REPORT if name == "seed" else CORPUS / f"{name}.txt"
    return path.read_text(encoding="utf-8")


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
