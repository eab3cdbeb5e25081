package de.umsetzungsmonitor.talks;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TalkParticipantRepository extends JpaRepository<TalkParticipant, Long> {}
