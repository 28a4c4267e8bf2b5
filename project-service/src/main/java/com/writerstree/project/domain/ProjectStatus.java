package com.writerstree.project.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A project's lifecycle (spec §2.1): active until its goal is reached or it is archived. */
public enum ProjectStatus {
    ACTIVE,
    COMPLETED,
    ARCHIVED;

    @JsonValue
    public String value() {
        return LowerCaseEnum.value(this);
    }

    @Override
    public String toString() {
        return value();
    }

    public static Optional<ProjectStatus> parse(String value) {
        return LowerCaseEnum.parse(ProjectStatus.class, value);
    }

    public static List<String> allowed() {
        return Arrays.stream(values()).map(ProjectStatus::value).toList();
    }

    /** Stores the lower-case value. */
    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnum.Column<ProjectStatus> {
        public Column() {
            super(ProjectStatus.class);
        }
    }
}
