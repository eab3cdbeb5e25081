package de.umsetzungsmonitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One round of reminders about one subject, e.g. the third reminder for protocol version 12. */
@Entity
public class Reminder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private Long referenceId;

  private int round;

  @Column(nullable = false)
  private Instant createdAt;

  protected Reminder() {}

  public Reminder(String kind, Long referenceId, int round, Instant createdAt) {
    this.kind = kind;
    this.referenceId = referenceId;
    this.round = round;
    this.createdAt = createdAt;
  }

  public String getKind() {
    return kind;
  }

  public Long getReferenceId() {
    return referenceId;
  }

  public int getRound() {
    return round;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
