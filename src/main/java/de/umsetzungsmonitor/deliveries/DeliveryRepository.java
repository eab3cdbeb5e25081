package de.umsetzungsmonitor.deliveries;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

  Optional<Delivery> findByDataAgreementIdAndPeriodStart(Long dataAgreementId, LocalDate periodStart);

  List<Delivery> findByDataAgreementIdOrderByPeriodStart(Long dataAgreementId);

  List<Delivery> findByDataAgreementMeasureIdOrderByDataAgreementPositionAscPeriodStartAsc(Long measureId);
}
