package de.umsetzungsmonitor.reporting.briefing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.external.PhaseTwoGate;
import de.umsetzungsmonitor.external.PhaseTwoGates;
import de.umsetzungsmonitor.external.PhaseTwoGates.GateStatus;
import de.umsetzungsmonitor.external.PhaseTwoGates.GateView;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.reporting.StatusReport;
import de.umsetzungsmonitor.reporting.StatusReportDocuments;
import de.umsetzungsmonitor.reporting.briefing.BriefingDocument.Format;
import de.umsetzungsmonitor.reporting.briefing.BriefingService.Document;
import de.umsetzungsmonitor.reporting.briefing.BriefingViews.BriefingView;
import de.umsetzungsmonitor.reporting.briefing.BriefingViews.DeclareComplete;
import de.umsetzungsmonitor.reporting.briefing.BriefingViews.StartBriefing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status report, committee briefings and the Phase II gate over REST (HTTP Basic). Reading is
 * for the programme's coordinating unit, its head, its managers and administrators; starting a
 * briefing and declaring completeness for the coordinating unit. Unknown and not yours look alike (404).
 */
@RestController
class BriefingController {

  private final BriefingService briefings;
  private final StatusReportDocuments renderer;
  private final PhaseTwoGates gates;
  private final ObjectMapper json;

  BriefingController(BriefingService briefings, StatusReportDocuments renderer, PhaseTwoGates gates, ObjectMapper json) {
    this.briefings = briefings;
    this.renderer = renderer;
    this.gates = gates;
    this.json = json;
  }

  /** The programme's status report as of a day (today when missing), as JSON, PDF, DOCX or HTML. */
  @GetMapping("/api/programmes/{code}/status-report")
  ResponseEntity<byte[]> statusReport(@PathVariable String code, @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String format, Authentication caller) {
    Format wanted = BriefingViews.format(format);
    Programme programme = briefings.readableProgramme(code, groups(caller));
    LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now(java.time.ZoneId.of("Europe/Berlin")) : date(asOf);
    StatusReport report = briefings.statusReport(programme, day);
    byte[] content = switch (wanted) {
      case PDF -> renderer.pdf(report);
      case DOCX -> renderer.docx(report);
      case HTML -> renderer.html(report).getBytes(StandardCharsets.UTF_8);
      case JSON -> null;
    };
    if (content == null) {
      return json(report);
    }
    return download(content, wanted, "stand-der-umsetzung-" + programme.getCode() + "-" + day, null);
  }

  @GetMapping("/api/programmes/{code}/briefings")
  List<BriefingView> briefingsOf(@PathVariable String code, Authentication caller) {
    Programme programme = briefings.readableProgramme(code, groups(caller));
    return briefings.ofProgramme(programme).stream().map(this::view).toList();
  }

  @PostMapping("/api/programmes/{code}/briefings")
  ResponseEntity<BriefingView> start(@PathVariable String code, @RequestBody(required = false) StartBriefing request,
      Authentication caller) {
    CommitteeBriefing briefing = briefings.start(code, request == null ? null : request.asOf(), caller.getName(), groups(caller));
    return ResponseEntity.created(URI.create("/api/briefings/" + briefing.getBusinessKey())).body(view(briefing));
  }

  @GetMapping("/api/briefings/{businessKey}")
  BriefingView briefing(@PathVariable String businessKey, Authentication caller) {
    return view(briefings.readable(businessKey, groups(caller)));
  }

  /** The briefing's report: as stored once approved (hash checked), before that the draft from live data. */
  @GetMapping("/api/briefings/{businessKey}/report")
  ResponseEntity<byte[]> report(@PathVariable String businessKey, @RequestParam(required = false) String format,
      Authentication caller) {
    Format wanted = BriefingViews.format(format == null ? "pdf" : format);
    CommitteeBriefing briefing = briefings.readable(businessKey, groups(caller));
    Document document = briefings.report(briefing, wanted);
    return download(document.content(), wanted, "unterrichtung-" + briefing.getBusinessKey() + (document.stored() ? "" : "-entwurf"),
        document);
  }

  @GetMapping("/api/programmes/{code}/phase-two")
  GateStatus phaseTwo(@PathVariable String code, Authentication caller) {
    return gates.status(code, groups(caller));
  }

  @PostMapping("/api/programmes/{code}/phase-two")
  ResponseEntity<GateStatus> declare(@PathVariable String code, @RequestBody(required = false) DeclareComplete request,
      Authentication caller) {
    boolean override = request != null && Boolean.TRUE.equals(request.askForOverride());
    PhaseTwoGate gate = gates.declare(code, override, caller.getName(), groups(caller));
    GateStatus status = gates.status(code, groups(caller));
    return ResponseEntity.status(status.phaseTwoOpened() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
        .location(URI.create("/api/programmes/" + gate.getProgramme().getCode() + "/phase-two")).body(status);
  }

  private BriefingView view(CommitteeBriefing briefing) {
    return BriefingView.of(briefing, briefings.reviewsOf(briefing), briefings.documentsOf(briefing));
  }

  private ResponseEntity<byte[]> json(StatusReport report) {
    try {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Report not serialisable", e);
    }
  }

  static ResponseEntity<byte[]> download(byte[] content, Format format, String name, Document document) {
    ResponseEntity.BodyBuilder response = ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(format.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, (format == Format.HTML || format == Format.JSON
            ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(name + "." + format.extension(), StandardCharsets.UTF_8).build().toString());
    if (document != null) {
      // RFC 9530: the SHA-256 of exactly these bytes; the stored report's hash never changes
      response.header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
          .encodeToString(HexFormat.of().parseHex(document.sha256())) + ":");
      response.header("X-Report-Stored", String.valueOf(document.stored()));
      response.eTag("\"" + document.sha256() + "\"");
    }
    return response.body(content);
  }

  static LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("„" + value + "“ ist kein gültiges Datum. Bitte im Format JJJJ-MM-TT angeben, z. B. 2018-09-21.");
    }
  }

  static Collection<String> groups(Authentication caller) {
    return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
