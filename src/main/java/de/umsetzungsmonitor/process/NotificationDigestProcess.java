package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/NotificationDigestProcess.bpmn}. */
public final class NotificationDigestProcess {

  public static final String KEY = "NotificationDigestProcess";

  public static final String START_EVENT_DIGEST_DUE = "StartEvent_DigestDue";
  public static final String SERVICE_TASK_COMPILE_DIGESTS = "ServiceTask_CompileDigests";
  public static final String END_EVENT_DIGESTS_QUEUED = "EndEvent_DigestsQueued";

  private NotificationDigestProcess() {}
}
