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

/** A participant's signature under one protocol version: who signed which version when. */
@Entity
public class Signature {

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
  private String signedBy;

  @Column(nullable = false)
  private Instant signedAt;

  protected Signature() {}

  Signature(ProtocolVersion version, TalkParticipant participant, String signedBy, Instant signedAt) {
    this.version = version;
    this.participant = participant;
    this.signedBy = signedBy;
    this.signedAt = signedAt;
  }

  public ProtocolVersion getVersion() {
    return version;
  }

  public TalkParticipant getParticipant() {
    return participant;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public Instant getSignedAt() {
    return signedAt;
  }
}
