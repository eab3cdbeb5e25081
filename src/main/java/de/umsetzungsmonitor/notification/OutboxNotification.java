package de.umsetzungsmonitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A message to one person, waiting in the outbox until a channel (mail, webhook) sends it. The
 * notification key identifies the message: the same reminder always has the same key.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxNotification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String notificationKey;

  @Column(nullable = false)
  private String recipientUserId;

  private String recipientEmail;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  private String link;

  @Column(nullable = false)
  private Instant createdAt;

  /** Every enabled channel has delivered the message. */
  private Instant sentAt;

  private Instant mailSentAt;

  private Instant webhookSentAt;

  private int attempts;

  private String lastError;

  /** A text attachment (e.g. {@code einladung.ics}); the three columns are set together or not at all. */
  private String attachmentFilename;

  private String attachmentContentType;

  private String attachmentContent;

  protected OutboxNotification() {}

  public OutboxNotification(String notificationKey, String recipientUserId, String recipientEmail,
      String subject, String body, String link, Instant createdAt) {
    this.notificationKey = notificationKey;
    this.recipientUserId = recipientUserId;
    this.recipientEmail = recipientEmail;
    this.subject = subject;
    this.body = body;
    this.link = link;
    this.createdAt = createdAt;
  }

  public OutboxNotification(String notificationKey, String recipientUserId, String recipientEmail,
      String subject, String body, String link, Instant createdAt, Attachment attachment) {
    this(notificationKey, recipientUserId, recipientEmail, subject, body, link, createdAt);
    if (attachment != null) {
      this.attachmentFilename = attachment.filename();
      this.attachmentContentType = attachment.contentType();
      this.attachmentContent = attachment.content();
    }
  }

  public Long getId() {
    return id;
  }

  public String getNotificationKey() {
    return notificationKey;
  }

  public String getRecipientUserId() {
    return recipientUserId;
  }

  public String getRecipientEmail() {
    return recipientEmail;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getLink() {
    return link;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getMailSentAt() {
    return mailSentAt;
  }

  public Instant getWebhookSentAt() {
    return webhookSentAt;
  }

  /** The attachment, if the message has one. */
  public Optional<Attachment> getAttachment() {
    return attachmentContent == null ? Optional.empty()
        : Optional.of(new Attachment(attachmentFilename, attachmentContentType, attachmentContent));
  }

  /** The mail went out; the message is sent unless the webhook is still due. */
  void mailSent(Instant at, boolean webhookEnabled) {
    mailSentAt = at;
    attempts++;
    lastError = null;
    if (!webhookEnabled || webhookSentAt != null) {
      sentAt = at;
    }
  }

  /** The webhook accepted the message; the message is sent unless the mail is still due. */
  void webhookSent(Instant at, boolean mailEnabled) {
    webhookSentAt = at;
    attempts++;
    lastError = null;
    if (!mailEnabled || mailSentAt != null) {
      sentAt = at;
    }
  }

  /** A channel could not deliver; an attempt that failed counts as an attempt. */
  void failed(String error) {
    attempts++;
    lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
  }

  /** A channel cannot deliver at all (e.g. no address); recorded, but not an attempt. */
  void undeliverable(String reason) {
    lastError = reason;
  }
}
