package de.umsetzungsmonitor.external;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContributionRepository extends JpaRepository<Contribution, Long> {

  List<Contribution> findByInvolvementIdInOrderByRecordedAtAscIdAsc(Collection<Long> involvementIds);

  long countByInvolvementId(Long involvementId);
}
