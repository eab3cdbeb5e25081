package de.umsetzungsmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeCycle;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application starts (on a private in-memory H2 database, without the demo data), deploys
 * every model in {@code processes/} together with the forms its user tasks link, and finds a Spring
 * bean for every name a model uses in an expression.
 *
 * <p>Camunda's runtime container holds one engine named "default" per JVM, so this context runs
 * first ({@code @Order(1)}, see {@code junit-platform.properties}) and is closed afterwards, before
 * the shared PostgreSQL context of the integration tests starts.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:context-test-${random.uuid};DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "umsetzungsmonitor.external.links.secret=context-test-key-for-links-0123456789"})
@ActiveProfiles("context-test") // any profile but "demo": no demo users, no programme import
@DirtiesContext
@Order(1)
class ApplicationContextTest {

  private static final java.util.Set<String> PROCESS_VARIABLES = java.util.Arrays.stream(
          de.umsetzungsmonitor.process.ProcessVariables.class.getFields())
      .map(field -> {
        try {
          return ((de.umsetzungsmonitor.process.ProcessVariable<?>) field.get(null)).name();
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }).collect(java.util.stream.Collectors.toSet());
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

  @Autowired
  private ApplicationContext context;

  @Autowired
  private RepositoryService repository;

  @Autowired
  private JdbcTemplate jdbc;

  @Test
  void demoProfileIsOff() {
    assertThat(context.getEnvironment().getActiveProfiles()).doesNotContain("demo");
    assertThat(jdbc.queryForObject("select count(*) from programme", Long.class)).isZero();
  }

  @Test
  void everyModelIsDeployed_withTheFormsItsUserTasksLink() throws IOException {
    List<String> keys = modelKeys();
    assertThat(keys).contains("MeasurePhaseOneProcess", "ProtocolSignOffProcess");
    for (String key : keys) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(definition).as("deployed: %s", key).isNotNull();
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formKey = task.getCamundaFormKey();
        if (formKey != null && formKey.startsWith("embedded:app:")) {
          // an embedded HTML form (file upload), served by the application from forms/
          String path = formKey.substring("embedded:app:".length());
          assertThat(path).as("embedded form of %s", task.getId()).matches("forms/[A-Za-z]+\\.html");
          assertThat(new org.springframework.core.io.ClassPathResource(path).exists()).as("%s on the classpath", path).isTrue();
          continue;
        }
        String formRef = task.getCamundaFormRef();
        assertThat(formRef).as("formRef of %s in %s", task.getId(), key).isNotBlank();
        assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
        // the engine resolves a deployment-bound formRef among the Camunda Forms of the same deployment
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_CAMFORMDEF where KEY_ = ? and DEPLOYMENT_ID_ = ?",
            Long.class, formRef, definition.getDeploymentId()))
            .as("form '%s' of %s deployed with %s", formRef, task.getId(), key).isEqualTo(1);
        assertThat(repository.getDeploymentResourceNames(definition.getDeploymentId()))
            .as("file of form %s", formRef).contains("forms/" + formRef + ".form");
      }
    }
  }

  @Test
  void everyBeanAModelNamesExists() throws IOException {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String key : modelKeys()) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      List<String> expressions = new ArrayList<>();
      model.getModelElementsByType(ServiceTask.class).forEach(t -> expressions.add(t.getCamundaDelegateExpression()));
      model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
      model.getModelElementsByType(CamundaExecutionListener.class).forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
      // timers may read configuration beans, e.g. ${reminderProperties.signatureCycle}
      for (Class<? extends ModelElementInstance> timer : List.of(TimeCycle.class, TimeDate.class, TimeDuration.class)) {
        model.getModelElementsByType(timer).forEach(t -> expressions.add(t.getTextContent()));
      }
      for (String expression : expressions) {
        if (expression == null) {
          continue;
        }
        Matcher bean = BEAN_REFERENCE.matcher(expression);
        while (bean.find()) {
          if (PROCESS_VARIABLES.contains(bean.group(1))) {
            continue; // a timer date the process computed, e.g. ${dueAt}
          }
          checked++;
          if (!context.containsBean(bean.group(1))) {
            missing.add(key + ": " + expression);
          }
        }
      }
    }
    assertThat(checked).as("bean references found in the models").isGreaterThanOrEqualTo(12);
    assertThat(missing).as("expressions naming no bean").isEmpty();
  }

  /** Process ids = file names in {@code processes/}. */
  private static List<String> modelKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      keys.add(file.getFilename().replaceFirst("\\.bpmn$", ""));
    }
    return keys;
  }
}
