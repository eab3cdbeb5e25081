package de.umsetzungsmonitor.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A user's input that the application refuses, with a German message meant for that user. Thrown
 * inside the engine (a task listener), it rolls back the task completion and reaches Tasklist and
 * REST clients as HTTP 400 with this message; our own controllers answer it the same way.
 */
public class InvalidInputException extends BadUserRequestException {

  public InvalidInputException(String germanMessage) {
    super(germanMessage);
  }
}
