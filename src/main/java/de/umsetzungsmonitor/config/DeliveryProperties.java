package de.umsetzungsmonitor.config;

import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deadlines, reminders and HTTP sources of data deliveries (README "Deliveries"). A JavaBean with
 * getters, because the delivery model's expressions read {@code ${deliveryProperties.…}}.
 */
@Component("deliveryProperties")
@ConfigurationProperties("umsetzungsmonitor.deliveries")
public class DeliveryProperties {

  /** How long before the due date the supplier office is reminded. */
  private Period remindBefore = Period.ofDays(7);

  /** How often an overdue delivery is reminded, starting this long after the due date. */
  private Period overdueInterval = Period.ofDays(7);

  /** After how many overdue reminders the office head's group gets an escalation. */
  private int escalationAfter = 3;

  /** How long after the due date a period stays open; then it is locked until reopened. */
  private Period lockGrace = Period.ofDays(30);

  /** Time of day (Europe/Berlin) at which reminders and locks fall due. */
  private LocalTime reminderTime = LocalTime.of(8, 0);

  /** URL prefixes HTTP sources may use; a source elsewhere is refused. Empty: no HTTP sources. */
  private List<String> allowedSourceUrls = new ArrayList<>();

  /** Retries of a failing HTTP source before it becomes an incident. */
  private String sourceRetryCycle = "R3/PT10M";

  private int sourceConnectionTimeout = 5000;

  private int sourceSocketTimeout = 20000;

  public static DeliveryProperties defaults() {
    return new DeliveryProperties();
  }

  /** Whether a source URL lies under one of the allowed prefixes. */
  public boolean allowsSource(String url) {
    return url != null && allowedSourceUrls.stream().anyMatch(url::startsWith)
        && (url.startsWith("http://") || url.startsWith("https://"));
  }

  /**
   * The URL of a data agreement's HTTP source, once more checked against the allowed prefixes right
   * before it is fetched (the models call it), so a source never leads elsewhere than configured.
   */
  public String checkedSourceUrl(String url) {
    if (!allowsSource(url)) {
      throw new IllegalStateException("HTTP source not allowed by umsetzungsmonitor.deliveries.allowed-source-urls: " + url);
    }
    return url;
  }

  public Period getRemindBefore() {
    return remindBefore;
  }

  public void setRemindBefore(Period remindBefore) {
    this.remindBefore = remindBefore;
  }

  public Period getOverdueInterval() {
    return overdueInterval;
  }

  public void setOverdueInterval(Period overdueInterval) {
    this.overdueInterval = overdueInterval;
  }

  public int getEscalationAfter() {
    return escalationAfter;
  }

  public void setEscalationAfter(int escalationAfter) {
    this.escalationAfter = escalationAfter;
  }

  public Period getLockGrace() {
    return lockGrace;
  }

  public void setLockGrace(Period lockGrace) {
    this.lockGrace = lockGrace;
  }

  public LocalTime getReminderTime() {
    return reminderTime;
  }

  public void setReminderTime(LocalTime reminderTime) {
    this.reminderTime = reminderTime;
  }

  public List<String> getAllowedSourceUrls() {
    return allowedSourceUrls;
  }

  public void setAllowedSourceUrls(List<String> allowedSourceUrls) {
    this.allowedSourceUrls = allowedSourceUrls;
  }

  public String getSourceRetryCycle() {
    return sourceRetryCycle;
  }

  public void setSourceRetryCycle(String sourceRetryCycle) {
    this.sourceRetryCycle = sourceRetryCycle;
  }

  public int getSourceConnectionTimeout() {
    return sourceConnectionTimeout;
  }

  public void setSourceConnectionTimeout(int sourceConnectionTimeout) {
    this.sourceConnectionTimeout = sourceConnectionTimeout;
  }

  public int getSourceSocketTimeout() {
    return sourceSocketTimeout;
  }

  public void setSourceSocketTimeout(int sourceSocketTimeout) {
    this.sourceSocketTimeout = sourceSocketTimeout;
  }
}
