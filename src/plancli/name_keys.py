"""A target's name as a bulletin's row and the plan are compared (`name_key`, issue 12.1):
numbering, 其中: and 全省 dropped before it, an abbreviation bracketed inside it read past
(细颗粒物（PM2.5）年均浓度), over `fold_name`'s (NFKC, no spaces, case folded, PM_2.5 as
PM2.5), which `targets --search` compares.
Split out of bulletin_names.py and plan.py (session 43)."""

from __future__ import annotations

import re
import unicodedata

from plancli.radicals import RADICAL_TABLE

_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")

# PM2.5 and PM10 as an Excel export or a database column spells them (folded: NFKC, so the
# full-width ＿ and PM₂.₅'s subscripts as ASCII, no spaces, lower case): PM_2.5, PM2_5 (a
# column name has no dot), PM_10 are pm2.5 and pm10; no other name runs into them (SPM_2.5,
# PM2_50 and PM_25 are as written).
_PM_SPELLING = re.compile(r"(?<![a-z0-9_])pm_?(?:(2[._]5)|10)(?![0-9_])")


def _pm(found: re.Match[str]) -> str:
    return "pm2.5" if found.group(1) else "pm10"


def fold_name(text: str) -> str:
    """A name as plancli compares names (`targets --search`, an import's target names): NFKC
    (full-width brackets, digits and letters as ASCII), no spaces or quotation marks, case
    folded: 固定资产投资（不含农户） is 固定资产投资(不含农户); a PDF's radicals as the characters
    they stand for (城镇居⺠, Kangxi radicals by NFKC, the others by `radicals`); PM_2.5 and
    PM2_5 as PM2.5 (`_PM_SPELLING`)."""
    normal = unicodedata.normalize("NFKC", text).translate(RADICAL_TABLE)
    return _PM_SPELLING.sub(_pm, "".join(normal.translate(_QUOTES).split()).casefold())


# Before a name: numbering (一、 (三) 4.), 其中: (a part of the row above), 全省 (never 全国).
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十0-9]+\)|[0-9]+[、.](?![0-9])|其中:|全[省市区县](?=.))+"
)

# An ASCII abbreviation bracketed inside a name, between its Chinese words (folded, so lower
# case): 细颗粒物（PM2.5）年均浓度, as 生态环境 bulletins name 北京's pm25 (细颗粒物年均浓度),
# 研究与试验发展（R&D）经费; not a unit (装机容量（MW）, as bulletin_layout._ASCII_UNIT). A bracket
# that ends the name is `bulletin_layout.name_with_qualifier`'s.
_INNER_ABBREVIATION = re.compile(
    r"(?<=[^\x00-\x7f])\((?!(?:[kmgt]?wh?|teu|[kcm]m|kg|ha)\))(?:[a-z][a-z&]{1,5}|pm2\.5|pm10)\)"
    r"(?=[^\x00-\x7f()])"
)


def name_key(text: str) -> str:
    """A target's name as compared: NFKC (full-width brackets as ASCII), no spaces or
    quotation marks, no numbering or 其中: before it, no abbreviation bracketed inside it
    (细颗粒物（PM2.5）年均浓度 is 细颗粒物年均浓度), case folded."""
    return _INNER_ABBREVIATION.sub("", _NUMBERING.sub("", fold_name(text)))
