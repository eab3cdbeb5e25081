package de.umsetzungsmonitor.process;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.test.helper.StandaloneInMemoryTestConfiguration;

/**
 * A plain in-memory engine for process tests: no Spring, job executor off, beans from
 * {@code Mocks.register(...)}. Each engine gets its own name and H2 database, so it neither
 * collides with another test class's engine nor with the Spring Boot tests' engine in the same JVM.
 * Spin is always on: forms' option lists and submitted lists are JSON variables.
 */
public final class ProcessTestEngine {

  private ProcessTestEngine() {}

  public static ProcessEngine build(String name, ProcessEnginePlugin... extraPlugins) {
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new SpinProcessEnginePlugin());
    plugins.addAll(List.of(extraPlugins));
    StandaloneInMemoryTestConfiguration configuration = new StandaloneInMemoryTestConfiguration(plugins);
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID());
    configuration.setJobExecutorActivate(false);
    // a fresh database each time: create on build, drop on close (drop-create logs errors on an empty one)
    configuration.setDatabaseSchemaUpdate("create-drop");
    return configuration.buildProcessEngine();
  }
}
