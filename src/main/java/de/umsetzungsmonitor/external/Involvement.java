package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.catalogue.Measure;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An external body working on a measure in Phase II: contact made, contribution agreed,
 * contributions recorded, finished or withdrawn. Its history is in {@link InvolvementEvent}.
 */
@Entity
public class Involvement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "measure_id")
  private Measure measure;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "external_body_id")
  private ExternalBody externalBody;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private InvolvementState state;

  private String agreedContribution;

  @Column(nullable = false)
  private String addedBy;

  @Column(nullable = false)
  private Instant addedAt;

  private String processInstanceId;

  @Version
  private int version;

  protected Involvement() {}

  Involvement(Measure measure, ExternalBody externalBody, String addedBy, Instant addedAt) {
    this.measure = measure;
    this.externalBody = externalBody;
    this.state = InvolvementState.ADDED;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  void processStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void contacted() {
    this.state = InvolvementState.CONTACTED;
  }

  void agreed(String contribution) {
    this.agreedContribution = contribution;
    this.state = InvolvementState.AGREED;
  }

  void finished() {
    this.state = InvolvementState.FINISHED;
  }

  void withdrawn() {
    this.state = InvolvementState.WITHDRAWN;
  }

  public Long getId() {
    return id;
  }

  public Measure getMeasure() {
    return measure;
  }

  public ExternalBody getExternalBody() {
    return externalBody;
  }

  public InvolvementState getState() {
    return state;
  }

  public String getAgreedContribution() {
    return agreedContribution;
  }

  public String getAddedBy() {
    return addedBy;
  }

  public Instant getAddedAt() {
    return addedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
