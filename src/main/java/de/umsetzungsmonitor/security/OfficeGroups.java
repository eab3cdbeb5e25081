package de.umsetzungsmonitor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Every office has a Camunda group, the candidate group of its tasks. */
@Service
public class OfficeGroups {

  private static final Logger log = LoggerFactory.getLogger(OfficeGroups.class);

  private final IdentityService identity;
  private final Permissions permissions;

  public OfficeGroups(IdentityService identity, Permissions permissions) {
    this.identity = identity;
    this.permissions = permissions;
  }

  /**
   * Creates the office's group if it is missing, and lets its members work in Tasklist. With
   * directory login (LDAP) groups cannot be created: the directory must have the group.
   */
  public void ensure(String groupId, String name) {
    if (identity.isReadOnly()) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        log.warn("Office {}: the directory has no group with this id; its staff see none of its tasks", groupId);
      }
    } else if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType(Groups.OFFICE_GROUP_TYPE);
      identity.saveGroup(group);
    }
    permissions.grantOfficeStaff(groupId);
  }
}
