package de.umsetzungsmonitor.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications}: the latest 200 outbox messages, newest first, with what each
 * channel did. Administrators only (see {@code WebSecurity}): the outbox spans every programme.
 */
@RestController
class NotificationController {

  private final NotificationOutbox outbox;

  NotificationController(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/api/notifications")
  List<OutboxEntry> latest() {
    return outbox.latest().stream().map(OutboxEntry::of).toList();
  }

  /** One message as the listing shows it (without the text; an attachment by its file name). */
  record OutboxEntry(String key, String recipientUserId, String recipientEmail, String subject, String link,
      String attachment, Instant createdAt, Instant mailSentAt, Instant webhookSentAt, Instant sentAt, int attempts,
      String lastError) {

    static OutboxEntry of(OutboxNotification n) {
      return new OutboxEntry(n.getNotificationKey(), n.getRecipientUserId(), n.getRecipientEmail(), n.getSubject(),
          n.getLink(), n.getAttachment().map(Attachment::filename).orElse(null), n.getCreatedAt(), n.getMailSentAt(),
          n.getWebhookSentAt(), n.getSentAt(), n.getAttempts(), n.getLastError());
    }
  }
}
