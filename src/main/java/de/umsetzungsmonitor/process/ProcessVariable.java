package de.umsetzungsmonitor.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** A process variable with its name and type, declared once in {@link ProcessVariables}. */
public record ProcessVariable<T>(String name, Class<T> type) {

  /** The value, which must be set. */
  public T from(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is not set");
    }
    return type.cast(value);
  }

  /** The value, or {@code null} where it is not set. */
  public T fromOptional(VariableScope scope) {
    return type.cast(scope.getVariable(name));
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
