package de.umsetzungsmonitor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses itself:
 *
 * <ul>
 *   <li>an address the application never sees (an encoded slash {@code %2F}, a NUL character
 *       {@code %00}), or an error whose page could not be rendered, gets a German {@code message}
 *       as JSON instead of Tomcat's English page: the error report valve Spring Boot puts on the
 *       host is replaced (this customizer runs after Boot's own);</li>
 *   <li>an upload over the limit is read to its end (up to {@code server.tomcat.max-swallow-size})
 *       before the connection is reused, so the client receives the refusal instead of a reset
 *       connection.</li>
 * </ul>
 */
@Component
class TomcatRefusals implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      context.setSwallowAbortedUploads(true);
      StandardHost host = (StandardHost) context.getParent();
      Pipeline pipeline = host.getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve) {
          pipeline.removeValve(valve);
        }
      }
      // the host adds a valve of this class at its start unless one is there
      host.setErrorReportValveClass(GermanErrorReportValve.class.getName());
      pipeline.addValve(new GermanErrorReportValve());
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** An error without a body gets {@code {"message": "…"}} in German, nothing else (no server, no exception). */
  static final class GermanErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(JSON.writeValueAsString(Map.of("message", status == 400
              ? "Die Adresse der Anfrage ist ungültig (z. B. ein kodierter Schrägstrich %2F oder ein Nullzeichen)."
              : GermanErrorAttributes.message(status, null))));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response is committed: nothing more to say
      }
    }
  }
}
