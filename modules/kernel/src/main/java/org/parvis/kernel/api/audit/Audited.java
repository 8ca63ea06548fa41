package org.parvis.kernel.api.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A console action written to the audit trail of the side it concerns when it succeeds (no error
 * message on the page): who, when, the action's name, its arguments (ids, never form fields) and
 * the address.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

  /** The action's name, e.g. {@code ARTICLE_PUBLISHED}. */
  @Nonbinding
  String value() default "";

  /** The side whose database keeps the entry: {@code brand} or {@code network}. */
  @Nonbinding
  String side() default "brand";
}
