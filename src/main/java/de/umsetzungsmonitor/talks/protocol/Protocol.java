package de.umsetzungsmonitor.talks.protocol;

import de.umsetzungsmonitor.talks.Talk;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol of a talk (Gesprächsprotokoll). Every change makes a new version; only a version
 * signed by every participant puts the protocol in force.
 */
@Entity
public class Protocol {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @OneToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "talk_id")
  private Talk talk;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ProtocolState state = ProtocolState.IN_SIGNATURE;

  private Instant inForceSince;

  @OneToMany(mappedBy = "protocol", cascade = CascadeType.ALL)
  @OrderBy("versionNo")
  private List<ProtocolVersion> versions = new ArrayList<>();

  protected Protocol() {}

  public Protocol(Talk talk) {
    this.talk = talk;
  }

  /** Adds a new version; earlier signatures stay recorded but no longer count. */
  public ProtocolVersion newVersion(String text, String attachmentId, String createdBy, Instant createdAt) {
    ProtocolVersion version = new ProtocolVersion(this, versions.size() + 1, text, attachmentId, createdBy, createdAt);
    versions.add(version);
    state = ProtocolState.IN_SIGNATURE;
    inForceSince = null;
    return version;
  }

  public ProtocolVersion currentVersion() {
    if (versions.isEmpty()) {
      throw new IllegalStateException("Protocol " + id + " has no version");
    }
    return versions.get(versions.size() - 1);
  }

  /** True once every participant has signed the current version. */
  public boolean isSignedByAll() {
    ProtocolVersion current = currentVersion();
    return talk.getParticipants().stream().allMatch(current::isSignedBy);
  }

  void putInForce(Instant when) {
    state = ProtocolState.IN_FORCE;
    inForceSince = when;
  }

  public Long getId() {
    return id;
  }

  public Talk getTalk() {
    return talk;
  }

  public ProtocolState getState() {
    return state;
  }

  public Instant getInForceSince() {
    return inForceSince;
  }

  public List<ProtocolVersion> getVersions() {
    return versions;
  }
}
