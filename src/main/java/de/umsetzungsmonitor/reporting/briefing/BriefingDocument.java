package de.umsetzungsmonitor.reporting.briefing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * One format of an approved briefing's report, stored once and never changed, with the SHA-256 of
 * its content: what the committee saw.
 */
@Entity
public class BriefingDocument {

  /** The stored formats; JSON is the report's facts, which the next briefing compares against. */
  public enum Format {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    HTML("text/html;charset=UTF-8", "html"),
    JSON("application/json", "json");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public String contentType() {
      return contentType;
    }

    public String extension() {
      return extension;
    }

    /** {@code pdf}, {@code docx}, {@code html} or {@code json}, or null. */
    public static Format of(String extension) {
      for (Format format : values()) {
        if (format.extension.equalsIgnoreCase(extension)) {
          return format;
        }
      }
      return null;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Long briefingId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Format format;

  @Column(nullable = false)
  private String contentType;

  @Column(nullable = false)
  private byte[] content;

  @Column(nullable = false)
  private String sha256;

  @Column(nullable = false)
  private Instant createdAt;

  protected BriefingDocument() {}

  BriefingDocument(Long briefingId, Format format, byte[] content, String sha256, Instant createdAt) {
    this.briefingId = briefingId;
    this.format = format;
    this.contentType = format.contentType();
    this.content = content;
    this.sha256 = sha256;
    this.createdAt = createdAt;
  }

  public Format getFormat() {
    return format;
  }

  public String getContentType() {
    return contentType;
  }

  public byte[] getContent() {
    return content;
  }

  public String getSha256() {
    return sha256;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
