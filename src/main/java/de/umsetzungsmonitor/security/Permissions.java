package de.umsetzungsmonitor.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import de.umsetzungsmonitor.process.CommitteeBriefingProcess;
import de.umsetzungsmonitor.process.ExternalInvolvementProcess;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.process.MeasurePhaseTwoProcess;
import de.umsetzungsmonitor.process.PhaseTwoGateProcess;
import de.umsetzungsmonitor.process.ProtocolSignOffProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Grants (never revokes) through Camunda's authorization service. Candidate groups of a task get
 * their task permissions from the engine itself; what is granted here is access to the webapps,
 * the shared Tasklist filters and reading the directory.
 */
@Service
public class Permissions {

  static final List<String> PROCESS_KEYS = List.of(MeasurePhaseOneProcess.KEY, ProtocolSignOffProcess.KEY,
      CommitteeBriefingProcess.KEY, PhaseTwoGateProcess.KEY, MeasurePhaseTwoProcess.KEY, ExternalInvolvementProcess.KEY);

  private final AuthorizationService authorizations;

  public Permissions(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /** Everyone who logs in may read users and groups (names in Tasklist and forms) and the shared filters. */
  public void grantEveryone() {
    grantGlobal(Resources.USER, ANY, org.camunda.bpm.engine.authorization.Permissions.READ);
    grantGlobal(Resources.GROUP, ANY, org.camunda.bpm.engine.authorization.Permissions.READ);
    grantGlobal(Resources.FILTER, ANY, org.camunda.bpm.engine.authorization.Permissions.READ);
  }

  /** Office staff work in Tasklist on their group's tasks. */
  public void grantOfficeStaff(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", org.camunda.bpm.engine.authorization.Permissions.ACCESS);
  }

  /**
   * Managers and coordinating units use Cockpit and see the process definitions; which instances
   * and tasks they read is granted per instance and task for their programme
   * ({@link ProgrammeAuthorizationProvider}).
   */
  public void grantWatchers(String groupId) {
    grant(groupId, Resources.APPLICATION, "cockpit", org.camunda.bpm.engine.authorization.Permissions.ACCESS);
    grant(groupId, Resources.APPLICATION, "tasklist", org.camunda.bpm.engine.authorization.Permissions.ACCESS);
    for (String key : PROCESS_KEYS) {
      grant(groupId, Resources.PROCESS_DEFINITION, key, org.camunda.bpm.engine.authorization.Permissions.READ);
    }
    grant(groupId, Resources.DEPLOYMENT, ANY, org.camunda.bpm.engine.authorization.Permissions.READ);
    grant(groupId, Resources.DECISION_DEFINITION, ANY, org.camunda.bpm.engine.authorization.Permissions.READ);
  }

  private void grantGlobal(Resource resource, String resourceId, Permission permission) {
    boolean exists = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId)
        .hasPermission(permission).count() > 0;
    if (!exists) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
      authorization.setUserId(ANY);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizations.saveAuthorization(authorization);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
