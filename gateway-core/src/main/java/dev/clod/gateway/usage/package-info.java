/**
 * Usage: one {@link dev.clod.gateway.usage.UsageRecord} per request, the unit of billing and of every
 * usage figure. {@link dev.clod.gateway.usage.JdbcUsageLedger} writes records to the database by
 * group commit; {@link dev.clod.gateway.usage.JdbcUsageReader} summarizes them and pages through
 * them; {@link dev.clod.gateway.usage.UsageRollup} folds old records into daily sums.
 * {@link dev.clod.gateway.usage.UsageTally} keeps an in-memory tally for embedded use.
 */
package dev.clod.gateway.usage;
