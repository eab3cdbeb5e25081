package de.umsetzungsmonitor.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The status report of a programme as of one day (Dokumentation über den Stand der Umsetzung), in
 * German, the way the social report's documentation of 21 Sept 2018 reads: the programme's
 * introduction, one row per measure with its talk date, approach and remarks, the steps done and
 * those still pending (pending ones are set in italics), the indicators with their latest values
 * and delivery completeness, what is still open, Phase II, and what changed since the previous
 * briefing of the committee. Facts and words both: the renderers (HTML, PDF, DOCX) only lay it out.
 *
 * <p>Built by {@link StatusReports} from our tables, with every fact taken as it was known at the
 * end of {@link #asOf()}; stored as JSON with an approved briefing, so the next briefing can say
 * what changed since the committee saw it.
 */
public record StatusReport(
    String programmeCode,
    String programmeTitle,
    String title,
    String committee,
    String coordinatingOffice,
    List<String> introduction,
    String fundingNote,
    LocalDate asOf,
    Instant generatedAt,
    List<MeasureEntry> measures,
    List<String> openItems,
    PhaseTwo phaseTwo,
    List<Notice> notices,
    Changes changes,
    Briefing briefing) {

  /** Reports stored before a field existed read it as empty. */
  public StatusReport {
    introduction = introduction == null ? List.of() : introduction;
    measures = measures == null ? List.of() : measures;
    openItems = openItems == null ? List.of() : openItems;
    notices = notices == null ? List.of() : notices;
  }

  /** The legend the seed document prints above its table. */
  public static final String PENDING_LEGEND = "Kursiv: die noch ausstehenden Schritte in der Bearbeitung der Handlungsempfehlungen";

  /** The measures whose talk had taken place by the report's day, in the order of their talks. */
  public List<MeasureEntry> measuresWithTalk() {
    return measures.stream().filter(MeasureEntry::talkHeld).toList();
  }

  /** The measures whose talk was still pending on the report's day. */
  public List<MeasureEntry> measuresWithoutTalk() {
    return measures.stream().filter(m -> !m.talkHeld()).toList();
  }

  /** The measures with at least one concretised indicator. */
  public List<MeasureEntry> measuresWithIndicators() {
    return measures.stream().filter(m -> !m.indicators().isEmpty()).toList();
  }

  /** The same report with the briefing's context and the changes since the previous one. */
  public StatusReport within(Briefing briefing, Changes changes, List<Notice> notices) {
    return new StatusReport(programmeCode, programmeTitle, title, committee, coordinatingOffice, introduction,
        fundingNote, asOf, generatedAt, measures, openItems, phaseTwo, List.copyOf(notices), changes, briefing);
  }

  /** The measures in Phase II (or closed in it) with the external bodies working on them. */
  public List<MeasureEntry> measuresWithExternalBodies() {
    return measures.stream().filter(m -> !m.externalBodies().isEmpty()).toList();
  }

  /**
   * One measure as of the report's day.
   *
   * @param talkHeldOn the day the talk took place, if its results were recorded by then
   * @param talkScheduledFor the day the talk was set for on the report's day (held or not)
   * @param receivedPeriods the periods whose data were received by then, as "2019 (Amt …)"
   * @param steps what is done and what is pending, in the order of Phase I and II
   */
  public record MeasureEntry(
      String businessKey,
      String code,
      String text,
      String fieldOfAction,
      List<String> leadOffices,
      LocalDate talkScheduledFor,
      LocalDate talkHeldOn,
      String approach,
      String remarks,
      boolean protocolIssued,
      boolean protocolInForce,
      List<String> missingSignatories,
      List<IndicatorEntry> indicators,
      List<String> receivedPeriods,
      List<String> overduePeriods,
      List<Step> steps,
      List<ExternalBodyEntry> externalBodies,
      String closure,
      boolean closed) {

    /** Reports stored before a field existed read it as empty. */
    public MeasureEntry {
      leadOffices = leadOffices == null ? List.of() : leadOffices;
      missingSignatories = missingSignatories == null ? List.of() : missingSignatories;
      indicators = indicators == null ? List.of() : indicators;
      receivedPeriods = receivedPeriods == null ? List.of() : receivedPeriods;
      overduePeriods = overduePeriods == null ? List.of() : overduePeriods;
      steps = steps == null ? List.of() : steps;
      externalBodies = externalBodies == null ? List.of() : externalBodies;
    }

    public boolean talkHeld() {
      return talkHeldOn != null;
    }

    /** What the table's "Termin" column shows while the talk is pending (set in italics). */
    public String pendingTalkText() {
      return talkScheduledFor == null ? "wird terminiert"
          : "geplant für den " + PageFormat.GERMAN.date(talkScheduledFor);
    }

    /** The approach with the remark the seed prints after it ("Bestandsanalyse; Hinweis: …"). */
    public String approachWithRemarks() {
      if (approach == null) {
        return remarks == null ? null : "Hinweis: " + remarks;
      }
      return remarks == null ? approach : approach + "; Hinweis: " + remarks;
    }

    public List<Step> doneSteps() {
      return steps.stream().filter(step -> !step.pending()).toList();
    }

    public List<Step> pendingSteps() {
      return steps.stream().filter(Step::pending).toList();
    }
  }

  /** An external body working on a measure, with where its involvement stood on the report's day. */
  public record ExternalBodyEntry(String name, String state, boolean ended) {}

  /** A notice to the committee about the external bodies (Mitteilung an den Ausschuss). */
  public record Notice(Instant createdAt, String text) {

    /** The notice's lines without the empty ones, each a paragraph of the report. */
    public List<String> lines() {
      return java.util.Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
  }

  /** A step of a measure; pending steps are printed in italics. */
  public record Step(String text, boolean pending) {}

  /**
   * An indicator with its latest accepted value by the report's day and how completely its data
   * came in ({@code completeness}: e.g. "3 von 4 fälligen Lieferungen erhalten (75,0 %)").
   */
  public record IndicatorEntry(String name, String unit, String sourceOffice, String latestValue,
      String latestPeriod, String completeness) {}

  /** Whether Phase II had begun by the report's day, in German. */
  public record PhaseTwo(boolean opened, LocalDate openedOn, String text) {}

  /**
   * The briefing a report belongs to: its key, committee and sequence, and the coordinating unit's
   * outlook (what comes next), paragraphs separated by blank lines.
   */
  public record Briefing(String businessKey, int sequenceNo, String committee, String outlook) {

    public List<String> outlookParagraphs() {
      if (outlook == null || outlook.isBlank()) {
        return List.of();
      }
      return java.util.Arrays.stream(outlook.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
  }

  /**
   * What changed since the previous briefing of the same committee on the programme; no
   * {@code previousBusinessKey} when there was none.
   */
  public record Changes(String previousBusinessKey, LocalDate previousAsOf, LocalDate previousHeldOn,
      List<ChangeGroup> groups) {

    public boolean first() {
      return previousBusinessKey == null;
    }

    public boolean none() {
      return groups.isEmpty();
    }
  }

  /** One kind of change with its items, e.g. "Gespräche geführt": "M 12: am 12.10.2018 (Befragung)". */
  public record ChangeGroup(String title, List<String> items) {}
}
