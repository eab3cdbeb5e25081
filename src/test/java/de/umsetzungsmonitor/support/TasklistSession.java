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
    return login(baseUrl, userId, password, "tasklist");
  }

  /**
   * Logs the user in to one of the webapps ({@code tasklist}, {@code cockpit}, {@code admin}) as its
   * login page does; fails unless the login is accepted.
   */
  public static TasklistSession login(String baseUrl, String userId, String password, String app) {
    TasklistSession session = new TasklistSession(baseUrl, userId);
    HttpResponse<String> response = session.sendLogin(password, app);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(app + " login of " + userId + " failed: HTTP " + response.statusCode() + " "
          + response.body());
    }
    // the login starts a new session with a new CSRF token, handed out with the next response
    session.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default"))
        .header("Accept", "application/json").GET().build());
    return session;
  }

  /**
   * A browser that has opened the webapps without logging in: it has a session and the CSRF token
   * cookie (as the Admin webapp's setup page has), but no user.
   */
  public static TasklistSession anonymous(String baseUrl) {
    TasklistSession session = new TasklistSession(baseUrl, null);
    session.send(HttpRequest.newBuilder(session.uri("/camunda/app/admin/default/")).GET().build());
    return session;
  }

  /** A Tasklist login as the login page sends it, whatever the answer (200, 401 ...). */
  public static HttpResponse<String> attemptLogin(String baseUrl, String userId, String password) {
    return new TasklistSession(baseUrl, userId).sendLogin(password, "tasklist");
  }

  private HttpResponse<String> sendLogin(String password, String app) {
    // the first request opens the session and hands out the CSRF token cookie
    send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).GET().build());
    String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(withCsrf(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
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

  /** A JSON {@code POST} to any path of the application with the CSRF token, as the webapps' frontends send it. */
  public HttpResponse<String> post(String path, String json) {
    return send(withCsrf(HttpRequest.newBuilder(uri(path)))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** An HTML form's {@code POST} (form-urlencoded) to one of our pages, as a browser sends it. */
  public HttpResponse<String> postForm(String path, String urlEncodedBody) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody)).build());
  }

  /** The same without the {@code X-XSRF-TOKEN} header. */
  public HttpResponse<String> postWithoutCsrf(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** A modifying engine call without the {@code X-XSRF-TOKEN} header, as a forged cross-site request would send it. */
  public HttpResponse<String> postEngineWithoutCsrf(String path, String json) {
    return send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** {@code GET} on the engine API, e.g. {@code /task?assignee=abecker}. */
  public HttpResponse<String> getEngine(String path) {
    return get("/camunda/api/engine/engine/default" + path);
  }

  /** {@code GET} of any path of the application with the session's cookies. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build());
  }

  /** The logout of the webapps' user menu (with the CSRF token, as the frontend sends it). */
  public HttpResponse<String> logout() {
    return send(withCsrf(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/logout")))
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** The current value of one of the session's cookies ({@code JSESSIONID}, {@code XSRF-TOKEN}), or {@code null}. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).reduce((a, b) -> b).orElse(null);
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
