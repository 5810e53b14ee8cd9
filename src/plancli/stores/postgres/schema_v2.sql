-- plancli's PostgreSQL ledger, schema version 2 (applied after version 1 by schema.MIGRATIONS).
-- Issue 13, audit A: a grant is per plan; a department inserts rows stamped by the server (its
-- role, the time, the ledger order) and deletes none: its `undo` goes through
-- plancli.undo_batch, which reverts a whole batch its department's roles wrote, nothing else.

-- 1. Grants per plan. A version-1 grant applied to every plan naming its department, and which
--    plan it was made with is not recorded: each is kept for every plan whose owners name its
--    department (what it allowed the moment before), and one naming no plan's department (a
--    typo) for every plan, where `ledger grants` marks it. `ledger init` says so.
ALTER TABLE plancli.department_role RENAME TO department_role_v1;
CREATE TABLE plancli.department_role (
    plan_id text NOT NULL CHECK (plan_id <> ''),
    department text NOT NULL CHECK (department <> ''),
    role text NOT NULL CHECK (role <> ''),
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (plan_id, department, role)
);
INSERT INTO plancli.department_role (plan_id, department, role, granted_at)
SELECT DISTINCT o.plan_id, g.department, g.role, g.granted_at
FROM plancli.department_role_v1 g JOIN plancli.target_owner o ON o.department = g.department
UNION
SELECT p.plan_id, g.department, g.role, g.granted_at
FROM plancli.department_role_v1 g
CROSS JOIN (SELECT plan_id FROM plancli.target_owner
            UNION SELECT plan_id FROM plancli.plan_owners) p
WHERE NOT EXISTS (SELECT FROM plancli.target_owner o WHERE o.department = g.department);

-- Whether role `p_who` records, in plan `p_plan`, for the department owning `p_target`.
CREATE FUNCTION plancli.may_write_as(p_plan text, p_target text, p_who text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1
        FROM plancli.target_owner o
        JOIN plancli.department_role d ON d.plan_id = o.plan_id AND d.department = o.department
        JOIN pg_catalog.pg_roles r ON r.rolname = d.role
        WHERE o.plan_id = p_plan AND o.target = p_target
          AND pg_catalog.pg_has_role(p_who, r.oid, 'MEMBER')
    )
$$;
CREATE OR REPLACE FUNCTION plancli.may_write(p_plan text, p_target text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT plancli.may_write_as(p_plan, p_target, current_user::text)
$$;

-- Whether `p_writer` (a row's recorded_by) records, in plan `p_plan`, for a department `p_who`
-- records for. Never the ledger's owner nor a superuser (a member of every role).
CREATE FUNCTION plancli.wrote_for(p_plan text, p_writer text, p_who text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1
        FROM plancli.department_role mine
        JOIN pg_catalog.pg_roles mr ON mr.rolname = mine.role
        JOIN plancli.department_role theirs
            ON theirs.plan_id = mine.plan_id AND theirs.department = mine.department
        JOIN pg_catalog.pg_roles tr ON tr.rolname = theirs.role
        JOIN pg_catalog.pg_roles w ON w.rolname = p_writer
        WHERE mine.plan_id = p_plan AND NOT w.rolsuper
          AND w.oid <> (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                        WHERE n.nspname = 'plancli')
          AND pg_catalog.pg_has_role(p_who, mr.oid, 'MEMBER')
          AND pg_catalog.pg_has_role(w.oid, tr.oid, 'MEMBER')
    )
$$;

-- Of batch `p_batch` of plan `p_plan`, a writer not of `p_who`'s departments ('' for rows with
-- no writer, copied from a file), or NULL when every row was written for them.
CREATE FUNCTION plancli.foreign_writer(p_plan text, p_batch text, p_who text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(w.recorded_by, '')
    FROM (
        SELECT DISTINCT b.recorded_by FROM (
            SELECT recorded_by FROM plancli.records WHERE plan_id = p_plan AND batch = p_batch
            UNION ALL
            SELECT recorded_by FROM plancli.amendments WHERE plan_id = p_plan AND batch = p_batch
        ) AS b
    ) AS w
    WHERE w.recorded_by IS NULL OR NOT plancli.wrote_for(p_plan, w.recorded_by, p_who)
    ORDER BY w.recorded_by NULLS FIRST
    LIMIT 1
$$;

-- 2. What a department inserts is stamped by the server: its role (recorded_by, as before), the
--    time (recorded_at: the transaction's, to the second, as plancli writes times) and the
--    ledger order (seq: the identity's own value, never one given with OVERRIDING SYSTEM
--    VALUE); an amendment's place among the records (after_records: the plan's records so
--    far, as plancli counts them); its batch (below). The ledger's owner is not bound (`ledger convert` copies
--    each row's own).
-- A batch is one writer's: a department adds no row to a batch another role wrote (which would
-- make that batch one its writers' department may no longer undo). Rows of the same statement
-- are not seen (the statement's snapshot): a batch's own rows check nothing of each other.
CREATE INDEX amendments_batch ON plancli.amendments (plan_id, batch);
-- Planned without its arguments' values (a generic plan), an EXISTS over a ledger of a few
-- large batches looked cheapest as a sequential scan that stops at the first match: for a new
-- batch (no match) it read every row, 30 ms a call at 120,000 records, once per inserted row.
-- The index on (plan_id, batch) is the plan for every batch: seqscan off for this lookup.
CREATE FUNCTION plancli.batch_of_another(p_plan text, p_batch text) RETURNS boolean
LANGUAGE sql STABLE SET enable_seqscan = off AS $$
    SELECT EXISTS (
        SELECT FROM plancli.records
        WHERE plan_id = p_plan AND batch = p_batch AND recorded_by IS DISTINCT FROM current_user
    ) OR EXISTS (
        SELECT FROM plancli.amendments
        WHERE plan_id = p_plan AND batch = p_batch AND recorded_by IS DISTINCT FROM current_user
    )
$$;
ALTER TABLE plancli.records ALTER COLUMN recorded_at SET DEFAULT date_trunc('second', now());
ALTER TABLE plancli.amendments ALTER COLUMN recorded_at SET DEFAULT date_trunc('second', now());
-- seq: the value the identity just gave this row (currval; a role granted reads the sequences,
-- `ledger grant`). A function around it, SECURITY DEFINER, cost 100 µs a row.
DROP POLICY records_write ON plancli.records;
CREATE POLICY records_write ON plancli.records FOR INSERT WITH CHECK (
    recorded_by = current_user::text
    AND recorded_at = pg_catalog.date_trunc('second', pg_catalog.now())
    AND seq = pg_catalog.currval('plancli.records_seq_seq'::regclass)
    AND plancli.may_write(plan_id, target)
    AND NOT plancli.batch_of_another(plan_id, batch)
);
DROP POLICY amendments_write ON plancli.amendments;
CREATE POLICY amendments_write ON plancli.amendments FOR INSERT WITH CHECK (
    recorded_by = current_user::text
    AND recorded_at = pg_catalog.date_trunc('second', pg_catalog.now())
    AND seq = pg_catalog.currval('plancli.amendments_seq_seq'::regclass)
    AND after_records = (SELECT count(*) FROM plancli.records r WHERE r.plan_id = amendments.plan_id)
    AND plancli.may_write(plan_id, target)
    AND NOT plancli.batch_of_another(plan_id, batch)
);
-- No policy lets a department delete or update a row (nor does any privilege: below).
DROP POLICY records_undo ON plancli.records;
DROP POLICY amendments_undo ON plancli.amendments;

-- 3. A department's undo: the whole batch, when every row of it is of a target its department
--    owns and was written by a role of that department, and reverting it moves no later
--    amendment's place in ledger order; else refused, nothing deleted. Run as the ledger's
--    owner (current_user is the owner inside). The caller is the role its rows are stamped
--    with: current_user outside the function, the one recorded_by's default and the insert
--    policies name. That is the role SET ROLE chose (the `role` setting, which a SECURITY
--    DEFINER function does not change, and which names only a role session_user is a member
--    of), else the role that logged in (session_user). Not session_user alone: a connection
--    pooler logging in as one role that is a member of every department's, and acting for
--    each with SET ROLE, would make every caller every department.
CREATE FUNCTION plancli.undo_batch(p_plan text, p_batch text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    who text := coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user);
    found_text text;
    first_position bigint;
    removed bigint;
    amended bigint;
BEGIN
    PERFORM pg_catalog.pg_advisory_xact_lock(
        pg_catalog.hashtextextended('plancli:' || p_plan, 0));
    found_text := plancli.foreign_writer(p_plan, p_batch, who);
    IF found_text IS NOT NULL THEN
        RAISE EXCEPTION 'refused: batch % was written by %, not by a role of a department % '
            'records for', p_batch, coalesce(nullif(found_text, ''), '(no one on record)'), who
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT b.target INTO found_text FROM (
        SELECT target FROM plancli.records WHERE plan_id = p_plan AND batch = p_batch
        UNION
        SELECT target FROM plancli.amendments WHERE plan_id = p_plan AND batch = p_batch
    ) AS b
    WHERE NOT plancli.may_write_as(p_plan, b.target, who)
    LIMIT 1;
    IF found_text IS NOT NULL THEN
        RAISE EXCEPTION 'refused: batch % holds %, not a target of a department % records for',
            p_batch, found_text, who USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT count(*) INTO first_position FROM plancli.records r
    WHERE r.plan_id = p_plan AND r.seq < (
        SELECT min(seq) FROM plancli.records WHERE plan_id = p_plan AND batch = p_batch);
    IF EXISTS (SELECT FROM plancli.records WHERE plan_id = p_plan AND batch = p_batch)
       AND EXISTS (SELECT FROM plancli.amendments WHERE plan_id = p_plan
                   AND batch <> p_batch AND after_records > first_position) THEN
        RAISE EXCEPTION 'refused: batch % was recorded before a mid-year adjustment written '
            'after it; only the ledger''s owner may revert it', p_batch
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM plancli.records WHERE plan_id = p_plan AND batch = p_batch;
    GET DIAGNOSTICS removed = ROW_COUNT;
    DELETE FROM plancli.amendments WHERE plan_id = p_plan AND batch = p_batch;
    GET DIAGNOSTICS amended = ROW_COUNT;
    RETURN removed + amended;
END
$$;
REVOKE ALL ON FUNCTION plancli.undo_batch(text, text) FROM PUBLIC;

-- Privileges: the roles granted under version 1 keep reading (the new table and the sequences
-- too) and inserting, lose DELETE (and any UPDATE or TRUNCATE given by hand), and may call
-- undo_batch.
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT c.relname, a.grantee, a.privilege_type
        FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
        WHERE c.oid IN ('plancli.records'::regclass, 'plancli.amendments'::regclass,
                        'plancli.department_role_v1'::regclass)
          AND a.grantee <> c.relowner
    LOOP
        IF g.relname = 'department_role_v1' AND g.privilege_type = 'SELECT' THEN
            EXECUTE format('GRANT SELECT ON plancli.department_role TO %s',
                CASE WHEN g.grantee = 0 THEN 'PUBLIC'
                     ELSE quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
        ELSIF g.relname <> 'department_role_v1'
              AND g.privilege_type IN ('DELETE', 'UPDATE', 'TRUNCATE') THEN
            EXECUTE format('REVOKE %s ON plancli.%I FROM %s', g.privilege_type, g.relname,
                CASE WHEN g.grantee = 0 THEN 'PUBLIC'
                     ELSE quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
        ELSIF g.relname = 'records' AND g.privilege_type = 'INSERT' AND g.grantee <> 0 THEN
            EXECUTE format('GRANT EXECUTE ON FUNCTION plancli.undo_batch(text, text) TO %s',
                quote_ident(pg_catalog.pg_get_userbyid(g.grantee)));
            EXECUTE format('GRANT SELECT ON SEQUENCE plancli.records_seq_seq, '
                'plancli.amendments_seq_seq TO %s',
                quote_ident(pg_catalog.pg_get_userbyid(g.grantee)));
        END IF;
    END LOOP;
END
$$;
DROP TABLE plancli.department_role_v1;
