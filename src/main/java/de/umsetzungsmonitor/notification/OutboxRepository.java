package de.umsetzungsmonitor.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxRepository extends JpaRepository<OutboxNotification, Long> {

  boolean existsByNotificationKey(String notificationKey);

  List<OutboxNotification> findByNotificationKeyStartingWithOrderById(String keyPrefix);

  List<OutboxNotification> findTop200ByOrderByIdDesc();
}
