package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/MeasurePhaseOneProcess.bpmn}. */
public final class MeasurePhaseOneProcess {

  public static final String KEY = "MeasurePhaseOneProcess";

  public static final String START_EVENT_MEASURE_ADOPTED = "StartEvent_MeasureAdopted";
  public static final String USER_TASK_SCHEDULE_TALK = "UserTask_ScheduleTalk";
  public static final String GATEWAY_TALK_RESULTS_DUE = "Gateway_TalkResultsDue";
  public static final String USER_TASK_RECORD_TALK_RESULTS = "UserTask_RecordTalkResults";
  public static final String GATEWAY_TALK_MOVED = "Gateway_TalkMoved";
  public static final String CALL_ACTIVITY_PROTOCOL_SIGN_OFF = "CallActivity_ProtocolSignOff";
  public static final String USER_TASK_CONCRETISE_INDICATORS = "UserTask_ConcretiseIndicators";
  public static final String SERVICE_TASK_MARK_MONITORING_AGREED = "ServiceTask_MarkMonitoringAgreed";
  public static final String END_EVENT_MONITORING_AGREED = "EndEvent_MonitoringAgreed";

  /** The choices of {@code talkOutcome} in the form {@code recordTalkResults}. */
  public static final String TALK_HELD = "held";
  public static final String TALK_TO_BE_MOVED = "moved";

  private MeasurePhaseOneProcess() {}
}
