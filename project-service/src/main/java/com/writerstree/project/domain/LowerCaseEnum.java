package com.writerstree.project.domain;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Enums that travel (JSON) and are stored (database) as their lower-case names: species, season, status. */
final class LowerCaseEnum {

    private LowerCaseEnum() {}

    static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> value(c).equals(value))
                .findFirst();
    }

    /** Stores the lower-case value; subclasses name the enum (converters need a no-argument constructor). */
    abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E constant) {
            return constant == null ? null : value(constant);
        }

        @Override
        public E convertToEntityAttribute(String value) {
            return value == null
                    ? null
                    : parse(type, value)
                            .orElseThrow(() ->
                                    new IllegalArgumentException("Unknown " + type.getSimpleName() + ": " + value));
        }
    }
}
