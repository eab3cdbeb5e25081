package de.umsetzungsmonitor.external;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ContributionLinkRepository extends JpaRepository<ContributionLink, Long> {

  long countByInvolvementId(Long involvementId);
}
