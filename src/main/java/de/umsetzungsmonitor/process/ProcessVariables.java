package de.umsetzungsmonitor.process;

import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Every variable a model or form reads or writes, with its type. Form field keys use the same names.
 */
public final class ProcessVariables {

  // references and routing flags the processes keep
  public static final ProcessVariable<Long> MEASURE_ID = new ProcessVariable<>("measureId", Long.class);
  public static final ProcessVariable<String> COORDINATION_GROUP = new ProcessVariable<>("coordinationGroup", String.class);
  public static final ProcessVariable<Long> TALK_ID = new ProcessVariable<>("talkId", Long.class);
  public static final ProcessVariable<Long> PROTOCOL_ID = new ProcessVariable<>("protocolId", Long.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final ProcessVariable<List<Long>> SIGNATORIES = new ProcessVariable<>("signatories", (Class<List<Long>>) (Class) List.class);
  public static final ProcessVariable<Long> PARTICIPANT_ID = new ProcessVariable<>("participantId", Long.class);
  public static final ProcessVariable<Boolean> CHANGE_REQUESTED = new ProcessVariable<>("changeRequested", Boolean.class);
  public static final ProcessVariable<Boolean> ESCALATION_DUE = new ProcessVariable<>("escalationDue", Boolean.class);
  /** Whether the talk was moved instead of held: "Gesprächsergebnisse erfassen" comes again. */
  public static final ProcessVariable<Boolean> TALK_MOVED = new ProcessVariable<>("talkMoved", Boolean.class);
  /** The row of {@code notification_outbox} a dispatch instance delivers. */
  public static final ProcessVariable<Long> NOTIFICATION_ID = new ProcessVariable<>("notificationId", Long.class);
  /** Whether the webhook still has to post the notification (enabled and not posted yet). */
  public static final ProcessVariable<Boolean> WEBHOOK_DUE = new ProcessVariable<>("webhookDue", Boolean.class);
  /** The JSON the webhook posts: key, recipient, subject, text, link. */
  public static final ProcessVariable<String> WEBHOOK_PAYLOAD = new ProcessVariable<>("webhookPayload", String.class);

  // task-local data that forms display (options and the text to review)
  public static final ProcessVariable<Object> PARTICIPANT_OPTIONS = new ProcessVariable<>("participantOptions", Object.class);
  public static final ProcessVariable<Object> OFFICE_OPTIONS = new ProcessVariable<>("officeOptions", Object.class);
  public static final ProcessVariable<Object> PROTOCOL_VERSION = new ProcessVariable<>("protocolVersion", Object.class);
  public static final ProcessVariable<Object> CHANGE_REQUESTS = new ProcessVariable<>("changeRequests", Object.class);
  public static final ProcessVariable<Object> PROTOCOL_DOCUMENT_URL = new ProcessVariable<>("protocolDocumentUrl", Object.class);

  // form inputs, handed to a service by the task's complete listener and then removed
  public static final ProcessVariable<String> TALK_DATE = new ProcessVariable<>("talkDate", String.class);
  public static final ProcessVariable<String> TALK_TIME = new ProcessVariable<>("talkTime", String.class);
  public static final ProcessVariable<String> TALK_LOCATION = new ProcessVariable<>("talkLocation", String.class);
  public static final ProcessVariable<SpinJsonNode> PARTICIPANTS = new ProcessVariable<>("participants", SpinJsonNode.class);
  /** In "Gesprächsergebnisse erfassen": {@code held} (record the results) or {@code moved} (new date in talkDate …). */
  public static final ProcessVariable<String> TALK_OUTCOME = new ProcessVariable<>("talkOutcome", String.class);
  public static final ProcessVariable<String> HELD_ON = new ProcessVariable<>("heldOn", String.class);
  public static final ProcessVariable<String> APPROACH = new ProcessVariable<>("approach", String.class);
  public static final ProcessVariable<SpinJsonNode> TASK_AREAS = new ProcessVariable<>("taskAreas", SpinJsonNode.class);
  public static final ProcessVariable<SpinJsonNode> DATA_AGREEMENTS = new ProcessVariable<>("dataAgreements", SpinJsonNode.class);
  public static final ProcessVariable<String> REMARKS = new ProcessVariable<>("remarks", String.class);
  public static final ProcessVariable<String> PROTOCOL_TEXT = new ProcessVariable<>("protocolText", String.class);
  public static final ProcessVariable<String> SIGNATURE_DECISION = new ProcessVariable<>("signatureDecision", String.class);
  public static final ProcessVariable<String> CHANGE_REQUEST = new ProcessVariable<>("changeRequest", String.class);
  public static final ProcessVariable<String> FOLLOW_UP_NOTE = new ProcessVariable<>("followUpNote", String.class);
  public static final ProcessVariable<SpinJsonNode> INDICATORS = new ProcessVariable<>("indicators", SpinJsonNode.class);

  private ProcessVariables() {}
}
