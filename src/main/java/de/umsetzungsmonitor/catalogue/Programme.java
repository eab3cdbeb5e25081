package de.umsetzungsmonitor.catalogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** A programme of recommended measures (Handlungsprogramm), e.g. the social report 2015. */
@Entity
public class Programme {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String title;

  /** The status report's title, e.g. "Dokumentation über den Stand der Umsetzung …"; a default when empty. */
  private String reportTitle;

  private String description;

  @Column(nullable = false)
  private String committee;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "coordinating_office_id")
  private Office coordinatingOffice;

  private String fundingNote;

  private LocalDate asOf;

  @ManyToMany
  @JoinTable(name = "programme_office",
      joinColumns = @JoinColumn(name = "programme_id"),
      inverseJoinColumns = @JoinColumn(name = "office_id"))
  private Set<Office> offices = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "programme_manager_group", joinColumns = @JoinColumn(name = "programme_id"))
  @Column(name = "group_id")
  private Set<String> managerGroups = new HashSet<>();

  @Column(nullable = false)
  private Instant createdAt;

  /** When Phase II began: the coordinating unit declared all internal information complete (or the head overrode). */
  private Instant phaseTwoOpenedAt;

  protected Programme() {}

  public Programme(String code, Instant createdAt) {
    this.code = code;
    this.createdAt = createdAt;
  }

  /** Takes the descriptive fields of an import; says whether anything changed. */
  public boolean update(String title, String reportTitle, String description, String committee, Office coordinatingOffice,
      String fundingNote, LocalDate asOf, Set<Office> offices, Set<String> managerGroups) {
    boolean changed = !Objects.equals(this.title, title)
        || !Objects.equals(this.reportTitle, reportTitle)
        || !Objects.equals(this.description, description)
        || !Objects.equals(this.committee, committee)
        || this.coordinatingOffice != coordinatingOffice
        || !Objects.equals(this.fundingNote, fundingNote)
        || !Objects.equals(this.asOf, asOf)
        || !this.offices.equals(offices)
        || !this.managerGroups.equals(managerGroups);
    if (changed) {
      this.title = title;
      this.reportTitle = reportTitle;
      this.description = description;
      this.committee = committee;
      this.coordinatingOffice = coordinatingOffice;
      this.fundingNote = fundingNote;
      this.asOf = asOf;
      this.offices = new HashSet<>(offices);
      this.managerGroups = new HashSet<>(managerGroups);
    }
    return changed;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  /** The status report's title as the programme file gives it, or a German default. */
  public String reportTitle() {
    return reportTitle == null || reportTitle.isBlank()
        ? "Dokumentation über den Stand der Umsetzung: " + title : reportTitle;
  }

  public Instant getPhaseTwoOpenedAt() {
    return phaseTwoOpenedAt;
  }

  /** Phase II begins; the first opening counts. */
  public void openPhaseTwo(Instant at) {
    if (phaseTwoOpenedAt == null) {
      phaseTwoOpenedAt = at;
    }
  }

  public String getDescription() {
    return description;
  }

  public String getCommittee() {
    return committee;
  }

  public Office getCoordinatingOffice() {
    return coordinatingOffice;
  }

  public String getFundingNote() {
    return fundingNote;
  }

  public LocalDate getAsOf() {
    return asOf;
  }

  public Set<Office> getOffices() {
    return offices;
  }

  /** Groups of office and department heads who read everything of this programme. */
  public Set<String> getManagerGroups() {
    return managerGroups;
  }

  /** The Camunda group of the coordinating unit, candidate for every coordination task. */
  public String coordinationGroup() {
    return coordinatingOffice.groupId();
  }
}
