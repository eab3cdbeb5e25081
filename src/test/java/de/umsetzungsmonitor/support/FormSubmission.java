package de.umsetzungsmonitor.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code variables} object of a {@code submit-form} request as Tasklist (7.24) sends it for a
 * Camunda Form: texts, dates and numbers as bare values without a type (the engine infers
 * {@code String}, {@code Integer} ...), lists and objects (taglist, dynamic list) as type {@code Json}
 * whose value is the serialized JSON text.
 */
public final class FormSubmission {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Map<String, Object>> variables = new LinkedHashMap<>();

  public static FormSubmission form() {
    return new FormSubmission();
  }

  public FormSubmission text(String name, String value) {
    return put(name, value, null);
  }

  public FormSubmission number(String name, long value) {
    return put(name, value, null);
  }

  /** A checkbox, as Tasklist submits it: a Boolean variable. */
  public FormSubmission bool(String name, boolean value) {
    return put(name, value, "Boolean");
  }

  /** A list or object field; the value is serialized to JSON text as Tasklist does. */
  public FormSubmission json(String name, Object value) {
    try {
      return put(name, JSON.writeValueAsString(value), "Json");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private FormSubmission put(String name, Object value, String type) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    if (type != null) {
      variable.put("type", type);
    }
    variables.put(name, variable);
    return this;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
