package de.umsetzungsmonitor.external;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvolvementRepository extends JpaRepository<Involvement, Long> {

  @EntityGraph(attributePaths = {"externalBody", "measure"})
  List<Involvement> findByMeasureIdOrderById(Long measureId);

  @EntityGraph(attributePaths = {"externalBody", "measure"})
  List<Involvement> findByMeasureIdInOrderById(Collection<Long> measureIds);

  @EntityGraph(attributePaths = {"externalBody", "measure"})
  Optional<Involvement> findWithBodyById(Long id);

  @EntityGraph(attributePaths = {"externalBody", "measure"})
  List<Involvement> findByMeasureProgrammeIdOrderById(Long programmeId);

  boolean existsByMeasureIdAndExternalBodyId(Long measureId, Long externalBodyId);
}
