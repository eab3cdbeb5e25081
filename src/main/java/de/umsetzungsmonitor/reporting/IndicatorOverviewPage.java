package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.reporting.IndicatorOverview.MeasureIndicators;
import de.umsetzungsmonitor.reporting.IndicatorOverview.ProgrammeStatistics;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * German pages for the coordinating unit behind the Tasklist login: a measure's indicators with
 * their values and completeness per period, and a programme's delivery statistics per office.
 */
@Controller
class IndicatorOverviewPage {

  private final IndicatorOverview overview;

  IndicatorOverviewPage(IndicatorOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/uebersicht/massnahmen/{businessKey}/indikatoren")
  String measure(@PathVariable String businessKey, Authentication user, Model model, HttpServletResponse response) {
    Collection<String> groups = IndicatorOverviewController.groups(user);
    Optional<MeasureIndicators> view = overview.ofMeasure(businessKey, groups);
    if (view.isEmpty()) {
      return notFound("Keine Maßnahme " + businessKey + " in Ihren Programmen.", model, response);
    }
    model.addAttribute("view", view.get());
    model.addAttribute("programmeStatistics", overview.mayReadProgramme(view.get().programmeCode(), groups));
    model.addAttribute("format", PageFormat.GERMAN);
    model.addAttribute("legend", java.util.List.of(Completeness.values()));
    return "uebersicht/indikatoren";
  }

  @GetMapping("/uebersicht/programme/{code}/lieferstatistik")
  String programme(@PathVariable String code, Authentication user, Model model, HttpServletResponse response) {
    Optional<ProgrammeStatistics> view = overview.ofProgramme(code, IndicatorOverviewController.groups(user));
    if (view.isEmpty()) {
      return notFound("Kein Programm " + code + ", dessen Lieferstatistik Sie sehen dürfen.", model, response);
    }
    model.addAttribute("view", view.get());
    model.addAttribute("format", PageFormat.GERMAN);
    return "uebersicht/lieferstatistik";
  }

  private static String notFound(String message, Model model, HttpServletResponse response) {
    // unknown and not yours look the same, as in the API
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("message", message);
    return "uebersicht/nicht-gefunden";
  }
}
