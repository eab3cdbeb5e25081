package de.umsetzungsmonitor.security;

/**
 * Groups the application relies on. Every office, coordinating units included, has a group of
 * its own whose id is the office code (created by the programme import).
 */
public final class Groups {

  /** Camunda's administrators group: deploy, manage users, import programmes. */
  public static final String ADMINISTRATORS = "camunda-admin";

  /** Office and department heads: read everything, complete nothing of others. */
  public static final String MANAGERS = "managers";

  /** Type of the groups of offices. */
  public static final String OFFICE_GROUP_TYPE = "WORKFLOW";

  private Groups() {}
}
