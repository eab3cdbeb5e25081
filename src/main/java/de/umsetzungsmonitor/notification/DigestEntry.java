package de.umsetzungsmonitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A new work notice for a person who takes the daily digest, kept until it goes out in exactly one
 * digest ({@link #getDigestKey()} names it).
 */
@Entity
@Table(name = "notification_digest_entry")
public class DigestEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String noticeKey;

  @Column(nullable = false)
  private String recipientUserId;

  private String taskId;

  @Column(nullable = false)
  private String subject;

  private String detail;

  private String link;

  @Column(nullable = false)
  private Instant createdAt;

  private String digestKey;

  protected DigestEntry() {}

  DigestEntry(String noticeKey, String recipientUserId, String taskId, String subject, String detail, String link,
      Instant createdAt) {
    this.noticeKey = noticeKey;
    this.recipientUserId = recipientUserId;
    this.taskId = taskId;
    this.subject = subject;
    this.detail = detail;
    this.link = link;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getNoticeKey() {
    return noticeKey;
  }

  public String getRecipientUserId() {
    return recipientUserId;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetail() {
    return detail;
  }

  public String getLink() {
    return link;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getDigestKey() {
    return digestKey;
  }
}
