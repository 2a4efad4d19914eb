-- Projects group keys, allowed models and budgets; keys are stored only as SHA-256 hashes.
CREATE TABLE projects (
    id                   VARCHAR(40)    PRIMARY KEY,
    name                 VARCHAR(200)   NOT NULL UNIQUE,
    allowed_models       VARCHAR(4000),             -- comma-separated model ids; NULL allows every model
    budget_usd_per_month DECIMAL(24, 12),           -- NULL: no budget
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_keys (
    id          VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    project_id  VARCHAR(40)  REFERENCES projects (id),
    prefix      VARCHAR(20)  NOT NULL,              -- the first characters of the secret, for display
    secret_hash CHAR(64)     NOT NULL UNIQUE,       -- hex SHA-256 of the secret
    rpm         INTEGER,                            -- requests per minute; NULL: unlimited
    tpm         INTEGER,                            -- tokens per minute; NULL: unlimited
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX api_keys_project ON api_keys (project_id);

-- Per-key counters for one minute each, shared by every gateway instance on this database.
CREATE TABLE rate_windows (
    key_id       VARCHAR(40) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    requests     INTEGER     NOT NULL,
    tokens       BIGINT      NOT NULL,
    PRIMARY KEY (key_id, window_start)
);
