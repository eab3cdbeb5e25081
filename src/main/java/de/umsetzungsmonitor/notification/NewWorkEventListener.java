package de.umsetzungsmonitor.notification;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;

import de.umsetzungsmonitor.notification.NewWorkNotices.NewTask;
import de.umsetzungsmonitor.security.Directory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives the engine's task events through the Camunda Spring Boot starter's eventing bridge
 * ({@code camunda.bpm.eventing.task}, on by default): the starter adds a listener to every user
 * task of every model that publishes each event as a Spring event, synchronously, inside the
 * engine's command and transaction, after the model's own task listeners (so a create listener's
 * candidates are in place). Tasks created outside a model ({@code TaskService.newTask}) raise no
 * event; instance modifications that skip custom listeners skip these as well.
 */
@Component
public class NewWorkEventListener {

  private final NewWorkNotices notices;
  private final Directory directory;

  public NewWorkEventListener(NewWorkNotices notices, Directory directory) {
    this.notices = notices;
    this.directory = directory;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> notices.taskCreated(newTask(task));
      case TaskListener.EVENTNAME_ASSIGNMENT -> notices.taskAssigned(newTask(task));
      default -> {
        // completion, update, deletion and timeouts bring no new work
      }
    }
  }

  private NewTask newTask(DelegateTask task) {
    List<String> candidateUsers = new ArrayList<>();
    List<String> candidateGroups = new ArrayList<>();
    for (IdentityLink candidate : task.getCandidates()) {
      if (candidate.getUserId() != null) {
        candidateUsers.add(candidate.getUserId());
      }
      if (candidate.getGroupId() != null) {
        candidateGroups.add(candidate.getGroupId());
      }
    }
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Object measureVariable = task.getExecution() == null ? null : task.getVariable(MEASURE_ID.name());
    Long measureId = measureVariable instanceof Number number ? number.longValue() : null;
    return new NewTask(task.getId(), task.getName(), task.getDescription(), businessKey, measureId,
        candidateUsers, candidateGroups, task.getAssignee(), directory.currentUserId().orElse(null));
  }
}
