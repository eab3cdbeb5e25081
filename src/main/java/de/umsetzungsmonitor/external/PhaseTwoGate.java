package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.catalogue.Programme;
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
import java.util.Arrays;
import java.util.List;

/**
 * The coordinating unit's declaration that all internal information of a programme is reviewed,
 * prepared and documented (the gate to Phase II): what was missing when it was checked, and, when
 * something was, the head's decision with its reason.
 */
@Entity
public class PhaseTwoGate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "programme_id")
  private Programme programme;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private GateState state;

  @Column(nullable = false)
  private String declaredBy;

  @Column(nullable = false)
  private Instant declaredAt;

  /** One missing item per line; empty when nothing was missing. */
  private String missingItems;

  private String decidedBy;

  private Instant decidedAt;

  private String overrideReason;

  private String processInstanceId;

  @Version
  private int version;

  protected PhaseTwoGate() {}

  PhaseTwoGate(Programme programme, String declaredBy, Instant declaredAt) {
    this.programme = programme;
    this.state = GateState.CHECKING;
    this.declaredBy = declaredBy;
    this.declaredAt = declaredAt;
  }

  /** {@code SL2015_Phase_II}: like a briefing's key, never a measure's. */
  public static String businessKeyOf(String programmeCode) {
    return programmeCode + "_Phase_II";
  }

  void processStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void checked(List<String> missing) {
    this.missingItems = missing.isEmpty() ? null : String.join("\n", missing);
    this.state = missing.isEmpty() ? GateState.CHECKING : GateState.AWAITING_OVERRIDE;
  }

  void overridden(String reason, String by, Instant at) {
    this.overrideReason = reason;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  void refused(String reason, String by, Instant at) {
    this.state = GateState.REFUSED;
    this.overrideReason = reason;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  void opened() {
    this.state = GateState.OPENED;
  }

  public Long getId() {
    return id;
  }

  public Programme getProgramme() {
    return programme;
  }

  public GateState getState() {
    return state;
  }

  public String getDeclaredBy() {
    return declaredBy;
  }

  public Instant getDeclaredAt() {
    return declaredAt;
  }

  public List<String> missingItems() {
    return missingItems == null ? List.of() : Arrays.asList(missingItems.split("\n"));
  }

  public String getMissingItems() {
    return missingItems;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getOverrideReason() {
    return overrideReason;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  /** Whether Phase II began on the head's override, with something still missing. */
  public boolean overridden() {
    return state == GateState.OPENED && missingItems != null;
  }
}
