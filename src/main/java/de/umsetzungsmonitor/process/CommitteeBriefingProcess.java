package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/CommitteeBriefingProcess.bpmn}. */
public final class CommitteeBriefingProcess {

  public static final String KEY = "CommitteeBriefingProcess";

  public static final String START_EVENT_BRIEFING_REQUESTED = "StartEvent_BriefingRequested";
  public static final String USER_TASK_PREPARE_REPORT = "UserTask_PrepareReport";
  public static final String USER_TASK_REVIEW_REPORT = "UserTask_ReviewReport";
  public static final String GATEWAY_REPORT_APPROVED = "Gateway_ReportApproved";
  public static final String SERVICE_TASK_STORE_APPROVED_REPORT = "ServiceTask_StoreApprovedReport";
  public static final String USER_TASK_RECORD_BRIEFING = "UserTask_RecordBriefing";
  public static final String GATEWAY_COMMITTEE_BRIEFED = "Gateway_CommitteeBriefed";
  public static final String END_EVENT_COMMITTEE_BRIEFED = "EndEvent_CommitteeBriefed";
  public static final String END_EVENT_BRIEFING_CANCELLED = "EndEvent_BriefingCancelled";

  /** The decisions of the form {@code reviewBriefingReport}. */
  public static final String DECISION_APPROVE = "approve";
  public static final String DECISION_SEND_BACK = "sendBack";

  /** The outcomes of the form {@code recordBriefing}. */
  public static final String OUTCOME_HELD = "held";
  public static final String OUTCOME_CANCELLED = "cancelled";

  private CommitteeBriefingProcess() {}
}
