package de.umsetzungsmonitor.catalogue;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;

import de.umsetzungsmonitor.deliveries.DeliveryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Phase I of the measure ends with its monitoring agreed: every data agreement starts its deliveries. */
@Component
public class MarkMonitoringAgreedDelegate implements JavaDelegate {

  private final MeasureService measures;
  private final DeliveryService deliveries;

  public MarkMonitoringAgreedDelegate(MeasureService measures, DeliveryService deliveries) {
    this.measures = measures;
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    measures.markMonitoringAgreed(MEASURE_ID.from(execution));
    deliveries.startDeliveries(MEASURE_ID.from(execution));
  }
}
