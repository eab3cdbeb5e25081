package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_FORM;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_RETURN_REASON;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Gives the delivery form its fields (as JSON text for the embedded form) and a return reason. */
@Component
public class DeliverDataFormListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final DeliveryService deliveries;

  public DeliverDataFormListener(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> form = deliveries.deliveryForm(DELIVERY_ID.from(task));
    try {
      DELIVERY_FORM.setLocal(task, JSON.writeValueAsString(form));
    } catch (IOException e) {
      throw new IllegalStateException("Delivery form not writable", e);
    }
    DELIVERY_RETURN_REASON.setLocal(task, form.get("returnReason"));
  }
}
