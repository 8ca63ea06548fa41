package org.parvis.kernel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parvis.kernel.api.text.StoredText;

/**
 * The request as the application sees it: every parameter value passed through {@link
 * StoredText#clean}. Forms of every module reach their beans through it, so that no page or service
 * has to remember the rule.
 */
final class CleanParameters extends HttpServletRequestWrapper {

  private final Map<String, String[]> parameters;

  private CleanParameters(HttpServletRequest request, Map<String, String[]> parameters) {
    super(request);
    this.parameters = parameters;
  }

  /** The request itself when every value already follows the rule, a cleaning view otherwise. */
  static HttpServletRequest of(HttpServletRequest request, Map<String, String[]> raw) {
    boolean clean =
        raw.values().stream()
            .flatMap(Arrays::stream)
            .allMatch(v -> v == null || v.equals(StoredText.clean(v)));
    if (clean) {
      return request;
    }
    var cleaned = new LinkedHashMap<String, String[]>();
    raw.forEach(
        (name, values) ->
            cleaned.put(
                name,
                isSecret(name)
                    ? values
                    : Arrays.stream(values).map(StoredText::clean).toArray(String[]::new)));
    return new CleanParameters(request, Collections.unmodifiableMap(cleaned));
  }

  /**
   * Passwords are never stored, only hashed: they stay exactly as typed, so that a password chosen
   * before this rule (or one typed in a decomposed form) still matches its hash.
   */
  static boolean isSecret(String name) {
    return name != null && name.toLowerCase(java.util.Locale.ROOT).contains("password");
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public String[] getParameterValues(String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values.clone();
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }
}
