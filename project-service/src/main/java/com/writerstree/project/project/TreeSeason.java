package com.writerstree.project.project;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Locale;

/** The season a project's tree is drawn in (spec §2.1); lower-case on the wire and in the database. */
public enum TreeSeason {
    SPRING,
    SUMMER,
    AUTUMN,
    WINTER;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }

    public static TreeSeason of(String value) {
        return Arrays.stream(values())
                .filter(v -> v.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown tree season: " + value));
    }

    /** Stores the lower-case value. */
    @jakarta.persistence.Converter
    public static class Column implements AttributeConverter<TreeSeason, String> {
        @Override
        public String convertToDatabaseColumn(TreeSeason season) {
            return season == null ? null : season.value();
        }

        @Override
        public TreeSeason convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
