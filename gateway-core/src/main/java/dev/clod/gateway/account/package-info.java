/**
 * Projects and API keys: who may call the gateway, with which models, budgets and per-minute limits.
 *
 * <p>{@link dev.clod.gateway.account.AccountStore} is the public face; {@link
 * dev.clod.gateway.account.JdbcAccountStore} keeps accounts in the gateway's database, where several
 * instances share them. A key's secret is handed out once, in {@link dev.clod.gateway.account.IssuedKey},
 * and only its SHA-256 hash is stored.
 */
package dev.clod.gateway.account;
