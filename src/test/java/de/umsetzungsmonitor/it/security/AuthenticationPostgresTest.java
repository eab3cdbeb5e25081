package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.security.Groups;
import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Who is let in at all: the Camunda REST API and our API only with credentials, our pages and the
 * webapps only with a Tasklist session, which a logout ends and which expires when idle.
 */
@PostgresIntegrationTest
class AuthenticationPostgresTest extends PostgresTestSupport {

  private static final HttpClient NO_COOKIES = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Autowired
  private Environment environment;

  @Autowired
  private ServletWebServerApplicationContext webServerContext;

  private BasicAuthClient anonymous() {
    return BasicAuthClient.anonymous(baseUrl());
  }

  private BasicAuthClient as(String userId) {
    return BasicAuthClient.as(baseUrl(), userId, TestIdentities.password());
  }

  @Test
  void listOfEngines_isOpenWithoutCredentials() {
    HttpResponse<String> response = anonymous().get("/engine-rest/engine");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"default\"");
  }

  @ParameterizedTest(name = "GET {0}")
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/user", "/engine-rest/version", "/engine-rest/process-instance",
      "/engine-rest/engine/default/task", "/engine-rest/history/process-instance", "/engine-rest/deployment",
      "/engine-rest/authorization", "/engine-rest/filter"})
  void engineRestReads_withoutCredentials_areUnauthorized(String path) {
    HttpResponse<String> response = anonymous().get(path);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("\"id\"");
  }

  @Test
  void engineRestUserCreation_withoutCredentials_isUnauthorized_andCreatesNobody() {
    HttpResponse<String> response = anonymous().postJson("/engine-rest/user/create", """
        {"profile":{"id":"eindringling","firstName":"Eve","lastName":"Eindringling","email":"eve@example.org"},
         "credentials":{"password":"Koblenz-Rhein-2026!"}}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(identity.createUserQuery().userId("eindringling").count()).isZero();
  }

  @ParameterizedTest(name = "PUT /engine-rest/group/camunda-admin/members/{0}")
  @ValueSource(strings = {"x", "mfischer"})
  void addingAMemberToTheAdministrators_withoutCredentials_isUnauthorized_andAddsNobody(String userId) {
    try {
      HttpResponse<String> response = anonymous().send(anonymous().request(
          "/engine-rest/group/" + Groups.ADMINISTRATORS + "/members/" + userId).PUT(HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
      assertThat(administratorMemberships(userId)).isZero();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINISTRATORS).userId(userId).count()).isZero();
    } finally {
      if (administratorMemberships(userId) > 0) {
        identity.deleteMembership(userId, Groups.ADMINISTRATORS); // never leave a new administrator behind
      }
    }
  }

  private long administratorMemberships(String userId) {
    return jdbc.queryForObject("select count(*) from act_id_membership where group_id_ = ? and user_id_ = ?", Long.class,
        Groups.ADMINISTRATORS, userId);
  }

  @Test
  void programmeImport_withoutCredentials_isUnauthorized_andForNonAdministrators_isForbidden() {
    String code = ProgrammeFiles.uniqueCode("AUTHN");
    String content = ProgrammeFiles.withCode(ProgrammeFiles.read(ProgrammeFiles.SOZIALE_LAGE), code);

    HttpResponse<String> anonymousImport = anonymous().post("/api/programmes", "application/yaml", content);
    HttpResponse<String> coordinatorsImport = as("abecker").post("/api/programmes", "application/yaml", content);

    assertThat(anonymousImport.statusCode()).as(anonymousImport.body()).isEqualTo(401);
    assertThat(coordinatorsImport.statusCode()).as(coordinatorsImport.body()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from programme where code = ?", Long.class, code)).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(code + "-%").count()).isZero();
  }

  @Test
  void protocolPage_withoutSession_redirectsToTheTasklistLogin() {
    HttpResponse<String> response = anonymous().send(anonymous().request("/protokolle/massnahmen/1/dokument")
        .header("Accept", "text/html").GET());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/tasklist/"));
  }

  @Test
  void logout_endsTheWebappSession_theOldSessionCookieGetsNothing() throws Exception {
    TasklistSession abecker = login("abecker");
    assertThat(abecker.getEngine("/task?maxResults=1").statusCode()).as("logged in").isEqualTo(200);
    String oldSession = abecker.cookie("JSESSIONID");
    assertThat(oldSession).isNotBlank();
    assertThat(withSessionCookie(oldSession, "/camunda/api/engine/engine/default/task?maxResults=1").statusCode())
        .as("the session cookie alone is the login").isEqualTo(200);

    HttpResponse<String> logout = abecker.logout();

    assertThat(logout.statusCode()).as(logout.body()).isBetween(200, 204);
    HttpResponse<String> afterLogout = withSessionCookie(oldSession, "/camunda/api/engine/engine/default/task?maxResults=1");
    assertThat(afterLogout.statusCode()).as(afterLogout.body()).isEqualTo(401);
    assertThat(abecker.getEngine("/task?maxResults=1").statusCode()).as("the session's own client after logout")
        .isEqualTo(401);
  }

  private HttpResponse<String> withSessionCookie(String sessionId, String path) throws Exception {
    return NO_COOKIES.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Cookie", "JSESSIONID=" + sessionId).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void idleSessions_expireAfterThirtyMinutesByDefault() {
    String configured = environment.getProperty("server.servlet.session.timeout");

    assertThat(configured).isNotNull();
    assertThat(DurationStyle.detectAndParse(configured)).isEqualTo(Duration.ofMinutes(30));
    // and that is what the servlet container applies to every session (Tomcat counts in minutes)
    WebServer server = webServerContext.getWebServer();
    assertThat(server).isInstanceOf(TomcatWebServer.class);
    Container[] contexts = ((TomcatWebServer) server).getTomcat().getHost().findChildren();
    assertThat(contexts).isNotEmpty();
    assertThat(Arrays.stream(contexts).map(context -> ((Context) context).getSessionTimeout())).containsOnly(30);
  }
}
