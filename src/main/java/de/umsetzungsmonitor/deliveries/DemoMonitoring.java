package de.umsetzungsmonitor.deliveries;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.OfficeRepository;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile: takes configured measures of the imported programmes on to running deliveries, the
 * way the coordinating unit would in Tasklist: extra data agreements are added to the talk, and the
 * step "Indikatoren konkretisieren" is completed with the configured indicators. The programme files
 * stay as the seeds record them. Does nothing for a measure that is past that step (a restart).
 */
@Component
@Profile("demo")
class DemoMonitoring {

  private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);

  private final Settings settings;
  private final MeasureRepository measures;
  private final TalkRepository talks;
  private final OfficeRepository offices;
  private final DataAgreementRepository agreements;
  private final TaskService tasks;

  DemoMonitoring(Settings settings, MeasureRepository measures, TalkRepository talks, OfficeRepository offices,
      DataAgreementRepository agreements, TaskService tasks) {
    this.settings = settings;
    this.measures = measures;
    this.talks = talks;
    this.offices = offices;
    this.agreements = agreements;
    this.tasks = tasks;
  }

  @EventListener(PostDeployEvent.class)
  @Order(3)
  @Transactional
  public void startDemoDeliveries() {
    for (Entry entry : settings.monitoring()) {
      Measure measure = measures.findByBusinessKey(entry.measure()).orElse(null);
      Task step = measure == null ? null : tasks.createTaskQuery().processInstanceBusinessKey(entry.measure())
          .taskDefinitionKey(MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS).singleResult();
      if (step == null) {
        continue;
      }
      Talk talk = talks.findByMeasureId(measure.getId()).orElseThrow();
      int position = agreements.findByMeasureIdOrderByPosition(measure.getId()).size() + 1;
      for (AgreementEntry agreement : entry.dataAgreements()) {
        agreements.save(new DataAgreement(talk, offices.findByCode(agreement.office()).orElseThrow(), agreement.data(),
            Frequency.parse(agreement.frequency()), agreement.firstDue(), position++));
      }
      tasks.complete(step.getId(), Map.of(ProcessVariables.INDICATORS.name(), Spin.JSON(entry.indicators())));
      log.info("Demo: indicators of {} concretised, its deliveries started", entry.measure());
    }
  }

  /** {@code umsetzungsmonitor.demo.monitoring}: measures the demo takes on to monitoring. */
  @ConfigurationProperties("umsetzungsmonitor.demo")
  record Settings(List<Entry> monitoring) {
    Settings {
      monitoring = monitoring == null ? List.of() : monitoring;
    }
  }

  record Entry(String measure, List<AgreementEntry> dataAgreements, List<Map<String, String>> indicators) {
    Entry {
      dataAgreements = dataAgreements == null ? List.of() : dataAgreements;
    }
  }

  record AgreementEntry(String office, String data, String frequency, LocalDate firstDue) {}
}
