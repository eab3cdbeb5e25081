package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/PhaseTwoGateProcess.bpmn}. */
public final class PhaseTwoGateProcess {

  public static final String KEY = "PhaseTwoGateProcess";

  public static final String START_EVENT_COMPLETENESS_DECLARED = "StartEvent_CompletenessDeclared";
  public static final String SERVICE_TASK_CHECK_INTERNAL_INFORMATION = "ServiceTask_CheckInternalInformation";
  public static final String GATEWAY_INFORMATION_COMPLETE = "Gateway_InformationComplete";
  public static final String USER_TASK_DECIDE_OVERRIDE = "UserTask_DecideOverride";
  public static final String GATEWAY_OVERRIDE_GRANTED = "Gateway_OverrideGranted";
  public static final String SERVICE_TASK_OPEN_PHASE_TWO = "ServiceTask_OpenPhaseTwo";
  public static final String END_EVENT_PHASE_TWO_OPENED = "EndEvent_PhaseTwoOpened";
  public static final String END_EVENT_DECLARATION_REFUSED = "EndEvent_DeclarationRefused";

  /** The decisions of the form {@code decidePhaseTwoOverride}. */
  public static final String DECISION_OVERRIDE = "override";
  public static final String DECISION_REFUSE = "refuse";

  private PhaseTwoGateProcess() {}
}
