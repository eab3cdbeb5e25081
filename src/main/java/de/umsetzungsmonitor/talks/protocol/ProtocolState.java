package de.umsetzungsmonitor.talks.protocol;

public enum ProtocolState {
  /** Sent to every participant; not yet signed by all of them in its current version. */
  IN_SIGNATURE,
  /** Signed by every participant in the same version. */
  IN_FORCE
}
