package de.umsetzungsmonitor.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Reminder intervals the BPMN timers read ({@code ${reminderProperties.signatureCycle}}). A JavaBean
 * with getters, because expressions read getters; registered under the short name the models use.
 */
@Component("reminderProperties")
@ConfigurationProperties("umsetzungsmonitor.reminders")
public class ReminderProperties {

  /** How often missing signatories are reminded: ISO 8601 repeating interval or cron expression. */
  private String signatureCycle = "R/P3D";

  /** After how many reminders an unsigned protocol is escalated to the coordinating unit. */
  private int signatureEscalationAfter = 3;

  public static ReminderProperties defaults() {
    return new ReminderProperties();
  }

  public String getSignatureCycle() {
    return signatureCycle;
  }

  public void setSignatureCycle(String signatureCycle) {
    this.signatureCycle = signatureCycle;
  }

  public int getSignatureEscalationAfter() {
    return signatureEscalationAfter;
  }

  public void setSignatureEscalationAfter(int signatureEscalationAfter) {
    this.signatureEscalationAfter = signatureEscalationAfter;
  }
}
