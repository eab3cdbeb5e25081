package de.umsetzungsmonitor.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.Task;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

/**
 * Camunda's hook for the authorizations of new tasks: besides the engine's defaults, the managers
 * of the measure's programme may read each task of it. (Process instances are granted by
 * {@link GrantProgrammeReadersListener}: when the engine asks this provider about a new instance,
 * its business key is not set yet.) Offices read only the tasks they are candidates for, so nobody
 * sees another programme's or office's measures.
 */
class ProgrammeAuthorizationProvider extends DefaultAuthorizationProvider {

  private final ProgrammeReaders readers;

  ProgrammeAuthorizationProvider(ProgrammeReaders readers) {
    this.readers = readers;
  }

  @Override
  public AuthorizationEntity[] newTask(Task task) {
    List<AuthorizationEntity> authorizations = new ArrayList<>(asList(super.newTask(task)));
    if (task.getProcessInstanceId() != null) {
      ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(task.getProcessInstanceId());
      String businessKey = instance == null ? null : instance.getBusinessKey();
      // the coordinating unit's rights on its tasks come from the candidate group link; a second
      // grant row for the same group and task would take their place, so tasks go to managers only
      for (String group : readers.of(businessKey).managerGroups()) {
        authorizations.add(read(group, Resources.TASK, task.getId(), Permissions.READ));
        authorizations.add(read(group, Resources.HISTORIC_TASK, task.getId(), HistoricTaskPermissions.READ));
      }
    }
    return authorizations.toArray(AuthorizationEntity[]::new);
  }

  private static AuthorizationEntity read(String groupId, Resource resource, String resourceId, Permission permission) {
    AuthorizationEntity authorization = new AuthorizationEntity(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    return authorization;
  }

  private static List<AuthorizationEntity> asList(AuthorizationEntity[] entities) {
    return entities == null ? List.of() : Arrays.asList(entities);
  }
}
