package de.umsetzungsmonitor.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One thing that happened to an involvement, for its history, the timeline and reports as of a day. */
@Entity
public class InvolvementEvent {

  /** What happened; the state an involvement is in after it (none for a link or a contribution). */
  public enum Kind {
    ADDED("einbezogen", InvolvementState.ADDED),
    CONTACTED("Kontakt aufgenommen", InvolvementState.CONTACTED),
    AGREED("Beitrag vereinbart", InvolvementState.AGREED),
    LINK_SENT("Link für den Beitrag versandt", null),
    CONTRIBUTED("Beitrag eingegangen", null),
    FINISHED("Beteiligung abgeschlossen", InvolvementState.FINISHED),
    WITHDRAWN("zurückgezogen", InvolvementState.WITHDRAWN);

    private final String label;
    private final InvolvementState state;

    Kind(String label, InvolvementState state) {
      this.label = label;
      this.state = state;
    }

    public String label() {
      return label;
    }

    /** The state after this event, or null when the event does not change it. */
    public InvolvementState state() {
      return state;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long involvementId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  private String note;

  private String actor;

  @Column(nullable = false)
  private Instant occurredAt;

  protected InvolvementEvent() {}

  InvolvementEvent(Long involvementId, Kind kind, String note, String actor, Instant occurredAt) {
    this.involvementId = involvementId;
    this.kind = kind;
    this.note = note;
    this.actor = actor;
    this.occurredAt = occurredAt;
  }

  public Long getId() {
    return id;
  }

  public Long getInvolvementId() {
    return involvementId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getNote() {
    return note;
  }

  public String getActor() {
    return actor;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
