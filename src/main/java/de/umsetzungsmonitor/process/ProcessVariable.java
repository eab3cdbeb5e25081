package de.umsetzungsmonitor.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;

/** A process variable with its name and type, declared once in {@link ProcessVariables}. */
public record ProcessVariable<T>(String name, Class<T> type) {

  /** The value, which must be set. */
  public T from(VariableScope scope) {
    Object value = read(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is not set");
    }
    return cast(value);
  }

  /** The value, or {@code null} where it is not set. */
  public T fromOptional(VariableScope scope) {
    return cast(read(scope));
  }

  /**
   * Form inputs come from clients: a value of another type than declared (a number for a date
   * text, a text for a JSON list) or JSON that cannot be read is the client's mistake, refused in
   * German instead of failing the task completion with an internal error.
   */
  private Object read(VariableScope scope) {
    try {
      return scope.getVariable(name);
    } catch (ProcessEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SpinRuntimeException) {
          throw new InvalidInputException("Der Inhalt des Feldes „" + name + "“ ist unlesbar. Bitte laden Sie das Formular neu.");
        }
      }
      throw e;
    }
  }

  private T cast(Object value) {
    if (value != null && !type.isInstance(value)) {
      throw new InvalidInputException("Das Feld „" + name + "“ hat nicht die erwartete Form (erwartet wird " + expected()
          + "). Bitte laden Sie das Formular neu.");
    }
    return type.cast(value);
  }

  private String expected() {
    if (type == String.class) {
      return "ein Text";
    }
    if (type == SpinJsonNode.class) {
      return "eine Liste im JSON-Format";
    }
    if (type == Boolean.class) {
      return "ja oder nein";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "eine Zahl";
    }
    return "ein anderer Wert";
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, Object value) {
    scope.setVariableLocal(name, value);
  }

  /** Removes a form input once a listener has handed it to a service: the process keeps only ids and flags. */
  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }
}
