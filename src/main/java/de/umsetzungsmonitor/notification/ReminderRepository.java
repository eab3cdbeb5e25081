package de.umsetzungsmonitor.notification;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReminderRepository extends JpaRepository<Reminder, Long> {

  @Query("select coalesce(max(r.round), 0) from Reminder r where r.kind = ?1 and r.referenceId = ?2")
  int lastRound(String kind, Long referenceId);

  List<Reminder> findByKindAndReferenceIdIn(String kind, Collection<Long> referenceIds);
}
