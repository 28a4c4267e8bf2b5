package com.writerstree.project.project;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A project's lifecycle (spec §2.1): active until its goal is reached or it is archived. */
public enum ProjectStatus {
    ACTIVE,
    COMPLETED,
    ARCHIVED;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value();
    }

    public static Optional<ProjectStatus> parse(String value) {
        return Arrays.stream(values()).filter(v -> v.value().equals(value)).findFirst();
    }

    public static List<String> allowed() {
        return Arrays.stream(values()).map(ProjectStatus::value).toList();
    }

    /** Stores the lower-case value. */
    @jakarta.persistence.Converter
    public static class Column implements AttributeConverter<ProjectStatus, String> {
        @Override
        public String convertToDatabaseColumn(ProjectStatus status) {
            return status == null ? null : status.value();
        }

        @Override
        public ProjectStatus convertToEntityAttribute(String value) {
            return value == null
                    ? null
                    : parse(value).orElseThrow(() -> new IllegalArgumentException("Unknown project status: " + value));
        }
    }
}
