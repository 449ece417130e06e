-- The audit's reference to its run is checked once per statement instead of once per row.
-- A foreign key runs one lookup with a KEY SHARE lock on the run's row for every audit row;
-- apply writes one audit row per changed row, and at 1,000,000 companies those checks took more
-- time than the audit rows themselves (measured, StageMigration.Benchmarks/README.md). The same
-- two guarantees are kept: no audit row names a run that does not exist (checked over the
-- statement's new rows at once), and a run with audit rows cannot be deleted or renumbered.
ALTER TABLE stage_migration_audit DROP CONSTRAINT stage_migration_audit_run_id_fkey;

CREATE FUNCTION stage_migration_audit_run_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM stage_migration_runs r WHERE r.run_id = n.run_id)) THEN
        RAISE foreign_key_violation USING MESSAGE = 'stage_migration_audit: an audit row names a run that does not exist';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER stage_migration_audit_run_exists
    AFTER INSERT ON stage_migration_audit REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION stage_migration_audit_run_exists();

CREATE FUNCTION stage_migration_run_keeps_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (TG_OP = 'DELETE' OR NEW.run_id IS DISTINCT FROM OLD.run_id)
       AND EXISTS (SELECT 1 FROM stage_migration_audit a WHERE a.run_id = OLD.run_id) THEN
        RAISE foreign_key_violation USING MESSAGE = format('stage_migration_runs: run %s still has audit rows', OLD.run_id);
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER stage_migration_run_keeps_audit
    BEFORE DELETE OR UPDATE OF run_id ON stage_migration_runs
    FOR EACH ROW EXECUTE FUNCTION stage_migration_run_keeps_audit();
