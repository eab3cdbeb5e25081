package de.umsetzungsmonitor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** At every start: shared filters, what everyone may read, and the managers' read access. */
@Component
class SecuritySetup {

  private final TasklistFilters filters;
  private final Permissions permissions;
  private final IdentityService identity;

  SecuritySetup(TasklistFilters filters, Permissions permissions, IdentityService identity) {
    this.filters = filters;
    this.permissions = permissions;
    this.identity = identity;
  }

  @EventListener(PostDeployEvent.class)
  @Order(1)
  @Transactional
  public void setUp() {
    filters.ensureAll();
    permissions.grantEveryone();
    if (identity.createGroupQuery().groupId(Groups.MANAGERS).count() > 0) {
      permissions.grantWatchers(Groups.MANAGERS);
    }
  }
}
