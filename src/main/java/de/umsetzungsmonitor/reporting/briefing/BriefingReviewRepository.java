package de.umsetzungsmonitor.reporting.briefing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BriefingReviewRepository extends JpaRepository<BriefingReview, Long> {

  List<BriefingReview> findByBriefingIdOrderByReviewedAtAscIdAsc(Long briefingId);
}
