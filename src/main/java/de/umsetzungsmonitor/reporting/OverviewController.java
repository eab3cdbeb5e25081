package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.reporting.ImplementationOverview.Overview;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/overview}: the implementation overview as JSON, with the page's filters as query
 * parameters ({@code programm}, {@code handlungsfeld}, {@code stelle}, {@code phase},
 * {@code ueberfaellig=ja}, {@code suche}). Unknown filter values are answered with 400.
 */
@RestController
class OverviewController {

  private final ImplementationOverview overview;

  OverviewController(ImplementationOverview overview) {
    this.overview = overview;
  }

  @GetMapping("/api/overview")
  Overview overview(@RequestParam(name = "programm", required = false) String programme,
      @RequestParam(name = "handlungsfeld", required = false) String fieldOfAction,
      @RequestParam(name = "stelle", required = false) String office,
      @RequestParam(name = "phase", required = false) String phase,
      @RequestParam(name = "ueberfaellig", required = false) String overdueOnly,
      @RequestParam(name = "suche", required = false) String search, Authentication caller) {
    return overview.overview(ImplementationOverviewPage.filter(programme, fieldOfAction, office, phase, overdueOnly,
        search), IndicatorOverviewController.groups(caller));
  }
}
