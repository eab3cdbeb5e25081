package de.umsetzungsmonitor.fault;

import de.umsetzungsmonitor.notification.NotificationDispatch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the fault tests share: a programme with many measures whose protocols wait for signatures
 * (so reminders fall due by the hundred) and some in monitoring with an overdue delivery, its
 * import, calls as a user (signing, delivering), and the moment when everything that was due has
 * been delivered.
 */
public final class FaultScenario {

  static final String DEMO_PASSWORD = "Koblenz-2018!";
  /** The participants who have not signed in the default programme: three reminders per round. */
  static final List<String> THREE_MISSING = List.of("jmueller", "tschmitt", "mfischer");
  /** Ten demo users from eight offices who have not signed: ten reminders per round. */
  static final List<String> TEN_MISSING = List.of("jmueller", "tschmitt", "mfischer", "kschneider", "jwagner", "lweber",
      "shoffmann", "pkoch", "nrichter", "dklein");

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private FaultScenario() {}

  /**
   * A programme of {@code measures} measures, each with a held talk of four participants. Every
   * {@code monitoredEvery}-th measure (0: none) has its protocol signed by all and is in monitoring:
   * a monthly data agreement of the Jugendamt whose first periods lie months back, so a delivery is
   * open and overdue at once. The others wait for three signatures, so reminders fall due by the
   * hundred.
   */
  static String programme(String code, int measures, int monitoredEvery) {
    return programme(code, measures, monitoredEvery, THREE_MISSING);
  }

  /** The same with other participants who have not signed (abecker always has). */
  static String programme(String code, int measures, int monitoredEvery, List<String> missing) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("code: ").append(code).append('\n')
        .append("title: Lasttest ").append(code).append('\n')
        .append("committee: Sozialausschuss\n")
        .append("coordinatingOffice: sozialplanung\n")
        .append("offices:\n")
        .append("  - {code: sozialplanung, name: Fachstelle Sozialplanung/Sozialberichterstattung}\n")
        .append("  - {code: jugendamt, name: \"Amt für Jugend, Familie, Senioren und Soziales\"}\n")
        .append("  - {code: stadtplanung, name: Amt für Stadtentwicklung und Bauordnung}\n")
        .append("fieldsOfAction:\n  - {code: SOZ, name: Soziale Lage}\n")
        .append("measures:\n");
    for (int i = 1; i <= measures; i++) {
      boolean monitored = monitoredEvery > 0 && i % monitoredEvery == 0;
      yaml.append("  - code: M ").append(i).append('\n')
          .append("    fieldOfAction: SOZ\n")
          .append("    text: Maßnahme ").append(i).append(" des Lasttests\n")
          .append("    status: ongoing\n")
          .append("    leadOffices: [jugendamt, stadtplanung]\n")
          .append("    history:\n")
          .append("      talk:\n")
          .append("        scheduledFor: 2026-01-10\n")
          .append("        heldOn: 2026-01-10\n")
          .append("        participants: [abecker, ").append(String.join(", ", missing)).append("]\n")
          .append("        approach: Bestandsanalyse\n");
      if (monitored) {
        yaml.append("        dataAgreements:\n")
            .append("          - office: jugendamt\n")
            .append("            data: Monatliche Meldung ").append(i).append('\n')
            .append("            frequency: MONTHLY\n")
            .append("            firstDue: ").append(MONTHLY_FIRST_DUE).append('\n');
      }
      yaml.append("      protocol:\n")
          .append("        text: Protokoll ").append(i).append('\n')
          .append("        signatures:\n")
          .append("          - {participant: abecker, signedOn: 2026-01-11}\n");
      if (monitored) {
        for (String participant : missing) {
          yaml.append("          - {participant: ").append(participant).append(", signedOn: 2026-01-12}\n");
        }
        yaml.append("      indicators:\n")
            .append("        - {name: Anfragen, definition: Anfragen im Monat, unit: Anfragen, type: COUNT, sourceOffice: jugendamt}\n");
      }
    }
    return yaml.toString();
  }

  /**
   * First due date of the monthly agreements: some months back on a day 10 to 13 days ago (never
   * past the 28th), so the latest period is overdue by more than the overdue interval at once.
   */
  private static final String MONTHLY_FIRST_DUE = monthlyFirstDue();

  private static String monthlyFirstDue() {
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(10);
    if (day.getDayOfMonth() > 28) {
      day = day.withDayOfMonth(28);
    }
    return day.minusMonths(3).toString();
  }

  /** Imports a programme file as the administrator; returns the HTTP status. */
  public static HttpResponse<String> importProgramme(AppNode node, String yaml) {
    return send(node, "admin", AppNode.ADMIN_PASSWORD, HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/programmes"))
        .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/yaml")
        .POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)));
  }

  public static HttpResponse<String> get(AppNode node, String user, String path) {
    return send(node, user, password(user), HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET());
  }

  static HttpResponse<String> postJson(AppNode node, String user, String path, String json) {
    return send(node, user, password(user), HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  static HttpResponse<String> putJson(AppNode node, String user, String path, String json) {
    return send(node, user, password(user), HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private static String password(String user) {
    return "admin".equals(user) ? AppNode.ADMIN_PASSWORD : DEMO_PASSWORD;
  }

  /** Sends a request; a connection refused while the node still runs is tried again (three times). */
  private static HttpResponse<String> send(AppNode node, String user, String password, HttpRequest.Builder request) {
    request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    HttpRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      try {
        return HTTP.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.net.ConnectException e) {
        if (attempt == 3 || !node.running()) {
          throw new IllegalStateException(node.baseUrl() + ": connection refused", e);
        }
        AppNode.sleep(500);
      } catch (IOException e) {
        throw new IllegalStateException(node.baseUrl() + ": " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The keys of the messages whose dispatch job a node held when it died (the locks outlive it). */
  static Set<String> keysOfLockedJobs() {
    return Set.copyOf(FaultDatabase.strings("select distinct e.business_key_ from act_ru_job j join act_ru_execution e"
        + " on e.id_ = j.process_instance_id_ where j.lock_owner_ is not null and e.business_key_ is not null"));
  }

  /** The keys of every message in the outbox (each due once by mail and once by webhook). */
  static List<String> outboxKeys() {
    return FaultDatabase.strings("select notification_key from notification_outbox order by id");
  }

  /** The keys of the messages of one programme's protocols and deliveries (reminders, escalations). */
  static List<String> keysOf(String programmeCode) {
    return FaultDatabase.strings("select o.notification_key from notification_outbox o where o.notification_key like 'protocol-%'"
        + " and split_part(o.notification_key, '-', 2)::bigint in (select p.id from protocol p join talk t on t.id = p.talk_id"
        + " join measure m on m.id = t.measure_id join programme g on g.id = m.programme_id where g.code = ?) order by o.id",
        programmeCode);
  }

  /** How many reminder messages (one per round and missing signatory) the outbox holds. */
  static long signatureReminders() {
    return FaultDatabase.count("select count(*) from notification_outbox where notification_key like 'protocol-%-reminder-%'");
  }

  /**
   * Signs a participant's protocol of one measure through the Camunda REST API, as Tasklist would;
   * returns whether it was acknowledged (204). A refusal is a failure of the scenario and thrown.
   */
  static boolean sign(AppNode node, String user, String measureKey) {
    HttpResponse<String> found = get(node, user, "/engine-rest/task?processInstanceBusinessKey=" + measureKey
        + "&taskDefinitionKey=UserTask_SignProtocol&involvedUser=" + user + "&firstResult=0&maxResults=5");
    String body = found.body();
    int at = body.indexOf("\"id\":\"");
    if (found.statusCode() != 200 || at < 0) {
      throw new IllegalStateException("no signing task of " + user + " for " + measureKey + ": " + found.statusCode() + " " + body);
    }
    String taskId = body.substring(at + 6, body.indexOf('"', at + 6));
    HttpResponse<String> claimed = postJson(node, user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    if (claimed.statusCode() != 204) {
      throw new IllegalStateException("claim refused: " + claimed.statusCode() + " " + claimed.body());
    }
    HttpResponse<String> submitted = postJson(node, user, "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"signatureDecision\":{\"value\":\"sign\"},\"protocolVersion\":{\"value\":1}}}");
    if (submitted.statusCode() != 204) {
      throw new IllegalStateException("signing refused: " + submitted.statusCode() + " " + submitted.body());
    }
    return true;
  }

  /**
   * Delivers the open period of a monitored measure through the Camunda REST API, as the Jugendamt
   * would in Tasklist; returns false while no delivery task is open yet.
   */
  static boolean deliver(AppNode node, String user, String measureKey) {
    HttpResponse<String> found = get(node, user, "/engine-rest/task?processInstanceBusinessKey=" + measureKey
        + "&taskDefinitionKey=UserTask_DeliverData&candidateUser=" + user + "&firstResult=0&maxResults=5");
    String body = found.body();
    int at = body.indexOf("\"id\":\"");
    if (found.statusCode() != 200) {
      throw new IllegalStateException("delivery tasks of " + measureKey + ": " + found.statusCode() + " " + body);
    }
    if (at < 0) {
      return false;
    }
    String taskId = body.substring(at + 6, body.indexOf('"', at + 6));
    long indicator = FaultDatabase.count("select i.id from indicator i join measure m on m.id = i.measure_id"
        + " where m.business_key = ?", measureKey);
    HttpResponse<String> claimed = postJson(node, user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    if (claimed.statusCode() != 204) {
      throw new IllegalStateException("claim refused: " + claimed.statusCode() + " " + claimed.body());
    }
    HttpResponse<String> submitted = postJson(node, user, "/engine-rest/task/" + taskId + "/submit-form",
        "{\"variables\":{\"deliveredValues\":{\"type\":\"Json\",\"value\":\"{\\\"" + indicator + "\\\":\\\"17\\\"}\"}}}");
    if (submitted.statusCode() != 204) {
      throw new IllegalStateException("delivery refused: " + submitted.statusCode() + " " + submitted.body());
    }
    return true;
  }

  /**
   * Waits until nothing is due any more: every outbox message delivered on both channels, no
   * reminder timer of a sign-off left, no job with retries left due within the next 90 seconds
   * (a delivery's first overdue reminder comes a minute after it opens). Returns the seconds it took.
   */
  static double awaitQuiet(Duration timeout) {
    long start = System.nanoTime();
    awaitTrue(timeout, () -> FaultDatabase.count("select count(*) from notification_outbox where sent_at is null") == 0
        && FaultDatabase.count("select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
            + " where d.act_id_ = 'BoundaryEvent_SignatureReminderDue'") == 0
        && FaultDatabase.count("select count(*) from act_ru_job where retries_ > 0 and (duedate_ is null or duedate_ < now()"
            + " + interval '90 seconds') and (process_def_key_ is null or process_def_key_ <> 'NotificationDigestProcess')") == 0);
    AppNode.sleep(2000); // and stays so
    awaitTrue(Duration.ofSeconds(30), () -> FaultDatabase.count("select count(*) from notification_outbox where sent_at is null") == 0);
    return (System.nanoTime() - start) / 1e9;
  }

  public static void awaitTrue(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not reached within " + timeout);
      }
      AppNode.sleep(500);
    }
  }

  static String messageId(String key) {
    return NotificationDispatch.messageId(key);
  }
}
