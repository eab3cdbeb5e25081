package de.umsetzungsmonitor.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Start listener of every process: the coordinating unit and the managers of the measure's
 * programme may read the new instance, at runtime and in history. Written by the application, not
 * by the clerk whose action started the instance (who may not grant anything).
 */
@Component
public class GrantProgrammeReadersListener implements ExecutionListener {

  private final ProgrammeReaders readers;
  private final AuthorizationService authorizations;

  public GrantProgrammeReadersListener(ProgrammeReaders readers, AuthorizationService authorizations) {
    this.readers = readers;
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String instanceId = execution.getProcessInstanceId();
    for (String group : readers.of(execution.getProcessBusinessKey()).all()) {
      Context.getCommandContext().runWithoutAuthorization(() -> {
        grant(group, Resources.PROCESS_INSTANCE, instanceId, Permissions.READ);
        grant(group, Resources.HISTORIC_PROCESS_INSTANCE, instanceId, HistoricProcessInstancePermissions.READ);
        return null;
      });
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }
}
