package de.umsetzungsmonitor.notification;

import java.util.Objects;

/**
 * A text file that goes with an outbox message, e.g. a talk's calendar invitation.
 *
 * @param filename what the recipient's mail program shows, e.g. {@code einladung.ics}
 * @param contentType the MIME type with its parameters, e.g. {@code text/calendar; charset=UTF-8; method=REQUEST}
 * @param content the file's text
 */
public record Attachment(String filename, String contentType, String content) {

  public Attachment {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
  }
}
