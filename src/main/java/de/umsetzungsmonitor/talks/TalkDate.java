package de.umsetzungsmonitor.talks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date a talk was set to, and when: the first scheduling and every move. A status report as of
 * a past day shows the date that was set on that day.
 */
@Entity
public class TalkDate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "talk_id")
  private Talk talk;

  @Column(nullable = false)
  private LocalDate scheduledFor;

  private LocalTime scheduledTime;

  @Column(nullable = false)
  private Instant recordedAt;

  protected TalkDate() {}

  TalkDate(Talk talk, LocalDate scheduledFor, LocalTime scheduledTime, Instant recordedAt) {
    this.talk = talk;
    this.scheduledFor = scheduledFor;
    this.scheduledTime = scheduledTime;
    this.recordedAt = recordedAt;
  }

  public Talk getTalk() {
    return talk;
  }

  public LocalDate getScheduledFor() {
    return scheduledFor;
  }

  public LocalTime getScheduledTime() {
    return scheduledTime;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
