package com.writerstree.project.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A project deadline is a calendar date in a sane range. It is not checked against "today": project-service
 * does not know the writer's time zone, and a date that is already past is harmless (stats report it as past).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidDeadline.Validator.class)
public @interface ValidDeadline {

    LocalDate MIN = LocalDate.of(2000, 1, 1);
    LocalDate MAX = LocalDate.of(2999, 12, 31);

    String message() default "deadline must be a date from 2000-01-01 to 2999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDeadline, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || (!value.isBefore(MIN) && !value.isAfter(MAX));
        }
    }
}
