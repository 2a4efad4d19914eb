package dev.clod.examples.etl;

/** One input record: a country and the Factbook's background paragraph about it. */
public record CountryRow(String code, String country, String region, String background) {}
