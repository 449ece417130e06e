-- Bookkeeping of the stage migration (contract section 10): one row per run, one per batch,
-- one audit row per changed row (before/after), and the progress and failure views.
CREATE TABLE stage_migration_runs (
    run_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    status         text NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'rolled_back')),
    batch_size     integer NOT NULL CHECK (batch_size > 0),
    sleep_ms       integer NOT NULL CHECK (sleep_ms >= 0),
    mapping_sha256 text NOT NULL,
    companies_rows_before  bigint NOT NULL,
    strategies_rows_before bigint NOT NULL,
    tool_version   text NOT NULL
);

CREATE TABLE stage_migration_batches (
    run_id       bigint  NOT NULL REFERENCES stage_migration_runs (run_id),
    table_name   text    NOT NULL CHECK (table_name IN ('portfolio_companies', 'portfolio_strategies')),
    batch_no     integer NOT NULL,
    first_id     text,
    last_id      text,
    rows_read    integer NOT NULL DEFAULT 0,
    rows_changed integer NOT NULL DEFAULT 0,
    unmappable   integer NOT NULL DEFAULT 0,
    status       text    NOT NULL CHECK (status IN ('completed', 'failed')),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL DEFAULT now(),
    error        text,
    PRIMARY KEY (run_id, table_name, batch_no)
);

CREATE TABLE stage_migration_audit (
    audit_id   bigint GENERATED ALWAYS AS IDENTITY (CACHE 1000) PRIMARY KEY,
    run_id     bigint NOT NULL REFERENCES stage_migration_runs (run_id),
    table_name text   NOT NULL,
    row_id     text   NOT NULL,
    column_name text  NOT NULL,
    before_value jsonb,
    after_value  jsonb,
    changed_at timestamptz NOT NULL DEFAULT now(),
    rolled_back_at timestamptz
);
-- No secondary index: rollback walks the primary key backwards from the newest audit row, and a
-- second index would double the cost of writing the audit during apply.

CREATE VIEW stage_migration_progress AS
SELECT r.run_id, r.status AS run_status, b.table_name,
       count(*) FILTER (WHERE b.status = 'completed') AS batches_completed,
       count(*) FILTER (WHERE b.status = 'failed')    AS batches_failed,
       coalesce(sum(b.rows_read)    FILTER (WHERE b.status = 'completed'), 0) AS rows_read,
       coalesce(sum(b.rows_changed) FILTER (WHERE b.status = 'completed'), 0) AS rows_changed,
       coalesce(sum(b.unmappable)   FILTER (WHERE b.status = 'completed'), 0) AS rows_unmappable,
       CASE b.table_name WHEN 'portfolio_companies' THEN r.companies_rows_before ELSE r.strategies_rows_before END AS rows_total,
       max(b.finished_at) AS last_batch_at
FROM stage_migration_runs r
JOIN stage_migration_batches b USING (run_id)
GROUP BY r.run_id, r.status, b.table_name, r.companies_rows_before, r.strategies_rows_before;

CREATE VIEW stage_migration_progress_by_fund AS
SELECT a.run_id, a.table_name, coalesce(c.fund_id, s.fund_id) AS fund_id, count(*) AS rows_changed
FROM stage_migration_audit a
LEFT JOIN portfolio_companies  c ON a.table_name = 'portfolio_companies'  AND c.id::text = a.row_id
LEFT JOIN portfolio_strategies s ON a.table_name = 'portfolio_strategies' AND s.id = a.row_id
WHERE a.rolled_back_at IS NULL
GROUP BY a.run_id, a.table_name, coalesce(c.fund_id, s.fund_id);

CREATE VIEW stage_migration_failures AS
SELECT run_id, table_name, batch_no, first_id, last_id, started_at, finished_at, error
FROM stage_migration_batches
WHERE status = 'failed';
