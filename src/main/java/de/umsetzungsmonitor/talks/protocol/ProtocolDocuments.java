package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.USER_TASK_REVISE_PROTOCOL;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.security.Groups;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protocols as files: the coordinating unit uploads one while it records the talk's results or
 * revises the protocol; the file is kept as a Camunda attachment of that task and becomes part of
 * the protocol version the task creates.
 */
@Service
@Transactional
public class ProtocolDocuments {

  /** Accepted file types by ending. */
  static final Map<String, String> TYPES = Map.of(
      "pdf", "application/pdf",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "odt", "application/vnd.oasis.opendocument.text");

  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final MeasureRepository measures;
  private final ProtocolRepository protocols;
  private final TaskService tasks;

  public ProtocolDocuments(MeasureRepository measures, ProtocolRepository protocols, TaskService tasks) {
    this.measures = measures;
    this.protocols = protocols;
    this.tasks = tasks;
  }

  /** What the upload page shows for a measure. */
  @Transactional(readOnly = true)
  public UploadView view(Long measureId, Collection<String> groups) {
    Measure measure = measureFor(measureId, groups);
    Optional<Task> step = openStep(measure);
    String pending = step.flatMap(task -> newestAttachment(task.getId())).map(Attachment::getName).orElse(null);
    return new UploadView(measure.getId(), measure.getCode(), measure.getText(), measure.getProgramme().getTitle(),
        step.map(Task::getName).orElse(null), pending);
  }

  /** Stores an uploaded protocol file with the open step; a second upload replaces the first. */
  public void upload(Long measureId, String filename, byte[] content, Collection<String> groups) {
    Measure measure = measureFor(measureId, groups);
    Task step = openStep(measure).orElseThrow(() -> new InvalidInputException(
        "Eine Protokolldatei kann nur hochgeladen werden, solange die Gesprächsergebnisse erfasst werden oder das Protokoll überarbeitet wird."));
    String name = filename == null ? "" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (content == null || content.length == 0) {
      throw new InvalidInputException("Bitte eine Datei auswählen.");
    }
    if (content.length > MAX_BYTES) {
      throw new InvalidInputException("Die Datei ist zu groß (höchstens 10 MB).");
    }
    if (!TYPES.containsKey(ending)) {
      throw new InvalidInputException("Bitte ein Protokoll als PDF, DOCX oder ODT hochladen.");
    }
    if (name.length() > 200) {
      name = name.substring(0, 190) + "." + ending;
    }
    for (Attachment earlier : tasks.getTaskAttachments(step.getId())) {
      tasks.deleteTaskAttachment(step.getId(), earlier.getId());
    }
    tasks.createAttachment(TYPES.get(ending), step.getId(), step.getProcessInstanceId(), name,
        "Protokoll zur Maßnahme " + measure.getCode(), new ByteArrayInputStream(content));
  }

  /** The file uploaded to a record or revise task, to be referenced by the version it creates. */
  @Transactional(readOnly = true)
  public String pendingAttachmentId(String taskId) {
    return newestAttachment(taskId).map(Attachment::getId).orElse(null);
  }

  /** The file of a protocol version, for participants, the coordinating unit and managers. */
  @Transactional(readOnly = true)
  public Download download(Long protocolId, int versionNo, String userId, Collection<String> groups) {
    Protocol protocol = protocols.findById(protocolId).orElseThrow(() -> new InvalidInputException("Unbekanntes Protokoll."));
    Measure measure = protocol.getTalk().getMeasure();
    boolean participant = protocol.getTalk().getParticipants().stream().anyMatch(p -> p.getUserId().equals(userId));
    if (!participant && !mayManage(measure, groups) && !groups.contains(Groups.MANAGERS)) {
      throw new AccessDeniedException("not a participant");
    }
    ProtocolVersion version = protocol.getVersions().stream().filter(v -> v.getVersionNo() == versionNo).findFirst()
        .orElseThrow(() -> new InvalidInputException("Diese Fassung des Protokolls gibt es nicht."));
    if (version.getAttachmentId() == null) {
      throw new InvalidInputException("Zu dieser Fassung gibt es keine Protokolldatei.");
    }
    Attachment attachment = tasks.getAttachment(version.getAttachmentId());
    try (InputStream in = tasks.getAttachmentContent(version.getAttachmentId())) {
      return new Download(attachment.getName(), attachment.getType(), in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Attachment " + version.getAttachmentId() + " unreadable", e);
    }
  }

  private Measure measureFor(Long measureId, Collection<String> groups) {
    Measure measure = measures.findById(measureId).orElseThrow(() -> new InvalidInputException("Unbekannte Maßnahme."));
    if (!mayManage(measure, groups)) {
      throw new AccessDeniedException("not in the coordinating unit of " + measure.getBusinessKey());
    }
    return measure;
  }

  private static boolean mayManage(Measure measure, Collection<String> groups) {
    return groups.contains(measure.getProgramme().coordinationGroup());
  }

  private Optional<Task> openStep(Measure measure) {
    return tasks.createTaskQuery()
        .processInstanceBusinessKey(measure.getBusinessKey())
        .taskDefinitionKeyIn(USER_TASK_RECORD_TALK_RESULTS, USER_TASK_REVISE_PROTOCOL)
        .listPage(0, 1).stream().findFirst();
  }

  private Optional<Attachment> newestAttachment(String taskId) {
    List<Attachment> attachments = tasks.getTaskAttachments(taskId);
    return attachments.stream().max(Comparator.comparing(Attachment::getCreateTime));
  }

  /** What the upload page shows. */
  public record UploadView(Long measureId, String measureCode, String measureText, String programmeTitle,
      String openStep, String pendingDocument) {}

  /** A file to send to the browser. */
  public record Download(String filename, String contentType, byte[] content) {}
}
