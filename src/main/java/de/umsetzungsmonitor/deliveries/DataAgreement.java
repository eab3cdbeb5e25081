package de.umsetzungsmonitor.deliveries;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.talks.Talk;
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
import java.time.LocalDate;
import java.time.Period;

/** Which data an office delivers to the coordinating unit, how often, from when (Datenvereinbarung). */
@Entity
public class DataAgreement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "measure_id")
  private Measure measure;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "talk_id")
  private Talk talk;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "supplier_office_id")
  private Office supplierOffice;

  @Column(nullable = false)
  private String dataDescription;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Frequency frequency;

  @Column(nullable = false)
  private LocalDate firstDue;

  private int position;

  /** The ISO 8601 period when the frequency is {@link Frequency#CYCLE}. */
  private String cycle;

  /** A URL returning the data as CSV or JSON, fetched at each period instead of asking a person. */
  private String sourceUrl;

  @Enumerated(EnumType.STRING)
  private SourceFormat sourceFormat;

  private String processInstanceId;

  protected DataAgreement() {}

  public DataAgreement(Talk talk, Office supplierOffice, String dataDescription, Frequency frequency,
      LocalDate firstDue, int position) {
    this.measure = talk.getMeasure();
    this.talk = talk;
    this.supplierOffice = supplierOffice;
    this.dataDescription = dataDescription;
    this.frequency = frequency;
    this.firstDue = firstDue;
    this.position = position;
  }

  /** Makes the agreement repeat in an ISO 8601 cycle (frequency {@link Frequency#CYCLE}). */
  public DataAgreement repeating(String cycle) {
    this.frequency = Frequency.CYCLE;
    this.cycle = cycle;
    return this;
  }

  /** Lets the agreement's data be fetched from a URL instead of delivered by a person. */
  public DataAgreement fetchedFrom(String sourceUrl, SourceFormat sourceFormat) {
    this.sourceUrl = sourceUrl;
    this.sourceFormat = sourceFormat;
    return this;
  }

  public void deliveriesStarted(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /** The length of one reporting period. */
  public Period reportingPeriod() {
    return frequency == Frequency.CYCLE ? Frequency.parseCycle(cycle) : frequency.period();
  }

  /** How often, in German ("vierteljährlich", "im Zyklus P2M"). */
  public String frequencyLabel() {
    return frequency == Frequency.CYCLE ? "im Zyklus " + cycle : frequency.label();
  }

  public boolean hasHttpSource() {
    return sourceUrl != null;
  }

  public Long getId() {
    return id;
  }

  public Measure getMeasure() {
    return measure;
  }

  public Office getSupplierOffice() {
    return supplierOffice;
  }

  public String getDataDescription() {
    return dataDescription;
  }

  public Frequency getFrequency() {
    return frequency;
  }

  public LocalDate getFirstDue() {
    return firstDue;
  }

  public Talk getTalk() {
    return talk;
  }

  public int getPosition() {
    return position;
  }

  public String getCycle() {
    return cycle;
  }

  public String getSourceUrl() {
    return sourceUrl;
  }

  public SourceFormat getSourceFormat() {
    return sourceFormat;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
