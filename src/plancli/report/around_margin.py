"""A 左右 target met within its tolerance but on the wrong side of its stated figure, said by
how much (城镇调查失业率为5.8%，高于5.5%左右的控制目标0.3个百分点，在合理区间内（按6%以内考核）):
`符合5.5%左右的控制目标` alone let a leader read 5.8 % as 5.5 %, with 0.2 points left before the
edge it is judged at (docs/forms.md: X左右 is judged X ± 0.5 points)."""

from __future__ import annotations

from plancli.assess import AssessmentOut
from plancli.report.phrases import difference, judged_phrase


def beyond_stated(a: AssessmentOut, bound: str, adjusted: str, zh: bool) -> str | None:
    """The clause for a 左右 floor (GDP 5.5%左右) met below its figure or a 左右 ceiling
    (失业率5.5%左右) met above it, within the tolerance; None where it does not apply: at or on
    the good side of the figure (符合, 低于 as before), a band (CPI 2%左右), a decline."""
    if a.actual is None or a.around is None or a.decline or a.tolerance is None:
        return None
    if a.direction == "down" and a.actual > a.around:
        over = True
    elif a.direction == "up" and a.actual < a.around:
        over = False
    else:
        return None
    margin = difference(abs(a.actual - a.around), a, zh)
    judged = judged_phrase(a, zh)
    ceiling = a.direction == "down"
    if zh:
        which = f"{adjusted}{bound}的{'控制' if ceiling else ''}目标"
        return f"，{'高于' if over else '低于'}{which}{margin}，在合理区间内（按{judged}考核）"
    what = "ceiling" if ceiling else "target"
    side = "above" if over else "below"
    return f", {margin} {side} the {adjusted}{what} of {bound}, within its tolerance" + (
        f" (judged as {judged})"
    )


def with_plan(text: str, was: str, zh: bool) -> str:
    """An adjusted target's sentence with its plan bound (`was`, "" for none): inside the bracket
    of the edge it is judged at where the sentence ends with one, as a sentence off it says it
    (`在合理区间内（按3.5%以上考核，原计划5%左右）`, `(judged as at least 3.5%; plan: about 5%)`),
    never two brackets back to back (`（按3.5%以上考核）（原计划5%左右）`, the 江苏 walk, session
    40); else after it (`（原计划7%以上）`, ` (plan: at least 7%)`)."""
    if not was:
        return text
    if zh:
        return (
            text[:-1] + f"，原计划{was}）" if text.endswith("考核）") else text + f"（原计划{was}）"
        )
    if text.endswith(")") and text[text.rfind("(") :].startswith("(judged as "):
        return text[:-1] + f"; plan: {was})"
    return text + f" (plan: {was})"
