package de.umsetzungsmonitor.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Objects;

/** A lead office (Fachamt) or coordinating unit. Its code is also the id of its Camunda group. */
@Entity
public class Office {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  private String email;

  protected Office() {}

  public Office(String code, String name, String email) {
    this.code = code;
    this.name = name;
    this.email = email;
  }

  /** Takes name and e-mail from an import; says whether anything changed. */
  public boolean update(String name, String email) {
    boolean changed = !Objects.equals(this.name, name) || !Objects.equals(this.email, email);
    this.name = name;
    this.email = email;
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

  public String getEmail() {
    return email;
  }

  /** The Camunda group whose members work for this office. */
  public String groupId() {
    return code;
  }

  /** The group of the office's head (Amtsleitung), who receives escalations of overdue deliveries. */
  public String headGroupId() {
    return groupId() + "leitung";
  }
}
