package de.umsetzungsmonitor.notification;

/** A channel did not deliver a message; the job fails, retries and ends as an incident in Cockpit. */
public class NotificationNotDeliveredException extends RuntimeException {

  public NotificationNotDeliveredException(String message, Throwable cause) {
    super(message, cause);
  }
}
