package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/ExternalInvolvementProcess.bpmn}. */
public final class ExternalInvolvementProcess {

  public static final String KEY = "ExternalInvolvementProcess";

  public static final String START_EVENT_BODY_INVOLVED = "StartEvent_BodyInvolved";
  public static final String USER_TASK_MAKE_CONTACT = "UserTask_MakeContact";
  public static final String GATEWAY_CONTACT_MADE = "Gateway_ContactMade";
  public static final String USER_TASK_AGREE_CONTRIBUTION = "UserTask_AgreeContribution";
  public static final String GATEWAY_CONTRIBUTION_AGREED = "Gateway_ContributionAgreed";
  public static final String SERVICE_TASK_SEND_CONTRIBUTION_LINK = "ServiceTask_SendContributionLink";
  public static final String USER_TASK_RECORD_CONTRIBUTION = "UserTask_RecordContribution";
  public static final String BOUNDARY_EVENT_CONTRIBUTION_RECEIVED = "BoundaryEvent_ContributionReceived";
  public static final String GATEWAY_INVOLVEMENT_GOES_ON = "Gateway_InvolvementGoesOn";
  public static final String END_EVENT_INVOLVEMENT_FINISHED = "EndEvent_InvolvementFinished";
  public static final String END_EVENT_INVOLVEMENT_WITHDRAWN = "EndEvent_InvolvementWithdrawn";
  public static final String START_EVENT_MEASURE_CLOSED = "StartEvent_MeasureClosed";
  public static final String END_EVENT_ENDED_WITH_MEASURE = "EndEvent_EndedWithMeasure";

  /** A contribution arrived through the body's link. */
  public static final String MESSAGE_CONTRIBUTION_RECEIVED = "Msg_ContributionReceived";
  /** The measure was closed: an involvement still running ends with it. */
  public static final String MESSAGE_MEASURE_CLOSED = "Msg_MeasureClosed";

  /** The outcomes of the involvement forms. */
  public static final String OUTCOME_CONTACTED = "contacted";
  public static final String OUTCOME_AGREED = "agreed";
  public static final String OUTCOME_CONTRIBUTION = "contribution";
  public static final String OUTCOME_WITHDRAWN = "withdrawn";

  private ExternalInvolvementProcess() {}
}
