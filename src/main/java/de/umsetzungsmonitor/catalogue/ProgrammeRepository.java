package de.umsetzungsmonitor.catalogue;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProgrammeRepository extends JpaRepository<Programme, Long> {

  Optional<Programme> findByCode(String code);

  /**
   * The programme, locked until the end of the transaction: two imports of the same programme (two
   * nodes, two administrators) run one after the other, the second sees what the first wrote.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Programme p where p.code = :code")
  Optional<Programme> findByCodeForUpdate(String code);

  /** With what access checks and pages read of it: coordinating office and manager groups. */
  @EntityGraph(attributePaths = {"coordinatingOffice", "managerGroups"})
  Optional<Programme> findWithOfficesByCode(String code);

  /** Every programme with coordinating office and manager groups. */
  @EntityGraph(attributePaths = {"coordinatingOffice", "managerGroups"})
  List<Programme> findWithOfficesByIdNotNull();
}
