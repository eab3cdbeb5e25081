package de.umsetzungsmonitor.talks;

import de.umsetzungsmonitor.catalogue.Office;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A person who takes part in a talk and signs its protocol. */
@Entity
public class TalkParticipant {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "talk_id")
  private Talk talk;

  @Column(nullable = false)
  private String userId;

  @Column(nullable = false)
  private String displayName;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "office_id")
  private Office office;

  protected TalkParticipant() {}

  TalkParticipant(Talk talk, String userId, String displayName, Office office) {
    this.talk = talk;
    this.userId = userId;
    this.displayName = displayName;
    this.office = office;
  }

  public Long getId() {
    return id;
  }

  public Talk getTalk() {
    return talk;
  }

  public String getUserId() {
    return userId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public Office getOffice() {
    return office;
  }
}
