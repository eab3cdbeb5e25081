package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/ProtocolSignOffProcess.bpmn}. */
public final class ProtocolSignOffProcess {

  public static final String KEY = "ProtocolSignOffProcess";

  public static final String START_EVENT_PROTOCOL_ISSUED = "StartEvent_ProtocolIssued";
  public static final String SERVICE_TASK_DETERMINE_SIGNATORIES = "ServiceTask_DetermineSignatories";
  public static final String USER_TASK_SIGN_PROTOCOL = "UserTask_SignProtocol";
  public static final String BOUNDARY_EVENT_SIGNATURE_REMINDER_DUE = "BoundaryEvent_SignatureReminderDue";
  public static final String SERVICE_TASK_SEND_SIGNATURE_REMINDER = "ServiceTask_SendSignatureReminder";
  public static final String GATEWAY_ESCALATION_DUE = "Gateway_EscalationDue";
  public static final String END_EVENT_REMINDER_RECORDED = "EndEvent_ReminderRecorded";
  public static final String USER_TASK_FOLLOW_UP_UNSIGNED_PROTOCOL = "UserTask_FollowUpUnsignedProtocol";
  public static final String END_EVENT_FOLLOW_UP_RECORDED = "EndEvent_FollowUpRecorded";
  public static final String GATEWAY_CHANGE_REQUESTED = "Gateway_ChangeRequested";
  public static final String USER_TASK_REVISE_PROTOCOL = "UserTask_ReviseProtocol";
  public static final String END_EVENT_PROTOCOL_SIGNED = "EndEvent_ProtocolSigned";

  /** The decisions a signatory can take in the form {@code signProtocol}. */
  public static final String DECISION_SIGN = "sign";
  public static final String DECISION_REQUEST_CHANGE = "requestChange";

  private ProtocolSignOffProcess() {}
}
