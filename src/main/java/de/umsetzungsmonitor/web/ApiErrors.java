package de.umsetzungsmonitor.web;

import de.umsetzungsmonitor.process.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * German answers for clients of our own REST API and pages: 4xx for their mistakes, never a stack
 * trace. Always JSON, whatever the client accepts (a browser asking for HTML gets the JSON too,
 * not an internal error). What fails before a controller is chosen (unknown address, method,
 * format) is answered by {@link GermanErrorAttributes}.
 */
@RestControllerAdvice(basePackages = "de.umsetzungsmonitor")
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
      MissingServletRequestPartException.class})
  ResponseEntity<ApiError> unreadable(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "Die Anfrage ist unvollständig oder nicht lesbar.");
  }

  /** A path segment or parameter that is not of its type, e.g. {@code /lieferungen/abc/datei}. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType() == null ? Object.class : ClassUtils.resolvePrimitiveIfNecessary(e.getRequiredType());
    String expected = Number.class.isAssignableFrom(type) ? "eine ganze Zahl" : "ein anderer Wert";
    return error(HttpStatus.BAD_REQUEST, GermanErrorAttributes.quoted(e.getValue()) + " ist kein gültiger Wert (erwartet wird "
        + expected + ").");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, GermanErrorAttributes.unsupportedMediaType(e));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return error(HttpStatus.NOT_ACCEPTABLE, GermanErrorAttributes.NOT_ACCEPTABLE);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "Die Datei ist zu groß (höchstens 10 MB).");
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ApiError> conflict(ConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(e.getMessage(), e.details().isEmpty() ? null : e.details()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return error(HttpStatus.FORBIDDEN, "Dafür fehlt Ihnen die Berechtigung.");
  }

  @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class,
      org.camunda.bpm.engine.OptimisticLockingException.class})
  ResponseEntity<ApiError> conflict(Exception e) {
    if (GermanErrorAttributes.isUnstorableCharacter(e)) {
      return error(HttpStatus.BAD_REQUEST, GermanErrorAttributes.UNSTORABLE_CHARACTER);
    }
    log.info("Concurrent change refused: {}", e.getMessage());
    return error(HttpStatus.CONFLICT,
        "Die Daten wurden gleichzeitig von anderer Seite geändert. Bitte versuchen Sie es noch einmal.");
  }

  /**
   * The database cannot be reached (e.g. while PostgreSQL restarts): 503 and a German "try again";
   * the pool and the engine reconnect on their own.
   */
  @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
      org.springframework.dao.DataAccessResourceFailureException.class,
      org.springframework.dao.TransientDataAccessResourceException.class})
  ResponseEntity<ApiError> databaseUnavailable(Exception e) {
    log.warn("Database not reachable: {}", e.getMessage());
    return unavailable();
  }

  /** The engine's failures: a database that cannot be reached is 503, anything else 500 without details. */
  @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
  ResponseEntity<ApiError> engine(org.camunda.bpm.engine.ProcessEngineException e) {
    if (DatabaseUnavailable.causes(e)) {
      log.warn("Database not reachable: {}", e.getMessage());
      return unavailable();
    }
    log.error("Engine call failed", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später noch"
        + " einmal; besteht der Fehler fort, wenden Sie sich an den Betrieb.");
  }

  private static ResponseEntity<ApiError> unavailable() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60").contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(DatabaseUnavailable.MESSAGE, null));
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(message, null));
  }

  /** {@code details}: the items behind the message (e.g. what is still missing), when there are any. */
  record ApiError(String message, java.util.List<String> details) {}
}
