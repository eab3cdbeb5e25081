package de.umsetzungsmonitor.support;

import de.umsetzungsmonitor.security.DemoProperties;
import de.umsetzungsmonitor.security.Groups;
import de.umsetzungsmonitor.security.OfficeGroups;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The people of the demo (users, their offices' groups, an administrator), created the way the demo
 * profile creates them, from the same list in {@code application-demo.yaml}, so the tests and the
 * demo never disagree about who belongs where. Idempotent.
 */
public final class TestIdentities {

  public static final String ADMIN = "admin";

  /** Every user in {@code application-demo.yaml}, with its groups. */
  public static final DemoProperties DEMO = readDemoProperties();

  private TestIdentities() {}

  public static String password() {
    return DEMO.password();
  }

  /**
   * Creates what is missing: groups (with their Tasklist permission), users, memberships, and an
   * administrator whose group holds every permission, as Camunda's first-admin set-up (Admin webapp
   * or {@code camunda.bpm.admin-user}) grants it. Membership in {@code camunda-admin} alone does not
   * pass the engine's authorization checks.
   */
  public static void ensure(IdentityService identity, AuthorizationService authorizations, OfficeGroups officeGroups) {
    for (DemoProperties.GroupEntry group : DEMO.groups()) {
      officeGroups.ensure(group.id(), group.name());
    }
    if (identity.createGroupQuery().groupId(Groups.ADMINISTRATORS).count() == 0) {
      Group admins = identity.newGroup(Groups.ADMINISTRATORS);
      admins.setName("Administration");
      admins.setType("SYSTEM");
      identity.saveGroup(admins);
    }
    for (Resource resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(Groups.ADMINISTRATORS).resourceType(resource)
          .resourceId(Authorization.ANY).count() == 0) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Groups.ADMINISTRATORS);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
    user(identity, ADMIN, "Demo", "Administration", null, List.of(Groups.ADMINISTRATORS));
    for (DemoProperties.UserEntry entry : DEMO.users()) {
      user(identity, entry.id(), entry.firstName(), entry.lastName(), entry.email(), entry.groups());
    }
  }

  /** The groups of a demo user, as Tasklist would put them into the user's authentication. */
  public static List<String> groupsOf(String userId) {
    if (ADMIN.equals(userId)) {
      return List.of(Groups.ADMINISTRATORS);
    }
    return DEMO.users().stream().filter(u -> u.id().equals(userId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo user " + userId)).groups();
  }

  private static void user(IdentityService identity, String id, String firstName, String lastName, String email,
      List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(DEMO.password());
      identity.saveUser(user);
    }
    for (String groupId : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(id, groupId);
      }
    }
  }

  private static DemoProperties readDemoProperties() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-demo.yaml"));
    Properties properties = yaml.getObject();
    return new Binder(new MapConfigurationPropertySource(properties))
        .bind("umsetzungsmonitor.demo", DemoProperties.class)
        .orElseThrow(() -> new IllegalStateException("application-demo.yaml has no umsetzungsmonitor.demo"));
  }
}
