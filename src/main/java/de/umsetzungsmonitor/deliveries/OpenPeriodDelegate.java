package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.AGREEMENT_ACTIVE;
import static de.umsetzungsmonitor.process.ProcessVariables.DATA_AGREEMENT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.NEXT_PERIOD_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.PERIOD_INDEX;

import de.umsetzungsmonitor.deliveries.DeliveryService.OpenedPeriod;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens an agreement's next reporting period and says when the one after it opens. */
@Component
public class OpenPeriodDelegate implements JavaDelegate {
  private final DeliveryService deliveries;

  public OpenPeriodDelegate(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpenedPeriod opened = deliveries.openNextPeriod(DATA_AGREEMENT_ID.from(execution), PERIOD_INDEX.fromOptional(execution));
    DELIVERY_ID.set(execution, opened.deliveryId());
    PERIOD_INDEX.set(execution, opened.index());
    NEXT_PERIOD_AT.set(execution, opened.nextPeriodAt());
    AGREEMENT_ACTIVE.set(execution, opened.agreementActive());
  }
}
