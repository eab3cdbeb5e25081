package de.umsetzungsmonitor.talks;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.Office;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The internal talk (verwaltungsinternes Gespräch) between the coordinating unit and the lead offices. */
@Entity
public class Talk {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "measure_id")
  private Measure measure;

  @Column(nullable = false)
  private LocalDate scheduledFor;

  private LocalTime scheduledTime;

  private String location;

  private LocalDate heldOn;

  private String approach;

  private String remarks;

  /** When the results were recorded: from then on the talk counts as held. */
  private Instant outcomeRecordedAt;

  private String createdBy;

  @Column(nullable = false)
  private Instant createdAt;

  /** SEQUENCE of the calendar invitation: 0 when first scheduled, one more per move. */
  private int invitationSequence;

  @OneToMany(mappedBy = "talk", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<TalkParticipant> participants = new ArrayList<>();

  @OneToMany(mappedBy = "talk", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<TaskArea> taskAreas = new ArrayList<>();

  @OneToMany(mappedBy = "talk", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("recordedAt, id")
  private List<TalkDate> dates = new ArrayList<>();

  protected Talk() {}

  public Talk(Measure measure, String createdBy, Instant createdAt) {
    this.measure = measure;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** Sets the date (and time and place); {@code at} is the moment it was set, kept for reports as of a past day. */
  public void schedule(LocalDate date, LocalTime time, String location, Instant at) {
    boolean newDate = !date.equals(scheduledFor) || !Objects.equals(time, scheduledTime);
    this.scheduledFor = date;
    this.scheduledTime = time;
    this.location = location;
    if (newDate) {
      dates.add(new TalkDate(this, date, time, at));
    }
  }

  /**
   * Moves the talk to a new date (and time and place); returns whether anything changed. A change
   * raises the invitation's sequence, so calendars replace the earlier invitation.
   */
  public boolean moveTo(LocalDate date, LocalTime time, String location, Instant at) {
    boolean changed = !date.equals(scheduledFor) || !Objects.equals(time, scheduledTime)
        || !Objects.equals(location, this.location);
    if (changed) {
      schedule(date, time, location, at);
      invitationSequence++;
    }
    return changed;
  }

  /** Records the results; {@code recordedAt} is when they became known (not the day of the talk). */
  public void recordOutcome(LocalDate heldOn, String approach, String remarks, Instant recordedAt) {
    this.heldOn = heldOn;
    this.approach = approach;
    this.remarks = remarks;
    this.outcomeRecordedAt = recordedAt;
  }

  public TalkParticipant addParticipant(String userId, String displayName, Office office) {
    TalkParticipant participant = new TalkParticipant(this, userId, displayName, office);
    participants.add(participant);
    return participant;
  }

  public void addTaskArea(Office office, String description) {
    taskAreas.add(new TaskArea(this, office, description, taskAreas.size() + 1));
  }

  public int getInvitationSequence() {
    return invitationSequence;
  }

  public boolean isHeld() {
    return heldOn != null;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Long getId() {
    return id;
  }

  public Measure getMeasure() {
    return measure;
  }

  public LocalDate getScheduledFor() {
    return scheduledFor;
  }

  public LocalTime getScheduledTime() {
    return scheduledTime;
  }

  public String getLocation() {
    return location;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getApproach() {
    return approach;
  }

  public String getRemarks() {
    return remarks;
  }

  public Instant getOutcomeRecordedAt() {
    return outcomeRecordedAt;
  }

  /** Every date the talk was set to, oldest first. */
  public List<TalkDate> getDates() {
    return dates;
  }

  public List<TalkParticipant> getParticipants() {
    return participants;
  }

  public List<TaskArea> getTaskAreas() {
    return taskAreas;
  }
}
