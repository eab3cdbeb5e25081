package de.umsetzungsmonitor.reporting.briefing;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CommitteeBriefingRepository extends JpaRepository<CommitteeBriefing, Long> {

  @EntityGraph(attributePaths = {"programme", "programme.coordinatingOffice", "programme.managerGroups"})
  Optional<CommitteeBriefing> findByBusinessKey(String businessKey);

  @EntityGraph(attributePaths = {"programme", "programme.coordinatingOffice", "programme.managerGroups"})
  List<CommitteeBriefing> findByProgrammeIdOrderBySequenceNoDesc(Long programmeId);

  @Query("select coalesce(max(b.sequenceNo), 0) from CommitteeBriefing b where b.programme.id = :programmeId")
  int lastSequenceNo(Long programmeId);
}
