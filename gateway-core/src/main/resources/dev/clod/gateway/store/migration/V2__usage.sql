-- One row per request: the unit of billing and of every usage figure.
CREATE TABLE usage_records (
    request_id        VARCHAR(64)  PRIMARY KEY,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id            VARCHAR(40),
    project_id        VARCHAR(40),
    requested_model   VARCHAR(300) NOT NULL,
    model             VARCHAR(200),
    deployment_id     VARCHAR(300),
    provider_id       VARCHAR(100),
    site              VARCHAR(100),
    strategy          VARCHAR(40),
    prompt_tokens     INTEGER      NOT NULL,
    completion_tokens INTEGER      NOT NULL,
    cached_tokens     INTEGER      NOT NULL,
    user_price_usd    DECIMAL(24, 12) NOT NULL,
    provider_cost_usd DECIMAL(24, 12) NOT NULL,
    routing_fee_usd   DECIMAL(24, 12) NOT NULL,
    energy_kwh        DECIMAL(24, 12),
    ttft_ms           BIGINT,
    duration_ms       BIGINT       NOT NULL,
    stream            BOOLEAN      NOT NULL,
    status            INTEGER      NOT NULL,
    error_type        VARCHAR(60)
);

-- Both serve time-range summaries and the newest-first request log, whose pages continue after a
-- (recorded_at, request_id) pair; ties on the instant are broken by the request id.
CREATE INDEX usage_records_time ON usage_records (recorded_at, request_id);
CREATE INDEX usage_records_project_time ON usage_records (project_id, recorded_at, request_id);

-- Raw records older than the retention period, summed per day; '' stands for "none".
CREATE TABLE usage_daily (
    usage_day         DATE         NOT NULL,
    project_id        VARCHAR(40)  NOT NULL,
    key_id            VARCHAR(40)  NOT NULL,
    model             VARCHAR(200) NOT NULL,
    requests          BIGINT       NOT NULL,
    failed_requests   BIGINT       NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    user_price_usd    DECIMAL(24, 12) NOT NULL,
    energy_kwh        DECIMAL(24, 12) NOT NULL,
    PRIMARY KEY (usage_day, project_id, key_id, model)
);

-- What each project was charged per calendar month (UTC), kept with the records in one transaction,
-- so a budget check reads one row.
CREATE TABLE project_spend (
    project_id     VARCHAR(40)     NOT NULL,
    spend_month    CHAR(7)         NOT NULL,        -- 2024-08
    user_price_usd DECIMAL(24, 12) NOT NULL,
    PRIMARY KEY (project_id, spend_month)
);

-- One row that a roll-up locks (SELECT ... FOR UPDATE) for each transaction, so roll-ups started by
-- several gateway instances at once run one after another instead of moving a record twice.
CREATE TABLE usage_rollup_lock (
    id INTEGER PRIMARY KEY
);

INSERT INTO usage_rollup_lock (id) VALUES (1);
