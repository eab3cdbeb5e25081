package de.umsetzungsmonitor.web;

import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.WebRequest;

/**
 * The error answer for everything that fails before (or outside) a controller: an unknown address,
 * a method or format the address does not take, an upload over the limit, an address the firewall
 * refuses, a missing login or CSRF token. Spring Boot's answer ({@code /error}, JSON for clients,
 * the page {@code templates/error.html} for browsers) then carries a German {@code message} instead
 * of none; exception details stay out ({@code server.error.include-*: never}).
 */
@Component
class GermanErrorAttributes extends DefaultErrorAttributes {

  static final String NOT_ACCEPTABLE = "Diese Antwort gibt es nur als JSON (Accept: application/json).";
  static final String UNSTORABLE_CHARACTER = "Die Eingabe enthält ein unzulässiges Zeichen (ein Steuerzeichen wie das"
      + " Nullzeichen oder ein unvollständiges Unicode-Zeichen). Bitte geben Sie den Text neu ein.";

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object status = attributes.get("status");
    attributes.put("message", message(status instanceof Integer code ? code : 500, getError(request)));
    return attributes;
  }

  static String message(int status, Throwable error) {
    return switch (status) {
      case 400 -> "Die Anfrage ist ungültig, zum Beispiel wegen unzulässiger Zeichen in der Adresse.";
      case 401 -> "Bitte melden Sie sich an.";
      case 403 -> "Dafür fehlt Ihnen die Berechtigung, oder das Formular ist abgelaufen. Bitte laden Sie die Seite neu.";
      case 404 -> "Diese Adresse gibt es nicht.";
      case 405 -> error instanceof HttpRequestMethodNotSupportedException method && method.getSupportedMethods() != null
          ? "Die Anfrageart " + method.getMethod() + " ist hier nicht erlaubt (erlaubt: "
              + String.join(", ", method.getSupportedMethods()) + ")."
          : "Diese Anfrageart ist hier nicht erlaubt.";
      case 406 -> NOT_ACCEPTABLE;
      case 413 -> "Die Anfrage ist zu groß (Dateien höchstens 10 MB).";
      case 415 -> error instanceof HttpMediaTypeNotSupportedException format ? unsupportedMediaType(format)
          : "Dieses Format wird hier nicht angenommen.";
      default -> status < 500 ? "Die Anfrage kann nicht bearbeitet werden."
          : "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal; besteht der Fehler fort, wenden"
              + " Sie sich an den Betrieb.";
    };
  }

  /** "Dieses Format wird hier nicht angenommen (erlaubt: application/json)." */
  static String unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    String allowed = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
    return "Dieses Format wird hier nicht angenommen" + (allowed.isEmpty() ? "" : " (erlaubt: " + allowed + ")") + ".";
  }

  /** A client's value as a German message quotes it: „abc“, shortened when it is long. */
  static String quoted(Object value) {
    String text = String.valueOf(value);
    if (text.codePointCount(0, text.length()) > 40) {
      text = text.substring(0, text.offsetByCodePoints(0, 40)) + "…";
    }
    return "„" + text + "“";
  }

  /**
   * Whether the database refused a text for a character it cannot store (PostgreSQL: SQL state
   * 22021, e.g. the NUL character): the client's input, not a conflict.
   */
  static boolean isUnstorableCharacter(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
