package de.umsetzungsmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.process.DataAgreementProcess;
import de.umsetzungsmonitor.process.DataDeliveryProcess;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's first command: the demo profile on H2 creates the demo users, imports both Koblenz
 * programmes at the seeds' state, and takes M 14 on to running deliveries, with overdue ones
 * reminded. Jobs are run here by hand (the demo's job executor would run them on its own).
 *
 * <p>{@code @Order(3)}: its own engine "default", closed before the PostgreSQL context starts.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:demo-start-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@DirtiesContext
@Order(3)
class DemoStartTest {

  @Autowired
  private IdentityService identity;

  @Autowired
  private RuntimeService runtime;

  @Autowired
  private TaskService tasks;

  @Autowired
  private ManagementService management;

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void theDemoStartsWithUsersBothProgrammesAndRunningDeliveriesOfM14() {
    assertThat(identity.createUserQuery().userIdIn("abecker", "jmueller", "hbraun", "cwolf").count()).isEqualTo(4);
    assertThat(jdbc.queryForList("select code from programme order by code", String.class)).containsExactly("BB2017", "SL2015");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("SL2015-M12")
        .taskDefinitionKey(MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK).count()).as("M 12 waits for its talk").isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike("SL2015-%")
        .taskDefinitionKey(MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS).count())
        .as("the other signed protocols wait for their indicators, as the seed says").isPositive();

    // M 14 went on to monitoring: two agreements, each opens its first period in a job of its own
    assertThat(jdbc.queryForObject("select phase from measure where business_key = 'SL2015-M14'", String.class))
        .isEqualTo("MONITORING_AGREED");
    List<Job> openPeriod = management.createJobQuery().processDefinitionKey(DataAgreementProcess.KEY)
        .activityId(DataAgreementProcess.SERVICE_TASK_OPEN_PERIOD).list();
    assertThat(openPeriod).hasSize(2);
    openPeriod.forEach(job -> management.executeJob(job.getId()));
    assertThat(jdbc.queryForList("select a.frequency || ' ' || d.state from delivery d join data_agreement a"
        + " on a.id = d.data_agreement_id order by a.frequency", String.class)).containsExactly("MONTHLY OPEN", "YEARLY OPEN");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("SL2015-M14")
        .taskDefinitionKey(DataDeliveryProcess.USER_TASK_DELIVER_DATA).taskCandidateGroup("jugendamt").count()).isEqualTo(2);

    // last month is overdue: its first overdue reminder reaches the Jugendamt's staff through the outbox
    Job overdue = management.createJobQuery().processDefinitionKey(DataDeliveryProcess.KEY)
        .activityId(DataDeliveryProcess.BOUNDARY_EVENT_OVERDUE).list().stream()
        .filter(job -> job.getDuedate().getTime() < System.currentTimeMillis() + 120_000).findFirst().orElseThrow();
    management.executeJob(overdue.getId());
    management.executeJob(management.createJobQuery().processInstanceId(overdue.getProcessInstanceId())
        .activityId(DataDeliveryProcess.SERVICE_TASK_SEND_OVERDUE_REMINDER).singleResult().getId());
    assertThat(jdbc.queryForList("select recipient_user_id from notification_outbox where notification_key like 'delivery-%-overdue-1-%'",
        String.class)).containsExactlyInAnyOrder("jmueller", "tschmitt");
  }
}
