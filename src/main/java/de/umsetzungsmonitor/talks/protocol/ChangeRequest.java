package de.umsetzungsmonitor.talks.protocol;

import de.umsetzungsmonitor.talks.TalkParticipant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A participant returned a protocol version with a requested change instead of signing it. */
@Entity
public class ChangeRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "protocol_version_id")
  private ProtocolVersion version;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "participant_id")
  private TalkParticipant participant;

  @Column(nullable = false)
  private String requestedBy;

  @Column(nullable = false)
  private String text;

  @Column(nullable = false)
  private Instant requestedAt;

  protected ChangeRequest() {}

  ChangeRequest(ProtocolVersion version, TalkParticipant participant, String requestedBy, String text,
      Instant requestedAt) {
    this.version = version;
    this.participant = participant;
    this.requestedBy = requestedBy;
    this.text = text;
    this.requestedAt = requestedAt;
  }

  public TalkParticipant getParticipant() {
    return participant;
  }

  public String getRequestedBy() {
    return requestedBy;
  }

  public String getText() {
    return text;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }
}
