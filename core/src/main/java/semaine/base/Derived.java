package semaine.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a fitted-state record that is not part of the saved state: a search index,
 * a packed copy, a recorded history. It is null after {@link Estimator#restore}, until the
 * estimator's {@code restored} hook recomputes it from the rest.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Derived {}
