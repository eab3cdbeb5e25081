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

/** Who does what (Aufgabenbereich), as agreed in a talk. */
@Entity
public class TaskArea {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "talk_id")
  private Talk talk;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "office_id")
  private Office office;

  @Column(nullable = false)
  private String description;

  private int position;

  protected TaskArea() {}

  TaskArea(Talk talk, Office office, String description, int position) {
    this.talk = talk;
    this.office = office;
    this.description = description;
    this.position = position;
  }

  public Office getOffice() {
    return office;
  }

  public String getDescription() {
    return description;
  }

  public int getPosition() {
    return position;
  }
}
