-- plancli's PostgreSQL ledger, schema version 3 (applied after version 2 by schema.MIGRATIONS).
-- Session 24, audit G D8, a department's import slower by the row the larger the ledger: a
-- batch's writer is kept in table `batches`, one row a batch, and checked there once per
-- statement, not found again among the batch's rows for each row; and plancli.may_write_as
-- compares in the columns' collation, so that target_owner's primary key serves it.
--
-- Version 2's insert policies called plancli.batch_of_another(plan, batch) for every row
-- inserted, which read every row of that batch already inserted: a department's import of
-- n rows in one batch read n²/2 rows (20,000 rows: 393 s against the owner's 29 s).
--
-- A batch is one writer's: a department adds no row to a batch another role wrote (which would
-- make that batch one its writers' department may no longer undo), nor to one copied in
-- without a writer. `writer` is the role whose rows the batch holds; NULL when its rows name
-- none (copied from a file ledger) or more than one (copied in by the ledger's owner).
CREATE TABLE plancli.batches (
    plan_id text NOT NULL,
    batch text NOT NULL,
    writer text,
    PRIMARY KEY (plan_id, batch)
);
INSERT INTO plancli.batches (plan_id, batch, writer)
SELECT b.plan_id, b.batch,
       CASE WHEN bool_and(b.recorded_by IS NOT NULL) AND count(DISTINCT b.recorded_by) = 1
            THEN min(b.recorded_by) END
FROM (SELECT plan_id, batch, recorded_by FROM plancli.records
      UNION ALL
      SELECT plan_id, batch, recorded_by FROM plancli.amendments) AS b
GROUP BY b.plan_id, b.batch;

-- After each statement inserting rows (of records or of amendments, whoever inserts them):
-- each batch the statement wrote is claimed for its rows' writer, and a department's statement
-- adding to a batch whose writer is not itself is refused, nothing of it written. Claimed
-- under the batches' primary key: a writer that inserts a batch another transaction is writing
-- waits for it to end, then sees its writer (READ COMMITTED: each statement here takes a new
-- snapshot), so two writers at once cannot both find a batch new. Run as the ledger's owner
-- (departments have no privilege on `batches`); the caller is known as plancli.undo_batch
-- knows it (the role SET ROLE chose, else the one that logged in: schema_v2.sql), and is a
-- department when row-level security binds it: not a superuser, not BYPASSRLS, not the
-- tables' owner nor a role with its privileges. Rows the ledger's owner copies in (`ledger
-- convert`) keep their writers: a batch whose rows name another writer than its own is
-- marked NULL, a batch no department may add to.
CREATE FUNCTION plancli.claim_batches() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    who text := coalesce(nullif(pg_catalog.current_setting('role'), 'none'), session_user);
    bound boolean;
    refused record;
BEGIN
    -- No temporary table: the caller's session could have made one of that name (pg_temp).
    INSERT INTO plancli.batches (plan_id, batch, writer)
    SELECT n.plan_id, n.batch,
           CASE WHEN bool_and(n.recorded_by IS NOT NULL) AND count(DISTINCT n.recorded_by) = 1
                THEN min(n.recorded_by) END
    FROM added AS n GROUP BY n.plan_id, n.batch
    ON CONFLICT (plan_id, batch) DO NOTHING;
    SELECT c.plan_id, c.batch, b.writer INTO refused
    FROM (SELECT n.plan_id, n.batch, min(n.recorded_by) AS writer,
                 NOT (bool_and(n.recorded_by IS NOT NULL)
                      AND count(DISTINCT n.recorded_by) = 1) AS mixed
          FROM added AS n GROUP BY n.plan_id, n.batch) AS c
    JOIN plancli.batches b ON b.plan_id = c.plan_id AND b.batch = c.batch
    WHERE c.mixed OR b.writer IS DISTINCT FROM c.writer
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT NOT (r.rolsuper OR r.rolbypassrls
                OR pg_catalog.pg_has_role(r.oid, c.relowner, 'USAGE'))
    INTO bound
    FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
    WHERE r.rolname = who AND c.oid = 'plancli.records'::pg_catalog.regclass;
    IF coalesce(bound, true) THEN
        RAISE EXCEPTION 'refused: batch % of plan % was written by %; a department adds no '
            'row to a batch another role wrote', refused.batch, refused.plan_id,
            coalesce(refused.writer, '(more than one writer, or no one on record)')
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- The ledger's owner: a batch whose rows now name more than one writer is no one's.
    UPDATE plancli.batches b SET writer = NULL
    FROM (SELECT DISTINCT n.plan_id, n.batch FROM added AS n) AS c
    WHERE b.plan_id = c.plan_id AND b.batch = c.batch AND b.writer IS NOT NULL
      AND EXISTS (SELECT FROM added AS m WHERE m.plan_id = c.plan_id AND m.batch = c.batch
                  AND m.recorded_by IS DISTINCT FROM b.writer);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION plancli.claim_batches() FROM PUBLIC;
CREATE TRIGGER records_claim AFTER INSERT ON plancli.records
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION plancli.claim_batches();
CREATE TRIGGER amendments_claim AFTER INSERT ON plancli.amendments
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION plancli.claim_batches();

-- A batch with no row left (undone, or replaced by `ledger convert`) is forgotten: its id
-- written again is a new batch, its writer's who writes it.
CREATE FUNCTION plancli.forget_batches() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM plancli.batches b
    USING (SELECT DISTINCT plan_id, batch FROM removed) AS g
    WHERE b.plan_id = g.plan_id AND b.batch = g.batch
      AND NOT EXISTS (SELECT FROM plancli.records r
                      WHERE r.plan_id = g.plan_id AND r.batch = g.batch)
      AND NOT EXISTS (SELECT FROM plancli.amendments a
                      WHERE a.plan_id = g.plan_id AND a.batch = g.batch);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION plancli.forget_batches() FROM PUBLIC;
CREATE TRIGGER records_forget AFTER DELETE ON plancli.records
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION plancli.forget_batches();
CREATE TRIGGER amendments_forget AFTER DELETE ON plancli.amendments
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION plancli.forget_batches();

-- Whether role `p_who` records, in plan `p_plan`, for the department owning `p_target`: as
-- version 2's, the arguments compared in the columns' collation. The policies and plancli's
-- checks pass current_user::text, whose collation is "C" (a name's), and a SQL function's
-- text parameters take its call's collation: compared in "C", neither target_owner's primary
-- key nor department_role's served, and every call read the plan's every target (a
-- department's import of 20,000 rows into a plan of 20,000 targets: 221 s, 11 ms a row; 1.3 s
-- for 2,000 rows now, where 14.6 s before).
CREATE OR REPLACE FUNCTION plancli.may_write_as(p_plan text, p_target text, p_who text)
RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1
        FROM plancli.target_owner o
        JOIN plancli.department_role d ON d.plan_id = o.plan_id AND d.department = o.department
        JOIN pg_catalog.pg_roles r ON r.rolname = d.role
        WHERE o.plan_id = p_plan COLLATE "default" AND o.target = p_target COLLATE "default"
          AND pg_catalog.pg_has_role(p_who, r.oid, 'MEMBER')
    )
$$;

-- The insert policies as version 2's, without the per-row look at the batch.
DROP POLICY records_write ON plancli.records;
CREATE POLICY records_write ON plancli.records FOR INSERT WITH CHECK (
    recorded_by = current_user::text
    AND recorded_at = pg_catalog.date_trunc('second', pg_catalog.now())
    AND seq = pg_catalog.currval('plancli.records_seq_seq'::regclass)
    AND plancli.may_write(plan_id, target)
);
DROP POLICY amendments_write ON plancli.amendments;
CREATE POLICY amendments_write ON plancli.amendments FOR INSERT WITH CHECK (
    recorded_by = current_user::text
    AND recorded_at = pg_catalog.date_trunc('second', pg_catalog.now())
    AND seq = pg_catalog.currval('plancli.amendments_seq_seq'::regclass)
    AND after_records = (SELECT count(*) FROM plancli.records r WHERE r.plan_id = amendments.plan_id)
    AND plancli.may_write(plan_id, target)
);
DROP FUNCTION plancli.batch_of_another(text, text);

-- Reading is open to every role granted (`ledger grant` gives SELECT on every table): the roles
-- reading the records read `batches` too.
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT a.grantee
        FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
        WHERE c.oid = 'plancli.records'::regclass AND a.grantee <> c.relowner
          AND a.privilege_type = 'SELECT'
    LOOP
        EXECUTE format('GRANT SELECT ON plancli.batches TO %s',
            CASE WHEN g.grantee = 0 THEN 'PUBLIC'
                 ELSE quote_ident(pg_catalog.pg_get_userbyid(g.grantee)) END);
    END LOOP;
END
$$;
