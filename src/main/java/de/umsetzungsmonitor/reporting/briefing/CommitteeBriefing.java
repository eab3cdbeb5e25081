package de.umsetzungsmonitor.reporting.briefing;

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
import java.time.LocalDate;

/**
 * One briefing of a programme's committee (Unterrichtung des Ausschusses): the coordinating unit
 * prepares the status report as of a day, the head of the coordinating unit approves it or sends
 * it back, the approved report is stored unchanged, and the coordinating unit records the day the
 * committee was briefed (or that the briefing was cancelled).
 */
@Entity
public class CommitteeBriefing {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "programme_id")
  private Programme programme;

  private int sequenceNo;

  @Column(nullable = false)
  private String businessKey;

  @Column(nullable = false)
  private String committee;

  @Column(nullable = false)
  private LocalDate asOf;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private BriefingState state;

  private String outlook;

  @Column(nullable = false)
  private String startedBy;

  @Column(nullable = false)
  private Instant startedAt;

  private String approvedBy;

  private Instant approvedAt;

  private LocalDate heldOn;

  private String heldCommittee;

  private String heldNote;

  private String recordedBy;

  private Instant recordedAt;

  private String processInstanceId;

  @Version
  private int version;

  protected CommitteeBriefing() {}

  public CommitteeBriefing(Programme programme, int sequenceNo, LocalDate asOf, String startedBy, Instant startedAt) {
    this.programme = programme;
    this.sequenceNo = sequenceNo;
    this.businessKey = businessKeyOf(programme.getCode(), sequenceNo);
    this.committee = programme.getCommittee();
    this.asOf = asOf;
    this.state = BriefingState.IN_PREPARATION;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  /**
   * {@code SL2015} and 2 give {@code SL2015_Unterrichtung_2}; the underscore never occurs in a
   * measure's key ({@code SL2015-M11}), so Cockpit's search and the programme's readers tell them apart.
   */
  public static String businessKeyOf(String programmeCode, int sequenceNo) {
    return programmeCode + "_Unterrichtung_" + sequenceNo;
  }

  void processStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void prepared(LocalDate asOf, String outlook) {
    this.asOf = asOf;
    this.outlook = outlook;
    this.state = BriefingState.IN_REVIEW;
  }

  void sentBack() {
    this.state = BriefingState.IN_PREPARATION;
  }

  void approved(String by, Instant at) {
    this.state = BriefingState.APPROVED;
    this.approvedBy = by;
    this.approvedAt = at;
  }

  void held(LocalDate on, String committee, String note, String by, Instant at) {
    this.state = BriefingState.HELD;
    this.heldOn = on;
    this.heldCommittee = committee;
    this.heldNote = note;
    this.recordedBy = by;
    this.recordedAt = at;
  }

  void cancelled(String note, String by, Instant at) {
    this.state = BriefingState.CANCELLED;
    this.heldNote = note;
    this.recordedBy = by;
    this.recordedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Programme getProgramme() {
    return programme;
  }

  public int getSequenceNo() {
    return sequenceNo;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getCommittee() {
    return committee;
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  public BriefingState getState() {
    return state;
  }

  public String getOutlook() {
    return outlook;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getApprovedBy() {
    return approvedBy;
  }

  public Instant getApprovedAt() {
    return approvedAt;
  }

  public LocalDate getHeldOn() {
    return heldOn;
  }

  public String getHeldCommittee() {
    return heldCommittee;
  }

  public String getHeldNote() {
    return heldNote;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
