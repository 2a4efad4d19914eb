-- Every change of a site's electricity price: from changed_at on, the site was priced at usd_per_mwh,
-- found live from its feed, stale (the feed's last price, still young enough) or at the fallback.
-- A model's price at a site follows from it and the deployment's energy profile, so it is not stored.
CREATE TABLE site_prices (
    site        VARCHAR(100)   NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    usd_per_mwh DECIMAL(18, 6) NOT NULL,
    status      VARCHAR(10)    NOT NULL,
    PRIMARY KEY (site, changed_at)
);
