package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.deliveries.DeliveryEvent;
import de.umsetzungsmonitor.talks.TalkDate;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Repository;

/**
 * Reads for the indicator overview and the delivery statistics, each in one query with what the
 * overview shows fetched along (offices, values, indicators), so a programme with many periods
 * costs a handful of statements.
 */
@Repository
class DeliveryReportingQueries {

  private final EntityManager entities;

  DeliveryReportingQueries(EntityManager entities) {
    this.entities = entities;
  }

  /** The measure's agreements with their supplier offices, in agreed order. */
  List<DataAgreement> agreementsOfMeasure(Long measureId) {
    return entities.createQuery("select a from DataAgreement a join fetch a.supplierOffice"
            + " where a.measure.id = :measureId order by a.position, a.id", DataAgreement.class)
        .setParameter("measureId", measureId).getResultList();
  }

  /** Every period opened for the measure, with its values and their indicators. */
  List<Delivery> deliveriesOfMeasure(Long measureId) {
    return entities.createQuery("select distinct d from Delivery d join fetch d.dataAgreement a"
            + " left join fetch d.values v left join fetch v.indicator"
            + " where a.measure.id = :measureId", Delivery.class)
        .setParameter("measureId", measureId).getResultList();
  }

  /** The agreements of every measure of the programme, with offices and measures. */
  List<DataAgreement> agreementsOfProgramme(Long programmeId) {
    return entities.createQuery("select a from DataAgreement a join fetch a.supplierOffice join fetch a.measure m"
            + " where m.programme.id = :programmeId order by m.position, a.position, a.id", DataAgreement.class)
        .setParameter("programmeId", programmeId).getResultList();
  }

  /** Every period opened for any measure of the programme (without values). */
  List<Delivery> deliveriesOfProgramme(Long programmeId) {
    return entities.createQuery("select d from Delivery d join fetch d.dataAgreement a"
            + " where a.measure.programme.id = :programmeId", Delivery.class)
        .setParameter("programmeId", programmeId).getResultList();
  }

  /** The indicators of these measures with their source offices. */
  List<Indicator> indicatorsOf(Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select i from Indicator i join fetch i.sourceOffice where i.measure.id in :ids"
            + " order by i.position, i.id", Indicator.class)
        .setParameter("ids", measureIds).getResultList();
  }

  /** Every period opened for these measures, with values, indicators and supplier offices. */
  List<Delivery> deliveriesWithValuesOf(Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select distinct d from Delivery d join fetch d.dataAgreement a join fetch a.supplierOffice"
            + " left join fetch d.values v left join fetch v.indicator where a.measure.id in :ids", Delivery.class)
        .setParameter("ids", measureIds).getResultList();
  }

  /** The events of these deliveries per delivery, oldest first. */
  Map<Long, List<DeliveryEvent>> eventsOf(Collection<Long> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return Map.of();
    }
    return entities.createQuery("select e from DeliveryEvent e where e.deliveryId in :ids order by e.occurredAt, e.id",
            DeliveryEvent.class)
        .setParameter("ids", deliveryIds).getResultList().stream()
        .collect(Collectors.groupingBy(DeliveryEvent::getDeliveryId));
  }

  /** Every date these talks were set to, per talk, oldest first. */
  Map<Long, List<TalkDate>> talkDatesOf(Collection<Long> talkIds) {
    if (talkIds.isEmpty()) {
      return Map.of();
    }
    return entities.createQuery("select d from TalkDate d where d.talk.id in :ids order by d.recordedAt, d.id", TalkDate.class)
        .setParameter("ids", talkIds).getResultList().stream()
        .collect(Collectors.groupingBy(d -> d.getTalk().getId()));
  }

  /** The involvements of external bodies in these measures, with the bodies. */
  List<de.umsetzungsmonitor.external.Involvement> involvementsOf(Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select i from Involvement i join fetch i.externalBody where i.measure.id in :ids order by i.id",
            de.umsetzungsmonitor.external.Involvement.class)
        .setParameter("ids", measureIds).getResultList();
  }

  /** The events of these involvements per involvement, oldest first. */
  Map<Long, List<de.umsetzungsmonitor.external.InvolvementEvent>> involvementEventsOf(Collection<Long> involvementIds) {
    if (involvementIds.isEmpty()) {
      return Map.of();
    }
    return entities.createQuery("select e from InvolvementEvent e where e.involvementId in :ids order by e.occurredAt, e.id",
            de.umsetzungsmonitor.external.InvolvementEvent.class)
        .setParameter("ids", involvementIds).getResultList().stream()
        .collect(Collectors.groupingBy(de.umsetzungsmonitor.external.InvolvementEvent::getInvolvementId));
  }
}
