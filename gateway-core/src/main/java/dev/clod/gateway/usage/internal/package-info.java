/** The SQL behind the usage ledger: statements per database, column mapping, one batch's transaction. */
package dev.clod.gateway.usage.internal;
