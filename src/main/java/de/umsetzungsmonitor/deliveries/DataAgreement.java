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
}
