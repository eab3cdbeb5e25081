package de.umsetzungsmonitor.reporting.briefing;

import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.external.PhaseTwoGates;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.reporting.PageFormat;
import de.umsetzungsmonitor.reporting.StatusReport;
import de.umsetzungsmonitor.reporting.StatusReportDocuments;
import de.umsetzungsmonitor.reporting.briefing.BriefingDocument.Format;
import de.umsetzungsmonitor.reporting.briefing.BriefingService.Document;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.ProgrammeAccess;
import de.umsetzungsmonitor.web.ConflictException;
import de.umsetzungsmonitor.web.ForbiddenException;
import de.umsetzungsmonitor.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * German pages behind the Tasklist login: a programme's status report as of any day (HTML, PDF,
 * DOCX), its committee briefings and the gate to Phase II ({@code /berichte/programme/{code}}),
 * and one briefing with its reviews and stored report ({@code /berichte/unterrichtungen/{key}}).
 */
@Controller
class BriefingPages {

  private final BriefingService briefings;
  private final PhaseTwoGates gates;
  private final StatusReportDocuments renderer;
  private final TaskService tasks;
  private final Directory directory;
  private final Clock clock;

  BriefingPages(BriefingService briefings, PhaseTwoGates gates, StatusReportDocuments renderer,
      TaskService tasks, Directory directory, Clock clock) {
    this.briefings = briefings;
    this.gates = gates;
    this.renderer = renderer;
    this.tasks = tasks;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping("/berichte")
  String index(Authentication user, Model model) {
    model.addAttribute("programmes", briefings.readableProgrammes(BriefingController.groups(user)));
    return "berichte/index";
  }

  @GetMapping("/berichte/programme/{code}")
  String programme(@PathVariable String code, Authentication user, Model model) {
    Collection<String> groups = BriefingController.groups(user);
    Programme programme = briefings.readableProgramme(code, groups);
    model.addAttribute("programme", programme);
    model.addAttribute("coordinates", ProgrammeAccess.coordinates(programme, groups));
    model.addAttribute("briefings", briefings.ofProgramme(programme));
    model.addAttribute("gate", gates.status(code, groups));
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("format", PageFormat.GERMAN);
    return "berichte/programm";
  }

  /** The status report as of a day, as the chosen document. */
  @GetMapping("/berichte/programme/{code}/bericht")
  ResponseEntity<byte[]> report(@PathVariable String code, @RequestParam(name = "stand", required = false) String asOf,
      @RequestParam(name = "format", required = false) String format, Authentication user) {
    Format wanted = BriefingViews.format(format == null || format.isBlank() ? "html" : format);
    Programme programme = briefings.readableProgramme(code, BriefingController.groups(user));
    LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : BriefingController.date(asOf);
    StatusReport report = briefings.statusReport(programme, day);
    byte[] content = switch (wanted) {
      case PDF -> renderer.pdf(report);
      case DOCX -> renderer.docx(report);
      case HTML -> renderer.html(report).getBytes(StandardCharsets.UTF_8);
      case JSON -> throw new InvalidInputException("Die Seite liefert den Bericht als PDF, DOCX oder HTML.");
    };
    return BriefingController.download(content, wanted, "stand-der-umsetzung-" + programme.getCode() + "-" + day, null);
  }

  @PostMapping("/berichte/programme/{code}/unterrichtungen")
  String start(@PathVariable String code, @RequestParam(name = "stand", required = false) String asOf, Authentication user,
      RedirectAttributes redirect) {
    LocalDate day = asOf == null || asOf.isBlank() ? null : BriefingController.date(asOf);
    CommitteeBriefing briefing = briefings.start(code, day, user.getName(), BriefingController.groups(user));
    redirect.addFlashAttribute("notice", "Die Unterrichtung " + briefing.getBusinessKey() + " ist angelegt. Die Aufgabe „Bericht zur"
        + " Unterrichtung vorbereiten“ steht in der Aufgabenliste der " + briefing.getProgramme().getCoordinatingOffice().getName() + ".");
    return "redirect:/berichte/unterrichtungen/" + briefing.getBusinessKey();
  }

  @PostMapping("/berichte/programme/{code}/phase-2")
  String declare(@PathVariable String code, @RequestParam(name = "amtsleitung", required = false) String askForOverride,
      Authentication user, RedirectAttributes redirect) {
    boolean override = "ja".equals(askForOverride);
    gates.declare(code, override, user.getName(), BriefingController.groups(user));
    boolean opened = gates.status(code, BriefingController.groups(user)).phaseTwoOpened();
    redirect.addFlashAttribute("notice", opened ? "Umsetzungsphase II ist eröffnet."
        : "Die Amtsleitung entscheidet nun, ob Umsetzungsphase II trotz der offenen Punkte beginnt (Aufgabe in ihrer Aufgabenliste).");
    return "redirect:/berichte/programme/" + code + "#phase-2";
  }

  @GetMapping("/berichte/unterrichtungen/{businessKey}")
  String briefing(@PathVariable String businessKey, Authentication user, Model model) {
    Collection<String> groups = BriefingController.groups(user);
    CommitteeBriefing briefing = briefings.readable(businessKey, groups);
    model.addAttribute("briefing", briefing);
    model.addAttribute("reviews", briefings.reviewsOf(briefing));
    model.addAttribute("documents", briefings.documentsOf(briefing));
    // asked as the caller: only the tasks this person may open in Tasklist
    model.addAttribute("openTasks", tasks.createTaskQuery().processInstanceBusinessKey(businessKey).listPage(0, 20));
    model.addAttribute("directory", directory);
    model.addAttribute("format", PageFormat.GERMAN);
    return "berichte/unterrichtung";
  }

  @GetMapping("/berichte/unterrichtungen/{businessKey}/bericht.{extension}")
  ResponseEntity<byte[]> briefingReport(@PathVariable String businessKey, @PathVariable String extension, Authentication user) {
    Format wanted = BriefingViews.format(extension);
    CommitteeBriefing briefing = briefings.readable(businessKey, BriefingController.groups(user));
    Document document = briefings.report(briefing, wanted);
    return BriefingController.download(document.content(), wanted,
        "unterrichtung-" + briefing.getBusinessKey() + (document.stored() ? "" : "-entwurf"), document);
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException e, Model model, HttpServletResponse response) {
    return problem(HttpServletResponse.SC_NOT_FOUND, "Nicht gefunden", e.getMessage(), List.of(), model, response);
  }

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
    return problem(HttpServletResponse.SC_BAD_REQUEST, "Ungültige Eingabe", e.getMessage(), List.of(), model, response);
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, Model model, HttpServletResponse response) {
    return problem(HttpServletResponse.SC_CONFLICT, "Nicht möglich", e.getMessage(), e.details(), model, response);
  }

  @ExceptionHandler(ForbiddenException.class)
  String forbidden(ForbiddenException e, Model model, HttpServletResponse response) {
    return problem(HttpServletResponse.SC_FORBIDDEN, "Nicht erlaubt", e.getMessage(), List.of(), model, response);
  }

  private static String problem(int status, String title, String message, List<String> details, Model model,
      HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    model.addAttribute("details", details);
    return "uebersicht/nicht-gefunden";
  }
}
