package de.umsetzungsmonitor.reporting.briefing;

import de.umsetzungsmonitor.reporting.briefing.BriefingDocument.Format;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Briefings as the API shows them. */
public final class BriefingViews {

  private BriefingViews() {}

  /** A briefing with its reviews and, once approved, its stored documents. */
  public record BriefingView(String businessKey, String programmeCode, int sequenceNo, String committee, LocalDate asOf,
      String state, String stateLabel, String startedBy, Instant startedAt, String approvedBy, Instant approvedAt,
      LocalDate heldOn, String heldCommittee, String note, List<ReviewView> reviews, List<DocumentView> documents,
      String processInstanceId) {

    static BriefingView of(CommitteeBriefing b, List<BriefingReview> reviews, List<BriefingDocument> documents) {
      return new BriefingView(b.getBusinessKey(), b.getProgramme().getCode(), b.getSequenceNo(), b.getCommittee(), b.getAsOf(),
          b.getState().name(), b.getState().label(), b.getStartedBy(), b.getStartedAt(), b.getApprovedBy(), b.getApprovedAt(),
          b.getHeldOn(), b.getHeldCommittee(), b.getHeldNote(),
          reviews.stream().map(r -> new ReviewView(r.isApproved(), r.getReviewComment(), r.getReviewedBy(), r.getReviewedAt())).toList(),
          documents.stream().map(d -> new DocumentView(d.getFormat().extension(), d.getContentType(), d.getContent().length,
              d.getSha256(), d.getCreatedAt(), "/api/briefings/" + b.getBusinessKey() + "/report?format=" + d.getFormat().extension()))
              .toList(),
          b.getProcessInstanceId());
    }
  }

  public record ReviewView(boolean approved, String comment, String reviewedBy, Instant reviewedAt) {}

  /** A stored document: its size and SHA-256, and where to fetch it. */
  public record DocumentView(String format, String contentType, int bytes, String sha256, Instant storedAt, String href) {}

  /** {@code POST /api/programmes/{code}/briefings}: the day of the report (today when missing). */
  public record StartBriefing(LocalDate asOf) {}

  /** {@code POST /api/programmes/{code}/phase-two}: ask the head to override when something is missing. */
  public record DeclareComplete(Boolean askForOverride) {}

  /** The format named by a client, or a German refusal. */
  static Format format(String extension) {
    Format format = Format.of(extension == null ? "json" : extension);
    if (format == null) {
      throw new de.umsetzungsmonitor.process.InvalidInputException("Unbekanntes Format „" + extension
          + "“. Möglich sind pdf, docx, html und json.");
    }
    return format;
  }
}
