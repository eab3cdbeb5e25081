package de.umsetzungsmonitor.talks.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** What the coordinating unit did about a protocol that stayed unsigned despite reminders. */
@Entity
public class ProtocolFollowUp {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long protocolId;

  private int versionNo;

  @Column(nullable = false)
  private String note;

  @Column(nullable = false)
  private String recordedBy;

  @Column(nullable = false)
  private Instant recordedAt;

  protected ProtocolFollowUp() {}

  public ProtocolFollowUp(Long protocolId, int versionNo, String note, String recordedBy, Instant recordedAt) {
    this.protocolId = protocolId;
    this.versionNo = versionNo;
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  public String getNote() {
    return note;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
