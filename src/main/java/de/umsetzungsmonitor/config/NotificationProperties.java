package de.umsetzungsmonitor.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The channels that deliver the notification outbox, each switchable per deployment (mail, webhook).
 * Both off by default: the messages then stay in the outbox ({@code GET /api/notifications}). The SMTP
 * server itself is Spring's {@code spring.mail.host/port/username/password}. A JavaBean with
 * getters registered as {@code notificationProperties}, because the models read its retry cycles
 * ({@code ${notificationProperties.mail.retryCycle}}) and the digest's timer
 * ({@code ${notificationProperties.digestCron}}).
 */
@Component("notificationProperties")
@ConfigurationProperties("umsetzungsmonitor.notifications")
public class NotificationProperties {

  private final Mail mail = new Mail();

  private final Webhook webhook = new Webhook();

  /**
   * When the daily digest ("Tägliche Übersicht") goes out: a cron expression the timer of
   * {@code NotificationDigestProcess} reads (seconds minutes hours day-of-month month day-of-week).
   * Default: 07:00 Monday to Friday, in the server's time zone.
   */
  private String digestCron = "0 0 7 ? * MON-FRI";

  /** Retries of the step that writes the digests (ISO 8601, e.g. R3/PT10M). */
  private String digestRetryCycle = "R3/PT10M";

  public static NotificationProperties defaults() {
    return new NotificationProperties();
  }

  public Mail getMail() {
    return mail;
  }

  public Webhook getWebhook() {
    return webhook;
  }

  public String getDigestCron() {
    return digestCron;
  }

  public void setDigestCron(String digestCron) {
    this.digestCron = digestCron;
  }

  public String getDigestRetryCycle() {
    return digestRetryCycle;
  }

  public void setDigestRetryCycle(String digestRetryCycle) {
    this.digestRetryCycle = digestRetryCycle;
  }

  /** Whether any channel delivers; without one no dispatch process is started. */
  public boolean anyChannelEnabled() {
    return mail.isEnabled() || webhook.isEnabled();
  }

  /** Mail over SMTP. */
  public static class Mail {

    /** Send notifications by mail. */
    private boolean enabled = false;

    /** Sender address of the mails. */
    private String from = "umsetzungsmonitor@localhost";

    /** Retries of the mail step when the SMTP server fails (ISO 8601, e.g. R5/PT2M: 5 retries, 2 minutes apart). */
    private String retryCycle = "R5/PT2M";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getFrom() {
      return from;
    }

    public void setFrom(String from) {
      this.from = from;
    }

    public String getRetryCycle() {
      return retryCycle;
    }

    public void setRetryCycle(String retryCycle) {
      this.retryCycle = retryCycle;
    }
  }

  /** JSON to a configured URL, e.g. a chat system's incoming webhook. */
  public static class Webhook {

    /** Post notifications to {@link #url}. */
    private boolean enabled = false;

    /** The only target of the webhook; never taken from process variables or form input. */
    private String url;

    /** Connection timeout in milliseconds (an int: the HTTP connector refuses strings and longs). */
    private int connectionTimeout = 5_000;

    /** Read timeout in milliseconds. */
    private int socketTimeout = 10_000;

    /** Retries of the webhook step when the target fails. */
    private String retryCycle = "R5/PT2M";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public int getConnectionTimeout() {
      return connectionTimeout;
    }

    public void setConnectionTimeout(int connectionTimeout) {
      this.connectionTimeout = connectionTimeout;
    }

    public int getSocketTimeout() {
      return socketTimeout;
    }

    public void setSocketTimeout(int socketTimeout) {
      this.socketTimeout = socketTimeout;
    }

    public String getRetryCycle() {
      return retryCycle;
    }

    public void setRetryCycle(String retryCycle) {
      this.retryCycle = retryCycle;
    }
  }
}
