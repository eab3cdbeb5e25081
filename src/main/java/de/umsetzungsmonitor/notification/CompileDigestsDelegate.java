package de.umsetzungsmonitor.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_CompileDigests}: writes today's daily digests to the outbox. */
@Component
public class CompileDigestsDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(CompileDigestsDelegate.class);

  private final DailyDigest digests;

  public CompileDigestsDelegate(DailyDigest digests) {
    this.digests = digests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int written = digests.compileToday();
    log.info("Daily digest: {} digest(s) written to the outbox", written);
  }
}
