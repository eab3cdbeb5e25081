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
 * Task completions through the Camunda REST API or the webapps' engine API: where one of our
 * listeners refused the input, the client gets HTTP 400 with the German message instead of the
 * engine's 500. Everything else passes through unchanged.
 */
@Component
class RefusedInputResponseFilter extends OncePerRequestFilter {

  private static final Pattern TASK_COMPLETION = Pattern.compile(
      "^(/engine-rest|/camunda/api/engine/engine/[^/]+)/task/[^/]+/(submit-form|complete|resolve)$");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !TASK_COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, wrapper);
    Object refused = request.getAttribute(RefusedInputRecorder.ATTRIBUTE);
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
}
