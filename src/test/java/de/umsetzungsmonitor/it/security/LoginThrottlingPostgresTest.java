package de.umsetzungsmonitor.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.support.BasicAuthClient;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.TasklistSession;
import de.umsetzungsmonitor.support.TestIdentities;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords is slowed down: after a wrong password Camunda refuses every login of the
 * account, the right password included, until the delay has passed (3 s after the first failure,
 * {@code loginDelayBase}); then the right password works again.
 */
@PostgresIntegrationTest
class LoginThrottlingPostgresTest extends PostgresTestSupport {

  /** Nobody else's test logs in as Petra Koch, so her delay is this test's alone. */
  private static final String USER = "pkoch";

  @Test
  void afterAWrongPassword_theRightOneIsRefusedUntilTheDelayHasPassed() throws InterruptedException {
    HttpResponse<String> wrong = TasklistSession.attemptLogin(baseUrl(), USER, "Falsch-2018!");
    assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);

    HttpResponse<String> rightAtOnce = TasklistSession.attemptLogin(baseUrl(), USER, TestIdentities.password());
    HttpResponse<String> restAtOnce = BasicAuthClient.as(baseUrl(), USER, TestIdentities.password()).get("/engine-rest/task?maxResults=1");

    assertThat(rightAtOnce.statusCode()).as("Tasklist login right after: %s", rightAtOnce.body()).isEqualTo(401);
    assertThat(restAtOnce.statusCode()).as("/engine-rest right after: %s", restAtOnce.body()).isEqualTo(401);

    Thread.sleep(4_000);

    HttpResponse<String> rightLater = TasklistSession.attemptLogin(baseUrl(), USER, TestIdentities.password());
    assertThat(rightLater.statusCode()).as("Tasklist login after the delay: %s", rightLater.body()).isEqualTo(200);
    assertThat(BasicAuthClient.as(baseUrl(), USER, TestIdentities.password()).get("/engine-rest/task?maxResults=1").statusCode())
        .isEqualTo(200);
  }

  @Test
  void ourApi_isThrottledLikeTheWebapps() throws InterruptedException {
    String user = "dklein";
    BasicAuthClient wrong = BasicAuthClient.as(baseUrl(), user, "Falsch-2018!");
    BasicAuthClient right = BasicAuthClient.as(baseUrl(), user, TestIdentities.password());
    try {
      assertThat(wrong.post("/api/programmes", "application/yaml", "code: X").statusCode()).isEqualTo(401);

      assertThat(right.post("/api/programmes", "application/yaml", "code: X").statusCode())
          .as("right password at once: still 401, not 403").isEqualTo(401);
    } finally {
      Thread.sleep(4_000); // leave the account usable for whoever comes next
    }
    assertThat(right.post("/api/programmes", "application/yaml", "code: X").statusCode())
        .as("after the delay: logged in, but not an administrator").isEqualTo(403);
  }
}
