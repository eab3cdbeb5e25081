package de.umsetzungsmonitor.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local HTTP server per JVM standing in for the webhook's target (a chat system) in the
 * PostgreSQL integration tests, started before the shared Spring context. Its port (env
 * {@code TEST_WEBHOOK_PORT}, or a free one) goes to {@code application-pgtest.yaml} as the system
 * property {@value #PORT_PROPERTY}, which is no part of the test context key (see
 * {@link TestMailServer}). It records every request and answers {@link #answerWith(int)}.
 */
public final class TestWebhookTarget implements BeforeAllCallback {

  public static final String PORT_PROPERTY = "test.webhook.port";

  /** One request as the target saw it, and what it answered. */
  public record Request(String method, String contentType, String key, JsonNode json, int answeredStatus) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Object LOCK = new Object();
  private static final List<Request> RECEIVED = new CopyOnWriteArrayList<>();
  private static volatile int status = 200;
  private static HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  public static void start() {
    synchronized (LOCK) {
      if (server != null) {
        return;
      }
      String configured = System.getenv("TEST_WEBHOOK_PORT");
      int port = configured == null || configured.isBlank() ? 0 : Integer.parseInt(configured.strip());
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the test webhook target", e);
      }
      server.createContext("/hook", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = JSON.readTree(body.isEmpty() ? "{}" : body);
        int answer = status;
        RECEIVED.add(new Request(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
            json.path("key").asText(null), json, answer));
        exchange.sendResponseHeaders(answer, -1);
        exchange.close();
      });
      server.start();
      System.setProperty(PORT_PROPERTY, Integer.toString(server.getAddress().getPort()));
    }
  }

  /** The status code the target answers from now on (200 unless a test says otherwise). */
  public static void answerWith(int statusCode) {
    status = statusCode;
  }

  /** Every request for one notification key, in order. */
  public static List<Request> requestsFor(String notificationKey) {
    return RECEIVED.stream().filter(request -> notificationKey.equals(request.key())).toList();
  }

  /** Requests for keys starting so that the target accepted (2xx). */
  public static List<Request> acceptedWithKeyPrefix(String keyPrefix) {
    return RECEIVED.stream()
        .filter(request -> request.key() != null && request.key().startsWith(keyPrefix))
        .filter(request -> request.answeredStatus() / 100 == 2).toList();
  }
}
