package de.umsetzungsmonitor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.security.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions of STYLE.md sections 2 and 3, checked on every model in {@code processes/}. Each
 * test lists every violation it finds as "file: element: what is wrong".
 */
class ModelConventionsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Path MAIN_SOURCES = Path.of("src/main/java");

  /** What the Modeler generates, e.g. {@code Activity_0x7k2m1}, {@code Flow_1abc2de}. */
  private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");
  private static final Pattern ID_SCHEME = Pattern.compile(
      "^(StartEvent|EndEvent|UserTask|ServiceTask|SendTask|CallActivity|Gateway|BoundaryEvent|Flow|ReceiveTask"
          + "|SubProcess|Message|Error|Timer|Lane|Participant|Process)_[A-Z][A-Za-z]+$");
  /** A label that looks like an id or a class name rather than German words. */
  private static final Pattern TECHNICAL_LABEL = Pattern.compile("_|[a-zäöüß][A-ZÄÖÜ]");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([a-z][A-Za-z0-9]*)}$");
  private static final Pattern COMPONENT = Pattern.compile("@Component(?:\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"\\s*\\))?");
  /** A connector URL read from a typed configuration bean, e.g. {@code ${notificationProperties.webhook.url}}. */
  private static final Pattern CONFIGURED_URL = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*Properties(\\.[a-z][A-Za-z0-9]*)*\\.url}$");
  /**
   * Or a URL from data, passed through a configuration bean that checks it against configured
   * prefixes, e.g. {@code ${deliveryProperties.checkedSourceUrl(sourceUrl)}}.
   */
  private static final Pattern CHECKED_URL = Pattern.compile("^\\$\\{[a-z][A-Za-z0-9]*Properties\\.checked[A-Za-z]*Url\\([a-z][A-Za-z0-9]*\\)}$");
  /** A process variable in a label, e.g. the period in "Daten liefern: ${deliveryTitle}". */
  private static final Pattern LABEL_PLACEHOLDER = Pattern.compile("\\$\\{[a-z][A-Za-z0-9]*}");
  /** Groups a service resolves from the programme's offices and hands to the model as variables. */
  private static final Set<String> OFFICE_GROUP_EXPRESSIONS = Set.of(
      "${" + ProcessVariables.SUPPLIER_GROUP.name() + "}", "${" + ProcessVariables.OFFICE_HEAD_GROUP.name() + "}");
  private static final String COORDINATION_GROUP_EXPRESSION = "${" + ProcessVariables.COORDINATION_GROUP.name() + "}";

  /** Prefix an id must have for its element type; checked in this order (most specific first). */
  private static final Map<Class<? extends BaseElement>, String> PREFIXES = new LinkedHashMap<>();

  static {
    PREFIXES.put(StartEvent.class, "StartEvent");
    PREFIXES.put(EndEvent.class, "EndEvent");
    PREFIXES.put(BoundaryEvent.class, "BoundaryEvent");
    PREFIXES.put(UserTask.class, "UserTask");
    PREFIXES.put(ServiceTask.class, "ServiceTask");
    PREFIXES.put(SendTask.class, "SendTask");
    PREFIXES.put(ReceiveTask.class, "ReceiveTask");
    PREFIXES.put(CallActivity.class, "CallActivity");
    PREFIXES.put(SubProcess.class, "SubProcess");
    PREFIXES.put(Gateway.class, "Gateway");
    PREFIXES.put(SequenceFlow.class, "Flow");
    PREFIXES.put(Message.class, "Message");
    PREFIXES.put(org.camunda.bpm.model.bpmn.instance.Error.class, "Error");
    PREFIXES.put(Lane.class, "Lane");
    PREFIXES.put(Participant.class, "Participant");
  }

  private static Map<String, BpmnModelInstance> models;

  @BeforeAll
  static void readEveryModel() throws IOException {
    models = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          models.put(file.getFileName().toString(), Bpmn.readModelFromStream(in));
        }
      }
    }
    assertThat(models).as("models in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
  }

  /** The retention table of the README (section "Operations") is what the models say. */
  @Test
  void everyProcessKeepsItsHistoryAsLongAsTheReadmeSays() throws IOException {
    java.util.regex.Pattern row = java.util.regex.Pattern.compile("(?m)^\\s*\\| `(\\w+Process)` \\| (\\d+) \\|");
    java.util.regex.Matcher rows = row.matcher(Files.readString(Path.of("README.md")));
    Map<String, Integer> stated = new java.util.TreeMap<>();
    while (rows.find()) {
      stated.put(rows.group(1), Integer.valueOf(rows.group(2)));
    }
    Map<String, Integer> modelled = new java.util.TreeMap<>();
    check((file, model) -> model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
        .forEach(process -> modelled.put(process.getId(), process.getCamundaHistoryTimeToLive())));
    assertThat(modelled).isNotEmpty().isEqualTo(stated);
  }

  @Test
  void everyProcessIsNamedAfterItsFile_andSetsHistoryTimeToLiveAndVersionTag() {
    List<String> violations = check((file, model) -> {
      Collection<Process> processes = model.getModelElementsByType(Process.class);
      if (processes.stream().noneMatch(p -> file.equals(p.getId() + ".bpmn"))) {
        violations(file).add(file + ": no process with the id " + file.replace(".bpmn", ""));
      }
      for (Process process : processes) {
        if (!process.isExecutable()) {
          continue;
        }
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          violations(file).add(file + ": " + process.getId() + ": camunda:historyTimeToLive missing");
        }
        if (blank(process.getCamundaVersionTag())) {
          violations(file).add(file + ": " + process.getId() + ": camunda:versionTag missing");
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void noIdIsGenerated_andEveryElementIdFollowsTheNamingScheme() {
    List<String> violations = check((file, model) -> {
      walk(model.getDocument().getRootElement(), element -> {
        String id = element.getAttribute("id");
        if (id != null && GENERATED_ID.matcher(id).matches()) {
          violations(file).add(file + ": " + id + ": generated id, rename it in the Modeler");
        }
      });
      List<BaseElement> named = new ArrayList<>(model.getModelElementsByType(FlowElement.class));
      named.addAll(model.getModelElementsByType(Message.class));
      named.addAll(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class));
      named.addAll(model.getModelElementsByType(Lane.class));
      named.addAll(model.getModelElementsByType(Participant.class));
      for (BaseElement element : named) {
        String id = element.getId();
        if (!ID_SCHEME.matcher(id).matches()) {
          violations(file).add(file + ": " + id + ": id does not follow " + ID_SCHEME.pattern());
          continue;
        }
        PREFIXES.entrySet().stream()
            .filter(prefix -> prefix.getKey().isInstance(element))
            .findFirst()
            .filter(prefix -> !id.startsWith(prefix.getValue() + "_"))
            .ifPresent(prefix -> violations(file).add(file + ": " + id + ": a "
                + element.getElementType().getTypeName() + " id starts with " + prefix.getValue() + "_"));
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void tasksEventsAndDecidingGatewaysHaveGermanLabels_andConditionalFlowsTheAnswer() {
    List<String> violations = check((file, model) -> {
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        boolean deciding = node instanceof ExclusiveGateway && node.getOutgoing().size() > 1;
        if (node instanceof Activity || node instanceof Event || deciding) {
          checkLabel(file, node.getId(), node.getName());
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (flow.getConditionExpression() != null) {
          checkLabel(file, flow.getId(), flow.getName());
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void serviceAndSendTasksCallABeanByDelegateExpression_andNothingUsesCamundaClassOrScripts() {
    List<String> violations = check((file, model) -> {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        if (blank(task.getCamundaDelegateExpression()) && connector(task) == null) {
          violations(file).add(file + ": " + task.getId() + ": service task without camunda:delegateExpression");
        }
      }
      for (SendTask task : model.getModelElementsByType(SendTask.class)) {
        if (blank(task.getCamundaDelegateExpression())) {
          violations(file).add(file + ": " + task.getId() + ": send task without camunda:delegateExpression");
        }
      }
      for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
        violations(file).add(file + ": " + task.getId() + ": script task, write a delegate instead");
      }
      walk(model.getDocument().getRootElement(), element -> {
        boolean camundaElement = BpmnModelConstants.CAMUNDA_NS.equals(element.getNamespaceURI());
        if (element.hasAttribute(BpmnModelConstants.CAMUNDA_NS, "class")
            || (camundaElement && element.hasAttribute("class"))) {
          violations(file).add(file + ": " + describe(element) + ": camunda:class, use a delegateExpression");
        }
        if (camundaElement && "script".equals(element.getLocalName())) {
          violations(file).add(file + ": " + describe(element) + ": camunda:script, write a delegate instead");
        }
      });
    });
    assertThat(violations).isEmpty();
  }

  /**
   * A service task may instead call Camunda Connect's HTTP connector, asynchronously (it talks to
   * the outside), to a URL from configuration only: never from a process variable or form input.
   */
  @Test
  void connectorTasksCallTheHttpConnectorAsynchronously_atAConfiguredUrl() {
    List<String> violations = check((file, model) -> {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        CamundaConnector connector = connector(task);
        if (connector == null) {
          continue;
        }
        String connectorId = connector.getCamundaConnectorId() == null ? null : connector.getCamundaConnectorId().getTextContent();
        if (!"http-connector".equals(connectorId)) {
          violations(file).add(file + ": " + task.getId() + ": connector '" + connectorId + "' is not http-connector");
        }
        if (!task.isCamundaAsyncBefore()) {
          violations(file).add(file + ": " + task.getId() + ": connector task without camunda:asyncBefore");
        }
        String url = connector.getCamundaInputOutput() == null ? null
            : connector.getCamundaInputOutput().getCamundaInputParameters().stream()
                .filter(parameter -> "url".equals(parameter.getCamundaName()))
                .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
        if (url == null || !(CONFIGURED_URL.matcher(url.strip()).matches() || CHECKED_URL.matcher(url.strip()).matches())) {
          violations(file).add(file + ": " + task.getId() + ": url '" + url
              + "' does not come from configuration (${somethingProperties.….url})");
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void everyDelegateExpressionNamesAComponentOfTheRightKind() throws IOException {
    Map<String, String> components = componentSources();
    List<String> violations = check((file, model) -> {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        checkBean(file, task.getId(), task.getCamundaDelegateExpression(), "JavaDelegate", components);
      }
      for (SendTask task : model.getModelElementsByType(SendTask.class)) {
        checkBean(file, task.getId(), task.getCamundaDelegateExpression(), "JavaDelegate", components);
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        checkBean(file, owner(listener) + " (" + listener.getCamundaEvent() + " listener)",
            listener.getCamundaDelegateExpression(), "TaskListener", components);
      }
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        checkBean(file, owner(listener) + " (" + listener.getCamundaEvent() + " listener)",
            listener.getCamundaDelegateExpression(), "ExecutionListener", components);
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void userTasksHaveCandidateGroupsOrACreateListener_andOnlyKnownGroups() {
    Set<String> allowed = new HashSet<>(groupConstants());
    allowed.add(COORDINATION_GROUP_EXPRESSION);
    allowed.addAll(OFFICE_GROUP_EXPRESSIONS);
    List<String> violations = check((file, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        List<String> groups = task.getCamundaCandidateGroupsList();
        boolean createListener = task.getExtensionElements() != null
            && task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                .anyMatch(listener -> "create".equals(listener.getCamundaEvent()));
        if (groups.isEmpty() && !createListener) {
          violations(file).add(file + ": " + task.getId()
              + ": neither candidate groups nor a create listener that assigns the task");
        }
        for (String group : groups) {
          if (!allowed.contains(group.strip())) {
            violations(file).add(file + ": " + task.getId() + ": candidate group '" + group
                + "' is neither " + COORDINATION_GROUP_EXPRESSION + " nor a constant in security.Groups");
          }
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void everyFormRefResolvesToTheIdOfAFormInForms() throws IOException {
    Set<String> formIds = formIds();
    List<String> violations = check((file, model) -> {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef != null && !formIds.contains(formRef)) {
          violations(file).add(file + ": " + task.getId() + ": formRef '" + formRef
              + "' is no form id in " + FORMS + " " + formIds);
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  @Test
  void everyFlowNodeAndSequenceFlowIsDrawn() {
    List<String> violations = check((file, model) -> {
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).stream()
          .filter(shape -> shape.getBpmnElement() != null)
          .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).stream()
          .filter(edge -> edge.getBpmnElement() != null)
          .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      List<BaseElement> drawable = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
      drawable.addAll(model.getModelElementsByType(SequenceFlow.class));
      for (BaseElement element : drawable) {
        if (!drawn.contains(element.getId())) {
          violations(file).add(file + ": " + element.getId() + ": not in the diagram (no BPMNShape/BPMNEdge)");
        }
      }
    });
    assertThat(violations).isEmpty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  private final Map<String, List<String>> found = new LinkedHashMap<>();

  private List<String> check(BiConsumer<String, BpmnModelInstance> rule) {
    found.clear();
    models.forEach(rule);
    return found.values().stream().flatMap(List::stream).toList();
  }

  private List<String> violations(String file) {
    return found.computeIfAbsent(file, f -> new ArrayList<>());
  }

  private void checkLabel(String file, String id, String name) {
    if (blank(name)) {
      violations(file).add(file + ": " + id + ": German label missing");
    } else if (TECHNICAL_LABEL.matcher(LABEL_PLACEHOLDER.matcher(name).replaceAll("")).find() || name.strip().equals(id)) {
      violations(file).add(file + ": " + id + ": label '" + name + "' looks technical, write it in German words");
    }
  }

  private void checkBean(String file, String where, String expression, String kind, Map<String, String> components) {
    if (expression == null) {
      return; // missing delegate expressions are reported by their own test
    }
    Matcher bean = BEAN_EXPRESSION.matcher(expression);
    if (!bean.matches()) {
      violations(file).add(file + ": " + where + ": '" + expression + "' is not of the form ${beanName}");
      return;
    }
    String source = components.get(bean.group(1));
    if (source == null) {
      violations(file).add(file + ": " + where + ": no @Component '" + bean.group(1) + "' in " + MAIN_SOURCES);
    } else if (!Pattern.compile("implements[^{]*\\b" + kind + "\\b").matcher(source).find()) {
      violations(file).add(file + ": " + where + ": '" + bean.group(1) + "' does not implement " + kind);
    }
  }

  /** Sources of the @Component classes in src/main/java by bean name. */
  private static Map<String, String> componentSources() throws IOException {
    Map<String, String> components = new HashMap<>();
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher component = COMPONENT.matcher(source);
        if (!component.find()) {
          continue;
        }
        String className = file.getFileName().toString().replace(".java", "");
        String beanName = component.group(1) != null ? component.group(1)
            : Character.toLowerCase(className.charAt(0)) + className.substring(1);
        components.put(beanName, source);
      }
    }
    return components;
  }

  private static Set<String> groupConstants() {
    Set<String> groups = new HashSet<>();
    for (Field field : Groups.class.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      // a group id constant, not a group type such as OFFICE_GROUP_TYPE
      if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && field.getType() == String.class
          && !field.getName().endsWith("_TYPE")) {
        try {
          groups.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return groups;
  }

  private static Set<String> formIds() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        try {
          ids.add(json.readTree(file.toFile()).path("id").asText());
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + file, e);
        }
      }
    }
    return ids;
  }

  private static CamundaConnector connector(ServiceTask task) {
    if (task.getExtensionElements() == null) {
      return null;
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaConnector.class).list().stream()
        .findFirst().orElse(null);
  }

  private static String owner(ModelElementInstance element) {
    ModelElementInstance current = element.getParentElement();
    while (current != null && !(current instanceof BaseElement)) {
      current = current.getParentElement();
    }
    while (current instanceof BaseElement base && base.getId() == null) {
      current = current.getParentElement();
    }
    return current instanceof BaseElement base ? base.getId() : "?";
  }

  private static String describe(DomElement element) {
    DomElement current = element;
    while (current != null && current.getAttribute("id") == null) {
      current = current.getParentElement();
    }
    String owner = current == null ? "?" : current.getAttribute("id");
    return owner + " (" + element.getLocalName() + ")";
  }

  private static void walk(DomElement element, java.util.function.Consumer<DomElement> visitor) {
    visitor.accept(element);
    for (DomElement child : element.getChildElements()) {
      walk(child, visitor);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
