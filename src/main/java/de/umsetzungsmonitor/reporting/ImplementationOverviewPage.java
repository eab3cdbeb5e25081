package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.external.PhaseTwoService;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.reporting.ImplementationOverview.Filter;
import de.umsetzungsmonitor.reporting.ImplementationOverview.MeasureRow;
import de.umsetzungsmonitor.reporting.ImplementationOverview.Overview;
import de.umsetzungsmonitor.reporting.IndicatorChart.Chart;
import de.umsetzungsmonitor.reporting.IndicatorOverview.MeasureIndicators;
import de.umsetzungsmonitor.reporting.MeasureTimeline.Event;
import de.umsetzungsmonitor.security.Directory;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The implementation overview (Umsetzungsübersicht) as German pages behind the webapps' login:
 * every measure the caller may see with filters and a search ({@code /uebersicht}), the same view
 * as CSV ({@code /uebersicht/export.csv}), and one measure with its timeline, indicator charts and
 * links into Tasklist and Cockpit ({@code /uebersicht/massnahmen/{businessKey}}).
 */
@Controller
class ImplementationOverviewPage {

  /** A measure has a handful of open tasks; the page lists at most this many (queryMaxResultsLimit). */
  private static final int MAX_TASK_LINKS = 200;

  private final ImplementationOverview overview;
  private final IndicatorOverview indicators;
  private final MeasureTimeline timeline;
  private final MeasureRepository measures;
  private final OverviewCsv csv;
  private final TaskService taskService;
  private final Directory directory;
  private final PhaseTwoService phaseTwo;

  ImplementationOverviewPage(ImplementationOverview overview, IndicatorOverview indicators, MeasureTimeline timeline,
      MeasureRepository measures, OverviewCsv csv, TaskService taskService, Directory directory, PhaseTwoService phaseTwo) {
    this.overview = overview;
    this.indicators = indicators;
    this.timeline = timeline;
    this.measures = measures;
    this.csv = csv;
    this.taskService = taskService;
    this.directory = directory;
    this.phaseTwo = phaseTwo;
  }

  @GetMapping("/uebersicht")
  String overview(@RequestParam(name = "programm", required = false) String programme,
      @RequestParam(name = "handlungsfeld", required = false) String fieldOfAction,
      @RequestParam(name = "stelle", required = false) String office,
      @RequestParam(name = "phase", required = false) String phase,
      @RequestParam(name = "ueberfaellig", required = false) String overdueOnly,
      @RequestParam(name = "suche", required = false) String search,
      Authentication user, Model model, HttpServletResponse response) {
    Overview view;
    try {
      view = overview.overview(filter(programme, fieldOfAction, office, phase, overdueOnly, search),
          IndicatorOverviewController.groups(user));
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("title", "Ungültige Auswahl");
      model.addAttribute("message", e.getMessage());
      return "uebersicht/nicht-gefunden";
    }
    model.addAttribute("view", view);
    model.addAttribute("sections", sections(view.rows()));
    model.addAttribute("exportLink", exportLink(view.filter()));
    model.addAttribute("format", PageFormat.GERMAN);
    model.addAttribute("user", directory.displayName(user.getName()));
    return "uebersicht/umsetzung";
  }

  @GetMapping("/uebersicht/export.csv")
  ResponseEntity<byte[]> export(@RequestParam(name = "programm", required = false) String programme,
      @RequestParam(name = "handlungsfeld", required = false) String fieldOfAction,
      @RequestParam(name = "stelle", required = false) String office,
      @RequestParam(name = "phase", required = false) String phase,
      @RequestParam(name = "ueberfaellig", required = false) String overdueOnly,
      @RequestParam(name = "suche", required = false) String search, Authentication user) {
    Overview view;
    try {
      view = overview.overview(filter(programme, fieldOfAction, office, phase, overdueOnly, search),
          IndicatorOverviewController.groups(user));
    } catch (InvalidInputException e) {
      return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
          .body(e.getMessage().getBytes(StandardCharsets.UTF_8));
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("umsetzungsuebersicht-" + view.asOf() + ".csv").build().toString())
        .body(csv.of(view));
  }

  @GetMapping("/uebersicht/massnahmen/{businessKey}")
  String measure(@PathVariable String businessKey, Authentication user, Model model, HttpServletResponse response) {
    Collection<String> groups = IndicatorOverviewController.groups(user);
    Optional<MeasureRow> row = overview.row(businessKey, groups);
    Measure measure = measures.findByBusinessKey(businessKey).orElse(null);
    if (row.isEmpty() || measure == null) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", "Keine Maßnahme " + businessKey + " in Ihren Programmen.");
      return "uebersicht/nicht-gefunden";
    }
    boolean readsProgramme = indicators.mayReadProgramme(row.get().programmeCode(), groups);
    // the engine's operation log is the programme's audit trail: the programme's readers see it
    List<Event> events = readsProgramme
        ? timeline.of(businessKey, groups).orElseGet(() -> timeline.businessEvents(measure))
        : timeline.businessEvents(measure);
    Optional<MeasureIndicators> indicatorView = indicators.ofMeasure(businessKey, groups);
    List<Chart> charts = indicatorView.map(v -> v.indicators().stream().map(IndicatorChart::of)
        .flatMap(Optional::stream).toList()).orElse(List.of());
    // asked as the caller (the engine checks): only the tasks this person may open in Tasklist
    List<OpenTask> openTasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).listPage(0, MAX_TASK_LINKS).stream()
        .sorted(Comparator.comparing(org.camunda.bpm.engine.task.Task::getCreateTime))
        .map(task -> new OpenTask(task.getName(), task.getAssignee() == null ? null : directory.displayName(task.getAssignee()),
            "/camunda/app/tasklist/default/#/?task=" + task.getId()))
        .toList();
    model.addAttribute("row", row.get());
    model.addAttribute("measure", measure);
    model.addAttribute("events", events);
    model.addAttribute("indicators", indicatorView.orElse(null));
    model.addAttribute("charts", charts);
    model.addAttribute("openTasks", openTasks);
    model.addAttribute("cockpitLink", readsProgramme && row.get().processInstanceId() != null
        ? "/camunda/app/cockpit/default/#/process-instance/" + row.get().processInstanceId() : null);
    java.util.Optional<PhaseTwoService.PhaseTwoView> phaseTwoView = phaseTwo.view(measure.getId());
    model.addAttribute("phaseTwo", phaseTwoView.orElse(null));
    model.addAttribute("phaseTwoCockpitLink", readsProgramme && phaseTwoView.map(PhaseTwoService.PhaseTwoView::processInstanceId).isPresent()
        ? "/camunda/app/cockpit/default/#/process-instance/" + phaseTwoView.get().processInstanceId() : null);
    model.addAttribute("programmeStatistics", readsProgramme);
    model.addAttribute("format", PageFormat.GERMAN);
    return "uebersicht/massnahme";
  }

  /** The filter from the page's query parameters; the overdue box arrives as {@code ja} when ticked. */
  static Filter filter(String programme, String fieldOfAction, String office, String phase, String overdueOnly,
      String search) {
    boolean overdue;
    if (overdueOnly == null || overdueOnly.isBlank() || "nein".equals(overdueOnly) || "false".equals(overdueOnly)) {
      overdue = false;
    } else if ("ja".equals(overdueOnly) || "true".equals(overdueOnly)) {
      overdue = true;
    } else {
      throw new InvalidInputException("„Nur Überfälliges“ kennt nur die Werte „ja“ und „nein“.");
    }
    return new Filter(programme, fieldOfAction, office, phase, overdue, search);
  }

  private static String exportLink(Filter filter) {
    UriComponentsBuilder link = UriComponentsBuilder.fromPath("/uebersicht/export.csv");
    if (filter.programme() != null) link.queryParam("programm", filter.programme());
    if (filter.fieldOfAction() != null) link.queryParam("handlungsfeld", filter.fieldOfAction());
    if (filter.office() != null) link.queryParam("stelle", filter.office());
    if (filter.phase() != null) link.queryParam("phase", filter.phase());
    if (filter.overdueOnly()) link.queryParam("ueberfaellig", "ja");
    if (filter.search() != null) link.queryParam("suche", filter.search());
    return link.encode().build().toUriString();
  }

  /** The rows grouped by programme, in the order they come. */
  private static List<Section> sections(List<MeasureRow> rows) {
    java.util.Map<String, Section> byProgramme = new java.util.LinkedHashMap<>();
    for (MeasureRow row : rows) {
      byProgramme.computeIfAbsent(row.programmeCode(),
          code -> new Section(code, row.programmeTitle(), new java.util.ArrayList<>())).rows().add(row);
    }
    return List.copyOf(byProgramme.values());
  }

  record Section(String programmeCode, String programmeTitle, List<MeasureRow> rows) {}

  /** A task of the measure the caller may open, with its Tasklist link. */
  record OpenTask(String name, String assignee, String link) {}
}
