package de.umsetzungsmonitor.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL database ({@code application-pgtest.yaml}), listening on
 * a random port, job executor off, mail on and sent to a GreenMail SMTP server ({@link TestMailServer}),
 * webhook on and posted to a local HTTP server ({@link TestWebhookTarget}). Skipped when no PostgreSQL server answers (see
 * {@link PostgresTestDatabase}). Every class uses exactly this annotation and nothing that changes
 * the configuration, so all of them share one Spring context and one engine; tests keep apart by
 * their data (each imports a programme under a code of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({PostgresTestDatabase.class, TestMailServer.class, TestWebhookTarget.class})
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("pgtest")
public @interface PostgresIntegrationTest {}
