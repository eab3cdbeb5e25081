package de.umsetzungsmonitor.talks.protocol;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtocolFollowUpRepository extends JpaRepository<ProtocolFollowUp, Long> {

  List<ProtocolFollowUp> findByProtocolId(Long protocolId);
}
