"""The probe `pg_judging.py` (issue 13): the SQL of `gap --json` judged and written by the
database: the tables of the plan's rows (`pg_judging_rows.py`), and the one statement that
selects each target's figure in force, judges it against the numbers the plan's rows give,
and writes its JSON text.

Arithmetic is exact: figures are `numeric`, ratios are pairs of numerics (numerator,
denominator), divided only by `div` (exact integer division) where they are rounded; a pace
is ordered by its exact value (`div` at 80 places: two different paces of figures of at
most 15 significant digits and 10 places differ before that). Where a text would need the
notation Python gives very small or long numbers, the row says so (NULL) and the target is
judged by Python.
"""

from __future__ import annotations

# The probe's tables (not plancli's schema: derived from plan files, dropped at will).
TABLES = """
CREATE TABLE IF NOT EXISTS plancli.gap_plans (
    digest text NOT NULL,
    plan_id text NOT NULL,
    targets integer NOT NULL,
    made_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (digest)
);
CREATE TABLE IF NOT EXISTS plancli.gap_targets (
    digest text NOT NULL,
    place integer NOT NULL,
    target text NOT NULL,
    python boolean NOT NULL,
    kind "char",
    frequency "char",
    low numeric,
    high numeric,
    strict boolean,
    goal numeric,
    opening numeric,
    tolerance numeric,
    stretch numeric,
    stretch_down boolean,
    decline boolean,
    profile integer,
    due_month integer,
    places integer,
    reference text,
    rel_below boolean,
    rel_strict boolean,
    template text,
    relation text,
    PRIMARY KEY (digest, place)
);
CREATE TABLE IF NOT EXISTS plancli.gap_shares (
    digest text NOT NULL,
    profile integer NOT NULL,
    month integer NOT NULL,
    n numeric NOT NULL,
    d numeric NOT NULL,
    shown text NOT NULL,
    PRIMARY KEY (digest, profile, month)
);
"""


def number(x: str) -> str:
    """`output._number` of a numeric: its text without trailing zeros; NULL where Python
    writes it otherwise (more than 16 characters, below 10^-4: the float's notation)."""
    return (
        f"(CASE WHEN ({x}) IS NULL THEN 'null' WHEN length(({x})::text) > 16 "
        f"OR ({x})::text ~ '^-?0\\.0000' THEN NULL ELSE trim_scale({x})::text END)"
    )


def units(n: str, d: str, scale: str) -> str:
    """n/d (d > 0) in `scale`ths, half away from zero (`output._half_up_units`)."""
    n, d = f"({n})::numeric", f"({d})::numeric"
    return f"(sign({n}) * div(2 * abs({n}) * {scale} + {d}, 2 * {d}))"


def ceil_div(a: str, b: str) -> str:
    """ceil(a / b) of integers, b > 0 (`div` truncates towards zero)."""
    return f"(div({a}, {b}) + CASE WHEN {a} > 0 AND mod({a}, {b}) <> 0 THEN 1 ELSE 0 END)"


def keeping_side(u: str, n: str, d: str, scale: str, bn: str, bd: str) -> str:
    """`u` (n/d shown in `scale`ths) kept on n/d's side of the boundary bn/bd
    (`output._units_keeping_side`, one boundary)."""
    edge = ceil_div(f"{bn} * {scale}", bd)
    return (
        f"(CASE WHEN {n} * {bd} < {bn} * {d} AND {bn} * {scale} <= {u} * {bd} THEN {edge} - 1"
        f" WHEN NOT ({n} * {bd} < {bn} * {d}) AND {u} * {bd} < {bn} * {scale} THEN {edge}"
        f" ELSE {u} END)"
    )


_TENTHS = "(CASE {} " + " ".join(f"WHEN {p} THEN 1e-{p}" for p in range(0, 17)) + " END)"
_TENS = "(CASE {} " + " ".join(f"WHEN {p} THEN 1e{p}" for p in range(0, 17)) + " END)"


def units_text(u: str, places: str) -> str:
    """`gap_json._units_text`: units of 10^-places as JSON writes the number; NULL where
    Python's notation differs (below 10^-4, 16 digits or more)."""
    digits = f"length(abs({u})::text)"
    return (
        f"(CASE WHEN {u} = 0 THEN '0'"
        f" WHEN {places} > 0 AND ({digits} <= {places} - 4"
        f" OR {digits} + (CASE WHEN {u} < 0 THEN 1 ELSE 0 END) >= 16) THEN NULL"
        f" WHEN {places} = 0 AND {digits} + (CASE WHEN {u} < 0 THEN 1 ELSE 0 END) > 16"
        " THEN NULL"
        f" ELSE trim_scale({u} * {_TENTHS.format(places)})::text END)"
    )


RANKS = ("missed", "behind", "at_risk", "no_data", "pending", "on_track", "tracked", "met")

_SELECT = """
WITH p AS (
    SELECT place, target, python, kind, frequency, low, high, strict, goal, opening, tolerance,
        stretch, stretch_down, decline, profile, due_month, places, reference, rel_below,
        rel_strict
    FROM plancli.gap_targets WHERE digest = %(digest)s
), latest AS (
    SELECT DISTINCT ON (target) target, period, value, amount, end_month
    FROM plancli.records
    WHERE plan_id = %(plan)s AND period_year = %(year)s AND end_month <= %(month)s
    ORDER BY target DESC, period_year DESC, end_month DESC, seq DESC
), judged AS MATERIALIZED (
    SELECT p.*, l.period, l.value, l.amount, l.end_month AS em
    FROM p LEFT JOIN latest l ON l.target = p.target
), asof AS MATERIALIZED (
    SELECT coalesce(%(as_of)s, (
        SELECT period FROM judged WHERE period IS NOT NULL
        ORDER BY em DESC, CASE
            WHEN length(period) = 4 THEN 1
            WHEN substr(period, 6, 1) = 'Q' THEN substr(period, 7, 1)::integer * 3 - 2
            WHEN substr(period, 6, 1) = 'H' THEN substr(period, 7, 1)::integer * 6 - 5
            ELSE substr(period, 6, 2)::integer END DESC
        LIMIT 1)) AS text
), clock AS MATERIALIZED (
    SELECT a.text AS as_of, m.month AS am, m.month = 12 AS af
    FROM asof a, LATERAL (SELECT CASE
            WHEN length(a.text) = 4 THEN 12
            WHEN substr(a.text, 6, 1) = 'Q' THEN substr(a.text, 7, 1)::integer * 3
            WHEN substr(a.text, 6, 1) = 'H' THEN substr(a.text, 7, 1)::integer * 6
            ELSE substr(a.text, 6, 2)::integer END AS month) m
), refs AS (
    SELECT DISTINCT ON (target, end_month) target, end_month, value
    FROM plancli.records
    WHERE plan_id = %(plan)s AND period_year = %(year)s AND end_month <= %(month)s
      AND target = ANY(%(references)s)
    ORDER BY target, end_month, seq DESC
), facts AS MATERIALIZED (
    SELECT j.*, c.as_of, c.am, c.af, q.pm, j.em < q.req AS stale, c.af AND j.em = 12 AS final,
        r.value AS ref,
        CASE WHEN j.kind = 'g' AND j.decline THEN -j.value ELSE j.value END AS x
    FROM judged j CROSS JOIN clock c
    CROSS JOIN LATERAL (SELECT req, greatest(j.em, req) AS pm FROM (SELECT
        CASE j.frequency WHEN 'm' THEN c.am WHEN 'q' THEN c.am / 3 * 3
            ELSE CASE WHEN c.am = 12 THEN 12 ELSE 0 END END AS req) z) q
    LEFT JOIN refs r ON j.kind = 'r' AND r.target = j.reference AND r.end_month = j.em
    WHERE NOT j.python
), bounded AS MATERIALIZED (
    SELECT f.*,
        CASE WHEN f.kind = 'r' THEN CASE WHEN f.rel_below THEN NULL ELSE f.ref - f.tolerance END
            ELSE f.low END AS blow,
        CASE WHEN f.kind = 'r' THEN CASE WHEN f.rel_below THEN f.ref + f.tolerance END
            ELSE f.high END AS bhigh,
        CASE WHEN f.kind = 'r' THEN f.rel_strict ELSE f.strict END AS bstrict,
        sh.n AS sn, sh.d AS sd,
        f.goal - coalesce(f.opening, 0) AS deliver, f.x - coalesce(f.opening, 0) AS done
    FROM facts f
    LEFT JOIN plancli.gap_shares sh ON f.kind = 'c' AND sh.digest = %(digest)s
        AND sh.profile = coalesce(f.profile, -1) AND sh.month = f.pm
), judging AS MATERIALIZED (
    SELECT b.*,
        NOT ((b.blow IS NOT NULL
                AND CASE WHEN b.bstrict THEN b.x <= b.blow ELSE b.x < b.blow END)
            OR (b.bhigh IS NOT NULL
                AND CASE WHEN b.bstrict THEN b.x >= b.bhigh ELSE b.x > b.bhigh END)) AS sat,
        CASE WHEN b.kind = 'm' THEN greatest(100 - b.x, 0)
            WHEN b.blow IS NOT NULL AND b.x < b.blow THEN b.blow - b.x
            WHEN b.bhigh IS NOT NULL AND b.x > b.bhigh THEN b.x - b.bhigh ELSE 0 END AS gap,
        CASE b.kind WHEN 'c' THEN CASE WHEN b.deliver > 0 THEN b.done END
            WHEN 'm' THEN b.x END AS comp_n,
        CASE b.kind WHEN 'c' THEN CASE WHEN b.deliver > 0 THEN b.deliver END
            WHEN 'm' THEN 100 END AS comp_d,
        CASE b.kind WHEN 'c' THEN CASE WHEN b.deliver > 0
                THEN (b.done * b.sd - b.sn * b.deliver) * 100 END
            WHEN 'm' THEN b.x * b.due_month - 100 * least(b.pm, b.due_month) END AS pace_n,
        CASE b.kind WHEN 'c' THEN b.deliver * b.sd WHEN 'm' THEN b.due_month END AS pace_d,
        CASE b.kind WHEN 'c' THEN 12 - b.pm WHEN 'm' THEN greatest(b.due_month - b.pm, 0)
            END AS months_left,
        CASE b.kind WHEN 'c' THEN greatest(b.goal - b.x, 0) WHEN 'm' THEN greatest(100 - b.x, 0)
            END AS remaining,
        CASE b.kind WHEN 'c' THEN b.sn WHEN 'm' THEN least(b.pm, b.due_month) END AS es_n,
        CASE b.kind WHEN 'c' THEN b.sd WHEN 'm' THEN b.due_month END AS es_d,
        greatest(b.places, scale(b.x)) AS shown_places,
        @TENS@ AS tens
    FROM bounded b
), rows AS MATERIALIZED (
    SELECT j.*, CASE
        WHEN j.value IS NULL THEN 'no_data'
        WHEN j.kind = 'r' AND j.ref IS NULL THEN NULL
        WHEN j.kind = 'c' AND j.sat THEN 'met'
        WHEN j.kind = 'm' AND j.x >= 100 THEN 'met'
        WHEN j.final THEN CASE WHEN j.sat AND j.kind NOT IN ('c', 'm') THEN 'met' ELSE 'missed' END
        WHEN j.kind IN ('c', 'm') THEN CASE
            WHEN j.pace_n IS NULL THEN 'behind'
            WHEN j.pace_n >= 0 THEN 'on_track'
            WHEN j.pace_n >= -j.tolerance * j.pace_d THEN 'at_risk'
            ELSE 'behind' END
        WHEN j.sat THEN 'on_track'
        WHEN j.kind = 'g' AND j.gap <= j.tolerance THEN 'at_risk'
        ELSE 'behind' END AS status
    FROM judging j
)
"""


# Each figure's units computed once per row (OFFSET 0: a subquery the planner keeps, not
# one whose expressions it copies into every use).
_SHOWN = (
    " CROSS JOIN LATERAL (SELECT "
    + units("r.comp_n", "r.comp_d", "10000")
    + " AS c0, "
    + units("r.pace_n", "r.pace_d", "100")
    + " AS p0, "
    + units("(r.done * r.sd + coalesce(r.opening, 0) * r.sn)", "nullif(r.sn, 0)", "r.tens")
    + " AS j, "
    + units("r.remaining", "nullif(r.months_left, 0)", "r.tens")
    + " AS m, "
    + units("r.pm", "12", "10000")
    + " AS tp, "
    + units("r.es_n", "r.es_d", "10000")
    + " AS es, "
    + "r.x::text AS xt, r.amount::text AS at, r.gap::text AS gt, r.ref::text AS rt, "
    + "r.tolerance::text AS tt, r.value::text AS vt, r.opening::text AS ot, "
    + "(CASE WHEN r.rel_below THEN r.bhigh ELSE r.blow END)::text AS bt, "
    + "r.blow::text AS lt, r.bhigh::text AS ht OFFSET 0) u"
    + " CROSS JOIN LATERAL (SELECT "
    + keeping_side("u.c0", "r.comp_n", "r.comp_d", "10000", "1", "1")
    + " AS c, "
    + keeping_side("u.p0", "r.pace_n", "r.pace_d", "100", "0", "1")
    + " AS p1 OFFSET 0) k"
    + " CROSS JOIN LATERAL (SELECT "
    + keeping_side("k.p1", "r.pace_n", "r.pace_d", "100", "-r.tolerance", "1")
    + " AS p OFFSET 0) k2"
)


def _text(t: str) -> str:
    """`number` of a value whose text is `t` (a column)."""
    return (
        f"(CASE WHEN {t} IS NULL THEN 'null' WHEN length({t}) > 16 "
        f"OR {t} ~ '^-?0\\.0000' THEN NULL ELSE trim_scale({t}::numeric)::text END)"
    )


_SELECT = _SELECT.replace("@TENS@", _TENS.format("greatest(b.places, scale(b.x))"))


def _fields() -> list[str]:
    d = "CASE WHEN r.value IS NULL THEN 'null' ELSE {} END"
    return [
        "'\"' || r.status || '\"'",
        d.format(_text("u.xt")),
        "CASE WHEN r.kind IN ('l', 'g', 'r') THEN " + _text("u.at") + " ELSE 'null' END",
        d.format("'\"' || r.period || '\"'"),
        d.format(_text("u.gt")),
        "CASE WHEN r.comp_n IS NULL OR r.value IS NULL THEN 'null' ELSE "
        + units_text("k.c", "4")
        + " END",
        "CASE WHEN r.value IS NULL OR r.kind NOT IN ('c', 'm') THEN 'null' ELSE "
        + units_text("u.tp", "4")
        + " END",
        "CASE WHEN r.value IS NULL OR r.pace_n IS NULL THEN 'null' ELSE "
        + units_text("k2.p", "2")
        + " END",
        "CASE WHEN r.value IS NULL OR r.kind <> 'c' OR r.sn <= 0 THEN 'null' ELSE "
        + units_text("u.j", "r.shown_places")
        + " END",
        "CASE WHEN r.value IS NULL OR r.kind NOT IN ('c', 'm') OR r.months_left <= 0 THEN 'null'"
        " ELSE " + units_text("u.m", "r.shown_places") + " END",
        "'null'",
        "CASE WHEN r.value IS NOT NULL AND r.stale THEN 'true' ELSE 'false' END",
        "CASE WHEN r.value IS NULL OR r.kind NOT IN ('c', 'm') THEN 'null' ELSE "
        + units_text("u.es", "4")
        + " END",
        "CASE WHEN r.value IS NULL OR r.kind NOT IN ('c', 'm') THEN 'null'"
        " WHEN r.pm = r.am THEN '\"' || r.as_of || '\"'"
        " ELSE '\"' || %(year)s || '-' || lpad(r.pm::text, 2, '0') || '\"' END",
        "CASE WHEN r.value IS NULL OR r.kind NOT IN ('c', 'm') THEN 'null'"
        " ELSE r.months_left::text END",
        "CASE WHEN r.value IS NULL OR r.kind = 'l' THEN 'null' ELSE " + _text("u.tt") + " END",
        "CASE WHEN r.value IS NULL OR r.kind <> 'r' THEN 'null' ELSE " + _text("u.rt") + " END",
        "'[]'",
        "CASE WHEN r.value IS NULL THEN '\"no_record\"' ELSE 'null' END",
        "CASE WHEN r.value IS NULL OR r.stretch IS NULL OR r.kind NOT IN ('c', 'l', 'g')"
        " THEN 'null' WHEN (CASE WHEN r.stretch_down THEN r.x <= r.stretch"
        " ELSE r.x >= r.stretch END) THEN 'true' ELSE 'false' END",
        "CASE WHEN r.value IS NOT NULL AND r.kind = 'g' AND r.decline THEN "
        + _text("u.vt")
        + " ELSE 'null' END",
        "CASE WHEN r.value IS NOT NULL AND r.kind = 'c' THEN " + _text("u.ot") + " ELSE 'null' END",
    ]


FIELDS = _fields()


def _texts() -> str:
    """The row's text: its template (`gap_plan_rows.format_template`) given the fields; NULL
    when one of them is Python's to write."""
    fields = ", ".join(f"({f})" for f in FIELDS)
    extra = ", ".join((_text("u.bt"), _text("u.lt"), _text("u.ht")))
    relation = "r.kind = 'r' AND r.value IS NOT NULL"
    return (
        f"CASE WHEN num_nulls({fields}, {extra}) > 0 THEN NULL"
        f" WHEN {relation} THEN format(t.relation, {fields}, {extra})"
        f" ELSE format(t.template, {fields}) END"
    )


def _rank() -> str:
    return (
        "CASE r.status "
        + " ".join(f"WHEN '{status}' THEN {rank}" for rank, status in enumerate(RANKS))
        + " END"
    )


ROWS = (
    _SELECT
    + "SELECT r.place, r.status, "
    + _texts()
    + " AS text, "
    + _rank()
    + " AS rank, r.pace_n IS NULL AS unpaced, "
    + "CASE WHEN r.pace_n IS NOT NULL THEN div(r.pace_n * 1e80, r.pace_d) END AS pace"
    + ", r.as_of FROM rows r JOIN plancli.gap_targets t ON t.digest = %(digest)s"
    + " AND t.place = r.place"
    + _SHOWN
    + " ORDER BY rank, unpaced, pace, r.place"
)
