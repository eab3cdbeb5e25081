package de.umsetzungsmonitor.notification;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each person's choice between immediate mails and the daily digest for new work notices. */
@Service
@Transactional
public class NotificationSettings {

  private final NotificationSettingRepository settings;
  private final Clock clock;

  public NotificationSettings(NotificationSettingRepository settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The person's choice; {@link NoticeDelivery#IMMEDIATE} until they choose. */
  @Transactional(readOnly = true)
  public NoticeDelivery deliveryOf(String userId) {
    return settings.findById(userId).map(NotificationSetting::getDelivery).orElse(NoticeDelivery.IMMEDIATE);
  }

  /** Records the person's choice (a text such as {@code DIGEST}, refused in German if unknown) and returns it. */
  public NoticeDelivery choose(String userId, String delivery) {
    NoticeDelivery chosen = NoticeDelivery.parse(delivery);
    Instant now = Instant.now(clock);
    settings.findById(userId).ifPresentOrElse(
        setting -> setting.change(chosen, now),
        () -> settings.save(new NotificationSetting(userId, chosen, now)));
    return chosen;
  }
}
