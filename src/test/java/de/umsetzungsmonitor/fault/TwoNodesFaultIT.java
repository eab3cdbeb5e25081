package de.umsetzungsmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.fault.Receivers.Tally;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: two nodes on one PostgreSQL database, both running the job executor. The same
 * programme file is imported on both at the same moment: every measure and its processes exist
 * once. More than 2,000 reminders fall due and are shared out between the nodes; one node is
 * stopped (SIGTERM) in the middle, the other finishes its work. Every reminder arrives exactly once
 * by mail and by webhook.
 */
class TwoNodesFaultIT {

  /**
   * 210 measures, ten missing signatures each, one round: 2,100 signature reminders, all due at
   * the same moment. (One round, because a bounded cycle such as R4/PT10S is a fixed schedule:
   * a round that falls due while the previous one is still running late is skipped, by design.)
   */
  private static final int MEASURES = 210;
  private static final int ROUNDS = 1;

  private static Receivers receivers;

  @BeforeAll
  static void freshDatabaseAndReceivers() {
    FaultDatabase.recreate();
    receivers = new Receivers();
    receivers.startSmtp();
    receivers.startWebhook();
  }

  @AfterAll
  static void stopReceivers() {
    receivers.close();
  }

  @Test
  void twoNodesShareTheWork_theSameImportTwiceCreatesEverythingOnce_andAStoppedNodeLeavesItsWorkToTheOther()
      throws Exception {
    try (AppNode nodeA = node("node-a"); AppNode nodeB = node("node-b")) {
      // as in docker-compose.yml: the second node starts once the first is ready
      double startA = nodeA.start();
      double startB = nodeB.start();

      String file = FaultScenario.programme("TWO", MEASURES, 0, FaultScenario.TEN_MISSING);
      long importing = System.nanoTime();
      List<HttpResponse<String>> imports = atOnce(List.of(
          () -> FaultScenario.importProgramme(nodeA, file), () -> FaultScenario.importProgramme(nodeB, file)));
      List<Integer> statuses = imports.stream().map(HttpResponse::statusCode).toList();
      System.out.printf("[fault] two nodes: the same import (%d measures) on both at once answered %s after %.1f s%n",
          MEASURES, statuses, (System.nanoTime() - importing) / 1e9);
      assertThat(statuses).as(imports.toString()).contains(200).allMatch(status -> status == 200 || status == 409);
      assertThat(FaultDatabase.count("select count(*) from measure where business_key like 'TWO-%'")).isEqualTo(MEASURES);
      for (String process : List.of("MeasurePhaseOneProcess", "ProtocolSignOffProcess")) {
        assertThat(FaultDatabase.count("select count(*) from act_hi_procinst where proc_def_key_ = ?"
            + " and business_key_ like 'TWO-%'", process)).as("%s instances", process).isEqualTo(MEASURES);
      }
      assertThat(FaultDatabase.count("select count(*) from (select proc_def_key_, business_key_ from act_hi_procinst"
          + " where business_key_ like 'TWO-%' group by proc_def_key_, business_key_ having count(*) > 1) twice"))
          .as("no process started twice for the same business key").isZero();

      // half-way through the reminders, node B is stopped the way an operator would (SIGTERM)
      long firstMail = System.nanoTime();
      FaultScenario.awaitTrue(Duration.ofMinutes(6), () -> receivers.mailCount() >= 1000);
      Map<String, Long> jobsBeforeStop = jobsByNode(Instant.EPOCH);
      long stopping = System.nanoTime();
      nodeB.stop();
      double stopSeconds = (System.nanoTime() - stopping) / 1e9;
      Instant stopped = Instant.now();
      System.out.printf("[fault] two nodes: jobs run before the stop %s; node B stopped in %.1f s with %d mails received%n",
          jobsBeforeStop, stopSeconds, receivers.mailCount());
      assertThat(jobsBeforeStop).as("both nodes ran jobs").containsKeys("node-a", "node-b");
      assertThat(jobsBeforeStop.get("node-a")).isPositive();
      assertThat(jobsBeforeStop.get("node-b")).isPositive();

      double quiet = FaultScenario.awaitQuiet(Duration.ofMinutes(8));
      double allSeconds = (System.nanoTime() - firstMail) / 1e9;
      Map<String, Long> jobsAfterStop = jobsByNode(stopped.plusSeconds(1));
      System.out.printf("[fault] two nodes: jobs run after the stop %s%n", jobsAfterStop);
      assertThat(jobsAfterStop).as("after the stop only node A works").containsOnlyKeys("node-a");
      assertThat(jobsAfterStop.get("node-a")).isPositive();

      List<String> due = FaultScenario.outboxKeys();
      Tally tally = Tally.of(due, receivers.mailsByKey(), receivers.postsByKey(), FaultScenario::messageId);
      System.out.println(tally.line("two nodes"));
      long reminders = FaultScenario.signatureReminders();
      System.out.printf("[fault] two nodes: %d signature reminders; start A %.1f s, B %.1f s; all %d messages delivered"
          + " %.0f s after the import (%.1f messages/s), the last %.0f s after node B stopped%n", reminders, startA, startB,
          due.size(), allSeconds, due.size() / allSeconds, quiet);
      assertThat(reminders).isGreaterThanOrEqualTo(2000);
      assertThat(FaultDatabase.count("select count(*) from reminder where kind like 'protocol%' and round > ?", ROUNDS)).isZero();
      assertThat(FaultDatabase.count("select count(*) from (select kind, reference_id, round from reminder"
          + " group by kind, reference_id, round having count(*) > 1) twice")).isZero();
      assertThat(tally.mailsLost()).as("mails lost").isZero();
      assertThat(tally.postsLost()).as("webhook posts lost").isZero();
      assertThat(tally.mailDuplicates()).as("mail duplicates").isZero();
      assertThat(tally.postDuplicates()).as("webhook duplicates").isZero();
      assertThat(receivers.idempotencyMismatches()).isZero();
      assertThat(FaultDatabase.count("select count(*) from act_ru_incident")).as("incidents").isZero();
    }
  }

  private static AppNode node(String name) {
    return AppNode.of(name, receivers.smtpPort, receivers.webhookPort, Map.of(
        "umsetzungsmonitor.reminders.signature-cycle", "R" + ROUNDS + "/PT15S",
        // the node's name in the job log (act_hi_job_log.hostname_), to tell which node ran a job
        "camunda.bpm.generic-properties.properties.hostname", name));
  }

  /** Jobs run successfully per node since the given instant, by the job log. */
  private static Map<String, Long> jobsByNode(Instant since) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (Map<String, Object> row : FaultDatabase.rows("select hostname_, count(*) as jobs from act_hi_job_log"
        + " where job_state_ = 2 and timestamp_ > ? group by hostname_", Timestamp.from(since))) {
      counts.put((String) row.get("hostname_"), ((Number) row.get("jobs")).longValue());
    }
    return counts;
  }

  /** Runs the calls in parallel, released at one instant; their answers in order. */
  private static <T> List<T> atOnce(List<java.util.function.Supplier<T>> calls) throws Exception {
    CyclicBarrier start = new CyclicBarrier(calls.size());
    List<CompletableFuture<T>> running = new ArrayList<>();
    for (java.util.function.Supplier<T> call : calls) {
      running.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return call.get();
      }, runnable -> new Thread(runnable, "at-once").start()));
    }
    List<T> answers = new ArrayList<>();
    for (CompletableFuture<T> answer : running) {
      answers.add(answer.get());
    }
    return answers;
  }
}
