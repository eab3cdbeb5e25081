package de.umsetzungsmonitor.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A person's engine call that lost an optimistic-locking race (three participants signing the same
 * protocol at the same moment: each completion updates the same multi-instance counters) was rolled
 * back as a whole; it is run again, up to {@value #ATTEMPTS} times, so every signature is kept and
 * nobody sees the conflict.
 *
 * <p>Only calls of a web request (Tasklist, Cockpit, the REST APIs) that start their own transaction
 * are retried: a call inside a transaction of ours cannot be repeated on its own, and the job
 * executor has its own handling of conflicts (the job runs again).
 */
@Component
class ConflictRetryPlugin extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(ConflictRetryPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new ConflictRetryInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class ConflictRetryInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (!retryable()) {
        return next.execute(command);
      }
      for (int attempt = 1; ; attempt++) {
        try {
          return next.execute(command);
        } catch (OptimisticLockingException e) {
          if (attempt == ATTEMPTS) {
            throw e;
          }
          log.debug("{} lost a concurrent change, attempt {} of {}", command.getClass().getSimpleName(), attempt, ATTEMPTS);
          pause(attempt);
        }
      }
    }

    private static boolean retryable() {
      return Context.getCommandContext() == null
          && !TransactionSynchronizationManager.isActualTransactionActive()
          && RequestContextHolder.getRequestAttributes() != null;
    }

    private static void pause(int attempt) {
      try {
        Thread.sleep(ThreadLocalRandom.current().nextLong(10L * attempt, 50L * attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
