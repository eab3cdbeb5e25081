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
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** An indicator that shows how a measure develops, concretised by the coordinating unit. */
@Entity
public class Indicator {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "measure_id")
  private Measure measure;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String definition;

  @Column(nullable = false)
  private String unit;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "source_office_id")
  private Office sourceOffice;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ValueType valueType = ValueType.NUMBER;

  private int position;

  private String createdBy;

  @Column(nullable = false)
  private Instant createdAt;

  protected Indicator() {}

  public Indicator(Measure measure, String name, String definition, String unit, Office sourceOffice,
      int position, String createdBy, Instant createdAt) {
    this.measure = measure;
    this.name = name;
    this.definition = definition;
    this.unit = unit;
    this.sourceOffice = sourceOffice;
    this.position = position;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public Measure getMeasure() {
    return measure;
  }

  public String getName() {
    return name;
  }

  public String getDefinition() {
    return definition;
  }

  public String getUnit() {
    return unit;
  }

  public ValueType getValueType() {
    return valueType;
  }

  /** Sets how the indicator's values are typed (numbers unless said otherwise). */
  public Indicator typed(ValueType valueType) {
    this.valueType = valueType == null ? ValueType.NUMBER : valueType;
    return this;
  }

  public Office getSourceOffice() {
    return sourceOffice;
  }

  public int getPosition() {
    return position;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
