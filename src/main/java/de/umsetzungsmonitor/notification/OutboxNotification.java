package de.umsetzungsmonitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

  private Instant sentAt;

  private int attempts;

  private String lastError;

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
}
