package de.umsetzungsmonitor.bench;

import de.umsetzungsmonitor.Application;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in this JVM (profile {@code postgres}, production settings, authorization on)
 * on a benchmark database, for the benchmarks that call it through the Java API as its own web
 * layer does. Mail, webhook and, unless asked for, the job executor are off: the benchmark times
 * what people wait for.
 */
final class InProcessApplication implements AutoCloseable {

  static final String ADMIN_PASSWORD = "Leistungs-Pruefung-2026!";

  final ConfigurableApplicationContext context;
  final double startSeconds;

  private InProcessApplication(ConfigurableApplicationContext context, double startSeconds) {
    this.context = context;
    this.startSeconds = startSeconds;
  }

  static InProcessApplication start(String database, Map<String, String> extra) {
    BenchDatabase.recreate(database);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", BenchDatabase.url(database));
    properties.put("spring.datasource.username", BenchDatabase.USER);
    properties.put("spring.datasource.password", BenchDatabase.PASSWORD);
    properties.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
    properties.put("umsetzungsmonitor.external.links.secret", "benchmark-key-for-links-0123456789-abcdef");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("umsetzungsmonitor.notifications.mail.enabled", "false");
    properties.put("umsetzungsmonitor.notifications.webhook.enabled", "false");
    properties.put("server.port", "0");
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "warn");
    properties.put("logging.level.org.camunda.bpm.engine.context", "off");
    properties.putAll(extra);
    long started = System.nanoTime();
    // as command-line arguments: they take precedence over the profile's files, as the environment would
    String[] arguments = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("postgres")
        .run(arguments);
    return new InProcessApplication(context, (System.nanoTime() - started) / 1e9);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  void user(String id, String email, List<String> groups) {
    IdentityService identity = bean(IdentityService.class);
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Bench");
    user.setEmail(email);
    user.setPassword(ADMIN_PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
