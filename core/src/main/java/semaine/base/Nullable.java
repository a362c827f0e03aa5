package semaine.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a fitted-state record that may be null (a part that was not computed,
 * such as {@code StandardScaler}'s variance with {@code with_std=False}). It is left out of the
 * state when null and reads back as null when missing; any other missing attribute is an error.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {}
