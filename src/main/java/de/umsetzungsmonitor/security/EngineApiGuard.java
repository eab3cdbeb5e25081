package de.umsetzungsmonitor.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Compensating controls for two advisories against Camunda 7.24 CE that have no CE fix:
 * <ul>
 *   <li>CVE-2026-109432: expressions nested in {@code orQueries} of a task query are evaluated
 *       although ad-hoc query expressions are off. Every task or filter request of the REST API and
 *       of the webapps' engine API that carries an expression anywhere (query string or JSON body,
 *       nested or not) is refused with 400 before the engine sees it. Administrators may store the
 *       engine's own user functions ({@code ${currentUser()}}, {@code ${currentUserGroups()}}) in
 *       filters, at the top level only.</li>
 *   <li>CVE-2026-77226: the Admin webapp's setup endpoint can create an administrator. It is closed
 *       for everybody as soon as any user exists, however administrators are granted.</li>
 * </ul>
 * It also keeps one Cockpit view whole under the engine's {@code queryMaxResultsLimit}: the page of a
 * process or decision definition lists all versions of its key without {@code maxResults}. The
 * engine refuses that, and Cockpit falls back to the 50 newest versions after two refused requests.
 * Exactly this request of the webapps' engine API (a session behind Camunda's login and CSRF
 * protection) is bounded here with the configured limit; every other query, and every query on
 * {@code /engine-rest}, must bring its own {@code maxResults}.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 20)
public class EngineApiGuard extends OncePerRequestFilter {

  /**
   * Both APIs, each with and without the engine name: {@code /engine-rest/task},
   * {@code /engine-rest/engine/default/task}, {@code /camunda/api/engine/engine/default/task}.
   */
  private static final Pattern ENGINE_API = Pattern.compile(
      "^(/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine(?:/engine/[^/]+)?)(/.*)$");
  private static final Pattern QUERY_RESOURCE = Pattern.compile("^/(task|filter)(/.*)?$");
  private static final Pattern FILTER_STORE = Pattern.compile("^/filter(/create|/[^/]+)?$");
  private static final Pattern SETUP = Pattern.compile("^/camunda/api/admin/setup/.*$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  private static final String WEBAPP_ENGINE_API = "/camunda/api/engine";
  private static final Pattern DEFINITION_VERSIONS = Pattern.compile("^/(process|decision)-definition$");
  private static final Set<String> STORABLE = Set.of("${currentUser()}", "${currentUserGroups()}");
  private static final int MAX_BODY = 1_000_000;

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final ObjectMapper json = new ObjectMapper();

  public EngineApiGuard(IdentityService identity, ProcessEngineConfigurationImpl engineConfiguration) {
    this.identity = identity;
    this.engineConfiguration = engineConfiguration;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = decodedPath(request);
    if (SETUP.matcher(path).matches()) {
      if (identity.isReadOnly() || identity.createUserQuery().count() > 0) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Die Ersteinrichtung ist abgeschlossen.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    var engineApi = ENGINE_API.matcher(path);
    if (engineApi.matches() && isCockpitVersionList(request, engineApi.group(1), engineApi.group(2))) {
      chain.doFilter(new BoundedRequest(request, engineConfiguration.getQueryMaxResultsLimit()), response);
      return;
    }
    if (!engineApi.matches() || !QUERY_RESOURCE.matcher(engineApi.group(2)).matches()) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    if (query != null && EXPRESSION.matcher(URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8)).find()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Ausdrücke sind in Abfragen nicht erlaubt.");
      return;
    }
    if ("GET".equals(request.getMethod()) || "DELETE".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Die Anfrage ist zu groß.");
      return;
    }
    boolean storesFilter = FILTER_STORE.matcher(engineApi.group(2)).matches()
        && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    if (carriesExpression(body, storesFilter)) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Ausdrücke sind in Abfragen nicht erlaubt.");
      return;
    }
    chain.doFilter(new BodyRequest(request, body), response);
  }

  /**
   * Cockpit's list of every version of one definition key ({@code GET process-definition?key=…&sortBy=version…}),
   * sent by the webapps without {@code maxResults}; only while a limit is configured.
   */
  private boolean isCockpitVersionList(HttpServletRequest request, String api, String resource) {
    return "GET".equals(request.getMethod())
        && api.startsWith(WEBAPP_ENGINE_API)
        && DEFINITION_VERSIONS.matcher(resource).matches()
        && request.getParameter("key") != null
        && "version".equals(request.getParameter("sortBy"))
        && request.getParameter("maxResults") == null
        && request.getParameter("firstResult") == null
        && engineConfiguration.getQueryMaxResultsLimit() < Integer.MAX_VALUE;
  }

  /**
   * The path as the servlet container decoded and normalised it (percent escapes, {@code ;}
   * parameters and dot segments resolved), which is the path the REST resources are matched on.
   */
  static String decodedPath(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.replaceAll("/{2,}", "/").replaceAll("(?<=.)/$", "");
  }

  /**
   * Whether a JSON body carries an expression anywhere. A filter being stored may use the engine's
   * user functions as whole values of its query's top-level fields; nothing else.
   */
  boolean carriesExpression(byte[] body, boolean storesFilter) {
    if (body.length == 0) {
      return false;
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (IOException e) {
      // not JSON: refuse anything that looks like an expression, let the engine answer the rest
      return EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find();
    }
    if (root == null) {
      return false;
    }
    if (storesFilter && root.has("query") && root.get("query").isObject()) {
      JsonNode filterQuery = root.get("query");
      for (Iterator<Map.Entry<String, JsonNode>> fields = filterQuery.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        boolean storable = value.isTextual() && STORABLE.contains(value.asText().strip());
        if (!storable && (EXPRESSION.matcher(field.getKey()).find() || containsExpression(value))) {
          return true;
        }
      }
      ObjectNode rest = ((ObjectNode) root).deepCopy();
      rest.remove("query");
      return containsExpression(rest);
    }
    return containsExpression(root);
  }

  private static boolean containsExpression(JsonNode node) {
    if (node.isTextual()) {
      return EXPRESSION.matcher(node.asText()).find();
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (EXPRESSION.matcher(field.getKey()).find() || containsExpression(field.getValue())) {
        return true;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (containsExpression(element)) {
          return true;
        }
      }
    }
    return false;
  }

  private void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(json.writeValueAsBytes(Map.of("type", "RefusedRequest", "message", message)));
  }

  /** A GET request with {@code maxResults} added to its query string and parameters. */
  private static final class BoundedRequest extends HttpServletRequestWrapper {
    private final String maxResults;

    BoundedRequest(HttpServletRequest request, int maxResults) {
      super(request);
      this.maxResults = Integer.toString(maxResults);
    }

    @Override
    public String getQueryString() {
      String query = super.getQueryString();
      return (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + maxResults;
    }

    @Override
    public String getParameter(String name) {
      return "maxResults".equals(name) ? maxResults : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
      parameters.put("maxResults", new String[] {maxResults});
      return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return "maxResults".equals(name) ? new String[] {maxResults} : super.getParameterValues(name);
    }
  }

  /** The request with its body read once and handed on unchanged. */
  private static final class BodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    BodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
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
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
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
