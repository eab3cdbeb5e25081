package de.umsetzungsmonitor.talks;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TalkRepository extends JpaRepository<Talk, Long> {

  Optional<Talk> findByMeasureId(Long measureId);
}
