package de.umsetzungsmonitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What the Camunda REST API and the webapps' APIs answer, made fit for people:
 *
 * <ul>
 *   <li><b>Claiming a task someone else has just claimed</b> is answered 409 with a German message.</li>
 *   <li><b>A body the engine cannot read</b> (broken JSON, nesting too deep, a variable type that
 *       does not exist) is answered 400 with a German message instead of the engine's empty or
 *       English one.</li>
 *   <li><b>Working on a task that no longer exists</b> (completed meanwhile, or an unknown id) is
 *       answered 404 with a German message instead of the engine's 500.</li>
 *   <li><b>Input the application refuses</b> (one of our listeners, invalid XML, Java-serialized
 *       variables, passwords against the policy, characters the database cannot store) is answered
 *       400 with a German message instead of the engine's 500.</li>
 *   <li><b>A database that is not reachable</b> (e.g. while PostgreSQL restarts) is answered 503 with
 *       a German "try again", never an engine message.</li>
 * </ul>
 * Everything else passes through unchanged. (Conflicts between people acting at the same moment
 * never get here: the engine runs such a call again, see {@code ConflictRetryPlugin}.)
 */
@Component
class EngineApiResponseFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(EngineApiResponseFilter.class);
  private static final Pattern ENGINE_API = Pattern.compile("^(/engine-rest|/camunda/api)(/.*)?$");

  static final String DATABASE_UNAVAILABLE = DatabaseUnavailable.MESSAGE;
  static final String ALREADY_CLAIMED = "Diese Aufgabe hat gerade jemand anderes übernommen. Bitte laden Sie die"
      + " Aufgabenliste neu.";
  static final String UNREADABLE = "Die Anfrage ist unvollständig oder nicht lesbar.";
  private static final Pattern UNSUPPORTED_TYPE = Pattern.compile("Unsupported value type '([^']{0,40})'");
  static final String TASK_GONE = "Diese Aufgabe gibt es nicht (mehr); vielleicht wurde sie gerade erledigt. Bitte laden Sie"
      + " die Aufgabenliste neu.";

  /** Engine refusals that are the client's mistake, by the engine's message code or text. */
  private static final Map<String, String> CLIENT_MISTAKES = Map.of(
      "ENGINE-09003", "Die Datei ist kein gültiges BPMN/XML oder enthält nicht erlaubte Bestandteile (z. B. DOCTYPE, externe Entitäten).",
      "ENGINE-17007", "Java-serialisierte Variablen sind nicht erlaubt; bitte JSON verwenden.",
      "does not match policy", "Das Passwort erfüllt die Passwortrichtlinie nicht (mindestens 10 Zeichen mit Groß- und Kleinbuchstaben, Ziffer und Sonderzeichen).",
      // PostgreSQL refusing a text (SQL state 22021), e.g. a NUL character in a variable or a field
      "invalid byte sequence for encoding", GermanErrorAttributes.UNSTORABLE_CHARACTER);

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
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    String badRequest = wrapper.getStatus() == HttpStatus.BAD_REQUEST.value() ? inGerman(wrapper.getContentAsByteArray()) : null;
    if (badRequest != null) {
      answer(wrapper, response, HttpStatus.BAD_REQUEST, "InvalidRequestException", badRequest);
      return;
    }
    if (wrapper.getStatus() < 500) {
      wrapper.copyBodyToResponse();
      return;
    }
    String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
    Object refused = request.getAttribute(RefusedInputRecorder.ATTRIBUTE);
    if (refused == null && changes) {
      refused = clientMistake(body);
    }
    if (refused != null) {
      answer(wrapper, response, HttpStatus.BAD_REQUEST, "InvalidInputException", refused.toString());
    } else if (body.contains("TaskAlreadyClaimedException") || body.contains("is already claimed by someone else")) {
      answer(wrapper, response, HttpStatus.CONFLICT, "TaskAlreadyClaimedException", ALREADY_CLAIMED);
    } else if (body.contains("Cannot find task with id")) {
      answer(wrapper, response, HttpStatus.NOT_FOUND, "InvalidRequestException", TASK_GONE);
    } else if (DATABASE_DOWN.stream().anyMatch(body::contains)) {
      log.warn("Engine API {} {}: database not reachable", request.getMethod(), request.getRequestURI());
      answer(wrapper, response, HttpStatus.SERVICE_UNAVAILABLE, "DatabaseUnavailable", DATABASE_UNAVAILABLE);
    } else {
      wrapper.copyBodyToResponse();
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

  /**
   * The German message for the engine's 400 answer to a body it could not take, or {@code null}
   * to pass the answer on: its JSON reader's refusal (no message at all, or the reader's own in
   * English naming the engine's classes; as JSON or, depending on the JAX-RS provider that read
   * the body, as plain text), or a variable of a type that does not exist.
   */
  private String inGerman(byte[] body) {
    String message;
    try {
      message = body.length == 0 ? "" : json.readTree(body).path("message").asText("");
    } catch (IOException e) {
      message = new String(body, StandardCharsets.UTF_8);
    }
    if (message.isBlank() || message.contains("through reference chain") || message.contains("[Source:")) {
      return UNREADABLE;
    }
    Matcher type = UNSUPPORTED_TYPE.matcher(message);
    return type.find() ? "Den Variablentyp „" + type.group(1) + "“ gibt es nicht." : null;
  }

  private static String clientMistake(String body) {
    return CLIENT_MISTAKES.entrySet().stream()
        .filter(mistake -> body.contains(mistake.getKey()))
        .map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }
}
