package semaine.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scikit-learn name of a fitted-state record component, where the rule "camelCase becomes
 * snake_case_ with a trailing underscore" does not give it ({@code @Attribute("_fit_X")}). Names
 * that start with an underscore are private: saved, but not listed among the attributes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Attribute {
  String value();
}
