package de.umsetzungsmonitor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/** Every office has a Camunda group, the candidate group of its tasks. */
@Service
public class OfficeGroups {

  private final IdentityService identity;
  private final Permissions permissions;

  public OfficeGroups(IdentityService identity, Permissions permissions) {
    this.identity = identity;
    this.permissions = permissions;
  }

  /** Creates the office's group if it is missing, and lets its members work in Tasklist. */
  public void ensure(String groupId, String name) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(Groups.OFFICE_GROUP_TYPE);
      identity.saveGroup(group);
    }
    permissions.grantOfficeStaff(groupId);
  }
}
