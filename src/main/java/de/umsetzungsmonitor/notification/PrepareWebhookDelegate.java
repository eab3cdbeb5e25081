package de.umsetzungsmonitor.notification;

import static de.umsetzungsmonitor.process.ProcessVariables.NOTIFICATION_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.WEBHOOK_DUE;
import static de.umsetzungsmonitor.process.ProcessVariables.WEBHOOK_PAYLOAD;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_PrepareWebhook}: whether the webhook is due, and the JSON it posts. */
@Component
public class PrepareWebhookDelegate implements JavaDelegate {

  private final NotificationDispatch dispatch;

  public PrepareWebhookDelegate(NotificationDispatch dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> payload = dispatch.webhookPayload(NOTIFICATION_ID.from(execution));
    WEBHOOK_DUE.set(execution, payload.isPresent());
    payload.ifPresent(json -> WEBHOOK_PAYLOAD.set(execution, json));
  }
}
