package de.umsetzungsmonitor.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Installs {@link ProgrammeAuthorizationProvider} in the engine. */
@Component
class ProgrammeAuthorizationPlugin extends AbstractProcessEnginePlugin {

  private final ProgrammeReaders readers;

  ProgrammeAuthorizationPlugin(@Lazy ProgrammeReaders readers) {
    this.readers = readers;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new ProgrammeAuthorizationProvider(readers));
  }
}
