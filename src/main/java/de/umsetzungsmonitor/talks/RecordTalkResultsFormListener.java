package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_OPTIONS;

import de.umsetzungsmonitor.catalogue.MeasureService;
import de.umsetzungsmonitor.process.FormData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Offers the programme's offices for task areas and data agreements. */
@Component
public class RecordTalkResultsFormListener implements TaskListener {

  private final MeasureService measures;

  public RecordTalkResultsFormListener(MeasureService measures) {
    this.measures = measures;
  }

  @Override
  public void notify(DelegateTask task) {
    OFFICE_OPTIONS.setLocal(task, FormData.options(measures.officeOptions(MEASURE_ID.from(task))));
  }
}
