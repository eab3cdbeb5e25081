package de.umsetzungsmonitor.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A contribution of an external body to a measure: recorded by the lead office or sent through a link. */
@Entity
public class Contribution {

  /** How the contribution arrived. */
  public enum Via {
    OFFICE, LINK
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long involvementId;

  @Column(nullable = false)
  private String text;

  @Column(name = "final", nullable = false)
  private boolean finalContribution;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Via via;

  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  protected Contribution() {}

  Contribution(Long involvementId, String text, boolean finalContribution, Via via, String recordedBy, Instant recordedAt) {
    this.involvementId = involvementId;
    this.text = text;
    this.finalContribution = finalContribution;
    this.via = via;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public Long getInvolvementId() {
    return involvementId;
  }

  public String getText() {
    return text;
  }

  public boolean isFinalContribution() {
    return finalContribution;
  }

  public Via getVia() {
    return via;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
