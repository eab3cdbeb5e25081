package de.umsetzungsmonitor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Takes instances through Phase I the way people do: each step's user finds the task in their
 * list (a task query as that user, so authorization applies), claims it and completes it with the
 * form's variables. Several client threads, each on its own instances; the completion itself is
 * timed, and the run as a whole.
 */
final class PhaseOneRun {

  /** One step: who, which task, the variables of the form. */
  record Step(String user, List<String> groups, String taskDefinitionKey, Map<String, Object> variables) {}

  /** What a run measured. */
  record Result(int instances, double seconds, Latencies completions, BenchDatabase.Counters counters) {

    double instancesPerSecond() {
      return instances / seconds;
    }

    double commitsPerInstance() {
      return counters.commits() / (double) instances;
    }

    double bytesPerInstance() {
      return counters.bytes() / (double) instances;
    }
  }

  private final TaskService tasks;
  private final IdentityService identity;
  private final List<Step> steps;
  /** Completion times per task definition key, over every walk. */
  final Map<String, Latencies> bySteps = new java.util.concurrent.ConcurrentHashMap<>();

  PhaseOneRun(TaskService tasks, IdentityService identity, List<Step> steps) {
    this.tasks = tasks;
    this.identity = identity;
    this.steps = steps;
  }

  /** Walks every business key through the steps with {@code threads} clients; returns seconds and latencies. */
  Latencies walk(List<String> businessKeys, int threads, double[] seconds) throws Exception {
    Latencies completions = new Latencies();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < businessKeys.size(); i = next.getAndIncrement()) {
          walk(businessKeys.get(i), completions);
        }
        return null;
      }));
    }
    for (Future<?> client : running) {
      client.get();
    }
    seconds[0] = (System.nanoTime() - start) / 1e9;
    clients.shutdown();
    return completions;
  }

  private void walk(String businessKey, Latencies completions) {
    for (Step step : steps) {
      identity.setAuthentication(step.user(), step.groups());
      try {
        List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(step.taskDefinitionKey()).taskCandidateUser(step.user()).listPage(0, 1);
        if (found.isEmpty()) {
          throw new IllegalStateException("no task " + step.taskDefinitionKey() + " of " + businessKey + " for " + step.user());
        }
        String taskId = found.get(0).getId();
        tasks.claim(taskId, step.user());
        long started = System.nanoTime();
        tasks.complete(taskId, step.variables());
        long took = System.nanoTime() - started;
        completions.add(took);
        bySteps.computeIfAbsent(step.taskDefinitionKey(), key -> new Latencies()).add(took);
      } finally {
        identity.clearAuthentication();
      }
    }
  }
}
