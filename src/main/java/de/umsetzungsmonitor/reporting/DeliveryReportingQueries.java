package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.Delivery;
import jakarta.persistence.EntityManager;
import java.util.List;
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
}
