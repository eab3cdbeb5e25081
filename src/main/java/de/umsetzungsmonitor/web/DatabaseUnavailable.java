package de.umsetzungsmonitor.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that only says "the database cannot be reached right now" (PostgreSQL
 * restarting, the network gone, the pool without connections), as opposed to a fault in the data
 * or the code. Such a failure is answered 503 "try again"; the pool and the engine reconnect on
 * their own once the database is back.
 */
public final class DatabaseUnavailable {

  /** What users are told, wherever they are. */
  public static final String MESSAGE =
      "Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute noch einmal.";

  private DatabaseUnavailable() {}

  public static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException || cause instanceof java.net.ConnectException
          || cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || (cause instanceof SQLException sql && connectionState(sql.getSQLState()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * SQL states of a lost or refused connection: class 08 (connection exception), 57P01 to 57P03
   * (PostgreSQL shutting down or starting up).
   */
  private static boolean connectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }
}
