package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.EXTERNAL_BODY_OPTIONS;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PHASE_TWO_SUMMARY;

import de.umsetzungsmonitor.process.FormData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** Gives the measure's Phase II forms the measure, who is involved, and the bodies still to choose from. */
@Component
public class PhaseTwoFormListener implements TaskListener {

  private final PhaseTwoService phaseTwo;

  public PhaseTwoFormListener(PhaseTwoService phaseTwo) {
    this.phaseTwo = phaseTwo;
  }

  @Override
  public void notify(DelegateTask task) {
    Long measureId = MEASURE_ID.from(task);
    PHASE_TWO_SUMMARY.setLocal(task, SpinValues.jsonValue(Spin.JSON(phaseTwo.summary(measureId))).create());
    EXTERNAL_BODY_OPTIONS.setLocal(task, FormData.options(phaseTwo.bodyOptions(measureId)));
  }
}
