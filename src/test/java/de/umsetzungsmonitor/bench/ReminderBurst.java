package de.umsetzungsmonitor.bench;

import de.umsetzungsmonitor.fault.AppNode;
import de.umsetzungsmonitor.fault.FaultScenario;
import de.umsetzungsmonitor.fault.Receivers;
import de.umsetzungsmonitor.notification.NotificationDispatch;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Deliveries falling overdue all at once. Application: monthly deliveries of an office with one
 * member, each in its delivery process with its overdue timer; at one instant every timer of a
 * group of them is made due (one SQL update, as if the clock had passed their date) while the
 * application runs, and the time is taken until the SMTP server has every reminder. Bare engine:
 * the same number of timers, each followed by an asynchronous no-op step, made due the same way.
 */
final class ReminderBurst {

  /** What one burst measured; lateness is from the moment the timers fell due to the mail's arrival. */
  record Result(int reminders, double seconds, double p50, double p99, int received, int duplicates, int lost) {}

  private ReminderBurst() {}

  // --- application ---------------------------------------------------------------------------

  /** Imports programmes until {@code deliveries} deliveries of group {@code prefix} wait, each with its overdue timer. */
  static void prepare(AppNode node, String database, String prefix, int deliveries) {
    int perMeasure = 10;
    int measuresPerProgramme = 100;
    int measures = Math.max(1, deliveries / perMeasure);
    int programmes = (measures + measuresPerProgramme - 1) / measuresPerProgramme;
    for (int p = 1; p <= programmes; p++) {
      int count = Math.min(measuresPerProgramme, measures - (p - 1) * measuresPerProgramme);
      HttpResponse<String> imported = FaultScenario.importProgramme(node, programme(prefix + p, count, perMeasure));
      if (imported.statusCode() != 200) {
        throw new IllegalStateException("import of " + prefix + p + ": " + imported.statusCode() + " " + imported.body());
      }
    }
    int expected = measures * perMeasure;
    FaultScenario.awaitTrue(Duration.ofMinutes(60), () -> overdueTimers(database, prefix) >= expected
        && count(database, "select count(*) from act_ru_job where retries_ > 0 and duedate_ < now()") == 0);
  }

  /** Makes every overdue timer of the group due now, at one instant; returns that instant (epoch ms, database clock). */
  static long fallDue(String database, String prefix) {
    try (Connection connection = BenchDatabase.connect(database)) {
      connection.setAutoCommit(false);
      long now;
      try (PreparedStatement clock = connection.prepareStatement("select now()"); ResultSet row = clock.executeQuery()) {
        row.next();
        now = row.getTimestamp(1).getTime();
      }
      try (PreparedStatement update = connection.prepareStatement("update act_ru_job j set duedate_ = ? from act_ru_jobdef d,"
          + " act_ru_execution e where d.id_ = j.job_def_id_ and e.id_ = j.process_instance_id_"
          + " and d.act_id_ = 'BoundaryEvent_Overdue' and e.business_key_ like ?")) {
        update.setTimestamp(1, new Timestamp(now));
        update.setString(2, prefix + "%");
        update.executeUpdate();
      }
      connection.commit();
      return now;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits until the SMTP server has {@code expected} more mails than {@code mailsBefore} (one per
   * overdue delivery of the group), then counts them by key.
   */
  static Result await(Receivers receivers, String database, String prefix, int expected, int mailsBefore, long dueAt) {
    long started = System.nanoTime();
    while (receivers.mailCount() < mailsBefore + expected) {
      AppNode.sleep(50);
      if (System.nanoTime() - started > Duration.ofMinutes(60).toNanos()) {
        throw new IllegalStateException("burst " + prefix + " not delivered within an hour");
      }
    }
    List<String> keys = keys(database, prefix);
    Map<String, Integer> mails = receivers.mailsByKey();
    Map<String, Long> arrivals = receivers.mailArrivals();
    double[] lateness = keys.stream().map(NotificationDispatch::messageId).filter(arrivals::containsKey)
        .mapToDouble(id -> arrivals.get(id) - dueAt).toArray();
    long last = keys.stream().map(NotificationDispatch::messageId).filter(arrivals::containsKey)
        .mapToLong(arrivals::get).max().orElse(dueAt);
    int received = keys.stream().mapToInt(key -> mails.getOrDefault(NotificationDispatch.messageId(key), 0)).sum();
    int distinct = (int) keys.stream().filter(key -> mails.containsKey(NotificationDispatch.messageId(key))).count();
    return new Result(keys.size(), (last - dueAt) / 1000.0, Latencies.percentile(lateness, 50) / 1000.0,
        Latencies.percentile(lateness, 99) / 1000.0, received, received - distinct, keys.size() - distinct);
  }

  private static List<String> keys(String database, String prefix) {
    return strings(database, "select o.notification_key from notification_outbox o join delivery d"
        + " on d.id = split_part(o.notification_key, '-', 2)::bigint join data_agreement a on a.id = d.data_agreement_id"
        + " join measure m on m.id = a.measure_id where o.notification_key like 'delivery-%-overdue-%' and m.business_key like ?",
        prefix + "%");
  }

  private static long overdueTimers(String database, String prefix) {
    return count(database, "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
        + " join act_ru_execution e on e.id_ = j.process_instance_id_ where d.act_id_ = 'BoundaryEvent_Overdue'"
        + " and e.business_key_ like '" + prefix + "%'");
  }

  /**
   * A programme of measures in monitoring, each with {@code agreements} monthly data agreements of
   * the Liegenschaftsamt (one member: one reminder is one mail), first due in two months.
   */
  static String programme(String code, int measures, int agreements) {
    String firstDue = LocalDate.now().plusMonths(2).withDayOfMonth(1).toString();
    StringBuilder yaml = new StringBuilder();
    yaml.append("code: ").append(code).append('\n')
        .append("title: Mahnwelle ").append(code).append('\n')
        .append("committee: Sozialausschuss\n")
        .append("coordinatingOffice: sozialplanung\n")
        .append("offices:\n")
        .append("  - {code: sozialplanung, name: Fachstelle Sozialplanung/Sozialberichterstattung}\n")
        .append("  - {code: jugendamt, name: \"Amt für Jugend, Familie, Senioren und Soziales\"}\n")
        .append("  - {code: liegenschaften, name: Liegenschaftsamt}\n")
        .append("fieldsOfAction:\n  - {code: SOZ, name: Soziale Lage}\n")
        .append("measures:\n");
    for (int i = 1; i <= measures; i++) {
      yaml.append("  - code: M ").append(i).append('\n')
          .append("    fieldOfAction: SOZ\n")
          .append("    text: Maßnahme ").append(i).append('\n')
          .append("    status: ongoing\n")
          .append("    leadOffices: [jugendamt, liegenschaften]\n")
          .append("    history:\n")
          .append("      talk:\n")
          .append("        scheduledFor: 2026-01-10\n")
          .append("        heldOn: 2026-01-10\n")
          .append("        participants: [abecker, lweber]\n")
          .append("        approach: Bestandsanalyse\n")
          .append("        dataAgreements:\n");
      for (int a = 1; a <= agreements; a++) {
        yaml.append("          - {office: liegenschaften, data: Meldung ").append(a).append(", frequency: MONTHLY, firstDue: ")
            .append(firstDue).append("}\n");
      }
      yaml.append("      protocol:\n")
          .append("        text: Protokoll ").append(i).append('\n')
          .append("        signatures:\n")
          .append("          - {participant: abecker, signedOn: 2026-01-11}\n")
          .append("          - {participant: lweber, signedOn: 2026-01-12}\n")
          .append("      indicators:\n")
          .append("        - {name: Flächen, definition: Flächen im Monat, unit: ha, type: COUNT, sourceOffice: liegenschaften}\n");
    }
    return yaml.toString();
  }

  // --- bare engine ---------------------------------------------------------------------------

  /**
   * {@code count} instances waiting at their timer, made due at once, then the default job
   * executor started; returns when every instance has ended.
   */
  static Result bare(BareEngine bare, int count) {
    ProcessEngine engine = bare.engine;
    for (int i = 0; i < count; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("BenchBurstProcess", "BURST-" + i);
    }
    long dueAt;
    try (Connection connection = BenchDatabase.connect(bare.database)) {
      connection.setAutoCommit(false);
      try (PreparedStatement clock = connection.prepareStatement("select now()"); ResultSet row = clock.executeQuery()) {
        row.next();
        dueAt = row.getTimestamp(1).getTime();
      }
      try (PreparedStatement update = connection.prepareStatement("update act_ru_job set duedate_ = ?")) {
        update.setTimestamp(1, new Timestamp(dueAt));
        update.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().start();
    FaultScenario.awaitTrue(Duration.ofMinutes(60), () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey("BenchBurstProcess").count() == 0);
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
    double[] lateness = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("BenchBurstProcess")
        .unlimitedList().stream().mapToDouble(instance -> instance.getEndTime().getTime() - dueAt).toArray();
    double last = java.util.Arrays.stream(lateness).max().orElse(0);
    return new Result(count, last / 1000.0, Latencies.percentile(lateness, 50) / 1000.0, Latencies.percentile(lateness, 99) / 1000.0,
        count, 0, 0);
  }

  // --- helpers -------------------------------------------------------------------------------

  static long count(String database, String sql) {
    try (Connection connection = BenchDatabase.connect(database); PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> strings(String database, String sql, String parameter) {
    try (Connection connection = BenchDatabase.connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        java.util.List<String> values = new java.util.ArrayList<>();
        while (rows.next()) {
          values.add(rows.getString(1));
        }
        return values;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
