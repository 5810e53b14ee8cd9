"""Audit U (session 26): a province's report copied out of a PDF — page furniture between
lines, spaces inside words, ragged line breaks, other encodings. Each case transforms a real
report of the corpus as the copy did and expects the clean report's draft."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from tests.conftest import CORPUS

from plancli.extract import extract_plan
from plancli.extract.flow import reflow

needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="the corpus is not here")


@cache
def corpus(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def drafted(text: str) -> list[dict[str, Any]]:
    """The targets drafted, each without its quote (a copy's quote keeps what the copy
    added), after checking every quote is verbatim in `text`."""
    targets = extract_plan(text).plan["targets"]
    assert all(t["quote"] in text for t in targets)
    return [{k: v for k, v in t.items() if k != "quote"} for t in targets]


@cache
def clean(name: str) -> tuple[str, ...]:
    return tuple(repr(t) for t in drafted(corpus(name)))


def assert_clean(name: str, text: str) -> None:
    assert text != corpus(name)
    copy = tuple(repr(t) for t in drafted(text))
    assert copy == clean(name)


# ------------------------------------------------- D3–D6: a space inside a word, read without


@needs_corpus
@pytest.mark.parametrize(
    ("name", "words", "spaced"),
    [
        ("福建省", "全省地区生产总值增长5%左右", "全省地区生产总值增 长5%左右"),  # D3
        ("福建省", "全省地区生产总值增长5%左右", "全省地区生产总值增\u3000长5%左右"),
        ("广东省", "\n主要预期目标\n", "\n主要预期目 标\n"),  # D4: the lead on its own line
        ("陕西省", "一、2025年工作回顾", "一、2025年工作回 顾"),  # D5
        ("陕西省", "一、2025年工作回顾", "一、2025年工作回\u3000顾"),
        ("福建省", "全省地区生产总值增长5%左右", "全省地区生产总值增长5%左 右"),  # D6
        ("福建省", "城镇调查失业率控制在5%左右", "城镇调查失业率控制在5%左\u3000右"),
        ("陕西省", "高于全国平均水平", "高于 全国平均水平"),
    ],
)
def test_a_space_inside_a_word_is_read_without(name: str, words: str, spaced: str) -> None:
    """Before: 增 长 made GDP a level target of 5 % (the draft did not load), 主要预期 目标 took
    the five-year goals for the year's, 工作回 顾 drafted 2025's results as 2026 targets (69 →
    214), 左 右 read around 5 as min 5 / max 5, 高于 全国 lost its relation."""
    assert corpus(name).count(words) == 1
    assert_clean(name, corpus(name).replace(words, spaced))


def test_a_summary_cards_spaces_still_set_its_items_apart() -> None:
    """No prose punctuation and several spaces: a card's items, not a word's characters."""
    text = "今年工作安排\n摘要：主要预期目标 地区生产总值增长6%左右 城镇新增就业50万人 粮食产量稳定\n"
    flow_text = reflow(text).text
    assert "目标 地区" in flow_text and "左右 城镇" in flow_text
