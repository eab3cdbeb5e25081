package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.protocol.Protocol;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Repository;

/**
 * Reads for the implementation overview: everything one programme's table shows, in one query per
 * kind of row, so the page costs the same few statements for 14 measures or for 400.
 */
@Repository
class OverviewQueries {

  private final EntityManager entities;

  OverviewQueries(EntityManager entities) {
    this.entities = entities;
  }

  /** The programmes' measures with field of action and lead offices, in programme order. */
  List<Measure> measuresOf(Collection<Long> programmeIds) {
    if (programmeIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select distinct m from Measure m join fetch m.programme p join fetch m.fieldOfAction"
            + " left join fetch m.leadOffices where p.id in :ids", Measure.class)
        .setParameter("ids", programmeIds).getResultList();
  }

  /** The talks of these measures with their participants. */
  List<Talk> talksOf(Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select distinct t from Talk t left join fetch t.participants"
            + " where t.measure.id in :ids", Talk.class)
        .setParameter("ids", measureIds).getResultList();
  }

  /** The protocols of these talks with their versions (signatures are read per version). */
  List<Protocol> protocolsOf(Collection<Long> talkIds) {
    if (talkIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select distinct p from Protocol p left join fetch p.versions"
            + " where p.talk.id in :ids", Protocol.class)
        .setParameter("ids", talkIds).getResultList();
  }

  /** The data agreements of these measures with their supplier offices. */
  List<DataAgreement> agreementsOf(Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select a from DataAgreement a join fetch a.supplierOffice"
            + " where a.measure.id in :ids order by a.position, a.id", DataAgreement.class)
        .setParameter("ids", measureIds).getResultList();
  }

  /** Every period opened for these measures (without values). */
  List<Delivery> deliveriesOf(Collection<Long> measureIds) {
    if (measureIds.isEmpty()) {
      return List.of();
    }
    return entities.createQuery("select d from Delivery d join fetch d.dataAgreement a join fetch a.supplierOffice"
            + " where a.measure.id in :ids order by d.dueDate, d.id", Delivery.class)
        .setParameter("ids", measureIds).getResultList();
  }
}
