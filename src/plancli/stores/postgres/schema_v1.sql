-- plancli's PostgreSQL ledger, schema version 1 (applied by schema.MIGRATIONS).
CREATE SCHEMA plancli;
COMMENT ON SCHEMA plancli IS 'plancli progress ledger: records and amendments of plans';
CREATE TABLE plancli.schema_version (
    version integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT current_user
);
-- A figure as Record.figure_problem accepts it: finite, at most 10^15, at most 10 decimal places
-- and 15 significant digits (NaN and infinities fail abs(VALUE) <= 1e15).
CREATE DOMAIN plancli.figure AS numeric CHECK (
    abs(VALUE) <= 1e15
    AND scale(VALUE) <= 10
    AND length(rtrim(ltrim(replace(abs(VALUE)::text, '.', ''), '0'), '0')) <= 15
);
-- A period as plancli writes it: 2022, 2022-06, 2022-Q2, 2022-H1.
CREATE DOMAIN plancli.period AS text
    CHECK (VALUE ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$');
CREATE TABLE plancli.records (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id text NOT NULL CHECK (plan_id <> ''),
    target text NOT NULL CHECK (target <> ''),
    period plancli.period NOT NULL,
    value plancli.figure NOT NULL,
    amount plancli.figure,
    note text,
    source text,
    recorded_at timestamptz NOT NULL,
    batch text NOT NULL CHECK (batch <> ''),
    recorded_by text DEFAULT current_user,
    -- The position a figure describes (DESIGN §3): the year and month its period ends.
    period_year integer GENERATED ALWAYS AS (substr(period, 1, 4)::integer) STORED,
    end_month integer GENERATED ALWAYS AS (
        CASE
            WHEN length(period) = 4 THEN 12
            WHEN substr(period, 6, 1) = 'Q' THEN substr(period, 7, 1)::integer * 3
            WHEN substr(period, 6, 1) = 'H' THEN substr(period, 7, 1)::integer * 6
            ELSE substr(period, 6, 2)::integer
        END
    ) STORED
);
-- Covering: `gap`'s selection reads the index alone (an index-only scan, once vacuumed).
CREATE INDEX records_position ON plancli.records (plan_id, target, period_year, end_month, seq)
    INCLUDE (period, value, amount);
CREATE INDEX records_order ON plancli.records (plan_id, seq);
CREATE INDEX records_batch ON plancli.records (plan_id, batch);
CREATE TABLE plancli.amendments (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id text NOT NULL CHECK (plan_id <> ''),
    after_records bigint NOT NULL CHECK (after_records >= 0),
    target text NOT NULL CHECK (target <> ''),
    period plancli.period NOT NULL,
    min numeric,
    max numeric,
    around numeric,
    tolerance numeric CHECK (tolerance >= 0),
    stretch numeric,
    note text,
    recorded_at timestamptz NOT NULL,
    batch text NOT NULL CHECK (batch <> ''),
    recorded_by text DEFAULT current_user
);
CREATE INDEX amendments_order ON plancli.amendments (plan_id, seq);
-- Departments: the plan's 牵头单位 per target, and the roles that record for each department.
CREATE TABLE plancli.target_owner (
    plan_id text NOT NULL,
    target text NOT NULL,
    department text NOT NULL CHECK (department <> ''),
    PRIMARY KEY (plan_id, target)
);
CREATE TABLE plancli.plan_owners (
    plan_id text PRIMARY KEY,
    digest text NOT NULL,
    pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_by text NOT NULL DEFAULT current_user
);
CREATE TABLE plancli.department_role (
    department text NOT NULL CHECK (department <> ''),
    role text NOT NULL CHECK (role <> ''),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (department, role)
);
CREATE FUNCTION plancli.may_write(p_plan text, p_target text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1
        FROM plancli.target_owner o
        JOIN plancli.department_role d ON d.department = o.department
        JOIN pg_catalog.pg_roles r ON r.rolname = d.role
        WHERE o.plan_id = p_plan AND o.target = p_target
          AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
    )
$$;
ALTER TABLE plancli.records ENABLE ROW LEVEL SECURITY;
CREATE POLICY records_read ON plancli.records FOR SELECT USING (true);
CREATE POLICY records_write ON plancli.records FOR INSERT
    WITH CHECK (recorded_by = current_user::text AND plancli.may_write(plan_id, target));
CREATE POLICY records_undo ON plancli.records FOR DELETE
    USING (plancli.may_write(plan_id, target));
ALTER TABLE plancli.amendments ENABLE ROW LEVEL SECURITY;
CREATE POLICY amendments_read ON plancli.amendments FOR SELECT USING (true);
CREATE POLICY amendments_write ON plancli.amendments FOR INSERT
    WITH CHECK (recorded_by = current_user::text AND plancli.may_write(plan_id, target));
CREATE POLICY amendments_undo ON plancli.amendments FOR DELETE
    USING (plancli.may_write(plan_id, target));
