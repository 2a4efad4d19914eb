/**
 * The relational store behind keys, projects, the usage ledger and limits: a connection pool and
 * schema migrations, on an embedded H2 file by default and PostgreSQL in production. The same SQL and
 * migrations run on both.
 */
package dev.clod.gateway.store;
