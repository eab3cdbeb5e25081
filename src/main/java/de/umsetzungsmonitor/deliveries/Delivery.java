package de.umsetzungsmonitor.deliveries;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The data of one agreement for one reporting period (Datenlieferung), from opening to acceptance. */
@Entity
public class Delivery {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "data_agreement_id")
  private DataAgreement dataAgreement;

  @Column(nullable = false)
  private LocalDate periodStart;

  @Column(nullable = false)
  private LocalDate periodEnd;

  @Column(nullable = false)
  private String periodLabel;

  @Column(nullable = false)
  private LocalDate dueDate;

  @Column(nullable = false)
  private LocalDate lockDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DeliveryState state;

  private Instant submittedAt;
  private String submittedBy;
  private String deliveryComment;
  private String attachmentId;
  private String attachmentName;
  private String returnReason;
  private Instant checkedAt;
  private String checkedBy;
  private String processInstanceId;

  @Column(nullable = false)
  private Instant createdAt;

  @OneToMany(mappedBy = "delivery", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<DeliveryValue> values = new ArrayList<>();

  protected Delivery() {}

  public Delivery(DataAgreement dataAgreement, ReportingPeriod period, LocalDate lockDate, Instant createdAt) {
    this.dataAgreement = dataAgreement;
    this.periodStart = period.start();
    this.periodEnd = period.end();
    this.periodLabel = period.label();
    this.dueDate = period.due();
    this.lockDate = lockDate;
    this.state = DeliveryState.OPEN;
    this.createdAt = createdAt;
  }

  /** Takes the submitted values (replacing an earlier, returned submission's) for checking. */
  public void submit(List<DeliveryValue> newValues, String comment, String by, Instant at) {
    // update in place: removing and re-inserting the same (delivery, indicator) in one flush would
    // insert before it deletes and break the unique key
    java.util.Map<Long, DeliveryValue> fresh = new java.util.LinkedHashMap<>();
    newValues.forEach(value -> fresh.put(value.getIndicator().getId(), value));
    values.removeIf(old -> !fresh.containsKey(old.getIndicator().getId()));
    for (DeliveryValue old : values) {
      old.takeOver(fresh.remove(old.getIndicator().getId()));
    }
    for (DeliveryValue value : fresh.values()) {
      value.belongTo(this);
      values.add(value);
    }
    this.deliveryComment = comment;
    this.submittedBy = by;
    this.submittedAt = at;
    this.state = DeliveryState.SUBMITTED;
  }

  public void attach(String attachmentId, String attachmentName) {
    this.attachmentId = attachmentId;
    this.attachmentName = attachmentName;
  }

  public void accept(String by, Instant at) {
    this.state = DeliveryState.ACCEPTED;
    this.checkedBy = by;
    this.checkedAt = at;
  }

  public void returnForCorrection(String reason, String by, Instant at) {
    this.state = DeliveryState.RETURNED;
    this.returnReason = reason;
    this.checkedBy = by;
    this.checkedAt = at;
  }

  public void lock() {
    this.state = DeliveryState.LOCKED;
  }

  /** Opens a locked period again until the new lock date; it awaits data as before. */
  public void reopen(LocalDate newLockDate) {
    this.lockDate = newLockDate;
    this.state = returnReason == null ? DeliveryState.OPEN : DeliveryState.RETURNED;
  }

  public void closeAsMissed() {
    this.state = DeliveryState.MISSED;
  }

  public void processStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** Whether the (latest) submission came in by the due date. */
  public boolean submittedOnTime() {
    return submittedAt != null && !submittedAt.isAfter(endOfDueDate());
  }

  private Instant endOfDueDate() {
    return dueDate.plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/Berlin")).toInstant();
  }

  public Long getId() {
    return id;
  }

  public DataAgreement getDataAgreement() {
    return dataAgreement;
  }

  public LocalDate getPeriodStart() {
    return periodStart;
  }

  public LocalDate getPeriodEnd() {
    return periodEnd;
  }

  public String getPeriodLabel() {
    return periodLabel;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public LocalDate getLockDate() {
    return lockDate;
  }

  public DeliveryState getState() {
    return state;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public String getDeliveryComment() {
    return deliveryComment;
  }

  public String getAttachmentId() {
    return attachmentId;
  }

  public String getAttachmentName() {
    return attachmentName;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public String getCheckedBy() {
    return checkedBy;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<DeliveryValue> getValues() {
    return values;
  }
}
