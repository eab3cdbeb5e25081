package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.CLOSURE_REASON;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_IMPLEMENTED;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_NOT_IMPLEMENTABLE;
import static de.umsetzungsmonitor.process.ProcessVariables.MORE_BODIES;
import static de.umsetzungsmonitor.process.ProcessVariables.PHASE_TWO_DECISION;

import de.umsetzungsmonitor.external.PhaseTwoService.Decision;
import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Hands the coordinating unit's decision to the service (which closes the measure) and routes on it. */
@Component
public class AccompanyImplementationListener implements TaskListener {

  private final PhaseTwoService phaseTwo;
  private final Directory directory;

  public AccompanyImplementationListener(PhaseTwoService phaseTwo, Directory directory) {
    this.phaseTwo = phaseTwo;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Decision decision = phaseTwo.proceed(MEASURE_ID.from(task), PHASE_TWO_DECISION.fromOptional(task),
        CLOSURE_REASON.fromOptional(task), directory.currentUserId().orElse(null));
    MORE_BODIES.set(task, decision == Decision.MORE_BODIES);
    MEASURE_IMPLEMENTED.set(task, decision == Decision.IMPLEMENTED);
    MEASURE_NOT_IMPLEMENTABLE.set(task, decision == Decision.NOT_IMPLEMENTABLE);
    PHASE_TWO_DECISION.remove(task);
    CLOSURE_REASON.remove(task);
  }
}
