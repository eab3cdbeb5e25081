package de.umsetzungsmonitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Changes through the Camunda REST API or the webapps' engine API whose failure is the client's
 * mistake get HTTP 400 with a German message instead of the engine's 500: input one of our task
 * listeners refused, and the engine's own refusals of invalid XML (e.g. a DOCTYPE with external
 * entities), of Java-serialized variables and of passwords against the policy. Everything else
 * passes through unchanged.
 */
@Component
class RefusedInputResponseFilter extends OncePerRequestFilter {

  private static final Pattern ENGINE_API = Pattern.compile("^(/engine-rest|/camunda/api/engine)(/.*)?$");

  /** Engine refusals that are the client's mistake, by the engine's message code or text. */
  private static final Map<String, String> CLIENT_MISTAKES = Map.of(
      "ENGINE-09003", "Die Datei ist kein gültiges BPMN/XML oder enthält nicht erlaubte Bestandteile (z. B. DOCTYPE, externe Entitäten).",
      "ENGINE-17007", "Java-serialisierte Variablen sind nicht erlaubt; bitte JSON verwenden.",
      "does not match policy", "Das Passwort erfüllt die Passwortrichtlinie nicht (mindestens 10 Zeichen mit Groß- und Kleinbuchstaben, Ziffer und Sonderzeichen).");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // reads pass unbuffered; only changes can fail by the client's mistake
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || !ENGINE_API.matcher(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    Object refused = request.getAttribute(RefusedInputRecorder.ATTRIBUTE);
    if (refused == null && wrapper.getStatus() >= 500) {
      refused = clientMistake(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
    }
    if (refused != null && wrapper.getStatus() >= 500) {
      wrapper.resetBuffer();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidInputException");
      body.put("message", refused);
      body.put("code", 0);
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(json.writeValueAsBytes(body));
      return;
    }
    wrapper.copyBodyToResponse();
  }

  private static String clientMistake(String body) {
    return CLIENT_MISTAKES.entrySet().stream()
        .filter(mistake -> body.contains(mistake.getKey()))
        .map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }
}
