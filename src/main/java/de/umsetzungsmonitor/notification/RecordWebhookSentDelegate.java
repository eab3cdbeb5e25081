package de.umsetzungsmonitor.notification;

import static de.umsetzungsmonitor.process.ProcessVariables.NOTIFICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordWebhookSent}: notes in the outbox that the webhook took the message. */
@Component
public class RecordWebhookSentDelegate implements JavaDelegate {

  private final NotificationDispatch dispatch;

  public RecordWebhookSentDelegate(NotificationDispatch dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dispatch.webhookSent(NOTIFICATION_ID.from(execution));
  }
}
