package de.umsetzungsmonitor.external;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvolvementEventRepository extends JpaRepository<InvolvementEvent, Long> {

  List<InvolvementEvent> findByInvolvementIdInOrderByOccurredAtAscIdAsc(Collection<Long> involvementIds);

  List<InvolvementEvent> findByInvolvementIdInAndIdGreaterThanOrderByIdAsc(Collection<Long> involvementIds, Long afterId);
}
