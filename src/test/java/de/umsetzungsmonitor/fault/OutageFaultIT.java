package de.umsetzungsmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.fault.Receivers.Tally;
import de.umsetzungsmonitor.support.TasklistSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What is outside the application fails while reminders are due: the SMTP server and the webhook
 * receiver go down for longer than their retries, then hang without answering; PostgreSQL is
 * stopped and started under load. Reminders wait and arrive once when the channel is back, retries
 * follow the configured cycle and end in incidents an operator retries; nobody waits on a hanging
 * channel; users are told to try again while the database is away and the application recovers on
 * its own. One application node (its own JVM) for all of it, each scenario on programmes of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageFaultIT {

  private static final String DATABASE_AWAY = "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.";
  private static final Pattern JOB_ID = Pattern.compile("\"configuration\":\"([^\"]+)\"");

  private static Receivers receivers;
  private static AppNode node;

  @BeforeAll
  static void nodeWithItsChannels() {
    FaultDatabase.recreate();
    receivers = new Receivers();
    receivers.startSmtp();
    receivers.startWebhook();
    node = AppNode.of("outage", receivers.smtpPort, receivers.webhookPort,
        Map.of("umsetzungsmonitor.reminders.signature-cycle", "R1/PT5S"));
    node.start();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
    receivers.close();
  }

  @Test
  @Order(1)
  void channelsDown_remindersWait_retriesFollowTheCycle_incidentsAppear_andAfterRetriesEachArrivesOnce() {
    receivers.stopSmtp();
    receivers.stopWebhook();
    assertThat(FaultScenario.importProgramme(node, FaultScenario.programme("OUTA", 5, 0)).statusCode()).isEqualTo(200);
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> FaultScenario.keysOf("OUTA").size() == 15);
    List<String> reminders = FaultScenario.keysOf("OUTA");

    // the mail job of every reminder fails three times, 4 s apart (R3/PT4S), then an incident
    FaultScenario.awaitTrue(Duration.ofSeconds(90), () -> incidents("ServiceTask_SendMail").size() == reminders.size());
    List<Double> gaps = retryGaps("ServiceTask_SendMail");
    System.out.printf("[fault] outage: SMTP down: %d reminders waiting, %d incidents, retry gaps %s s%n", reminders.size(),
        incidents("ServiceTask_SendMail").size(), gaps);
    assertThat(gaps).isNotEmpty().allSatisfy(gap -> assertThat(gap).isBetween(3.5, 15.0));
    assertThat(FaultDatabase.strings("select incident_msg_ from act_ru_incident where activity_id_ = 'ServiceTask_SendMail'"))
        .allSatisfy(message -> assertThat(message).contains("not sent"));
    assertThat(receivers.mailCount()).isZero();

    // the mail server is back; the operator retries the incidents (what Cockpit's "Retry" does)
    receivers.startSmtp();
    retry(incidents("ServiceTask_SendMail"));
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> mailed(reminders) == reminders.size());
    // the webhook receiver is still down: now those jobs run out of retries
    FaultScenario.awaitTrue(Duration.ofSeconds(90), () -> incidents("ServiceTask_SendWebhook").size() == reminders.size());
    System.out.printf("[fault] outage: webhook down: %d incidents after its retries%n", incidents("ServiceTask_SendWebhook").size());
    assertThat(incidents("ServiceTask_SendMail")).isEmpty();

    receivers.startWebhook();
    retry(incidents("ServiceTask_SendWebhook"));
    FaultScenario.awaitQuiet(Duration.ofMinutes(2));

    Tally tally = Tally.of(reminders, receivers.mailsByKey(), receivers.postsByKey(), FaultScenario::messageId);
    System.out.println(tally.line("outage, channels back"));
    assertExactlyOnce(reminders);
    assertThat(FaultDatabase.count("select count(*) from act_ru_incident")).isZero();
  }

  @Test
  @Order(2)
  void aHangingChannel_holdsNoRequest_andTheJobGivesUpAfterItsTimeout() {
    // the webhook receiver takes 20 s to answer: the post gives up after its 3 s socket timeout
    receivers.slowWebhook(Duration.ofSeconds(20));
    assertThat(FaultScenario.importProgramme(node, FaultScenario.programme("OUTB", 3, 0)).statusCode()).isEqualTo(200);
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> FaultScenario.keysOf("OUTB").size() == 9);
    List<String> reminders = FaultScenario.keysOf("OUTB");
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> failures("ServiceTask_SendWebhook", reminders) == reminders.size());
    double webhookGaveUp = longestFirstAttempt("ServiceTask_SendWebhook", reminders);

    // and the SMTP server accepts connections but never answers: the mail gives up after 3 s
    receivers.stopSmtp();
    receivers.startSilentSmtp();
    assertThat(FaultScenario.importProgramme(node, FaultScenario.programme("OUTS", 3, 0)).statusCode()).isEqualTo(200);
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> FaultScenario.keysOf("OUTS").size() == 9);
    List<String> silenced = FaultScenario.keysOf("OUTS");

    // meanwhile people work as usual: every request is answered at once
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      HttpResponse<String> overview = FaultScenario.get(node, "abecker", "/api/overview");
      seconds.add(Math.round((System.nanoTime() - start) / 1e7) / 100.0);
      assertThat(overview.statusCode()).isEqualTo(200);
    }
    long signing = System.nanoTime();
    FaultScenario.sign(node, "jmueller", "OUTS-M1");
    double signed = (System.nanoTime() - signing) / 1e9;
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> failures("ServiceTask_SendMail", silenced) == silenced.size());
    double mailGaveUp = longestFirstAttempt("ServiceTask_SendMail", silenced);
    System.out.printf("[fault] outage: channels hanging: requests answered in %s s, a signature in %.2f s; the longest"
        + " first attempt of a job (created to failed, with its wait for a thread): mail %.1f s, webhook %.1f s%n", seconds,
        signed, mailGaveUp, webhookGaveUp);
    assertThat(seconds).allSatisfy(duration -> assertThat(duration).isLessThan(2.0));
    assertThat(signed).isLessThan(3.0);
    // the receivers hang for 20 s (webhook) or for ever (SMTP); the jobs give up after 3 s
    assertThat(mailGaveUp).isBetween(3.0, 20.0);
    assertThat(webhookGaveUp).isBetween(3.0, 20.0);
    assertThat(FaultDatabase.strings("select job_exception_msg_ from act_hi_job_log where act_id_ = 'ServiceTask_SendMail'"
        + " and job_state_ = 1 and timestamp_ > now() - interval '1 minute'")).anySatisfy(message ->
        assertThat(message).containsIgnoringCase("timed out"));

    receivers.stopSilentSmtp();
    receivers.startSmtp();
    receivers.slowWebhook(Duration.ZERO);
    retry(incidents("ServiceTask_SendMail"));
    retry(incidents("ServiceTask_SendWebhook"));
    FaultScenario.awaitTrue(Duration.ofMinutes(2), () -> {
      retry(incidents("ServiceTask_SendMail"));
      retry(incidents("ServiceTask_SendWebhook"));
      return FaultDatabase.count("select count(*) from notification_outbox where sent_at is null") == 0;
    });
    FaultScenario.awaitQuiet(Duration.ofMinutes(2));
    List<String> all = new ArrayList<>(reminders);
    all.addAll(silenced);
    System.out.println(Tally.of(all, receivers.mailsByKey(), receivers.postsByKey(), FaultScenario::messageId)
        .line("outage, hanging channels back"));
    // a post the receiver took up only after the application had given up on it (timeout) is sent
    // again: the receiver sees it twice under the same Idempotency-Key and keeps one
    long timedOutPosts = FaultDatabase.count("select count(*) from act_hi_job_log l join act_hi_procinst p"
        + " on p.id_ = l.process_instance_id_ where l.act_id_ = 'ServiceTask_SendWebhook' and l.job_state_ = 1"
        + " and p.business_key_ = any (?)", (Object) all.toArray(String[]::new));
    System.out.printf("[fault] outage: hanging channels: %d posts timed out, %d keys posted more than once%n", timedOutPosts,
        repeated(receivers.postsByKey(), reminders).size());
    assertThat(repeated(receivers.mailsByKey(), all.stream().map(FaultScenario::messageId).toList())).isEmpty();
    assertThat(repeated(receivers.postsByKey(), all).size()).isLessThanOrEqualTo((int) timedOutPosts);
    assertDelivered(all);
    assertThat(receivers.idempotencyMismatches()).isZero();
  }

  @Test
  @Order(3)
  void databaseStoppedUnderLoad_usersAreToldToTryAgain_theApplicationRecoversOnItsOwn_andLosesNothing() {
    TasklistSession tasklist = TasklistSession.login(node.baseUrl(), "jmueller", FaultScenario.DEMO_PASSWORD);
    assertThat(FaultScenario.importProgramme(node, FaultScenario.programme("OUTC", 40, 0)).statusCode()).isEqualTo(200);
    FaultScenario.awaitTrue(Duration.ofSeconds(90), () -> FaultScenario.keysOf("OUTC").size() == 120
        && mailed(FaultScenario.keysOf("OUTC")) >= 20);
    long remindersBefore = FaultDatabase.count("select count(*) from reminder");
    long signaturesBefore = FaultDatabase.count("select count(*) from signature");

    FaultDatabase.server("stop");
    long stopped = System.nanoTime();
    List<String> answers = new ArrayList<>();
    try {
      answers.add(tryAgain("REST API (Basic)", FaultScenario.get(node, "abecker", "/api/overview")));
      answers.add(tryAgain("Camunda REST API", FaultScenario.get(node, "jmueller", "/engine-rest/task/count")));
      answers.add(tryAgain("Tasklist", tasklist.getEngine("/task/count")));
    } finally {
      AppNode.sleep(Math.max(0, 10_000 - (System.nanoTime() - stopped) / 1_000_000));
      FaultDatabase.server("start");
    }
    double away = (System.nanoTime() - stopped) / 1e9;

    // no restart of the application: it answers again as soon as its pool has new connections
    long back = System.nanoTime();
    FaultScenario.awaitTrue(Duration.ofSeconds(60), () -> FaultScenario.get(node, "abecker", "/api/overview").statusCode() == 200);
    double recovered = (System.nanoTime() - back) / 1e9;
    assertThat(tasklist.getEngine("/task/count").statusCode()).isEqualTo(200);
    double quiet = FaultScenario.awaitQuiet(Duration.ofMinutes(3));

    List<String> reminders = FaultScenario.keysOf("OUTC");
    Tally tally = Tally.of(reminders, receivers.mailsByKey(), receivers.postsByKey(), FaultScenario::messageId);
    System.out.printf("[fault] outage: database away %.1f s; answers meanwhile: %s; requests served again %.1f s after its"
        + " start, every reminder out %.0f s later%n", away, answers, recovered, quiet);
    System.out.println(tally.line("outage, database restart"));
    assertThat(reminders).hasSize(120);
    assertThat(FaultDatabase.count("select count(*) from reminder")).isGreaterThanOrEqualTo(remindersBefore);
    assertThat(FaultDatabase.count("select count(*) from signature")).isEqualTo(signaturesBefore);
    assertDelivered(reminders);
    // a message the receiver accepted just as the database went away, before its record was
    // committed, goes again under the same Message-ID / Idempotency-Key: at most the jobs the node
    // held at that moment (8 threads, 20 queued)
    List<String> mailedTwice = repeated(receivers.mailsByKey(), reminders.stream().map(FaultScenario::messageId).toList());
    List<String> postedTwice = repeated(receivers.postsByKey(), reminders);
    System.out.printf("[fault] outage: database restart: of %d reminders mailed twice %d, posted twice %d%n",
        reminders.size(), mailedTwice.size(), postedTwice.size());
    assertThat(mailedTwice.size() + postedTwice.size()).isLessThanOrEqualTo(28);
    assertThat(receivers.idempotencyMismatches()).isZero();
    assertThat(FaultDatabase.count("select count(*) from act_ru_incident")).isZero();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The answer while the database is away: 503 with the German "try again", nothing technical. */
  private static String tryAgain(String what, HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(503);
    assertThat(response.body()).as(what).contains(DATABASE_AWAY).doesNotContain("Exception", "org.", "SQL");
    return what + " " + response.statusCode();
  }

  private static long mailed(List<String> keys) {
    Map<String, Integer> mails = receivers.mailsByKey();
    return keys.stream().filter(key -> mails.containsKey(FaultScenario.messageId(key))).count();
  }

  /** The open incidents of one step, as Cockpit lists them (the engine's REST API, as administrator). */
  private static List<String> incidents(String activityId) {
    HttpResponse<String> listed = FaultScenario.get(node, "admin", "/engine-rest/incident?incidentType=failedJob&activityId="
        + activityId + "&firstResult=0&maxResults=500");
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    List<String> jobIds = new ArrayList<>();
    Matcher job = JOB_ID.matcher(listed.body());
    while (job.find()) {
      jobIds.add(job.group(1));
    }
    return jobIds;
  }

  /** Cockpit's "Retry": one more attempt for each failed job. */
  private static void retry(List<String> jobIds) {
    for (String jobId : jobIds) {
      HttpResponse<String> retried = FaultScenario.putJson(node, "admin", "/engine-rest/job/" + jobId + "/retries",
          "{\"retries\":1}");
      assertThat(retried.statusCode()).as(retried.body()).isIn(204, 404);
    }
  }

  /** Seconds between consecutive failed attempts of the same job of a step. */
  private static List<Double> retryGaps(String activityId) {
    List<Double> gaps = new ArrayList<>();
    for (Map<String, Object> row : FaultDatabase.rows("select extract(epoch from timestamp_ - lag(timestamp_) over"
        + " (partition by job_id_ order by timestamp_)) as gap from act_hi_job_log where act_id_ = ? and job_state_ = 1",
        activityId)) {
      if (row.get("gap") != null) {
        gaps.add(Math.round(((Number) row.get("gap")).doubleValue() * 10) / 10.0);
      }
    }
    return gaps.size() > 12 ? gaps.subList(0, 12) : gaps;
  }

  /** How many jobs of a step, sending one of the given messages, have failed at least once. */
  private static long failures(String activityId, List<String> keys) {
    return FaultDatabase.count("select count(distinct l.job_id_) from act_hi_job_log l join act_hi_procinst p"
        + " on p.id_ = l.process_instance_id_ where l.act_id_ = ? and l.job_state_ = 1 and p.business_key_ = any (?)",
        activityId, keys.toArray(String[]::new));
  }

  /** The longest time from a job's creation to its first failure, over the jobs of a step sending the given messages. */
  private static double longestFirstAttempt(String activityId, List<String> keys) {
    return FaultDatabase.rows("select coalesce(max(extract(epoch from f.failed - c.timestamp_)), 0) as seconds from"
        + " (select l.job_id_, min(l.timestamp_) as failed from act_hi_job_log l join act_hi_procinst p"
        + " on p.id_ = l.process_instance_id_ where l.act_id_ = ? and l.job_state_ = 1 and p.business_key_ = any (?)"
        + " group by l.job_id_) f join act_hi_job_log c on c.job_id_ = f.job_id_ and c.job_state_ = 0",
        activityId, keys.toArray(String[]::new)).stream()
        .mapToDouble(row -> ((Number) row.get("seconds")).doubleValue()).max().orElse(0);
  }

  /** The keys (of the given ones) that arrived more than once. */
  private static List<String> repeated(Map<String, Integer> counts, List<String> keys) {
    return keys.stream().filter(key -> counts.getOrDefault(key, 0) > 1).toList();
  }

  private static void assertDelivered(List<String> keys) {
    Map<String, Integer> mails = receivers.mailsByKey();
    Map<String, Integer> posts = receivers.postsByKey();
    for (String key : keys) {
      assertThat(mails.get(FaultScenario.messageId(key))).as("mails of %s", key).isNotNull().isPositive();
      assertThat(posts.get(key)).as("posts of %s", key).isNotNull().isPositive();
    }
  }

  private static void assertExactlyOnce(List<String> keys) {
    Map<String, Integer> mails = receivers.mailsByKey();
    Map<String, Integer> posts = receivers.postsByKey();
    for (String key : keys) {
      assertThat(mails.get(FaultScenario.messageId(key))).as("mails of %s", key).isEqualTo(1);
      assertThat(posts.get(key)).as("posts of %s", key).isEqualTo(1);
    }
  }
}
