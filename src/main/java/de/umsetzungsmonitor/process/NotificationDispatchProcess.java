package de.umsetzungsmonitor.process;

/** Key and element ids of {@code processes/NotificationDispatchProcess.bpmn}. */
public final class NotificationDispatchProcess {

  public static final String KEY = "NotificationDispatchProcess";

  public static final String START_EVENT_NOTIFICATION_QUEUED = "StartEvent_NotificationQueued";
  public static final String SERVICE_TASK_SEND_MAIL = "ServiceTask_SendMail";
  public static final String SERVICE_TASK_PREPARE_WEBHOOK = "ServiceTask_PrepareWebhook";
  public static final String GATEWAY_WEBHOOK_DUE = "Gateway_WebhookDue";
  public static final String SERVICE_TASK_SEND_WEBHOOK = "ServiceTask_SendWebhook";
  public static final String SERVICE_TASK_RECORD_WEBHOOK_SENT = "ServiceTask_RecordWebhookSent";
  public static final String END_EVENT_NOTIFICATION_DELIVERED = "EndEvent_NotificationDelivered";

  private NotificationDispatchProcess() {}
}
