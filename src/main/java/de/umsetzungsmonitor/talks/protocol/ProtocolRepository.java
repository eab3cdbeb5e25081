package de.umsetzungsmonitor.talks.protocol;

import java.util.Optional;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProtocolRepository extends JpaRepository<Protocol, Long> {

  Optional<Protocol> findByTalkId(Long talkId);

  /**
   * The protocol, its row locked until the transaction ends: signatures and change requests of one
   * protocol happen one after the other, so the last of several simultaneous signatures sees all
   * the others and puts the protocol in force.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Protocol p where p.id = :id")
  Optional<Protocol> findForUpdate(Long id);
}
