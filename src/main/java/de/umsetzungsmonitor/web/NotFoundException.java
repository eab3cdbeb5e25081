package de.umsetzungsmonitor.web;

/**
 * Something the caller asked for by key is unknown, or not theirs to see (both look the same, so
 * nobody learns what exists elsewhere). Answered with 404 and the German message.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
