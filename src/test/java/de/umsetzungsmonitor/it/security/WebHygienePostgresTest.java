package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a browser or a careless client meets besides logins and permissions: CSRF protection of the
 * webapps, security headers, the session cookie, error bodies without internals, no consoles,
 * no Java serialization and no XML external entities.
 */
@PostgresIntegrationTest
class WebHygienePostgresTest extends PostgresTestSupport {

  /** A line of a Java stack trace, or an exception's class name followed by its message. */
  private static final Pattern STACK_TRACE = Pattern.compile("(\\bat (org|com|java|jakarta|sun)\\.[\\w.$]+\\()|Exception:|\\\\tat ");

  private static String code;

  @Autowired
  private RepositoryService repository;

  @BeforeEach
  void programmeImportedOnce() {
    if (code == null) {
      code = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "HYG");
    }
  }

  // --- CSRF --------------------------------------------------------------------------------------

  @Test
  void webappClaim_withoutCsrfToken_isForbidden_withToken_succeeds() {
    String taskId = freshScheduleTask();
    TasklistSession abecker = login("abecker");

    HttpResponse<String> forged = abecker.postEngineWithoutCsrf("/task/" + taskId + "/claim", "{\"userId\":\"abecker\"}");

    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
    // Camunda ends a session that sent a request without its token: the forger's ride is over
    assertThat(abecker.getEngine("/task?maxResults=1").statusCode()).as("session after the forged request").isEqualTo(401);

    HttpResponse<String> genuine = login("abecker").claim(taskId);

    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("abecker");
  }

  /** The schedule task of a measure nobody has touched: a new import per call keeps the tests apart. */
  private String freshScheduleTask() {
    String own = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "CSRF");
    Task task = singleTask(phaseOne(own + "-M12").getId(), MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK);
    assertThat(task.getAssignee()).isNull();
    return task.getId();
  }

  // --- headers and cookies -------------------------------------------------------------------------

  @Test
  void tasklistPage_forbidsFramingAndSniffing() {
    for (String path : List.of("/camunda/app/tasklist/", "/camunda/app/tasklist/default/")) {
      HttpResponse<String> page = BasicAuthClient.anonymous(baseUrl()).send(
          BasicAuthClient.anonymous(baseUrl()).request(path).header("Accept", "text/html").GET());
      HttpHeaders headers = page.headers();
      assertThat(headers.allValues("Content-Security-Policy")).as("%s (HTTP %s): %s", path, page.statusCode(), headers.map())
          .isNotEmpty().anySatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
      assertThat(headers.allValues("X-Content-Type-Options")).as("%s: %s", path, headers.map()).containsOnly("nosniff");
    }
  }

  @Test
  void ourApi_sendsNosniff() {
    String content = ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE), ProgrammeFiles.uniqueCode("HDR"));
    HttpResponse<String> forbidden = as("abecker").post("/api/programmes", "application/yaml", content);
    HttpResponse<String> refused = as(TestIdentities.ADMIN).post("/api/programmes", "application/yaml", "code: [");
    HttpResponse<String> unauthorized = BasicAuthClient.anonymous(baseUrl()).post("/api/programmes", "application/yaml", content);

    for (HttpResponse<String> response : List.of(forbidden, refused, unauthorized)) {
      assertThat(response.headers().allValues("X-Content-Type-Options")).as("HTTP %s: %s", response.statusCode(),
          response.headers().map()).containsOnly("nosniff");
    }
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
  }

  @Test
  void engineRest_sendsNosniff() {
    HttpResponse<String> answered = as("abecker").get("/engine-rest/task?maxResults=1");
    HttpResponse<String> badRequest = as("abecker").postJson("/engine-rest/task", "{\"orQueries\": [");
    HttpResponse<String> engines = BasicAuthClient.anonymous(baseUrl()).get("/engine-rest/engine");

    assertThat(answered.statusCode()).isEqualTo(200);
    for (HttpResponse<String> response : List.of(answered, badRequest, engines)) {
      assertThat(response.headers().allValues("X-Content-Type-Options")).as("%s HTTP %s: %s", response.uri(),
          response.statusCode(), response.headers().map()).containsOnly("nosniff");
    }
  }

  @Test
  void engineRest_refusalOfMissingCredentials_sendsNosniffToo() {
    HttpResponse<String> unauthorized = BasicAuthClient.anonymous(baseUrl()).get("/engine-rest/task");

    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.headers().allValues("X-Content-Type-Options")).as("%s", unauthorized.headers().map())
        .containsOnly("nosniff");
  }

  @Test
  void sessionCookie_isHttpOnly() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    List<String> setCookies = new ArrayList<>();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    setCookies.addAll(page.headers().allValues("Set-Cookie"));
    String token = setCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + page.headers().map()));
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("username=abecker&password="
            + URLEncoder.encode(TestIdentities.password(), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    setCookies.addAll(login.headers().allValues("Set-Cookie"));

    List<String> sessionCookies = setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    assertThat(sessionCookies).as("%s", setCookies).isNotEmpty().allSatisfy(cookie -> {
      assertThat(cookie).containsIgnoringCase("HttpOnly");
      assertThat(cookie).containsIgnoringCase("SameSite=Lax");
    });
  }

  // --- error bodies --------------------------------------------------------------------------------

  @Test
  void malformedJsonToEngineRest_isABadRequest_withoutStackTrace() {
    HttpResponse<String> response = as("abecker").postJson("/engine-rest/task", "{\"orQueries\": [{\"assignee\": ");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).doesNotContainPattern(STACK_TRACE);
  }

  @Test
  void malformedJsonToOurApi_isABadRequest_withoutStackTrace() {
    HttpResponse<String> response = as(TestIdentities.ADMIN).postJson("/api/programmes", "{\"code\": \"X1\", \"measures\": [");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).doesNotContainPattern(STACK_TRACE);
  }

  @Test
  void requestsTheServerCannotMap_getErrorsWithoutStackTrace() {
    List<HttpResponse<String>> responses = List.of(
        // no file part in an upload
        as(TestIdentities.ADMIN).postMultipart("/api/programmes", Map.of("note", "keine Datei"), "other", "x.txt",
            "text/plain", "x".getBytes(StandardCharsets.UTF_8)),
        // a variable value that does not fit its type
        as(TestIdentities.ADMIN).putJson("/engine-rest/process-instance/" + phaseOne(code + "-M12").getId()
            + "/variables/kaputt", "{\"value\":\"kein Datum\",\"type\":\"Date\"}"),
        // an unknown sort criterion
        as("abecker").get("/engine-rest/task?maxResults=15&sortBy=unbekannt&sortOrder=asc"),
        // a measure id that is not a number, on our pages
        login("abecker").get("/protokolle/massnahmen/abc/dokument"));

    for (HttpResponse<String> response : responses) {
      assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.uri(), response.body())
          .isBetween(400, 499);
      assertThat(response.body()).as("%s", response.uri()).doesNotContainPattern(STACK_TRACE);
    }
  }

  // --- consoles ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/h2-console", "/h2-console/", "/actuator", "/actuator/env", "/actuator/heapdump"})
  void consolesAndActuators_areNotServed(String path) {
    for (BasicAuthClient client : List.of(BasicAuthClient.anonymous(baseUrl()), as(TestIdentities.ADMIN))) {
      HttpResponse<String> response = client.get(path);
      assertThat(response.statusCode()).as("%s: %s", path, response.body()).isIn(401, 403, 404);
    }
  }

  /** Only health is served, for load balancers and a second node: up or not, no details. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"})
  void health_isServedWithoutDetails(String path) {
    HttpResponse<String> response = BasicAuthClient.anonymous(baseUrl()).get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"status\":\"UP\"").doesNotContain("components", "details", "postgres",
        "diskSpace");
  }

  // --- Java serialization -------------------------------------------------------------------------

  @Test
  void javaSerializedVariable_isRefused_andNotStored() throws IOException {
    String instanceId = phaseOne(code + "-M13").getId();
    String serialized = javaSerialized(new ArrayList<>(List.of("harmlos")));
    String variable = "{\"type\":\"Object\",\"value\":\"" + serialized + "\",\"valueInfo\":{"
        + "\"serializationDataFormat\":\"application/x-java-serialized-object\",\"objectTypeName\":\"java.util.ArrayList\"}}";

    HttpResponse<String> put = as(TestIdentities.ADMIN).putJson(
        "/engine-rest/process-instance/" + instanceId + "/variables/x", variable);
    HttpResponse<String> modify = as(TestIdentities.ADMIN).postJson(
        "/engine-rest/process-instance/" + instanceId + "/variables", "{\"modifications\":{\"y\":" + variable + "}}");

    // refused and not stored ...
    assertThat(runtime.getVariables(instanceId)).doesNotContainKeys("x", "y");
    assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where proc_inst_id_ = ? and name_ in ('x', 'y')",
        Long.class, instanceId)).isZero();
    assertThat(put.body() + modify.body()).doesNotContainPattern(STACK_TRACE);
    // ... as the client's mistake, not as a server error
    assertThat(List.of("PUT " + put.statusCode(), "POST " + modify.statusCode())).as("%s %s", put.body(), modify.body())
        .containsExactly("PUT 400", "POST 400");
  }

  private static String javaSerialized(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  // --- XML external entities -----------------------------------------------------------------------

  @Test
  void bpmnWithAnExternalEntity_isRefused_andNothingIsDeployed() {
    String name = "xxe-" + System.nanoTime();
    String key = "XxeProbe" + System.nanoTime();
    String bpmn = ProbeModels.process("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n", key, "&e;");

    HttpResponse<String> response = deploy(name, bpmn);

    // refused, nothing deployed, nothing of the file read ...
    assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    assertThat(response.body()).doesNotContain("root:").doesNotContainPattern(STACK_TRACE);
    // ... as the client's mistake, not as a server error
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
  }

  @Test
  void theSameBpmnWithoutTheEntity_isDeployed_soTheRefusalAboveIsAboutTheEntity() {
    String name = "xxe-control-" + System.nanoTime();
    String key = "XxeControl" + System.nanoTime();

    HttpResponse<String> response = deploy(name, ProbeModels.process(key, "Kontrollprozess"));

    try {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isEqualTo(1);
    } finally {
      for (Deployment deployment : repository.createDeploymentQuery().deploymentName(name).list()) {
        repository.deleteDeployment(deployment.getId(), true);
      }
    }
  }

  private HttpResponse<String> deploy(String name, String bpmn) {
    return as(TestIdentities.ADMIN).postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", name, "deployment-source", "security-test"), "probe.bpmn", "probe.bpmn",
        "application/octet-stream", bpmn.getBytes(StandardCharsets.UTF_8));
  }

  private BasicAuthClient as(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }
}
