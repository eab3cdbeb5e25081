package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/DataAgreementProcess.bpmn}. */
public final class DataAgreementProcess {

  public static final String KEY = "DataAgreementProcess";

  public static final String START_EVENT_MONITORING_AGREED = "StartEvent_MonitoringAgreed";
  public static final String SERVICE_TASK_OPEN_PERIOD = "ServiceTask_OpenPeriod";
  public static final String CALL_ACTIVITY_DELIVERY = "CallActivity_Delivery";
  public static final String TIMER_NEXT_PERIOD = "Timer_NextPeriod";
  public static final String GATEWAY_AGREEMENT_ACTIVE = "Gateway_AgreementActive";
  public static final String END_EVENT_PERIOD_DONE = "EndEvent_PeriodDone";
  public static final String END_EVENT_AGREEMENT_ENDED = "EndEvent_AgreementEnded";

  private DataAgreementProcess() {}
}
