package de.umsetzungsmonitor.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages to people into the outbox and numbers reminder rounds. It writes in the caller's
 * transaction (a job or a task completion), so a rolled-back step leaves no message behind, and
 * the unique keys make a repeated step unable to write the same message twice.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class NotificationOutbox {

  private final OutboxRepository outbox;
  private final ReminderRepository reminders;
  private final Clock clock;

  public NotificationOutbox(OutboxRepository outbox, ReminderRepository reminders, Clock clock) {
    this.outbox = outbox;
    this.reminders = reminders;
    this.clock = clock;
  }

  /** Records the next reminder round about a subject and returns its number, starting at 1. */
  public int nextReminderRound(String kind, Long referenceId) {
    int round = reminders.lastRound(kind, referenceId) + 1;
    reminders.save(new Reminder(kind, referenceId, round, Instant.now(clock)));
    return round;
  }

  /** Queues a message unless one with the same key exists; says whether it queued one. */
  public boolean enqueue(Message message) {
    if (outbox.existsByNotificationKey(message.key())) {
      return false;
    }
    outbox.save(new OutboxNotification(message.key(), message.recipientUserId(), message.recipientEmail(),
        message.subject(), message.body(), message.link(), Instant.now(clock)));
    return true;
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<OutboxNotification> withKeyPrefix(String prefix) {
    return outbox.findByNotificationKeyStartingWithOrderById(prefix);
  }

  /** A message for the outbox. */
  public record Message(String key, String recipientUserId, String recipientEmail, String subject,
      String body, String link) {}
}
