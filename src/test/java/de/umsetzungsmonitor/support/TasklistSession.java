package de.umsetzungsmonitor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to Tasklist, calling the engine API the way the Tasklist frontend does: session
 * cookie from the login, CSRF token from the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN}
 * header, JSON bodies to {@code /camunda/api/engine/engine/default/...}. The engine then knows the
 * user and their groups for every call (authorization checks, {@code currentUserId()} in listeners).
 */
public final class TasklistSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private final String userId;

  private TasklistSession(String baseUrl, String userId) {
    this.baseUrl = baseUrl;
    this.userId = userId;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs the user in to Tasklist; fails unless the login is accepted. */
  public static TasklistSession login(String baseUrl, String userId, String password) {
    TasklistSession session = new TasklistSession(baseUrl, userId);
    // the first request opens the session and hands out the CSRF token cookie
    session.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/default/")).GET().build());
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response = session.send(session.withCsrf(HttpRequest.newBuilder(
            session.uri("/camunda/api/admin/auth/user/default/login/tasklist")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Tasklist login of " + userId + " failed: HTTP " + response.statusCode() + " "
          + response.body());
    }
    // the login starts a new session with a new CSRF token, handed out with the next response
    session.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default"))
        .header("Accept", "application/json").GET().build());
    return session;
  }

  public String userId() {
    return userId;
  }

  /** {@code POST /task/{id}/claim} for the logged-in user. */
  public HttpResponse<String> claim(String taskId) {
    return postEngine("/task/" + taskId + "/claim", "{\"userId\":\"" + userId + "\"}");
  }

  /** {@code POST /task/{id}/submit-form} with a variables object as Tasklist builds it. */
  public HttpResponse<String> submitForm(String taskId, String variablesJson) {
    return postEngine("/task/" + taskId + "/submit-form", "{\"variables\":" + variablesJson + "}");
  }

  /** {@code GET /task/{id}/deployed-form}: the Camunda Form Tasklist renders. */
  public HttpResponse<String> deployedForm(String taskId) {
    return send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form"))
        .header("Accept", "application/json").GET().build());
  }

  /** {@code GET /task/{id}/form-variables}: what the form is filled with (serialized, as Tasklist asks). */
  public HttpResponse<String> formVariables(String taskId) {
    return send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/" + taskId
            + "/form-variables?deserializeValues=false"))
        .header("Accept", "application/json").GET().build());
  }

  public HttpResponse<String> postEngine(String path, String json) {
    return send(withCsrf(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path)))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    String token = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
    return token == null ? request : request.header("X-XSRF-TOKEN", token);
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
