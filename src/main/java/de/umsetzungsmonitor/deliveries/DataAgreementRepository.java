package de.umsetzungsmonitor.deliveries;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DataAgreementRepository extends JpaRepository<DataAgreement, Long> {

  List<DataAgreement> findByMeasureIdOrderByPosition(Long measureId);
}
