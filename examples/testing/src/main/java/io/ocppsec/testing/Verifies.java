package io.ocppsec.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test (class or method) that proves the listed requirements.
 *
 * <p>The project's requirement matrix is generated from these annotations: a build test fails when a
 * requirement marked {@code implemented} has no test that verifies it, or when an annotation names an
 * ID that is not in the matrix.
 *
 * <pre>{@code
 * @Test
 * @Verifies({"A00.FR.502", "A00.FR.503"})
 * void rejectsWeakKeys() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Verifies {
    /** @return requirement IDs, e.g. {@code "A00.FR.509"} */
    String[] value();
}
