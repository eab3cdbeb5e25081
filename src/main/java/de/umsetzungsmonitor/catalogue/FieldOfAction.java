package de.umsetzungsmonitor.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;

/** A field of action (Handlungsfeld) or theme that groups a programme's measures. */
@Entity
public class FieldOfAction {

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

  private int position;

  protected FieldOfAction() {}

  public FieldOfAction(Programme programme, String code) {
    this.programme = programme;
    this.code = code;
  }

  public boolean update(String name, int position) {
    boolean changed = !Objects.equals(this.name, name) || this.position != position;
    this.name = name;
    this.position = position;
    return changed;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public int getPosition() {
    return position;
  }
}
