package de.umsetzungsmonitor.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MeasureRepository extends JpaRepository<Measure, Long> {

  List<Measure> findByProgrammeOrderByPosition(Programme programme);

  Optional<Measure> findByBusinessKey(String businessKey);
}
