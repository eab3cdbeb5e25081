package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.FormInput.items;
import static de.umsetzungsmonitor.process.FormInput.prop;
import static de.umsetzungsmonitor.process.FormInput.strings;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.NEW_BODIES;
import static de.umsetzungsmonitor.process.ProcessVariables.SELECTED_BODIES;

import de.umsetzungsmonitor.external.PhaseTwoService.NewBody;
import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Brings the chosen and newly entered bodies into the measure. */
@Component
public class SelectExternalBodiesListener implements TaskListener {

  private final PhaseTwoService phaseTwo;
  private final Directory directory;

  public SelectExternalBodiesListener(PhaseTwoService phaseTwo, Directory directory) {
    this.phaseTwo = phaseTwo;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    phaseTwo.involve(MEASURE_ID.from(task), strings(SELECTED_BODIES.fromOptional(task)),
        items(NEW_BODIES.fromOptional(task)).stream()
            .map(item -> new NewBody(prop(item, "name"), prop(item, "organisation"), prop(item, "email"), prop(item, "kind")))
            .toList(),
        directory.currentUserId().orElse(null));
    SELECTED_BODIES.remove(task);
    NEW_BODIES.remove(task);
  }
}
