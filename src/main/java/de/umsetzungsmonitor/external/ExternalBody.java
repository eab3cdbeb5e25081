package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.catalogue.Programme;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Objects;

/**
 * A body outside the administration (externe Stelle) that a programme's measures are worked on
 * with, e.g. the Koblenzer Wohnbau, or a further person brought in. External bodies do not log in.
 */
@Entity
public class ExternalBody {

  /** A body (an organisation) or a single person. */
  public enum Kind {
    BODY("externe Stelle"),
    PERSON("weitere Person");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "programme_id")
  private Programme programme;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  private String organisation;

  private String email;

  private String createdBy;

  @Column(nullable = false)
  private Instant createdAt;

  protected ExternalBody() {}

  public ExternalBody(Programme programme, String code, String name, Kind kind, String organisation, String email,
      String createdBy, Instant createdAt) {
    this.programme = programme;
    this.code = code;
    this.name = name;
    this.kind = kind;
    this.organisation = organisation;
    this.email = email;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  /** Takes name and address from a programme file; says whether anything changed. */
  public boolean update(String name, String email) {
    boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.email, email);
    this.name = name;
    this.email = email;
    return changed;
  }

  /** "Koblenzer Wohnbau", or "Dr. Eva Beispiel (Hochschule Koblenz)" for a person. */
  public String displayName() {
    return organisation == null || organisation.isBlank() ? name : name + " (" + organisation + ")";
  }

  public Long getId() {
    return id;
  }

  public Programme getProgramme() {
    return programme;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public Kind getKind() {
    return kind;
  }

  public String getOrganisation() {
    return organisation;
  }

  public String getEmail() {
    return email;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
