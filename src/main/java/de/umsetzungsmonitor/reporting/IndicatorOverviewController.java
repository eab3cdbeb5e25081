package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.reporting.IndicatorOverview.MeasureIndicators;
import de.umsetzungsmonitor.reporting.IndicatorOverview.ProgrammeStatistics;
import de.umsetzungsmonitor.web.NotFoundException;
import java.util.Collection;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/measures/{businessKey}/indicators}: a measure's indicators, their values and the
 * completeness of every period; {@code GET /api/programmes/{code}/delivery-statistics}: reporting
 * and on-time rates per office. Unknown and not yours look the same (404).
 */
@RestController
class IndicatorOverviewController {

  private final IndicatorOverview overview;

  IndicatorOverviewController(IndicatorOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/api/measures/{businessKey}/indicators")
  MeasureIndicators indicators(@PathVariable String businessKey, Authentication caller) {
    return overview.ofMeasure(businessKey, groups(caller)).orElseThrow(() ->
        new NotFoundException("Keine Maßnahme " + businessKey + " in Ihren Programmen."));
  }

  @GetMapping("/api/programmes/{code}/delivery-statistics")
  ProgrammeStatistics deliveryStatistics(@PathVariable String code, Authentication caller) {
    return overview.ofProgramme(code, groups(caller)).orElseThrow(() ->
        new NotFoundException("Kein Programm " + code + ", dessen Lieferstatistik Sie sehen dürfen."));
  }

  static Collection<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
