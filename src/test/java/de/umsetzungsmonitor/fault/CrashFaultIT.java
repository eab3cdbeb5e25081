package de.umsetzungsmonitor.fault;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.fault.Receivers.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A crash: while many protocols wait for signatures and deliveries are overdue, their reminders fly
 * and people sign and deliver, the application is killed with SIGKILL and started again. Nothing
 * acknowledged is lost (process instances, tasks, signatures, deliveries, outbox rows), every due
 * reminder reaches the SMTP server and the webhook receiver, a repeat only for a message whose
 * sending the kill interrupted (same Message-ID and Idempotency-Key), and the jobs the dead process
 * held resume within the job lock time plus a minute.
 */
class CrashFaultIT {

  private static final int MEASURES = 90;
  /** Every third measure is in monitoring with an overdue delivery; the others wait for signatures. */
  private static final int MONITORED_EVERY = 3;

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
  void killedMidFlight_startsAgain_losesNothing_andDeliversEveryReminder() throws Exception {
    try (AppNode node = AppNode.of("crash", receivers.smtpPort, receivers.webhookPort,
        Map.of("umsetzungsmonitor.reminders.signature-cycle", "R2/PT10S"))) {
      double startup = node.start();
      var imported = FaultScenario.importProgramme(node, FaultScenario.programme("CRASH", MEASURES, MONITORED_EVERY));
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

      // people keep signing protocols and delivering data while the reminders go out
      Set<String> signed = ConcurrentHashMap.newKeySet();
      Set<String> delivered = ConcurrentHashMap.newKeySet();
      AtomicBoolean working = new AtomicBoolean(true);
      Thread people = new Thread(() -> {
        Set<Integer> pending = new java.util.TreeSet<>();
        for (int i = 1; i <= MEASURES; i++) {
          pending.add(i);
        }
        while (working.get() && !pending.isEmpty()) {
          for (java.util.Iterator<Integer> next = pending.iterator(); next.hasNext() && working.get(); ) {
            int i = next.next();
            String key = "CRASH-M" + i;
            try {
              if (i % MONITORED_EVERY != 0) {
                FaultScenario.sign(node, "jmueller", key);
                signed.add(key);
                next.remove();
              } else if (FaultScenario.deliver(node, "tschmitt", key)) {
                delivered.add(key);
                next.remove();
              }
            } catch (RuntimeException e) {
              System.out.println("[fault] crash: people stopped: " + e.getMessage());
              return; // the node is gone; only what was acknowledged counts
            }
          }
          AppNode.sleep(200);
        }
      });
      people.start();

      FaultScenario.awaitTrue(Duration.ofMinutes(3), () -> receivers.mailCount() >= 150);
      long instancesBefore = FaultDatabase.count("select count(*) from act_hi_procinst");
      long tasksBefore = FaultDatabase.count("select count(*) from act_hi_taskinst");
      long signaturesBefore = FaultDatabase.count("select count(*) from signature");
      long deliveriesBefore = FaultDatabase.count("select count(*) from delivery");
      long valuesBefore = FaultDatabase.count("select count(*) from delivery_value");
      List<String> outboxBefore = FaultScenario.outboxKeys();
      node.kill();
      // the dead process cannot release its locks: they name exactly the jobs it was running or had queued
      List<String> lockedAtCrash = FaultDatabase.strings("select id_ from act_ru_job where lock_owner_ is not null");
      Set<String> inFlight = FaultScenario.keysOfLockedJobs();
      working.set(false);
      people.join();
      System.out.printf("[fault] crash: killed with %d messages in the outbox, %d mails received, %d jobs locked,"
          + " %d signatures and %d deliveries acknowledged%n", outboxBefore.size(), receivers.mailCount(), lockedAtCrash.size(),
          signed.size(), delivered.size());

      double restart = node.start();
      long resumedFrom = System.nanoTime();
      FaultScenario.awaitTrue(AppNode.LOCK_TIME.plusMinutes(1), () -> lockedAtCrash.isEmpty() || FaultDatabase.count(
          "select count(*) from act_ru_job where id_ = any (?)", (Object) lockedAtCrash.toArray(String[]::new)) == 0);
      double resumed = (System.nanoTime() - resumedFrom) / 1e9;
      double quiet = FaultScenario.awaitQuiet(Duration.ofMinutes(5));

      // nothing committed is lost
      assertThat(FaultDatabase.count("select count(*) from act_hi_procinst")).isGreaterThanOrEqualTo(instancesBefore);
      assertThat(FaultDatabase.count("select count(*) from act_hi_taskinst")).isGreaterThanOrEqualTo(tasksBefore);
      assertThat(FaultDatabase.count("select count(*) from signature")).isGreaterThanOrEqualTo(signaturesBefore);
      assertThat(FaultDatabase.count("select count(*) from delivery")).isGreaterThanOrEqualTo(deliveriesBefore);
      assertThat(FaultDatabase.count("select count(*) from delivery_value")).isGreaterThanOrEqualTo(valuesBefore);
      assertThat(FaultScenario.outboxKeys()).containsAll(outboxBefore);
      for (String key : delivered) {
        assertThat(FaultDatabase.strings("select d.state from delivery d join data_agreement a on a.id = d.data_agreement_id"
            + " join measure m on m.id = a.measure_id join delivery_value v on v.delivery_id = d.id where m.business_key = ?"
            + " and v.numeric_value = 17", key)).as("acknowledged delivery of %s", key).containsExactly("SUBMITTED");
      }
      assertThat(signed).as("signatures acknowledged before the kill").isNotEmpty();
      assertThat(delivered).as("deliveries acknowledged before the kill").isNotEmpty();
      for (String key : signed) {
        assertThat(FaultDatabase.count("select count(*) from signature s join talk_participant p on p.id = s.participant_id"
            + " join talk t on t.id = p.talk_id join measure m on m.id = t.measure_id where m.business_key = ? and p.user_id = 'jmueller'",
            key)).as("acknowledged signature of %s", key).isEqualTo(1);
      }
      // each reminder round written once per protocol, two rounds at most (R2)
      assertThat(FaultDatabase.count("select count(*) from (select kind, reference_id, round from reminder"
          + " group by kind, reference_id, round having count(*) > 1) twice")).isZero();
      assertThat(FaultDatabase.count("select coalesce(max(round), 0) from reminder where kind like 'protocol%'")).isLessThanOrEqualTo(2);

      List<String> due = FaultScenario.outboxKeys();
      Tally tally = Tally.of(due, receivers.mailsByKey(), receivers.postsByKey(), FaultScenario::messageId);
      System.out.println(tally.line("crash"));
      System.out.printf("[fault] crash: start %.1f s, restart %.1f s, locked jobs resumed after %.1f s (lock time %d s),"
          + " all delivered %.1f s after the restart%n", startup, restart, resumed, AppNode.LOCK_TIME.toSeconds(), quiet);
      assertThat(FaultScenario.signatureReminders()).isGreaterThan(MEASURES);
      assertThat(tally.mailsLost()).as("mails lost").isZero();
      assertThat(tally.postsLost()).as("webhook posts lost").isZero();
      // the one gap: a message on its way when the process died, accepted by the receiver but not yet
      // recorded; it goes again, under the same Message-ID and Idempotency-Key, so receivers can drop it
      Set<String> mailedTwice = Receivers.duplicated(receivers.mailsByKey());
      Set<String> postedTwice = Receivers.duplicated(receivers.postsByKey());
      System.out.printf("[fault] crash: %d messages in flight at the kill, of them mailed twice %d, posted twice %d%n",
          inFlight.size(), mailedTwice.size(), postedTwice.size());
      assertThat(inFlight.stream().map(FaultScenario::messageId).toList()).as("only messages in flight at the kill went twice")
          .containsAll(mailedTwice);
      assertThat(inFlight).as("only messages in flight at the kill went twice").containsAll(postedTwice);
      assertThat(receivers.idempotencyMismatches()).isZero();
      assertThat(resumed).isLessThanOrEqualTo(AppNode.LOCK_TIME.toSeconds() + 60);
    }
  }
}
