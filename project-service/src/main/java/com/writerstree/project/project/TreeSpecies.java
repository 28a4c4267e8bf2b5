package com.writerstree.project.project;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Locale;

/** The tree a project grows (spec §2.1); lower-case on the wire and in the database. */
public enum TreeSpecies {
    OAK,
    WILLOW,
    PINE,
    MAPLE,
    CHERRY;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }

    public static TreeSpecies of(String value) {
        return Arrays.stream(values())
                .filter(v -> v.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown tree species: " + value));
    }

    /** Stores the lower-case value. */
    @jakarta.persistence.Converter
    public static class Column implements AttributeConverter<TreeSpecies, String> {
        @Override
        public String convertToDatabaseColumn(TreeSpecies species) {
            return species == null ? null : species.value();
        }

        @Override
        public TreeSpecies convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
