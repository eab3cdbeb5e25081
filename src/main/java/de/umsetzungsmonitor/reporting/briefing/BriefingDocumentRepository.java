package de.umsetzungsmonitor.reporting.briefing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BriefingDocumentRepository extends JpaRepository<BriefingDocument, Long> {

  Optional<BriefingDocument> findByBriefingIdAndFormat(Long briefingId, BriefingDocument.Format format);

  List<BriefingDocument> findByBriefingIdOrderByFormat(Long briefingId);

  boolean existsByBriefingId(Long briefingId);
}
