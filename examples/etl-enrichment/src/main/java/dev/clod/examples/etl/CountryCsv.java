package dev.clod.examples.etl;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the input CSV (header {@code code,country,region,background}) into rows. */
public final class CountryCsv {

    private static final List<String> COLUMNS = List.of("code", "country", "region", "background");
    private static final CsvMapper MAPPER = new CsvMapper();

    private CountryCsv() {}

    public static List<CountryRow> read(InputStream csv) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<CountryRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> lines =
                MAPPER.readerForMapOf(String.class).with(schema).readValues(csv)) {
            int line = 1;
            while (lines.hasNext()) {
                Map<String, String> row = lines.next();
                line++;
                for (String column : COLUMNS) {
                    String value = row.get(column);
                    if (value == null || value.isBlank()) {
                        throw new IllegalArgumentException("line " + line + ": column '" + column
                                + "' is missing or empty (expected columns " + String.join(",", COLUMNS) + ")");
                    }
                }
                rows.add(new CountryRow(row.get("code"), row.get("country"), row.get("region"), row.get("background")));
            }
        }
        return rows;
    }
}
