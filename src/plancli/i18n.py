"""Words of the interface in English and Chinese (target names come from the plan)."""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "zh"]

WORDS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "id": ("id", "编号"),
    "name": ("name", "名称"),
    "section": ("section", "部分"),
    "kind": ("kind", "类型"),
    "unit": ("unit", "单位"),
    "target": ("target", "目标"),
    "baseline": ("baseline", "基数"),
    "quote": ("quote", "原文"),
    "targets": ("targets", "目标数"),
    "total": ("total", "合计"),
    "frequency": ("frequency", "频率"),
    "parts": ("parts", "构成"),
    "projects": ("projects", "项目"),
    "kind.growth": ("growth", "增速"),
    "kind.level": ("level", "水平"),
    "kind.cumulative": ("cumulative", "累计"),
    "kind.milestone": ("milestone", "节点"),
    "kind.relative": ("relative", "同步"),
}


def t(key: str, lang: Lang) -> str:
    en, zh = WORDS.get(key, (key, key))
    return zh if lang == "zh" else en
