package de.umsetzungsmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService;
import de.umsetzungsmonitor.fault.AppNode;
import de.umsetzungsmonitor.fault.Receivers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}, BENCHMARKS.md): every figure of the application
 * beside its baseline measured in the same run, on the PostgreSQL server of the tests. Sizes come
 * from {@code -Dbench.scale=full} (the default) or {@code smoke} (a minute, so it cannot rot).
 * Not a test of speed: it asserts only that the work was done, and prints the figures.
 */
class ApplicationBenchmark {

  static final Scale SCALE = Scale.of(System.getProperty("bench.scale", "full"));

  private final Report report = new Report();

  @Test
  void run() throws Exception {
    System.out.printf("[bench] scale %s: %s%n", SCALE.name(), SCALE);
    List<String> parts = List.of(System.getProperty("bench.parts", "phaseOne,reminders,taskList").split(","));
    if (parts.contains("phaseOne")) {
      phaseOne();
    }
    if (parts.contains("reminders")) {
      remindersAndScaleOut();
    }
    if (parts.contains("taskList")) {
      taskListAndFootprint();
    }
    report.write("## Umsetzungsmonitor benchmark (" + SCALE.name() + ", " + LocalDate.now() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores)");
  }

  // --- 2. and 4. reminder burst, one node and two ------------------------------------------------

  /** The job executor as configured for production (application.yaml), written out: the nodes use it. */
  static final Map<String, String> PRODUCTION_JOB_EXECUTOR = Map.of(
      "camunda.bpm.job-execution.lock-time-in-millis", "120000",
      "camunda.bpm.job-execution.wait-time-in-millis", "5000",
      "camunda.bpm.job-execution.max-wait", "60000",
      "camunda.bpm.job-execution.core-pool-size", "3",
      "camunda.bpm.job-execution.max-pool-size", "10",
      "camunda.bpm.job-execution.queue-capacity", "10",
      "camunda.bpm.job-execution.max-jobs-per-acquisition", "10");

  private void remindersAndScaleOut() throws Exception {
    int burst = SCALE.burst();
    String database = "umsetzungsmonitor_bench_burst";
    BenchDatabase.recreate(database);
    try (Receivers receivers = new Receivers()) {
      receivers.startSmtp();
      Map<String, String> settings = new java.util.HashMap<>(PRODUCTION_JOB_EXECUTOR);
      settings.put("umsetzungsmonitor.notifications.webhook.enabled", "false");
      settings.put("umsetzungsmonitor.notifications.mail.retry-cycle", "R5/PT2M");
      try (AppNode one = node("bench-1", database, receivers, settings); AppNode two = node("bench-2", database, receivers, settings)) {
        double firstStart = one.start();
        two.start();
        // the office's only member gets new tasks in the daily digest, not one mail each
        HttpResponse<String> digest = TaskListBench.call(one, "lweber", "Koblenz-2018!", "PUT",
            "/api/me/notification-settings", "{\"delivery\":\"DIGEST\"}");
        assertThat(digest.statusCode()).as(digest.body()).isEqualTo(200);
        long setup = System.nanoTime();
        ReminderBurst.prepare(one, database, "BURSTA", burst);
        ReminderBurst.prepare(one, database, "BURSTB", burst);
        double setupSeconds = (System.nanoTime() - setup) / 1e9;
        two.stop();

        int mailsBefore = receivers.mailCount();
        long dueAt = ReminderBurst.fallDue(database, "BURSTA");
        ReminderBurst.Result alone = ReminderBurst.await(receivers, database, "BURSTA", burst, mailsBefore, dueAt);

        two.start();
        mailsBefore = receivers.mailCount();
        dueAt = ReminderBurst.fallDue(database, "BURSTB");
        ReminderBurst.Result together = ReminderBurst.await(receivers, database, "BURSTB", burst, mailsBefore, dueAt);

        ReminderBurst.Result bare;
        try (BareEngine engine = BareEngine.start("umsetzungsmonitor_bench_bareburst", true, false, 10)) {
          bare = ReminderBurst.bare(engine, burst);
        }
        report.section("2. Reminder burst (" + burst + " deliveries overdue at once, one mail each to a local SMTP server)");
        report.figure("all reminders out, one node (application / bare engine, default job executor)", alone.seconds(), bare.seconds(), "s");
        report.figure("lateness p50", alone.p50(), bare.p50(), "s");
        report.figure("lateness p99", alone.p99(), bare.p99(), "s");
        report.figure("reminders per second", burst / alone.seconds(), burst / bare.seconds(), "/s");
        report.figure("mails received / due", alone.received(), alone.reminders(), "");
        report.note("One node: " + alone.duplicates() + " duplicates, " + alone.lost() + " lost; two nodes: "
            + together.duplicates() + " duplicates, " + together.lost() + " lost (counted at the SMTP server by key)."
            + String.format(java.util.Locale.ROOT, " Setting up the %d deliveries took %.0f s.", 2 * burst, setupSeconds));
        report.section("4. Scale-out (the same burst, two nodes on one database)");
        report.figure("all reminders out (two nodes / one node)", together.seconds(), alone.seconds(), "s");
        report.figure("reminders per second (two nodes / one node)", burst / together.seconds(), burst / alone.seconds(), "/s");
        report.figure("lateness p99 (two nodes / one node)", together.p99(), alone.p99(), "s");
        footprintFirstStart = firstStart;
        assertThat(alone.lost() + together.lost()).isZero();
        assertThat(alone.duplicates() + together.duplicates()).isZero();
      }
    }
  }

  private double footprintFirstStart = Double.NaN;

  private static AppNode node(String name, String database, Receivers receivers, Map<String, String> settings) {
    return AppNode.of(name, BenchDatabase.url(database), receivers.smtpPort, receivers.webhookPort, settings)
        .withFullJit().withHeap("1g");
  }

  // --- 3. task list and 5. footprint -------------------------------------------------------------

  private void taskListAndFootprint() throws Exception {
    String database = "umsetzungsmonitor_bench_tasks";
    BenchDatabase.recreate(database);
    Map<String, String> settings = new java.util.HashMap<>(PRODUCTION_JOB_EXECUTOR);
    settings.put("umsetzungsmonitor.notifications.mail.enabled", "false");
    settings.put("umsetzungsmonitor.notifications.webhook.enabled", "false");
    TaskListBench.Result on;
    TaskListBench.Result off;
    double startOnEmpty;
    double restart;
    double heapAfterStart;
    double heapAfterTasks;
    try (Receivers unused = new Receivers()) {
      AppNode node = node("bench-tasks", database, unused, settings);
      try {
        startOnEmpty = node.start();
        TaskListBench.prepare(node, SCALE.officeGroups(), SCALE.tasksPerGroup());
        node.stop();
        restart = node.start();
        heapAfterStart = TaskListBench.heapAfterCollection(node);
        on = TaskListBench.measure(node, SCALE.queryRounds());
        heapAfterTasks = TaskListBench.heapAfterCollection(node);
      } finally {
        node.stop();
      }
      Map<String, String> withoutAuthorization = new java.util.HashMap<>(settings);
      withoutAuthorization.put("camunda.bpm.authorization.enabled", "false");
      AppNode open = node("bench-tasks-open", database, unused, withoutAuthorization);
      try {
        open.start();
        off = TaskListBench.measure(open, SCALE.queryRounds());
      } finally {
        open.stop();
      }
    }
    long tasks = (long) SCALE.officeGroups() * SCALE.tasksPerGroup();
    report.section("3. Task list (" + tasks + " open tasks in " + SCALE.officeGroups() + " office queues; a user in two of"
        + " them sees " + on.visibleTasks() + "; authorization on / off)");
    report.figure("filter \"Aufgaben meiner Stellen\", page of 15, p50", on.list().percentile(50), off.list().percentile(50), "ms");
    report.figure("filter \"Aufgaben meiner Stellen\", page of 15, p95", on.list().percentile(95), off.list().percentile(95), "ms");
    report.figure("its count, p50", on.count().percentile(50), off.count().percentile(50), "ms");
    report.figure("its count, p95", on.count().percentile(95), off.count().percentile(95), "ms");
    report.figure("overview page, p50", on.overview().percentile(50), off.overview().percentile(50), "ms");
    report.figure("overview page, p95", on.overview().percentile(95), off.overview().percentile(95), "ms");

    double bareStart;
    long started = System.nanoTime();
    try (BareEngine bare = BareEngine.start("umsetzungsmonitor_bench_barestart", true, false, 10)) {
      bareStart = (System.nanoTime() - started) / 1e9;
    }
    report.section("5. Footprint");
    report.figure("start to ready, empty database (application node / bare engine)", startOnEmpty, bareStart, "s");
    report.figure("start to ready, " + tasks + " open tasks (application node)", restart, Double.NaN, "s");
    report.figure("start to ready, first node of the burst", footprintFirstStart, Double.NaN, "s");
    report.figure("heap after start, retained (application node)", heapAfterStart, Double.NaN, "MB");
    report.figure("heap after the task list benchmark, retained", heapAfterTasks, Double.NaN, "MB");
  }

  // --- 1. Phase I end to end ---------------------------------------------------------------------

  private static final String TALK_JSON_PARTICIPANTS = "[\"koord\",\"sign1\",\"sign2\"]";

  private void phaseOne() throws Exception {
    int n = SCALE.phaseOneInstances();
    int threads = SCALE.clients();

    PhaseOneRun.Result app = phaseOneOfTheApplication(n, threads);
    PhaseOneRun.Result bare = phaseOneOfTheBareEngine(n, threads);
    JdbcCeiling.Result ceiling = JdbcCeiling.run("umsetzungsmonitor_bench_jdbc", n, threads, bare.counters(), n);
    double ceilingPerSecond = n / ceiling.seconds();

    report.section("1. Phase I end to end (" + n + " instances, " + threads + " client threads, authorization on,"
        + " history full)");
    report.figure("instances per second (application / bare engine)", app.instancesPerSecond(), bare.instancesPerSecond(), "/s");
    report.figure("instances per second (bare engine / JDBC ceiling)", bare.instancesPerSecond(), ceilingPerSecond, "/s");
    report.figure("task completion p50", app.completions().percentile(50), bare.completions().percentile(50), "ms");
    report.figure("task completion p95", app.completions().percentile(95), bare.completions().percentile(95), "ms");
    report.figure("commits per instance", app.commitsPerInstance(), bare.commitsPerInstance(), "");
    report.figure("rows written per instance", (app.counters().inserted() + app.counters().updated() + app.counters().deleted())
        / (double) n, (bare.counters().inserted() + bare.counters().updated() + bare.counters().deleted()) / (double) n, "");
    report.figure("database bytes per finished instance", app.bytesPerInstance(), bare.bytesPerInstance(), "B");
    for (String[] step : new String[][] {{"UserTask_ScheduleTalk", "UserTask_ScheduleTalk"},
        {"UserTask_RecordTalkResults", "UserTask_RecordTalkResults"}, {"UserTask_SignProtocol", "UserTask_Sign"},
        {"UserTask_ConcretiseIndicators", "UserTask_ConcretiseIndicators"}}) {
      report.figure("completion p50 of " + step[0], appSteps.get(step[0]).percentile(50), bareSteps.get(step[1]).percentile(50), "ms");
    }
    report.figure("JDBC ceiling: commits per second", ceiling.commits() / ceiling.seconds(), Double.NaN, "/s");
    report.figure("bare engine: commits per second", bare.counters().commits() / bare.seconds(), ceiling.commits() / ceiling.seconds(), "/s");
  }

  private Map<String, Latencies> appSteps;
  private Map<String, Latencies> bareSteps;

  private PhaseOneRun.Result phaseOneOfTheApplication(int n, int threads) throws Exception {
    String database = "umsetzungsmonitor_bench_app";
    try (InProcessApplication app = InProcessApplication.start(database, Map.of())) {
      IdentityService identity = app.bean(IdentityService.class);
      identity.setAuthentication("admin", List.of("camunda-admin"));
      try {
        app.bean(ProgrammeImportService.class).importProgramme(programme("BENCH", n + SCALE.warmUp()));
      } finally {
        identity.clearAuthentication();
      }
      app.user("koord", "koord@bench.example", List.of("sozialplanung"));
      app.user("sign1", "sign1@bench.example", List.of("jugendamt"));
      app.user("sign2", "sign2@bench.example", List.of("stadtplanung"));
      PhaseOneRun run = new PhaseOneRun(app.bean(TaskService.class), identity, applicationSteps());
      appSteps = run.bySteps;
      // closing the application ends its connections, so PostgreSQL has counted every commit
      return measure(run, database, "BENCH-M", n, threads, app::close);
    }
  }

  private PhaseOneRun.Result phaseOneOfTheBareEngine(int n, int threads) throws Exception {
    String database = "umsetzungsmonitor_bench_bare";
    BareEngine bare = BareEngine.start(database, true, false, 10);
    try {
      bare.user("koord", List.of("coord"));
      bare.user("sign1", List.of("office1"));
      bare.user("sign2", List.of("office2"));
      bare.user("sign3", List.of("office3"));
      ProcessEngine engine = bare.engine;
      engine.getIdentityService().setAuthentication(BareEngine.ADMIN, List.of("camunda-admin"));
      try {
        for (int i = 1; i <= n + SCALE.warmUp(); i++) {
          engine.getRuntimeService().startProcessInstanceByKey("BenchPhaseOneProcess", "BENCH-M" + i,
              Map.of("coordinationGroup", "coord", "signerGroups", "office1,office2,office3"));
        }
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      PhaseOneRun run = new PhaseOneRun(engine.getTaskService(), engine.getIdentityService(), bareSteps());
      bareSteps = run.bySteps;
      return measure(run, database, "BENCH-M", n, threads, bare::close);
    } finally {
      bare.close();
    }
  }

  /** Warms up on the first instances, then walks n more with counters around; closes the subject before reading them. */
  private static PhaseOneRun.Result measure(PhaseOneRun run, String database, String keyPrefix, int n, int threads,
      Runnable close) throws Exception {
    List<String> warmUp = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 1; i <= SCALE.warmUp() + n; i++) {
      (i <= SCALE.warmUp() ? warmUp : keys).add(keyPrefix + i);
    }
    double[] seconds = new double[1];
    run.walk(warmUp, threads, seconds);
    run.bySteps.clear();
    BenchDatabase.settle();
    BenchDatabase.Counters before = BenchDatabase.Counters.of(database);
    Latencies completions = run.walk(keys, threads, seconds);
    close.run();
    BenchDatabase.settle();
    BenchDatabase.Counters counters = BenchDatabase.Counters.of(database).minus(before);
    assertThat(completions.count()).isEqualTo(n * 6);
    return new PhaseOneRun.Result(n, seconds[0], completions, counters);
  }

  /** The steps of Phase I as the application's forms submit them. */
  private static List<PhaseOneRun.Step> applicationSteps() {
    List<String> coordination = List.of("sozialplanung");
    return List.of(
        new PhaseOneRun.Step("koord", coordination, "UserTask_ScheduleTalk", Variables.createVariables()
            .putValue("talkDate", "2026-10-15").putValue("talkTime", "10:00").putValue("talkLocation", "Rathaus, Raum 101")
            .putValueTyped("participants", SpinValues.jsonValue(TALK_JSON_PARTICIPANTS).create())),
        new PhaseOneRun.Step("koord", coordination, "UserTask_RecordTalkResults", Variables.createVariables()
            .putValue("heldOn", "2026-10-15").putValue("approach", "Bestandsanalyse")
            .putValueTyped("taskAreas", SpinValues.jsonValue(
                "[{\"office\":\"jugendamt\",\"description\":\"Erhebung der Plätze\"}]").create())
            .putValueTyped("dataAgreements", SpinValues.jsonValue("[{\"office\":\"jugendamt\",\"data\":\"Anzahl der Plätze\","
                + "\"frequency\":\"YEARLY\",\"firstDue\":\"2027-03-31\"}]").create())
            .putValue("remarks", "Keine.").putValue("protocolText", "Das Gespräch fand statt; die Daten werden jährlich geliefert.")),
        signStep("koord", "sozialplanung"),
        signStep("sign1", "jugendamt"),
        signStep("sign2", "stadtplanung"),
        new PhaseOneRun.Step("koord", coordination, "UserTask_ConcretiseIndicators", Variables.createVariables()
            .putValueTyped("indicators", SpinValues.jsonValue("[{\"name\":\"Plätze\",\"definition\":\"Plätze zum 31.12.\","
                + "\"unit\":\"Anzahl\",\"sourceOffice\":\"jugendamt\"}]").create())));
  }

  private static PhaseOneRun.Step signStep(String user, String group) {
    return new PhaseOneRun.Step(user, List.of(group), "UserTask_SignProtocol", Variables.createVariables()
        .putValue("signatureDecision", "sign").putValue("protocolVersion", 1));
  }

  /** The same steps with the same variables on the bare engine's models (JSON as text: no Spin there). */
  private static List<PhaseOneRun.Step> bareSteps() {
    List<String> coordination = List.of("coord");
    return List.of(
        new PhaseOneRun.Step("koord", coordination, "UserTask_ScheduleTalk", Variables.createVariables()
            .putValue("talkDate", "2026-10-15").putValue("talkTime", "10:00").putValue("talkLocation", "Rathaus, Raum 101")
            .putValue("participants", TALK_JSON_PARTICIPANTS)),
        new PhaseOneRun.Step("koord", coordination, "UserTask_RecordTalkResults", Variables.createVariables()
            .putValue("heldOn", "2026-10-15").putValue("approach", "Bestandsanalyse")
            .putValue("taskAreas", "[{\"office\":\"jugendamt\",\"description\":\"Erhebung der Plätze\"}]")
            .putValue("dataAgreements", "[{\"office\":\"jugendamt\",\"data\":\"Anzahl der Plätze\",\"frequency\":\"YEARLY\","
                + "\"firstDue\":\"2027-03-31\"}]")
            .putValue("remarks", "Keine.").putValue("protocolText", "Das Gespräch fand statt; die Daten werden jährlich geliefert.")),
        bareSign("sign1", "office1"),
        bareSign("sign2", "office2"),
        bareSign("sign3", "office3"),
        new PhaseOneRun.Step("koord", coordination, "UserTask_ConcretiseIndicators", Variables.createVariables()
            .putValue("indicators", "[{\"name\":\"Plätze\",\"definition\":\"Plätze zum 31.12.\",\"unit\":\"Anzahl\","
                + "\"sourceOffice\":\"jugendamt\"}]")));
  }

  private static PhaseOneRun.Step bareSign(String user, String group) {
    return new PhaseOneRun.Step(user, List.of(group), "UserTask_Sign", Variables.createVariables()
        .putValue("signatureDecision", "sign").putValue("protocolVersion", 1));
  }

  /** A programme of {@code measures} new measures of the Jugendamt, coordinated by the Sozialplanung. */
  static String programme(String code, int measures) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("code: ").append(code).append('\n')
        .append("title: Benchmark ").append(code).append('\n')
        .append("committee: Sozialausschuss\n")
        .append("coordinatingOffice: sozialplanung\n")
        .append("offices:\n")
        .append("  - {code: sozialplanung, name: Fachstelle Sozialplanung}\n")
        .append("  - {code: jugendamt, name: Jugendamt}\n")
        .append("  - {code: stadtplanung, name: Stadtplanung}\n")
        .append("fieldsOfAction:\n  - {code: SOZ, name: Soziale Lage}\n")
        .append("measures:\n");
    for (int i = 1; i <= measures; i++) {
      yaml.append("  - {code: M ").append(i).append(", fieldOfAction: SOZ, text: Maßnahme ").append(i)
          .append(", status: planned, leadOffices: [jugendamt, stadtplanung]}\n");
    }
    return yaml.toString();
  }

  /** Sizes of a run. */
  record Scale(String name, int clients, int warmUp, int phaseOneInstances, int burst, int officeGroups, int tasksPerGroup,
      int queryRounds) {

    static Scale of(String name) {
      return switch (name) {
        case "smoke" -> new Scale("smoke", 2, 2, Integer.getInteger("bench.phaseOne.instances", 6),
            Integer.getInteger("bench.burst", 50), Integer.getInteger("bench.officeGroups", 3),
            Integer.getInteger("bench.tasksPerGroup", 20), Integer.getInteger("bench.queryRounds", 10));
        case "full" -> new Scale("full", 4, 20, Integer.getInteger("bench.phaseOne.instances", 400),
            Integer.getInteger("bench.burst", 10_000), Integer.getInteger("bench.officeGroups", 50),
            Integer.getInteger("bench.tasksPerGroup", 1_000), Integer.getInteger("bench.queryRounds", 200));
        default -> throw new IllegalArgumentException("bench.scale is smoke or full, not " + name);
      };
    }
  }
}
