package de.umsetzungsmonitor.notification;

import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.security.Directory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest ("Tägliche Übersicht"): one outbox message per person and day listing the new
 * work notices collected for that person since their last digest. Called by the step
 * {@code ServiceTask_CompileDigests} of {@code NotificationDigestProcess}, in its job's transaction.
 *
 * <p><b>Each notice in exactly one digest, each digest once.</b> A digest's key is
 * {@code digest-<user>-<day>}; the notices it lists are claimed for that key in the transaction
 * that writes it to the outbox. A second run on the same day finds the key in the outbox and
 * leaves whatever arrived since for the next day; a concurrent run waits for the first one's row
 * locks and then finds nothing left to claim. A rolled-back run claims nothing.
 */
@Service
@Transactional
public class DailyDigest {

  /** More items than this are counted, not listed, so a digest stays readable and within the outbox column. */
  static final int MAX_LISTED = 100;

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter GERMAN_TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final int DETAIL_LENGTH = 200;

  private final DigestEntryRepository entries;
  private final NotificationOutbox outbox;
  private final Directory directory;
  private final TaskService tasks;
  private final ApplicationProperties application;
  private final Clock clock;

  public DailyDigest(DigestEntryRepository entries, NotificationOutbox outbox, Directory directory, TaskService tasks,
      ApplicationProperties application, Clock clock) {
    this.entries = entries;
    this.outbox = outbox;
    this.directory = directory;
    this.tasks = tasks;
    this.application = application;
    this.clock = clock;
  }

  /** The key of a person's digest of one day. */
  public static String digestKey(String userId, LocalDate day) {
    return "digest-" + userId + "-" + day;
  }

  /** Writes today's digest for everyone with collected notices; returns how many digests were written. */
  public int compileToday() {
    return compile(LocalDate.now(clock));
  }

  /** Writes the digests of the given day; returns how many were written. */
  public int compile(LocalDate day) {
    int written = 0;
    for (String userId : entries.recipientsWithPendingEntries()) {
      String key = digestKey(userId, day);
      if (outbox.contains(key)) {
        continue; // today's digest is out; what arrived since waits for the next one
      }
      if (entries.claimPending(userId, key) == 0) {
        continue; // a concurrent run took them
      }
      List<DigestEntry> items = entries.findByDigestKeyOrderByCreatedAtAscIdAsc(key);
      User user = directory.user(userId).orElse(null);
      String email = user == null ? null : user.getEmail();
      String name = user == null ? userId : Directory.nameOf(user);
      String tasklist = application.baseUrl() + "/camunda/app/tasklist/";
      outbox.enqueue(new Message(key, userId, email, subject(day, items.size()), body(name, items), tasklist));
      written++;
    }
    return written;
  }

  static String subject(LocalDate day, int count) {
    return "Tägliche Übersicht vom " + GERMAN_DATE.format(day) + ": " + count
        + (count == 1 ? " neue Aufgabe" : " neue Aufgaben");
  }

  private String body(String name, List<DigestEntry> items) {
    Set<String> stillOpen = stillOpen(items);
    StringBuilder body = new StringBuilder()
        .append("Guten Tag ").append(name).append(",\n\n")
        .append("hier ist Ihre tägliche Übersicht über neue Arbeit im Umsetzungsmonitor: ")
        .append(items.size() == 1 ? "ein Hinweis" : items.size() + " Hinweise")
        .append(" seit der letzten Übersicht.\n");
    int number = 1;
    for (DigestEntry item : items.subList(0, Math.min(items.size(), MAX_LISTED))) {
      ZonedDateTime at = item.getCreatedAt().atZone(clock.getZone());
      body.append('\n').append(number++).append(". ").append(item.getSubject()).append('\n');
      if (item.getDetail() != null && !item.getDetail().isBlank()) {
        body.append("   ").append(shorten(item.getDetail())).append('\n');
      }
      body.append("   eingegangen am ").append(GERMAN_DATE.format(at)).append(" um ").append(GERMAN_TIME.format(at))
          .append(" Uhr");
      if (item.getTaskId() != null && !stillOpen.contains(item.getTaskId())) {
        body.append(" – inzwischen erledigt");
      }
      body.append('\n');
      if (item.getLink() != null) {
        body.append("   ").append(item.getLink()).append('\n');
      }
    }
    if (items.size() > MAX_LISTED) {
      body.append("\n… und ").append(items.size() - MAX_LISTED).append(" weitere Hinweise.\n");
    }
    body.append("\nAlle Ihre Aufgaben: ").append(application.baseUrl()).append("/camunda/app/tasklist/\n\n")
        .append("Ob Sie Hinweise auf neue Aufgaben sofort oder einmal täglich gesammelt erhalten, stellen Sie hier ein:\n")
        .append(application.baseUrl()).append(NotificationSettingsPage.PATH).append("\n\n")
        .append("Mit freundlichen Grüßen\nIhr Umsetzungsmonitor");
    return body.toString();
  }

  /** Which of the items' tasks are still open (the job runs without a user, so it sees every task). */
  private Set<String> stillOpen(List<DigestEntry> items) {
    String[] taskIds = items.stream().map(DigestEntry::getTaskId).filter(id -> id != null).distinct()
        .toArray(String[]::new);
    if (taskIds.length == 0) {
      return Set.of();
    }
    return tasks.createTaskQuery().taskIdIn(taskIds).list().stream().map(Task::getId).collect(Collectors.toSet());
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= DETAIL_LENGTH ? oneLine : oneLine.substring(0, DETAIL_LENGTH - 1).stripTrailing() + "…";
  }
}
