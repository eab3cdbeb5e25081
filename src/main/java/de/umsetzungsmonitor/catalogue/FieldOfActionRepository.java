package de.umsetzungsmonitor.catalogue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FieldOfActionRepository extends JpaRepository<FieldOfAction, Long> {

  List<FieldOfAction> findByProgrammeOrderByPosition(Programme programme);
}
