package de.umsetzungsmonitor.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * Camunda 7 alone, in this JVM, on a database of its own: the same version, history level and
 * authorization setting as the application, no Spring, no business tables, no listeners of ours;
 * the comparison models from {@code src/test/resources/bench}. Job executor settings are the
 * engine's defaults unless a benchmark changes them.
 */
final class BareEngine implements AutoCloseable {

  static final String ADMIN = "benchadmin";

  final String database;
  final ProcessEngine engine;
  private final HikariDataSource dataSource;

  private BareEngine(String database, ProcessEngine engine, HikariDataSource dataSource) {
    this.database = database;
    this.engine = engine;
    this.dataSource = dataSource;
  }

  /** A fresh database and an engine on it, with the comparison models deployed. */
  static BareEngine start(String database, boolean authorization, boolean jobExecutor, int poolSize) {
    BenchDatabase.recreate(database);
    HikariDataSource dataSource = BenchDatabase.pool(database, poolSize);
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare-" + database);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setAuthorizationEnabled(authorization);
    configuration.setJobExecutorActivate(jobExecutor);
    configuration.setJobExecutorDeploymentAware(false);
    // as the Spring Boot starter (and so the application) does: no id blocks from the database
    configuration.setIdGenerator(new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
    ProcessEngine engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bench")
        .addClasspathResource("bench/BenchPhaseOneProcess.bpmn")
        .addClasspathResource("bench/BenchSignOffProcess.bpmn")
        .addClasspathResource("bench/BenchBurstProcess.bpmn")
        .deploy();
    BareEngine bare = new BareEngine(database, engine, dataSource);
    bare.administrator();
    return bare;
  }

  /** The administrator: member of camunda-admin, which may do everything (as the application's admin). */
  private void administrator() {
    IdentityService identity = engine.getIdentityService();
    identity.saveGroup(identity.newGroup("camunda-admin"));
    user(ADMIN, List.of("camunda-admin"));
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Resource resource : Resources.values()) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId("camunda-admin");
      grant.setResource(resource);
      grant.setResourceId(Authorization.ANY);
      grant.addPermission(Permissions.ALL);
      authorizations.saveAuthorization(grant);
    }
  }

  void user(String id, List<String> groups) {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser(id);
    user.setPassword("Bench-2026!x");
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }
  }

  private boolean closed;

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      engine.close();
      dataSource.close();
    }
  }
}
