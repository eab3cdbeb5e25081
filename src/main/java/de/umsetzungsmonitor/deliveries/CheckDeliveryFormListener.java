package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_FILE_URL;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the checker the delivered values, comment and a link to the file. */
@Component
public class CheckDeliveryFormListener implements TaskListener {
  private final DeliveryService deliveries;

  public CheckDeliveryFormListener(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void notify(DelegateTask task) {
    Long deliveryId = DELIVERY_ID.from(task);
    DELIVERY_SUMMARY.setLocal(task, deliveries.summary(deliveryId));
    DELIVERY_FILE_URL.setLocal(task, deliveries.fileUrl(deliveryId));
  }
}
