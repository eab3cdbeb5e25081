package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.external.PhaseTwoService.NewBody;
import de.umsetzungsmonitor.external.PhaseTwoService.PhaseTwoView;
import de.umsetzungsmonitor.security.ProgrammeAccess;
import de.umsetzungsmonitor.web.ConflictException;
import de.umsetzungsmonitor.web.ForbiddenException;
import de.umsetzungsmonitor.web.NotFoundException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A measure's Phase II over REST: {@code GET /api/measures/{key}/phase-two} (the programme's
 * readers and the measure's lead offices) and {@code POST /api/measures/{key}/external-bodies}
 * (the coordinating unit brings in further bodies or persons at any time).
 */
@RestController
class PhaseTwoController {

  private final PhaseTwoService phaseTwo;
  private final MeasureRepository measures;

  PhaseTwoController(PhaseTwoService phaseTwo, MeasureRepository measures) {
    this.phaseTwo = phaseTwo;
    this.measures = measures;
  }

  @GetMapping("/api/measures/{businessKey}/phase-two")
  @Transactional(readOnly = true)
  PhaseTwoView view(@PathVariable String businessKey, Authentication caller) {
    Measure measure = readable(businessKey, groups(caller));
    return phaseTwo.view(measure.getId()).orElseThrow(() ->
        new NotFoundException("Für die Maßnahme " + measure.getCode() + " hat Umsetzungsphase II noch nicht begonnen."));
  }

  @PostMapping("/api/measures/{businessKey}/external-bodies")
  @Transactional
  ResponseEntity<PhaseTwoView> involve(@PathVariable String businessKey, @RequestBody BringIn request, Authentication caller) {
    Collection<String> groups = groups(caller);
    Measure measure = readable(businessKey, groups);
    if (!ProgrammeAccess.coordinates(measure.getProgramme(), groups)) {
      throw new ForbiddenException("Externe Stellen bezieht die " + measure.getProgramme().getCoordinatingOffice().getName() + " ein.");
    }
    if (measure.getPhaseTwoStartedAt() == null) {
      throw new ConflictException("Für die Maßnahme " + measure.getCode() + " hat Umsetzungsphase II noch nicht begonnen.");
    }
    List<String> codes = request.externalBodies() == null ? List.of() : request.externalBodies();
    List<NewBody> added = request.newBodies() == null ? List.of() : request.newBodies();
    if (codes.isEmpty() && added.isEmpty()) {
      throw new de.umsetzungsmonitor.process.InvalidInputException("Bitte mindestens eine Stelle oder Person angeben.");
    }
    phaseTwo.involve(measure.getId(), codes, added, caller.getName());
    return ResponseEntity.status(201).body(phaseTwo.view(measure.getId()).orElseThrow());
  }

  private Measure readable(String businessKey, Collection<String> groups) {
    return measures.findByBusinessKey(businessKey)
        .filter(measure -> ProgrammeAccess.reads(measure.getProgramme(), groups)
            || measure.getLeadOffices().stream().map(Office::groupId).anyMatch(groups::contains))
        .orElseThrow(() -> new NotFoundException("Keine Maßnahme " + businessKey + " in Ihren Programmen."));
  }

  private static Collection<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  /** Bodies of the programme by code, and new bodies or persons. */
  record BringIn(List<String> externalBodies, List<NewBody> newBodies) {}
}
