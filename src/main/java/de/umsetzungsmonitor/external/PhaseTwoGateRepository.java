package de.umsetzungsmonitor.external;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PhaseTwoGateRepository extends JpaRepository<PhaseTwoGate, Long> {

  List<PhaseTwoGate> findByProgrammeIdOrderByDeclaredAtDescIdDesc(Long programmeId);
}
