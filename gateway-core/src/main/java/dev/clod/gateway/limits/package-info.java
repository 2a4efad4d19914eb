/**
 * Per-key request and token limits per minute and per-project monthly budgets, enforced through the
 * gateway's database so that they hold across every instance sharing it.
 */
package dev.clod.gateway.limits;
