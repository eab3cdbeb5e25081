package de.umsetzungsmonitor.external;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommitteeNoticeRepository extends JpaRepository<CommitteeNotice, Long> {

  List<CommitteeNotice> findByProgrammeIdOrderByCreatedAtAscIdAsc(Long programmeId);

  List<CommitteeNotice> findByProgrammeIdAndBriefingIdIsNullOrderByCreatedAtAscIdAsc(Long programmeId);
}
