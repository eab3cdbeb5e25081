package de.umsetzungsmonitor.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgrammeRepository extends JpaRepository<Programme, Long> {

  Optional<Programme> findByCode(String code);

  /** With what access checks and pages read of it: coordinating office and manager groups. */
  @EntityGraph(attributePaths = {"coordinatingOffice", "managerGroups"})
  Optional<Programme> findWithOfficesByCode(String code);

  /** Every programme with coordinating office and manager groups. */
  @EntityGraph(attributePaths = {"coordinatingOffice", "managerGroups"})
  List<Programme> findWithOfficesByIdNotNull();
}
