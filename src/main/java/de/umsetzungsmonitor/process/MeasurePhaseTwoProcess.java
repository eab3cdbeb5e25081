package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/MeasurePhaseTwoProcess.bpmn}. */
public final class MeasurePhaseTwoProcess {

  public static final String KEY = "MeasurePhaseTwoProcess";

  public static final String START_EVENT_PHASE_TWO_STARTED = "StartEvent_PhaseTwoStarted";
  public static final String USER_TASK_SELECT_EXTERNAL_BODIES = "UserTask_SelectExternalBodies";
  public static final String USER_TASK_ACCOMPANY_IMPLEMENTATION = "UserTask_AccompanyImplementation";
  public static final String GATEWAY_HOW_TO_PROCEED = "Gateway_HowToProceed";
  public static final String END_EVENT_MEASURE_IMPLEMENTED = "EndEvent_MeasureImplemented";
  public static final String END_EVENT_MEASURE_NOT_IMPLEMENTABLE = "EndEvent_MeasureNotImplementable";

  /** The decisions of the form {@code accompanyImplementation}. */
  public static final String DECISION_MORE_BODIES = "moreBodies";
  public static final String DECISION_IMPLEMENTED = "implemented";
  public static final String DECISION_NOT_IMPLEMENTABLE = "notImplementable";

  private MeasurePhaseTwoProcess() {}
}
