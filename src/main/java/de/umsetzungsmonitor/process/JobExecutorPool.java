package de.umsetzungsmonitor.process;

import java.time.Duration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the job executor runs jobs on: sized by {@code camunda.bpm.job-execution.*} as the
 * starter would, and on shutdown (SIGTERM, a rolling update) it takes no new jobs but lets the
 * running ones finish and commit, for at most {@code umsetzungsmonitor.jobs.shutdown-wait}. A mail
 * being sent when a node is stopped is therefore recorded as sent, not sent again by the next node.
 * It depends on the data source so that the pool is closed before the database connections are.
 */
@Configuration
class JobExecutorPool {

  @Bean(name = "camundaTaskExecutor")
  @DependsOn("dataSource")
  ThreadPoolTaskExecutor camundaTaskExecutor(CamundaBpmProperties properties,
      @Value("${umsetzungsmonitor.jobs.shutdown-wait:30s}") Duration shutdownWait) {
    JobExecutionProperty jobs = properties.getJobExecution();
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("job-");
    executor.setCorePoolSize(jobs.getCorePoolSize());
    executor.setMaxPoolSize(jobs.getMaxPoolSize());
    executor.setQueueCapacity(jobs.getQueueCapacity());
    if (jobs.getKeepAliveSeconds() != null) {
      executor.setKeepAliveSeconds(jobs.getKeepAliveSeconds());
    }
    executor.setWaitForTasksToCompleteOnShutdown(true);
    executor.setAwaitTerminationMillis(shutdownWait.toMillis());
    return executor;
  }
}
