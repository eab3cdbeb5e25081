package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.reporting.MeasureTimeline.Event;
import de.umsetzungsmonitor.web.NotFoundException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/measures/{businessKey}/audit}: who did what when for a measure. */
@RestController
@RequestMapping("/api/measures")
class MeasureController {

  private final MeasureTimeline timeline;

  MeasureController(MeasureTimeline timeline) {
    this.timeline = timeline;
  }

  @GetMapping("/{businessKey}/audit")
  List<Event> audit(@PathVariable String businessKey, Authentication caller) {
    List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    // unknown and not yours look the same: nobody learns which measures exist elsewhere
    return timeline.of(businessKey, groups).orElseThrow(() ->
        new NotFoundException("Keine Maßnahme " + businessKey + " in Ihren Programmen."));
  }
}
