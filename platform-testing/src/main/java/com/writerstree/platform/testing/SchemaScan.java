package com.writerstree.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where a value still appears in a schema: every column of every table, read as text, searched for the value
 * (case-insensitive). A purge test asserts that the user's id and e-mail appear nowhere.
 */
public final class SchemaScan {

    private SchemaScan() {}

    /** {@code table.column} of every column of a table in {@code schema} that holds {@code needle} in some row. */
    public static List<String> columnsContaining(DataSource dataSource, String schema, String needle) {
        List<String> hits = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.table_name, c.column_name FROM information_schema.columns c
                    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                    WHERE c.table_schema = ? AND t.table_type = 'BASE TABLE'
                    ORDER BY c.table_name, c.ordinal_position""")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] column : columns) {
                String sql = "SELECT 1 FROM " + quote(schema) + "." + quote(column[0]) + " WHERE strpos(lower("
                        + quote(column[1]) + "::text), lower(?)) > 0 LIMIT 1";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, needle);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            hits.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
