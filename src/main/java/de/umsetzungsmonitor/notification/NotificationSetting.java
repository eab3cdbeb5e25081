package de.umsetzungsmonitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's choice how to hear about new work; without a row the person gets immediate mails. */
@Entity
@Table(name = "notification_setting")
public class NotificationSetting {

  @Id
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private NoticeDelivery delivery;

  @Column(nullable = false)
  private Instant updatedAt;

  protected NotificationSetting() {}

  NotificationSetting(String userId, NoticeDelivery delivery, Instant updatedAt) {
    this.userId = userId;
    this.delivery = delivery;
    this.updatedAt = updatedAt;
  }

  void change(NoticeDelivery delivery, Instant at) {
    this.delivery = delivery;
    this.updatedAt = at;
  }

  public String getUserId() {
    return userId;
  }

  public NoticeDelivery getDelivery() {
    return delivery;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
