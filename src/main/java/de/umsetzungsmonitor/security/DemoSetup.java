package de.umsetzungsmonitor.security;

import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** Demo profile: creates the demo users and groups, then imports the demo programmes. Idempotent. */
@Component
@Profile("demo")
class DemoSetup {

  private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

  private final DemoProperties demo;
  private final IdentityService identity;
  private final OfficeGroups officeGroups;
  private final ProgrammeImportService imports;
  private final ResourceLoader resources;

  DemoSetup(DemoProperties demo, IdentityService identity, OfficeGroups officeGroups,
      ProgrammeImportService imports, ResourceLoader resources) {
    this.demo = demo;
    this.identity = identity;
    this.officeGroups = officeGroups;
    this.imports = imports;
    this.resources = resources;
  }

  @EventListener(PostDeployEvent.class)
  @Order(2)
  public void setUp() throws IOException {
    for (DemoProperties.GroupEntry entry : demo.groups()) {
      officeGroups.ensure(entry.id(), entry.name());
    }
    if (identity.isReadOnly()) {
      log.info("Demo users are not created: users and memberships come from the directory (LDAP)");
    } else {
      createUsers();
    }
    if (identity.createGroupQuery().groupId(Groups.MANAGERS).count() > 0) {
      // the managers group may be new this start: give it its read access now
      officeGroups.ensure(Groups.MANAGERS, nameOf(Groups.MANAGERS));
    }
    for (String location : demo.programmes()) {
      try (InputStream in = resources.getResource("classpath:" + location).getInputStream()) {
        ImportResult result = imports.importProgramme(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        log.info("Demo programme {}: {} measures created, {} Phase I processes started{}", result.programme(),
            result.measuresCreated(), result.processesStarted(), result.changed() ? "" : " (unchanged)");
      }
    }
  }

  private void createUsers() {
    for (DemoProperties.UserEntry entry : demo.users()) {
      if (identity.createUserQuery().userId(entry.id()).count() == 0) {
        User user = identity.newUser(entry.id());
        user.setFirstName(entry.firstName());
        user.setLastName(entry.lastName());
        user.setEmail(entry.email());
        user.setPassword(demo.password());
        identity.saveUser(user);
      }
      for (String groupId : entry.groups()) {
        if (identity.createUserQuery().userId(entry.id()).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(entry.id(), groupId);
        }
      }
    }
  }

  private String nameOf(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group.getName();
  }
}
