"""Drafting a plan from a report's text (`plancli extract`): a pure core, no typer or rich.

Modules, by concern: `text` (decoding, the parse form, web-page furniture), `numerals`
(Chinese numerals), `sections` (where the review, the work and the 主要预期目标 are),
`headline` (the headline clauses and their forms), `work` (quantified work targets and
milestones), `investment` (the investment plan), `tables` (附表 tables), `vocabulary` (shared
ids and English names), `assemble` (the plan), `compare` (scoring a draft against a plan).
"""

from plancli.extract.assemble import Draft, extract_plan
from plancli.extract.compare import Comparison, compare_plans
from plancli.extract.text import decode_report

__all__ = ["Comparison", "Draft", "compare_plans", "decode_report", "extract_plan"]
