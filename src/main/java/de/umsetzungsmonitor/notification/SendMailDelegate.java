package de.umsetzungsmonitor.notification;

import static de.umsetzungsmonitor.process.ProcessVariables.NOTIFICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_SendMail}: mails one outbox message. */
@Component
public class SendMailDelegate implements JavaDelegate {

  private final NotificationDispatch dispatch;

  public SendMailDelegate(NotificationDispatch dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void execute(DelegateExecution execution) {
    dispatch.sendMail(NOTIFICATION_ID.from(execution));
  }
}
