package de.umsetzungsmonitor.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real SMTP server (GreenMail) per JVM for the PostgreSQL integration tests, started before the
 * shared Spring context. Its port is {@code TEST_SMTP_PORT}, or a free port chosen once; either way
 * it is handed to {@code application-pgtest.yaml} as the system property {@value #PORT_PROPERTY}. A
 * system property is not part of Spring's test context key, so every test class still shares one
 * context and one engine. Tests may {@link #stop()} and {@link #restart()} it (mail server down).
 */
public final class TestMailServer implements BeforeAllCallback {

  public static final String PORT_PROPERTY = "test.smtp.port";

  private static final Object LOCK = new Object();
  private static GreenMail server;
  private static int port;

  @Override
  public void beforeAll(ExtensionContext context) {
    greenMail();
  }

  /** The running server, started on first use. */
  public static GreenMail greenMail() {
    synchronized (LOCK) {
      if (server == null) {
        port = choosePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestMailServer::stop));
      }
      return server;
    }
  }

  /** Stops the server: delivery now fails with "connection refused". */
  public static void stop() {
    synchronized (LOCK) {
      if (server != null && server.isRunning()) {
        server.stop();
      }
    }
  }

  /** Starts the server again on the same port (with empty mailboxes). */
  public static GreenMail restart() {
    synchronized (LOCK) {
      stop();
      start();
      return server;
    }
  }

  private static void start() {
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  private static int choosePort() {
    String configured = System.getenv("TEST_SMTP_PORT");
    if (configured != null && !configured.isBlank()) {
      return Integer.parseInt(configured.strip());
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the test mail server", e);
    }
  }
}
