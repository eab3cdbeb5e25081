package de.umsetzungsmonitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What the Camunda REST API and the webapps' engine API answer, made fit for people:
 *
 * <ul>
 *   <li><b>Conflicts are retried, not shown.</b> A change that lost an optimistic-locking race
 *       (several participants signing the same protocol at the same moment) was rolled back as a
 *       whole; it is sent to the engine again, up to {@value #ATTEMPTS} times, so every signature
 *       is kept and nobody sees the conflict.</li>
 *   <li><b>Claiming a task someone else has just claimed</b> is answered 409 with a German message.</li>
 *   <li><b>Input the application refuses</b> (one of our listeners, invalid XML, Java-serialized
 *       variables, passwords against the policy) is answered 400 with a German message instead of the
 *       engine's 500.</li>
 *   <li><b>A database that is not reachable</b> (e.g. while PostgreSQL restarts) is answered 503 with
 *       a German "try again", never an engine message.</li>
 * </ul>
 * Everything else passes through unchanged.
 */
@Component
class EngineApiResponseFilter extends OncePerRequestFilter {

  static final int ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(EngineApiResponseFilter.class);
  private static final Pattern ENGINE_API = Pattern.compile("^(/engine-rest|/camunda/api/engine)(/.*)?$");
  private static final int MAX_REPLAYED_BODY = 1024 * 1024;

  static final String DATABASE_UNAVAILABLE =
      "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.";
  static final String ALREADY_CLAIMED = "Diese Aufgabe hat gerade jemand anderes übernommen. Bitte laden Sie die"
      + " Aufgabenliste neu.";

  /** Engine refusals that are the client's mistake, by the engine's message code or text. */
  private static final Map<String, String> CLIENT_MISTAKES = Map.of(
      "ENGINE-09003", "Die Datei ist kein gültiges BPMN/XML oder enthält nicht erlaubte Bestandteile (z. B. DOCTYPE, externe Entitäten).",
      "ENGINE-17007", "Java-serialisierte Variablen sind nicht erlaubt; bitte JSON verwenden.",
      "does not match policy", "Das Passwort erfüllt die Passwortrichtlinie nicht (mindestens 10 Zeichen mit Groß- und Kleinbuchstaben, Ziffer und Sonderzeichen).");

  /** How the engine, the JDBC driver and the pool say that the database cannot be reached. */
  private static final List<String> DATABASE_DOWN = List.of("CannotCreateTransactionException", "Could not open JDBC Connection",
      "Connection is not available", "SQLTransientConnectionException", "Connection refused", "terminating connection",
      "An I/O error occurred while sending to the backend", "This connection has been closed", "the database system is");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ENGINE_API.matcher(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean changes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    HttpServletRequest replayable = changes ? ReplayableRequest.of(request) : request;
    for (int attempt = 1; ; attempt++) {
      ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
      replayable.removeAttribute(RefusedInputRecorder.ATTRIBUTE);
      chain.doFilter(replayable instanceof ReplayableRequest r ? r.fresh() : replayable, wrapper);
      if (wrapper.getStatus() < 500) {
        wrapper.copyBodyToResponse();
        return;
      }
      String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      if (changes && replayable instanceof ReplayableRequest && body.contains("OptimisticLockingException") && attempt < ATTEMPTS) {
        log.debug("Concurrent change on {} {}, attempt {} of {}", request.getMethod(), request.getRequestURI(), attempt, ATTEMPTS);
        wrapper.resetBuffer();
        pause(attempt);
        continue;
      }
      Object refused = request.getAttribute(RefusedInputRecorder.ATTRIBUTE);
      if (refused == null && changes) {
        refused = clientMistake(body);
      }
      if (refused != null) {
        answer(wrapper, response, HttpStatus.BAD_REQUEST, "InvalidInputException", refused.toString());
      } else if (body.contains("TaskAlreadyClaimedException") || body.contains("is already claimed by someone else")) {
        answer(wrapper, response, HttpStatus.CONFLICT, "TaskAlreadyClaimedException", ALREADY_CLAIMED);
      } else if (DATABASE_DOWN.stream().anyMatch(body::contains)) {
        log.warn("Engine API {} {}: database not reachable", request.getMethod(), request.getRequestURI());
        answer(wrapper, response, HttpStatus.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DATABASE_UNAVAILABLE);
      } else {
        wrapper.copyBodyToResponse();
      }
      return;
    }
  }

  private void answer(ContentCachingResponseWrapper wrapper, HttpServletResponse response, HttpStatus status, String type,
      String message) throws IOException {
    wrapper.resetBuffer();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", 0);
    response.setStatus(status.value());
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.setHeader("Retry-After", "60");
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(body));
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10L * attempt, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String clientMistake(String body) {
    return CLIENT_MISTAKES.entrySet().stream()
        .filter(mistake -> body.contains(mistake.getKey()))
        .map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /**
   * A request whose body can be read again for a retry: JSON (or no body) up to 1 MiB. Others
   * (uploads) are sent once.
   */
  static final class ReplayableRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private ReplayableRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    static HttpServletRequest of(HttpServletRequest request) throws IOException {
      String type = request.getContentType();
      boolean json = type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
      if (!json || request.getContentLengthLong() > MAX_REPLAYED_BODY) {
        return request;
      }
      byte[] body = request.getInputStream().readNBytes(MAX_REPLAYED_BODY + 1);
      if (body.length > MAX_REPLAYED_BODY) {
        throw new IOException("Request body over " + MAX_REPLAYED_BODY + " bytes");
      }
      return new ReplayableRequest(request, body);
    }

    /** The same request, its body readable from the start. */
    ReplayableRequest fresh() {
      return new ReplayableRequest((HttpServletRequest) getRequest(), body);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
