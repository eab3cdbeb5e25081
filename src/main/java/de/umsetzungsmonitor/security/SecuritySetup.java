package de.umsetzungsmonitor.security;

import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
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
  private final ProgrammeRepository programmes;

  SecuritySetup(TasklistFilters filters, Permissions permissions, IdentityService identity, ProgrammeRepository programmes) {
    this.filters = filters;
    this.permissions = permissions;
    this.identity = identity;
    this.programmes = programmes;
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
    // the readers of programmes imported before a process was added see its definition too
    for (Programme programme : programmes.findAll()) {
      permissions.grantWatchers(programme.coordinationGroup());
      programme.getManagerGroups().forEach(permissions::grantWatchers);
    }
  }
}
