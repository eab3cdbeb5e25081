package de.umsetzungsmonitor.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo profile only: identities and programmes loaded at start-up.
 *
 * @param password the password of every demo user
 * @param programmes classpath locations of the programme files to import
 */
@ConfigurationProperties("umsetzungsmonitor.demo")
public record DemoProperties(String password, List<String> programmes, List<GroupEntry> groups, List<UserEntry> users) {

  public DemoProperties {
    programmes = programmes == null ? List.of() : programmes;
    groups = groups == null ? List.of() : groups;
    users = users == null ? List.of() : users;
  }

  public record GroupEntry(String id, String name) {}

  public record UserEntry(String id, String firstName, String lastName, String email, List<String> groups) {}
}
