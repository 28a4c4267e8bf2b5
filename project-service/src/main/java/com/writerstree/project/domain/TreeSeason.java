package com.writerstree.project.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The season a project's tree is drawn in (spec §2.1); lower-case on the wire and in the database. */
public enum TreeSeason {
    SPRING,
    SUMMER,
    AUTUMN,
    WINTER;

    @JsonValue
    public String value() {
        return LowerCaseEnum.value(this);
    }

    @Override
    public String toString() {
        return value();
    }

    /** Stores the lower-case value. */
    @jakarta.persistence.Converter
    public static class Column extends LowerCaseEnum.Column<TreeSeason> {
        public Column() {
            super(TreeSeason.class);
        }
    }
}
