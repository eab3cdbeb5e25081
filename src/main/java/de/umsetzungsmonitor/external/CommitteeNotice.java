package de.umsetzungsmonitor.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A notice to the committee (Mitteilung an den Ausschuss): which external bodies were brought in,
 * and what changed since the previous notice. Queued until a briefing's report takes it along.
 */
@Entity
public class CommitteeNotice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long programmeId;

  @Column(nullable = false)
  private String text;

  @Column(nullable = false)
  private Instant createdAt;

  private Long lastEventId;

  private Long briefingId;

  protected CommitteeNotice() {}

  CommitteeNotice(Long programmeId, String text, Instant createdAt, Long lastEventId) {
    this.programmeId = programmeId;
    this.text = text;
    this.createdAt = createdAt;
    this.lastEventId = lastEventId;
  }

  Long getLastEventId() {
    return lastEventId;
  }

  /** The briefing whose report took the notice along. */
  public void includedIn(Long briefingId) {
    this.briefingId = briefingId;
  }

  public Long getId() {
    return id;
  }

  public Long getProgrammeId() {
    return programmeId;
  }

  public String getText() {
    return text;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Long getBriefingId() {
    return briefingId;
  }
}
