package de.umsetzungsmonitor.web;

/**
 * The request is sound but clashes with the state of things (a briefing already running, Phase II
 * already begun). Answered with 409 and the German message.
 */
public class ConflictException extends RuntimeException {

  private final java.util.List<String> details;

  public ConflictException(String message) {
    this(message, java.util.List.of());
  }

  /** With the items that stand in the way, each a German line, listed in the answer. */
  public ConflictException(String message, java.util.List<String> details) {
    super(message);
    this.details = java.util.List.copyOf(details);
  }

  public java.util.List<String> details() {
    return details;
  }
}
