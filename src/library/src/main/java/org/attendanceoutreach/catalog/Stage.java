package org.attendanceoutreach.catalog;

import java.util.Objects;

/**
 * One stage of a plan, in the order the guides give (listed once, at the top of
 * {@code rules/catalog.json}): reach the family, build the relationship, solve problems together,
 * then intensive support.
 *
 * @param name        UPPER_SNAKE_CASE, as practices name it in their {@code stage}
 * @param description what the stage is for, in a sentence
 */
public record Stage(String name, String description) {
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }
}
