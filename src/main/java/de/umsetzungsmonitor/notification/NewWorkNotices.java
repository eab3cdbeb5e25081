package de.umsetzungsmonitor.notification;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.security.Directory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people about new work: a task that lands in their group queue or is assigned to them.
 * Called from the engine's task events ({@link NewWorkEventListener}) inside the engine's
 * transaction, so a rolled-back task creation leaves no notice. Each notice has a key per task,
 * person and event ({@code task-<id>-new-<user>}, {@code task-<id>-assigned-<user>}); a repeated
 * event finds it and writes nothing. A person who takes the daily digest gets the notice collected
 * for the next "Tägliche Übersicht" instead of a mail.
 *
 * <p>Who is told: on creation, the task's candidate users if it names any (the group then only
 * makes it visible in the office's queue), otherwise every member of its candidate groups; on
 * assignment, the assignee. Only people with a mail address are told, and never the person whose
 * own action created or assigned the task: they know (a clerk completing a step, a user claiming
 * a task).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class NewWorkNotices {

  private static final Logger log = LoggerFactory.getLogger(NewWorkNotices.class);
  private static final int SUBJECT_LENGTH = 300;
  private static final int MEASURE_TEXT_LENGTH = 400;

  /** Depth of {@link #collectedIntoDigest()} scopes on this thread. */
  private static final ThreadLocal<Integer> BULK = ThreadLocal.withInitial(() -> 0);

  private final NotificationOutbox outbox;
  private final DigestEntryRepository digestEntries;
  private final NotificationSettings settings;
  private final MeasureRepository measures;
  private final Directory directory;
  private final ApplicationProperties application;
  private final Clock clock;

  public NewWorkNotices(NotificationOutbox outbox, DigestEntryRepository digestEntries, NotificationSettings settings,
      MeasureRepository measures, Directory directory, ApplicationProperties application, Clock clock) {
    this.outbox = outbox;
    this.digestEntries = digestEntries;
    this.settings = settings;
    this.measures = measures;
    this.directory = directory;
    this.application = application;
    this.clock = clock;
  }

  /**
   * Collects every notice written on this thread until the scope is closed into the daily digest,
   * whatever each person chose: for work created by the dozen at once (a programme import), where
   * one mail per task would bury the offices.
   */
  public static Scope collectedIntoDigest() {
    BULK.set(BULK.get() + 1);
    return () -> {
      int depth = BULK.get() - 1;
      if (depth == 0) {
        BULK.remove();
      } else {
        BULK.set(depth);
      }
    };
  }

  /** A task was created: its candidate users, or else the members of its candidate groups, are told. */
  public void taskCreated(NewTask task) {
    if (task.assignee() != null) {
      return; // the assignment event that follows tells the assignee; nobody else will work on it
    }
    Map<String, User> recipients = new LinkedHashMap<>();
    Map<String, String> queueOf = new LinkedHashMap<>();
    if (!task.candidateUsers().isEmpty()) {
      for (String userId : task.candidateUsers()) {
        directory.user(userId).ifPresent(user -> recipients.putIfAbsent(userId, user));
      }
    } else {
      for (String groupId : task.candidateGroups()) {
        String groupName = directory.groupName(groupId);
        directory.membersOf(List.of(groupId)).forEach((userId, user) -> {
          if (recipients.putIfAbsent(userId, user) == null) {
            queueOf.put(userId, groupName);
          }
        });
      }
    }
    Context context = context(task);
    for (User user : recipients.values()) {
      if (isToldAbout(user, task)) {
        deliver(newTaskNotice(task, user, queueOf.get(user.getId()), context));
      }
    }
  }

  /** A task was assigned to someone, by someone else or by the application: the assignee is told. */
  public void taskAssigned(NewTask task) {
    if (task.assignee() == null) {
      return; // handed back to the queue
    }
    Optional<User> assignee = directory.user(task.assignee());
    if (assignee.isPresent() && isToldAbout(assignee.get(), task)) {
      deliver(assignedNotice(task, assignee.get(), context(task)));
    }
  }

  private static boolean isToldAbout(User user, NewTask task) {
    boolean hasAddress = user.getEmail() != null && !user.getEmail().isBlank();
    return hasAddress && !user.getId().equals(task.actingUserId());
  }

  /** Queues the notice as a mail, or collects it for the person's next digest; each key once. */
  private void deliver(Notice notice) {
    if (digestEntries.existsByNoticeKey(notice.key()) || outbox.contains(notice.key())) {
      return;
    }
    if (BULK.get() > 0 || settings.deliveryOf(notice.userId()) == NoticeDelivery.DIGEST) {
      digestEntries.saveAndFlush(new DigestEntry(notice.key(), notice.userId(), notice.taskId(), notice.subject(),
          notice.detail(), notice.link(), Instant.now(clock)));
      log.debug("New work notice {} collected for the daily digest", notice.key());
    } else {
      outbox.enqueue(new Message(notice.key(), notice.userId(), notice.email(), notice.subject(), notice.body(),
          notice.link()));
    }
  }

  private Notice newTaskNotice(NewTask task, User user, String queue, Context context) {
    String subject = "Neue Aufgabe: " + task.name() + context.subjectSuffix();
    String where = queue == null
        ? "für Sie liegt eine neue Aufgabe in der Aufgabenliste bereit:"
        : "in der Aufgabenliste Ihrer Stelle „" + queue + "“ liegt eine neue Aufgabe:";
    return notice(task, user, "new", subject, where, context);
  }

  private Notice assignedNotice(NewTask task, User user, Context context) {
    String subject = "Aufgabe für Sie: " + task.name() + context.subjectSuffix();
    String by = task.actingUserId() == null ? "" : " von " + directory.displayName(task.actingUserId());
    return notice(task, user, "assigned", subject, "Ihnen wurde" + by + " eine Aufgabe zugewiesen:", context);
  }

  private Notice notice(NewTask task, User user, String event, String subject, String intro, Context context) {
    String link = application.taskLink(task.taskId());
    StringBuilder body = new StringBuilder()
        .append("Guten Tag ").append(Directory.nameOf(user)).append(",\n\n")
        .append(intro).append("\n\n")
        .append("  ").append(task.name()).append('\n');
    context.lines().forEach(line -> body.append("  ").append(line).append('\n'));
    if (task.description() != null && !task.description().isBlank()) {
      body.append("\n").append(task.description().strip()).append('\n');
    }
    body.append("\nZur Aufgabe in der Aufgabenliste:\n").append(link).append("\n\n")
        .append("Ob Sie solche Hinweise sofort oder einmal täglich gesammelt erhalten, stellen Sie hier ein:\n")
        .append(application.baseUrl()).append(NotificationSettingsPage.PATH).append("\n\n")
        .append("Mit freundlichen Grüßen\nIhr Umsetzungsmonitor");
    return new Notice("task-" + task.taskId() + "-" + event + "-" + user.getId(), user.getId(), user.getEmail(),
        shorten(subject, SUBJECT_LENGTH), body.toString(), String.join(" – ", context.lines()), link, task.taskId());
  }

  /** The measure the task belongs to (by {@code measureId}, else by business key), or the bare business key. */
  private Context context(NewTask task) {
    Optional<Measure> measure = Optional.empty();
    if (task.measureId() != null) {
      measure = measures.findById(task.measureId());
    } else if (task.businessKey() != null) {
      measure = measures.findByBusinessKey(task.businessKey());
    }
    if (measure.isPresent()) {
      Measure m = measure.get();
      List<String> lines = new ArrayList<>();
      lines.add("Maßnahme " + m.getCode() + " („" + m.getProgramme().getTitle() + "“)");
      lines.add(shorten(m.getText(), MEASURE_TEXT_LENGTH));
      return new Context(" – Maßnahme " + m.getCode(), lines);
    }
    if (task.businessKey() != null) {
      return new Context(" – " + task.businessKey(), List.of("Vorgang " + task.businessKey()));
    }
    return new Context("", List.of());
  }

  private static String shorten(String text, int length) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= length ? oneLine : oneLine.substring(0, length - 1).stripTrailing() + "…";
  }

  /** Ends a {@link #collectedIntoDigest()} scope. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * What a notice needs to know about a task, taken from the engine's task event.
   *
   * @param actingUserId who is logged in on the engine while the event happens (the clerk whose
   *     completed step created the task, the user who assigned or claimed it), or {@code null}
   */
  public record NewTask(String taskId, String name, String description, String businessKey, Long measureId,
      List<String> candidateUsers, List<String> candidateGroups, String assignee, String actingUserId) {

    public NewTask {
      name = name == null || name.isBlank() ? "Aufgabe" : name;
      candidateUsers = List.copyOf(candidateUsers);
      candidateGroups = List.copyOf(candidateGroups);
    }
  }

  private record Context(String subjectSuffix, List<String> lines) {}

  private record Notice(String key, String userId, String email, String subject, String body, String detail,
      String link, String taskId) {}
}
