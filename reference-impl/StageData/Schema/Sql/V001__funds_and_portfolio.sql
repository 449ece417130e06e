-- Funds, portfolio companies (scalar stage), strategies (a stage distribution per row) and
-- allocations: contract sections 6 and 10. Stage columns hold whatever was written: legacy rows
-- may carry aliases or unknown values until the migration has normalized them.
CREATE TABLE funds (
    id            bigint  PRIMARY KEY,
    name          text    NOT NULL,
    size          numeric NOT NULL CHECK (size >= 0),
    reserve_ratio numeric NOT NULL CHECK (reserve_ratio >= 0 AND reserve_ratio <= 1)
);

CREATE TABLE portfolio_companies (
    id      bigint PRIMARY KEY,
    fund_id bigint NOT NULL REFERENCES funds (id),
    name    text   NOT NULL,
    stage   text
);
CREATE INDEX portfolio_companies_fund_stage ON portfolio_companies (fund_id, stage);

-- id is text (the API hands out opaque ids); keyset batches order it with the "C" collation.
CREATE TABLE portfolio_strategies (
    id                 text COLLATE "C" PRIMARY KEY,
    fund_id            bigint NOT NULL REFERENCES funds (id),
    name               text   NOT NULL,
    stage_distribution jsonb  NOT NULL,
    ignored_stages     jsonb  NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX portfolio_strategies_fund ON portfolio_strategies (fund_id);

CREATE TABLE allocations (
    id       text COLLATE "C" PRIMARY KEY,
    fund_id  bigint NOT NULL REFERENCES funds (id),
    document jsonb  NOT NULL
);
CREATE INDEX allocations_fund ON allocations (fund_id);
