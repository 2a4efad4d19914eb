/**
 * Wholesale electricity prices and what they make hosted tokens cost.
 *
 * <p>{@link dev.clod.gateway.energy.CsvTraceReader} reads price traces ({@code
 * timestamp_utc,location,market,usd_per_mwh}) into one {@link dev.clod.gateway.energy.PriceTrace} per
 * location and market; {@link dev.clod.gateway.energy.CsvTraceReader#shipped()} loads the real traces
 * bundled under {@code data/}, whose README gives their provenance. {@link
 * dev.clod.gateway.energy.SitePricing} turns a price into a per-million-token price at a site, and
 * {@link dev.clod.gateway.energy.ReplayClock} replays a trace's time span at a chosen speed.
 */
package dev.clod.gateway.energy;
