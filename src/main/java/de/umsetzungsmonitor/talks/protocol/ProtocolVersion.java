package de.umsetzungsmonitor.talks.protocol;

import de.umsetzungsmonitor.talks.TalkParticipant;
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
import java.util.ArrayList;
import java.util.List;

/** One text of a protocol, with the signatures and change requests made against exactly this text. */
@Entity
public class ProtocolVersion {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "protocol_id")
  private Protocol protocol;

  private int versionNo;

  @Column(nullable = false)
  private String text;

  private String attachmentId;

  private String createdBy;

  @Column(nullable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "version", cascade = CascadeType.ALL)
  @OrderBy("signedAt")
  private List<Signature> signatures = new ArrayList<>();

  @OneToMany(mappedBy = "version", cascade = CascadeType.ALL)
  @OrderBy("requestedAt")
  private List<ChangeRequest> changeRequests = new ArrayList<>();

  protected ProtocolVersion() {}

  ProtocolVersion(Protocol protocol, int versionNo, String text, String attachmentId, String createdBy, Instant createdAt) {
    this.protocol = protocol;
    this.versionNo = versionNo;
    this.text = text;
    this.attachmentId = attachmentId;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public boolean isSignedBy(TalkParticipant participant) {
    return signatures.stream().anyMatch(s -> s.getParticipant().getId().equals(participant.getId()));
  }

  Signature sign(TalkParticipant participant, String signedBy, Instant signedAt) {
    Signature signature = new Signature(this, participant, signedBy, signedAt);
    signatures.add(signature);
    return signature;
  }

  ChangeRequest requestChange(TalkParticipant participant, String requestedBy, String text, Instant requestedAt) {
    ChangeRequest request = new ChangeRequest(this, participant, requestedBy, text, requestedAt);
    changeRequests.add(request);
    return request;
  }

  public Long getId() {
    return id;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getText() {
    return text;
  }

  /** The uploaded protocol file (a Camunda attachment), or {@code null}. */
  public String getAttachmentId() {
    return attachmentId;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<Signature> getSignatures() {
    return signatures;
  }

  public List<ChangeRequest> getChangeRequests() {
    return changeRequests;
  }
}
