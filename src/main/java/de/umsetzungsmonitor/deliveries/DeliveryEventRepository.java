package de.umsetzungsmonitor.deliveries;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliveryEventRepository extends JpaRepository<DeliveryEvent, Long> {

  List<DeliveryEvent> findByDeliveryIdOrderById(Long deliveryId);

  List<DeliveryEvent> findByDeliveryIdInOrderByOccurredAtAscIdAsc(List<Long> deliveryIds);
}
