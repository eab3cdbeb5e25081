package de.umsetzungsmonitor.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface DigestEntryRepository extends JpaRepository<DigestEntry, Long> {

  boolean existsByNoticeKey(String noticeKey);

  /** Who has notices that are in no digest yet. */
  @Query("select distinct e.recipientUserId from DigestEntry e where e.digestKey is null order by e.recipientUserId")
  List<String> recipientsWithPendingEntries();

  /**
   * Puts a person's pending notices into one digest. A concurrent run that claimed them first wins:
   * the database re-checks {@code digest_key is null} after the other transaction's commit, so
   * every notice lands in exactly one digest.
   */
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("update DigestEntry e set e.digestKey = ?2 where e.recipientUserId = ?1 and e.digestKey is null")
  int claimPending(String recipientUserId, String digestKey);

  List<DigestEntry> findByDigestKeyOrderByCreatedAtAscIdAsc(String digestKey);
}
