package de.umsetzungsmonitor.external;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A link through which an external body sends one contribution without an account. The link's
 * token carries this row's id, its expiry and its nonce, signed with the application's secret
 * ({@link ContributionLinks}); the row says whether it was used.
 */
@Entity
public class ContributionLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long involvementId;

  @Column(nullable = false)
  private String nonce;

  @Column(nullable = false)
  private Instant expiresAt;

  @Column(nullable = false)
  private Instant createdAt;

  private Instant usedAt;

  @Version
  private int version;

  protected ContributionLink() {}

  ContributionLink(Long involvementId, String nonce, Instant expiresAt, Instant createdAt) {
    this.involvementId = involvementId;
    this.nonce = nonce;
    this.expiresAt = expiresAt;
    this.createdAt = createdAt;
  }

  void use(Instant at) {
    this.usedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getInvolvementId() {
    return involvementId;
  }

  public String getNonce() {
    return nonce;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
