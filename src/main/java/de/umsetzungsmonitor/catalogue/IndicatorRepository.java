package de.umsetzungsmonitor.catalogue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IndicatorRepository extends JpaRepository<Indicator, Long> {

  List<Indicator> findByMeasureIdOrderByPosition(Long measureId);

  boolean existsByMeasureId(Long measureId);
}
