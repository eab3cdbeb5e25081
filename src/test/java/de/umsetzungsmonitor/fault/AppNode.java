package de.umsetzungsmonitor.fault;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application under test as a JVM process of its own (the packaged jar), on the fault
 * database, with mail and webhook delivered to the test's receivers and a job executor tuned so
 * that timers and retries fall due within seconds. It can be killed hard (SIGKILL), stopped
 * gracefully (SIGTERM) and started again; its log goes to {@code target/fault-logs/}.
 */
public final class AppNode implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "Stoerfall-Pruefung-2026!";
  /** How long a job stays locked by a node that died: the tests wait at most this plus a minute. */
  static final Duration LOCK_TIME = Duration.ofSeconds(15);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Map<String, String> properties;
  private final Path log;
  private Process process;
  private int starts;
  private String heap = "384m";
  /** C1 only: starts faster, runs slower; right for fault tests, wrong for a benchmark. */
  private boolean quickStart = true;

  private AppNode(String name, Map<String, String> properties) {
    this.name = name;
    this.port = freePort();
    this.properties = properties;
    this.log = Path.of("target", "fault-logs");
  }

  /** A node on the fault database with the demo's people (not its programmes), mail and webhook to the given ports. */
  static AppNode of(String name, int smtpPort, int webhookPort, Map<String, String> extra) {
    return of(name, FaultDatabase.url(), smtpPort, webhookPort, extra);
  }

  /** The same on another database of the same server (the benchmark's). */
  public static AppNode of(String name, String databaseUrl, int smtpPort, int webhookPort, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.profiles.active", "postgres,demo");
    // the demo's people, not its programmes: every reminder in a fault test belongs to the test
    properties.put("umsetzungsmonitor.demo.programmes", "");
    properties.put("spring.datasource.url", databaseUrl);
    properties.put("spring.datasource.username", FaultDatabase.USER);
    properties.put("spring.datasource.password", FaultDatabase.env("TEST_DB_PASSWORD", ""));
    properties.put("spring.datasource.hikari.maximum-pool-size", "12");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(smtpPort));
    properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
    properties.put("spring.mail.properties.mail.smtp.timeout", "3000");
    properties.put("spring.mail.properties.mail.smtp.writetimeout", "3000");
    properties.put("umsetzungsmonitor.notifications.mail.enabled", "true");
    properties.put("umsetzungsmonitor.notifications.mail.retry-cycle", "R3/PT4S");
    properties.put("umsetzungsmonitor.notifications.webhook.enabled", "true");
    properties.put("umsetzungsmonitor.notifications.webhook.url", "http://127.0.0.1:" + webhookPort + "/hook");
    properties.put("umsetzungsmonitor.notifications.webhook.connection-timeout", "2000");
    properties.put("umsetzungsmonitor.notifications.webhook.socket-timeout", "3000");
    properties.put("umsetzungsmonitor.notifications.webhook.retry-cycle", "R3/PT4S");
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()));
    properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
    properties.put("camunda.bpm.job-execution.max-wait", "1000");
    properties.put("camunda.bpm.job-execution.core-pool-size", "4");
    properties.put("camunda.bpm.job-execution.max-pool-size", "8");
    properties.put("camunda.bpm.job-execution.queue-capacity", "20");
    properties.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "10");
    properties.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
    properties.put("logging.level.org.camunda.bpm.engine.jobexecutor", "warn");
    properties.put("logging.level.org.camunda.bpm.engine.context", "off");
    properties.putAll(extra);
    return new AppNode(name, properties);
  }

  /** The maximum heap of the node's JVM (default 384m). */
  public AppNode withHeap(String maximum) {
    this.heap = maximum;
    return this;
  }

  /** The JVM's full JIT, as in production (slower to start). */
  public AppNode withFullJit() {
    this.quickStart = false;
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  /** Starts the JVM and waits until the application answers; returns the seconds it took. */
  public double start() {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
    if (quickStart) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(List.of("-jar", jar()));
    command.add("--server.port=" + port);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(log);
      File logFile = log.resolve(name + "-" + (++starts) + ".log").toFile();
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(logFile));
      builder.environment().put("LINK_SECRET", "fault-test-key-for-links-0123456789-abcdef");
      long started = System.nanoTime();
      process = builder.start();
      awaitReady(Duration.ofSeconds(150), logFile);
      return (System.nanoTime() - started) / 1e9;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start " + name, e);
    }
  }

  /** SIGKILL: the JVM ends at once, mid-transaction, nothing is shut down. */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor();
    }
  }

  /** SIGTERM: Spring shuts down, the job executor finishes the jobs it runs. */
  public void stop() {
    if (process != null) {
      process.destroy();
      waitFor();
    }
  }

  /** The operating system's process id of the running JVM. */
  public long pid() {
    return process.pid();
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    kill();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void awaitReady(Duration timeout, File logFile) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended while starting; see " + logFile);
      }
      try {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(300);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
  }

  private static String jar() {
    String jar = System.getProperty("app.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("The packaged application is missing (system property app.jar = " + jar
          + "); the fault tests run in the verify phase, after package");
    }
    return jar;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
