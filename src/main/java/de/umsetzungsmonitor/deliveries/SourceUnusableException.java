package de.umsetzungsmonitor.deliveries;

/** An HTTP source answered, but not with usable values for the period; the message is German. */
public class SourceUnusableException extends RuntimeException {

  public SourceUnusableException(String germanMessage) {
    super(germanMessage);
  }
}
