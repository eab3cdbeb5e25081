package de.umsetzungsmonitor.process;

import java.util.Date;
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

  // deliveries: the agreement and period a delivery instance works on, its deadlines and routing
  public static final ProcessVariable<Long> DATA_AGREEMENT_ID = new ProcessVariable<>("dataAgreementId", Long.class);
  public static final ProcessVariable<Long> DELIVERY_ID = new ProcessVariable<>("deliveryId", Long.class);
  /** The index of the period opened last by an agreement's process (0 = the first). */
  public static final ProcessVariable<Integer> PERIOD_INDEX = new ProcessVariable<>("periodIndex", Integer.class);
  public static final ProcessVariable<Date> NEXT_PERIOD_AT = new ProcessVariable<>("nextPeriodAt", Date.class);
  public static final ProcessVariable<Boolean> AGREEMENT_ACTIVE = new ProcessVariable<>("agreementActive", Boolean.class);
  public static final ProcessVariable<String> SUPPLIER_GROUP = new ProcessVariable<>("supplierGroup", String.class);
  public static final ProcessVariable<String> OFFICE_HEAD_GROUP = new ProcessVariable<>("officeHeadGroup", String.class);
  /** "indicator or data, period", shown in the delivery tasks' names. */
  public static final ProcessVariable<String> DELIVERY_TITLE = new ProcessVariable<>("deliveryTitle", String.class);
  public static final ProcessVariable<Date> REMIND_AT = new ProcessVariable<>("remindAt", Date.class);
  public static final ProcessVariable<Date> DUE_AT = new ProcessVariable<>("dueAt", Date.class);
  public static final ProcessVariable<Date> LOCK_AT = new ProcessVariable<>("lockAt", Date.class);
  /** ISO 8601 repeating interval starting after the due date, e.g. {@code R/2026-10-07T08:00+02:00/P7D}. */
  public static final ProcessVariable<String> OVERDUE_CYCLE = new ProcessVariable<>("overdueCycle", String.class);
  public static final ProcessVariable<Boolean> FETCH_FROM_SOURCE = new ProcessVariable<>("fetchFromSource", Boolean.class);
  public static final ProcessVariable<String> SOURCE_URL = new ProcessVariable<>("sourceUrl", String.class);
  public static final ProcessVariable<Integer> SOURCE_STATUS = new ProcessVariable<>("sourceStatus", Integer.class);
  public static final ProcessVariable<String> SOURCE_RESPONSE = new ProcessVariable<>("sourceResponse", String.class);
  public static final ProcessVariable<Boolean> DELIVERY_ACCEPTED = new ProcessVariable<>("deliveryAccepted", Boolean.class);
  public static final ProcessVariable<Boolean> PERIOD_REOPENED = new ProcessVariable<>("periodReopened", Boolean.class);

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

  public static final ProcessVariable<Object> DELIVERY_FORM = new ProcessVariable<>("deliveryForm", Object.class);
  public static final ProcessVariable<Object> DELIVERY_SUMMARY = new ProcessVariable<>("deliverySummary", Object.class);
  public static final ProcessVariable<Object> DELIVERY_FILE_URL = new ProcessVariable<>("deliveryFileUrl", Object.class);
  public static final ProcessVariable<Object> DELIVERY_RETURN_REASON = new ProcessVariable<>("deliveryReturnReason", Object.class);
  public static final ProcessVariable<SpinJsonNode> DELIVERED_VALUES = new ProcessVariable<>("deliveredValues", SpinJsonNode.class);
  public static final ProcessVariable<String> DELIVERY_COMMENT = new ProcessVariable<>("deliveryComment", String.class);
  /** The uploaded file (Camunda file variable), moved to an attachment by the task's complete listener. */
  public static final ProcessVariable<Object> DELIVERY_FILE = new ProcessVariable<>("deliveryFile", Object.class);
  public static final ProcessVariable<String> CHECK_DECISION = new ProcessVariable<>("checkDecision", String.class);
  public static final ProcessVariable<String> RETURN_REASON = new ProcessVariable<>("returnReason", String.class);
  public static final ProcessVariable<String> LOCK_DECISION = new ProcessVariable<>("lockDecision", String.class);
  public static final ProcessVariable<String> LOCK_REASON = new ProcessVariable<>("lockReason", String.class);
  public static final ProcessVariable<String> NEW_DEADLINE = new ProcessVariable<>("newDeadline", String.class);

  // committee briefings: the briefing an instance works on, its routing flags, form inputs and displays
  public static final ProcessVariable<Long> BRIEFING_ID = new ProcessVariable<>("briefingId", Long.class);
  public static final ProcessVariable<Boolean> REPORT_APPROVED = new ProcessVariable<>("reportApproved", Boolean.class);
  public static final ProcessVariable<Boolean> COMMITTEE_BRIEFED = new ProcessVariable<>("committeeBriefed", Boolean.class);
  /** What the briefing forms show: committee, day of the report, links to the draft, the last review. */
  public static final ProcessVariable<Object> BRIEFING_SUMMARY = new ProcessVariable<>("briefingSummary", Object.class);
  public static final ProcessVariable<String> REPORT_AS_OF = new ProcessVariable<>("reportAsOf", String.class);
  public static final ProcessVariable<String> OUTLOOK = new ProcessVariable<>("outlook", String.class);
  public static final ProcessVariable<String> REVIEW_DECISION = new ProcessVariable<>("reviewDecision", String.class);
  public static final ProcessVariable<String> REVIEW_COMMENT = new ProcessVariable<>("reviewComment", String.class);
  public static final ProcessVariable<String> BRIEFING_OUTCOME = new ProcessVariable<>("briefingOutcome", String.class);
  public static final ProcessVariable<String> BRIEFED_ON = new ProcessVariable<>("briefedOn", String.class);
  public static final ProcessVariable<String> BRIEFED_COMMITTEE = new ProcessVariable<>("briefedCommittee", String.class);
  public static final ProcessVariable<String> BRIEFING_NOTE = new ProcessVariable<>("briefingNote", String.class);

  // the Phase II gate: the declaration an instance decides on, its routing flags, form inputs and display
  public static final ProcessVariable<Long> GATE_ID = new ProcessVariable<>("gateId", Long.class);
  public static final ProcessVariable<Boolean> INTERNAL_INFORMATION_COMPLETE =
      new ProcessVariable<>("internalInformationComplete", Boolean.class);
  public static final ProcessVariable<Boolean> OVERRIDE_GRANTED = new ProcessVariable<>("overrideGranted", Boolean.class);
  /** The list of what is missing, shown to the head who decides on the override. */
  public static final ProcessVariable<Object> MISSING_ITEMS = new ProcessVariable<>("missingItems", Object.class);
  public static final ProcessVariable<String> OVERRIDE_DECISION = new ProcessVariable<>("overrideDecision", String.class);
  public static final ProcessVariable<String> OVERRIDE_REASON = new ProcessVariable<>("overrideReason", String.class);

  // Phase II of a measure: the external bodies brought in, the decision how to go on, closing
  /** Bodies of the programme not yet involved in the measure, for the selection form. */
  public static final ProcessVariable<Object> EXTERNAL_BODY_OPTIONS = new ProcessVariable<>("externalBodyOptions", Object.class);
  /** What the Phase II forms show about the measure and its involvements. */
  public static final ProcessVariable<Object> PHASE_TWO_SUMMARY = new ProcessVariable<>("phaseTwoSummary", Object.class);
  public static final ProcessVariable<SpinJsonNode> SELECTED_BODIES = new ProcessVariable<>("selectedBodies", SpinJsonNode.class);
  public static final ProcessVariable<SpinJsonNode> NEW_BODIES = new ProcessVariable<>("newBodies", SpinJsonNode.class);
  public static final ProcessVariable<String> PHASE_TWO_DECISION = new ProcessVariable<>("phaseTwoDecision", String.class);
  public static final ProcessVariable<String> CLOSURE_REASON = new ProcessVariable<>("closureReason", String.class);
  public static final ProcessVariable<Boolean> MORE_BODIES = new ProcessVariable<>("moreBodies", Boolean.class);
  public static final ProcessVariable<Boolean> MEASURE_IMPLEMENTED = new ProcessVariable<>("measureImplemented", Boolean.class);
  public static final ProcessVariable<Boolean> MEASURE_NOT_IMPLEMENTABLE = new ProcessVariable<>("measureNotImplementable", Boolean.class);

  // an external body's involvement in a measure: the involvement, its name in task names, routing, form inputs
  public static final ProcessVariable<Long> INVOLVEMENT_ID = new ProcessVariable<>("involvementId", Long.class);
  /** "Koblenzer Wohnbau", shown in the involvement's task names. */
  public static final ProcessVariable<String> EXTERNAL_BODY_NAME = new ProcessVariable<>("externalBodyName", String.class);
  public static final ProcessVariable<Object> INVOLVEMENT_SUMMARY = new ProcessVariable<>("involvementSummary", Object.class);
  public static final ProcessVariable<Boolean> INVOLVEMENT_WITHDRAWN = new ProcessVariable<>("involvementWithdrawn", Boolean.class);
  public static final ProcessVariable<Boolean> INVOLVEMENT_FINISHED = new ProcessVariable<>("involvementFinished", Boolean.class);
  public static final ProcessVariable<String> INVOLVEMENT_OUTCOME = new ProcessVariable<>("involvementOutcome", String.class);
  public static final ProcessVariable<String> INVOLVEMENT_NOTE = new ProcessVariable<>("involvementNote", String.class);
  public static final ProcessVariable<String> AGREED_CONTRIBUTION = new ProcessVariable<>("agreedContribution", String.class);
  public static final ProcessVariable<String> CONTRIBUTION_TEXT = new ProcessVariable<>("contributionText", String.class);
  /** A checkbox: a Boolean from Tasklist, but clients may send it otherwise ({@link FormInput#checkbox}). */
  public static final ProcessVariable<Object> CONTRIBUTION_FINAL = new ProcessVariable<>("contributionFinal", Object.class);

  private ProcessVariables() {}
}
