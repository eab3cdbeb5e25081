package de.umsetzungsmonitor.deliveries;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One thing that happened to a delivery, for its history and the overview's timeline. */
@Entity
public class DeliveryEvent {

  /** What happened. */
  public enum Kind {
    OPENED("Zeitraum eröffnet"),
    SUBMITTED("Daten geliefert"),
    FETCHED("Daten von der Quelle abgerufen"),
    FETCH_FAILED("Abruf von der Quelle fehlgeschlagen"),
    RETURNED("zur Korrektur zurückgegeben"),
    ACCEPTED("angenommen"),
    LOCKED("Zeitraum gesperrt"),
    REOPENED("Zeitraum wieder geöffnet"),
    MISSED("ohne Lieferung abgeschlossen"),
    REMINDED("erinnert"),
    ESCALATED("an die Amtsleitung eskaliert"),
    FOLLOWED_UP("von der Amtsleitung nachgehalten");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long deliveryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  private String actor;

  private String note;

  @Column(nullable = false)
  private Instant occurredAt;

  protected DeliveryEvent() {}

  public DeliveryEvent(Long deliveryId, Kind kind, String actor, String note, Instant occurredAt) {
    this.deliveryId = deliveryId;
    this.kind = kind;
    this.actor = actor;
    this.note = note;
    this.occurredAt = occurredAt;
  }

  public Long getId() {
    return id;
  }

  public Long getDeliveryId() {
    return deliveryId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getActor() {
    return actor;
  }

  public String getNote() {
    return note;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
