package de.umsetzungsmonitor.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A recommended measure (Maßnahme, Handlungsempfehlung) of a programme. */
@Entity
public class Measure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "programme_id")
  private Programme programme;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "field_of_action_id")
  private FieldOfAction fieldOfAction;

  @Column(nullable = false)
  private String code;

  /** The reference users know, e.g. {@code SL2015-M11}; the business key of its process instances. */
  @Column(nullable = false, unique = true)
  private String businessKey;

  @Column(nullable = false)
  private String text;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MeasureStatus status;

  private String funding;

  private LocalDate deadline;

  private int position;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MeasurePhase phase = MeasurePhase.NOT_STARTED;

  private String processInstanceId;

  private Instant phaseTwoStartedAt;

  private String phaseTwoProcessInstanceId;

  private Instant closedAt;

  private String closedBy;

  private String closureReason;

  @ManyToMany
  @JoinTable(name = "measure_lead_office",
      joinColumns = @JoinColumn(name = "measure_id"),
      inverseJoinColumns = @JoinColumn(name = "office_id"))
  private Set<Office> leadOffices = new HashSet<>();

  protected Measure() {}

  public Measure(Programme programme, String code) {
    this.programme = programme;
    this.code = code;
    this.businessKey = businessKeyOf(programme.getCode(), code);
  }

  /** {@code SL2015} and {@code M 11} give {@code SL2015-M11}. */
  public static String businessKeyOf(String programmeCode, String measureCode) {
    return programmeCode + "-" + measureCode.replaceAll("\\s+", "");
  }

  /** Takes the descriptive fields of an import; says whether anything changed. */
  public boolean update(FieldOfAction fieldOfAction, String text, MeasureStatus status, String funding,
      LocalDate deadline, int position, Set<Office> leadOffices) {
    boolean changed = this.fieldOfAction != fieldOfAction
        || !Objects.equals(this.text, text)
        || this.status != status
        || !Objects.equals(this.funding, funding)
        || !Objects.equals(this.deadline, deadline)
        || this.position != position
        || !this.leadOffices.equals(leadOffices);
    if (changed) {
      this.fieldOfAction = fieldOfAction;
      this.text = text;
      this.status = status;
      this.funding = funding;
      this.deadline = deadline;
      this.position = position;
      this.leadOffices = new HashSet<>(leadOffices);
    }
    return changed;
  }

  /**
   * Moves the measure on. Once it is in Phase II or closed, the steps of Phase I still running
   * (e.g. a protocol signed after the head let Phase II begin) no longer change its phase.
   */
  public void moveTo(MeasurePhase phase) {
    if (this.phase == MeasurePhase.PHASE_TWO || this.phase.closed()) {
      return;
    }
    this.phase = phase;
  }

  /** Phase II began for the measure: its own instance works with the external bodies. */
  public void phaseTwoStarted(String processInstanceId, Instant at) {
    this.phaseTwoProcessInstanceId = processInstanceId;
    this.phaseTwoStartedAt = at;
    if (!this.phase.closed()) {
      this.phase = MeasurePhase.PHASE_TWO;
    }
  }

  /** Closed as implemented or as not implementable (then with a reason). */
  public void close(boolean implemented, String reason, String by, Instant at) {
    this.phase = implemented ? MeasurePhase.IMPLEMENTED : MeasurePhase.NOT_IMPLEMENTABLE;
    this.closureReason = reason;
    this.closedBy = by;
    this.closedAt = at;
  }

  public Instant getPhaseTwoStartedAt() {
    return phaseTwoStartedAt;
  }

  public String getPhaseTwoProcessInstanceId() {
    return phaseTwoProcessInstanceId;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getClosedBy() {
    return closedBy;
  }

  public String getClosureReason() {
    return closureReason;
  }

  public void phaseOneStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public boolean hasProcess() {
    return processInstanceId != null;
  }

  public Long getId() {
    return id;
  }

  public Programme getProgramme() {
    return programme;
  }

  public FieldOfAction getFieldOfAction() {
    return fieldOfAction;
  }

  public String getCode() {
    return code;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getText() {
    return text;
  }

  public MeasureStatus getStatus() {
    return status;
  }

  public String getFunding() {
    return funding;
  }

  public LocalDate getDeadline() {
    return deadline;
  }

  public int getPosition() {
    return position;
  }

  public MeasurePhase getPhase() {
    return phase;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Set<Office> getLeadOffices() {
    return leadOffices;
  }
}
