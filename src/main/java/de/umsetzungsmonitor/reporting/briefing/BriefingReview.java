package de.umsetzungsmonitor.reporting.briefing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One review of a briefing's report by the head of the coordinating unit. */
@Entity
public class BriefingReview {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long briefingId;

  private boolean approved;

  private String reviewComment;

  @Column(nullable = false)
  private String reviewedBy;

  @Column(nullable = false)
  private Instant reviewedAt;

  protected BriefingReview() {}

  BriefingReview(Long briefingId, boolean approved, String reviewComment, String reviewedBy, Instant reviewedAt) {
    this.briefingId = briefingId;
    this.approved = approved;
    this.reviewComment = reviewComment;
    this.reviewedBy = reviewedBy;
    this.reviewedAt = reviewedAt;
  }

  public boolean isApproved() {
    return approved;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
