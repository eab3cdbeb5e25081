package de.umsetzungsmonitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The outermost filter: a failure that escapes everything else because the database cannot be
 * reached (e.g. checking a password while PostgreSQL restarts) is answered 503 with the German
 * "try again" and a Retry-After, as JSON for API callers and as a short page for browsers, never
 * as a stack trace or a misleading "wrong password".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("{} {}: database not reachable ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
      response.resetBuffer();
      response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      response.setHeader("Retry-After", "60");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String accept = request.getHeader("Accept");
      if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Umsetzungsmonitor</title>"
            + "</head><body><h1>Gerade nicht verfügbar</h1><p>" + HtmlUtils.htmlEscape(DatabaseUnavailable.MESSAGE)
            + "</p></body></html>");
      } else {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Map.of("message", DatabaseUnavailable.MESSAGE)));
      }
    }
  }
}
