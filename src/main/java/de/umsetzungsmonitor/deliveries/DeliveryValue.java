package de.umsetzungsmonitor.deliveries;

import de.umsetzungsmonitor.catalogue.Indicator;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** One indicator's value in a delivery: a number (also percent and count) or a text. */
@Entity
public class DeliveryValue {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "delivery_id")
  private Delivery delivery;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "indicator_id")
  private Indicator indicator;

  private BigDecimal numericValue;

  private String textValue;

  protected DeliveryValue() {}

  private DeliveryValue(Indicator indicator, BigDecimal numericValue, String textValue) {
    this.indicator = indicator;
    this.numericValue = numericValue;
    this.textValue = textValue;
  }

  public static DeliveryValue number(Indicator indicator, BigDecimal value) {
    return new DeliveryValue(indicator, value, null);
  }

  public static DeliveryValue text(Indicator indicator, String value) {
    return new DeliveryValue(indicator, null, value);
  }

  void takeOver(DeliveryValue newer) {
    this.numericValue = newer.numericValue;
    this.textValue = newer.textValue;
  }

  void belongTo(Delivery delivery) {
    this.delivery = delivery;
  }

  public Long getId() {
    return id;
  }

  public Delivery getDelivery() {
    return delivery;
  }

  public Indicator getIndicator() {
    return indicator;
  }

  public BigDecimal getNumericValue() {
    return numericValue;
  }

  public String getTextValue() {
    return textValue;
  }

  /** The value as German text ("1.234,5 %", "12", or the text). */
  public String display() {
    if (textValue != null) {
      return textValue;
    }
    java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.GERMANY);
    format.setMaximumFractionDigits(4);
    String unit = indicator.getUnit();
    return format.format(numericValue) + (unit == null || unit.isBlank() ? "" : " " + unit);
  }
}
