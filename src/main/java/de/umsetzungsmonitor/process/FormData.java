package de.umsetzungsmonitor.process;

import java.util.List;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Data that a form shows, as the JSON variables Tasklist hands to Camunda Forms. */
public final class FormData {

  private FormData() {}

  /** Choices for a select or taglist ({@code valuesKey}). */
  public static JsonValue options(List<Option> options) {
    return SpinValues.jsonValue(Spin.JSON(options)).create();
  }
}
