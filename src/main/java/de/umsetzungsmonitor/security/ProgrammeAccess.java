package de.umsetzungsmonitor.security;

import de.umsetzungsmonitor.catalogue.Programme;
import java.util.Collection;

/**
 * Who may do what with a programme's reports, briefings and its Phase II gate: the coordinating
 * unit works on them; its head (who approves reports and decides on overrides) and the programme's
 * manager groups read them; administrators do everything. Everybody else does not see them.
 */
public final class ProgrammeAccess {

  private ProgrammeAccess() {}

  /** Administrators and the programme's coordinating unit. */
  public static boolean coordinates(Programme programme, Collection<String> callerGroups) {
    return callerGroups.contains(Groups.ADMINISTRATORS) || callerGroups.contains(programme.coordinationGroup());
  }

  /** Those who coordinate, the coordinating unit's head and the programme's manager groups. */
  public static boolean reads(Programme programme, Collection<String> callerGroups) {
    return coordinates(programme, callerGroups)
        || callerGroups.contains(programme.getCoordinatingOffice().headGroupId())
        || programme.getManagerGroups().stream().anyMatch(callerGroups::contains);
  }
}
