package de.umsetzungsmonitor.catalogue;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProgrammeRepository extends JpaRepository<Programme, Long> {

  Optional<Programme> findByCode(String code);
}
