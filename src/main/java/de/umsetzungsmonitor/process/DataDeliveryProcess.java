package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/DataDeliveryProcess.bpmn}. */
public final class DataDeliveryProcess {

  public static final String KEY = "DataDeliveryProcess";

  public static final String START_EVENT_PERIOD_OPENED = "StartEvent_PeriodOpened";
  public static final String SERVICE_TASK_PREPARE_DELIVERY = "ServiceTask_PrepareDelivery";
  public static final String SUB_PROCESS_OBTAIN_DATA = "SubProcess_ObtainData";
  public static final String GATEWAY_DELIVERY_CHANNEL = "Gateway_DeliveryChannel";
  public static final String SERVICE_TASK_FETCH_FROM_SOURCE = "ServiceTask_FetchFromSource";
  public static final String SERVICE_TASK_TAKE_OVER_FETCHED_DATA = "ServiceTask_TakeOverFetchedData";
  public static final String BOUNDARY_EVENT_SOURCE_FAILED = "BoundaryEvent_SourceFailed";
  public static final String SERVICE_TASK_REPORT_SOURCE_FAILURE = "ServiceTask_ReportSourceFailure";
  public static final String USER_TASK_DELIVER_DATA = "UserTask_DeliverData";
  public static final String BOUNDARY_EVENT_REMINDER_BEFORE_DUE = "BoundaryEvent_ReminderBeforeDue";
  public static final String SERVICE_TASK_REMIND_BEFORE_DUE = "ServiceTask_RemindBeforeDue";
  public static final String BOUNDARY_EVENT_DUE_DATE_REACHED = "BoundaryEvent_DueDateReached";
  public static final String SERVICE_TASK_REMIND_ON_DUE_DATE = "ServiceTask_RemindOnDueDate";
  public static final String BOUNDARY_EVENT_OVERDUE = "BoundaryEvent_Overdue";
  public static final String SERVICE_TASK_SEND_OVERDUE_REMINDER = "ServiceTask_SendOverdueReminder";
  public static final String GATEWAY_ESCALATION_DUE = "Gateway_DeliveryEscalationDue";
  public static final String USER_TASK_FOLLOW_UP_OVERDUE_DELIVERY = "UserTask_FollowUpOverdueDelivery";
  public static final String BOUNDARY_EVENT_PERIOD_LOCKED = "BoundaryEvent_PeriodLocked";
  public static final String SERVICE_TASK_LOCK_PERIOD = "ServiceTask_LockPeriod";
  public static final String USER_TASK_DECIDE_LOCKED_PERIOD = "UserTask_DecideLockedPeriod";
  public static final String GATEWAY_PERIOD_REOPENED = "Gateway_PeriodReopened";
  public static final String END_EVENT_PERIOD_MISSED = "EndEvent_PeriodMissed";
  public static final String USER_TASK_CHECK_DELIVERY = "UserTask_CheckDelivery";
  public static final String GATEWAY_DELIVERY_ACCEPTED = "Gateway_DeliveryAccepted";
  public static final String END_EVENT_DELIVERY_ACCEPTED = "EndEvent_DeliveryAccepted";

  /** The BPMN error a source's unusable answer raises. */
  public static final String ERROR_SOURCE_FAILED = "SOURCE_FAILED";

  /** Decisions in the forms {@code checkDelivery} and {@code decideLockedPeriod}. */
  public static final String DECISION_ACCEPT = "accept";
  public static final String DECISION_RETURN = "return";
  public static final String DECISION_REOPEN = "reopen";
  public static final String DECISION_CLOSE = "close";

  private DataDeliveryProcess() {}
}
