package de.umsetzungsmonitor.notification;

import de.umsetzungsmonitor.config.NotificationProperties;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/me/notification-settings}: the logged-in person's choice how to hear about
 * new work ({@code IMMEDIATE} or {@code DIGEST}). Everyone may read and change only their own.
 */
@RestController
@RequestMapping("/api/me/notification-settings")
class NotificationSettingsController {

  private final NotificationSettings settings;
  private final NotificationProperties properties;

  NotificationSettingsController(NotificationSettings settings, NotificationProperties properties) {
    this.settings = settings;
    this.properties = properties;
  }

  @GetMapping
  SettingsView mine(Authentication caller) {
    return view(caller.getName(), settings.deliveryOf(caller.getName()));
  }

  @PutMapping
  SettingsView choose(@RequestBody SettingsUpdate update, Authentication caller) {
    return view(caller.getName(), settings.choose(caller.getName(), update.delivery()));
  }

  private SettingsView view(String userId, NoticeDelivery delivery) {
    return new SettingsView(userId, delivery.name(), delivery.label(), properties.getDigestCron(),
        Arrays.stream(NoticeDelivery.values()).map(d -> new Choice(d.name(), d.label())).toList());
  }

  /** What a client sends: {@code {"delivery": "DIGEST"}}. */
  record SettingsUpdate(String delivery) {}

  /**
   * The person's setting, its German label, when the digest goes out (cron) and the choices.
   */
  record SettingsView(String userId, String delivery, String label, String digestCron, List<Choice> choices) {}

  record Choice(String value, String label) {}
}
