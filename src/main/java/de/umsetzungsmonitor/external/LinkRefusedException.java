package de.umsetzungsmonitor.external;

/** A contribution link that cannot be used; the page says why in German, and nothing is written. */
public class LinkRefusedException extends RuntimeException {

  /** Why a link is refused, with the HTTP status and the German explanation. */
  public enum Reason {
    INVALID(404, "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben."),
    EXPIRED(410, "Dieser Link ist abgelaufen. Bitte wenden Sie sich an die Stelle, die Ihnen den Link geschickt hat;"
        + " sie sendet Ihnen gern einen neuen."),
    USED(410, "Über diesen Link wurde bereits ein Beitrag übermittelt; jeder Link gilt nur einmal. Für einen weiteren"
        + " Beitrag erhalten Sie einen neuen Link."),
    NOT_AWAITED(409, "Zu dieser Beteiligung wird zurzeit kein Beitrag erwartet. Bitte wenden Sie sich an die Stelle,"
        + " die Ihnen den Link geschickt hat.");

    private final int status;
    private final String message;

    Reason(int status, String message) {
      this.status = status;
      this.message = message;
    }

    public int status() {
      return status;
    }

    public String message() {
      return message;
    }
  }

  private final Reason reason;

  public LinkRefusedException(Reason reason) {
    super(reason.message());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
