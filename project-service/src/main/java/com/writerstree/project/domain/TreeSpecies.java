package com.writerstree.project.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** The tree a project grows (spec §2.1); lower-case on the wire and in the database. */
public enum TreeSpecies {
    OAK,
    WILLOW,
    PINE,
    MAPLE,
    CHERRY;

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
    public static class Column extends LowerCaseEnum.Column<TreeSpecies> {
        public Column() {
            super(TreeSpecies.class);
        }
    }
}
