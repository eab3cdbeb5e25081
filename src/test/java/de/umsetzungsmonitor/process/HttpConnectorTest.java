package de.umsetzungsmonitor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.connect.ConnectorRequestException;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda Connect's HTTP connector (7.23 connectors beside 7.24 core) against a real local HTTP
 * server: the request the model describes goes out, the response maps back, and an HTTP error
 * fails the task because {@code request-config} sets {@code throw-http-error}.
 */
@Deployment(resources = "processes-test/ConnectorProbeProcess.bpmn")
class HttpConnectorTest {

  private static final String KEY = "ConnectorProbeProcess";
  private static final String SERVICE_TASK_POST_PROBE = "ServiceTask_PostProbe";
  private static final String USER_TASK_REVIEW_RESPONSE = "UserTask_ReviewResponse";
  // variables of the test-only probe model (not part of ProcessVariables: no production model uses them)
  private static final String URL = "url";
  private static final String PAYLOAD_VARIABLE = "payload";
  private static final String RESPONSE_STATUS = "responseStatus";
  private static final String RESPONSE_BODY = "responseBody";
  private static final String PAYLOAD = "{\"measure\":\"SL2015-M11\",\"text\":\"Grüße aus Koblenz\"}";

  /** Spin comes with every {@link ProcessTestEngine}; the connector needs Connect on top. */
  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("http-connector-tests", new ConnectProcessEnginePlugin()))
      .build();

  private HttpServer server;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private volatile int answerStatus = 200;
  private volatile String answerBody = "{\"accepted\":true}";

  private record Request(String method, String contentType, String body) {}

  /** Timeouts as a bean with int getters: the connector refuses String and JUEL Long values. */
  public static class HttpTimeouts {
    public int getConnectionTimeout() {
      return 2_000;
    }

    public int getSocketTimeout() {
      return 5_000;
    }
  }

  @BeforeEach
  void startServer() throws IOException {
    init(engine.getProcessEngine());
    Mocks.register("httpTimeouts", new HttpTimeouts());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/probe", exchange -> {
      received.add(new Request(exchange.getRequestMethod(),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      byte[] body = answerBody.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answerStatus, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  void jsonPosted_serverAnswers200_statusAndBodyMappedIntoTheProcess() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(KEY,
        withVariables(URL, probeUrl(), PAYLOAD_VARIABLE, PAYLOAD));

    assertThat(received).containsExactly(new Request("POST", "application/json", PAYLOAD));
    assertThat(pi).hasPassed(SERVICE_TASK_POST_PROBE).isWaitingAt(USER_TASK_REVIEW_RESPONSE)
        .variables()
        .containsEntry(RESPONSE_STATUS, 200)
        .containsEntry(RESPONSE_BODY, "{\"accepted\":true}");
  }

  @Test
  void serverAnswers500_taskFails_andNoInstanceIsLeftBehind() {
    answerStatus = 500;
    answerBody = "{\"error\":\"intern\"}";

    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY,
            withVariables(URL, probeUrl(), PAYLOAD_VARIABLE, PAYLOAD)))
        .isInstanceOf(ConnectorRequestException.class)
        .hasMessageContaining("Status Code: 500");

    assertThat(received).hasSize(1);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
  }

  private String probeUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/probe";
  }
}
