package de.umsetzungsmonitor.notification;

import java.time.Clock;
import java.time.Instant;
import de.umsetzungsmonitor.config.NotificationProperties;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.process.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages to people into the outbox and numbers reminder rounds. It writes in the caller's
 * transaction (a job or a task completion), so a rolled-back step leaves no message behind, and
 * the unique keys make a repeated step unable to write the same message twice. When a channel is
 * enabled, each new message starts its own {@code NotificationDispatchProcess} in the same
 * transaction: the message and its delivery job exist together or not at all.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class NotificationOutbox {

  private final OutboxRepository outbox;
  private final ReminderRepository reminders;
  private final RuntimeService runtime;
  private final NotificationProperties properties;
  private final Clock clock;

  public NotificationOutbox(OutboxRepository outbox, ReminderRepository reminders, RuntimeService runtime,
      NotificationProperties properties, Clock clock) {
    this.outbox = outbox;
    this.reminders = reminders;
    this.runtime = runtime;
    this.properties = properties;
    this.clock = clock;
  }

  /** Records the next reminder round about a subject and returns its number, starting at 1. */
  public int nextReminderRound(String kind, Long referenceId) {
    int round = reminders.lastRound(kind, referenceId) + 1;
    reminders.save(new Reminder(kind, referenceId, round, Instant.now(clock)));
    return round;
  }

  /**
   * Queues a message unless one with the same key exists, and starts its delivery when a channel
   * is enabled (business key = notification key); says whether it queued one. Without an enabled
   * channel the message stays in the outbox.
   */
  public boolean enqueue(Message message) {
    if (outbox.existsByNotificationKey(message.key())) {
      return false;
    }
    OutboxNotification saved = outbox.saveAndFlush(new OutboxNotification(message.key(), message.recipientUserId(),
        message.recipientEmail(), message.subject(), message.body(), message.link(), Instant.now(clock),
        message.attachment()));
    if (properties.anyChannelEnabled()) {
      runtime.startProcessInstanceByKey(NotificationDispatchProcess.KEY, message.key(),
          Map.of(ProcessVariables.NOTIFICATION_ID.name(), saved.getId()));
    }
    return true;
  }

  /** Whether a message with this key is in the outbox already. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public boolean contains(String key) {
    return outbox.existsByNotificationKey(key);
  }

  /** The latest messages, newest first, for the outbox listing. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<OutboxNotification> latest() {
    return outbox.findTop200ByOrderByIdDesc();
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public List<OutboxNotification> withKeyPrefix(String prefix) {
    return outbox.findByNotificationKeyStartingWithOrderById(prefix);
  }

  /** A message for the outbox, optionally with one attachment (e.g. a calendar invitation). */
  public record Message(String key, String recipientUserId, String recipientEmail, String subject,
      String body, String link, Attachment attachment) {

    /** A message without attachment. */
    public Message(String key, String recipientUserId, String recipientEmail, String subject, String body, String link) {
      this(key, recipientUserId, recipientEmail, subject, body, link, null);
    }
  }
}
