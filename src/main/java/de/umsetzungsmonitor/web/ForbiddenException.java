package de.umsetzungsmonitor.web;

/**
 * The caller may see the thing but not do this with it (e.g. a manager starting a briefing).
 * Answered with 403 and the German message.
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
