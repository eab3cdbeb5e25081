package de.umsetzungsmonitor.external;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExternalBodyRepository extends JpaRepository<ExternalBody, Long> {

  List<ExternalBody> findByProgrammeIdOrderByName(Long programmeId);

  Optional<ExternalBody> findByProgrammeIdAndCode(Long programmeId, String code);
}
