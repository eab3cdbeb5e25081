package de.umsetzungsmonitor.security;

import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who reads everything of a measure's programme: its coordinating unit and its manager groups. */
@Service
public class ProgrammeReaders {

  private final MeasureRepository measures;
  private final ProgrammeRepository programmes;

  public ProgrammeReaders(MeasureRepository measures, ProgrammeRepository programmes) {
    this.measures = measures;
    this.programmes = programmes;
  }

  /**
   * The reading groups for a measure's business key such as {@code SL2015-M12}, or for one of the
   * programme's own instances ({@code SL2015_Unterrichtung_2}, {@code SL2015_Phase_II}: the
   * programme code before an underscore, which no measure key has); none for anything else.
   */
  @Transactional(readOnly = true)
  public Readers of(String businessKey) {
    if (businessKey == null) {
      return Readers.NONE;
    }
    Optional<Programme> programme = businessKey.contains("_")
        ? programmes.findByCode(businessKey.substring(0, businessKey.indexOf('_')))
        : measures.findByBusinessKey(businessKey).map(measure -> measure.getProgramme());
    return programme.map(ProgrammeReaders::readersOf).orElse(Readers.NONE);
  }

  private static Readers readersOf(Programme programme) {
    Set<String> managers = new LinkedHashSet<>(programme.getManagerGroups());
    managers.remove(programme.coordinationGroup());
    return new Readers(programme.coordinationGroup(), Set.copyOf(managers));
  }

  /** The coordinating unit's group and the manager groups of a programme. */
  public record Readers(String coordinationGroup, Set<String> managerGroups) {
    static final Readers NONE = new Readers(null, Set.of());

    /** Every group that reads the programme's process instances. */
    public Set<String> all() {
      Set<String> all = new LinkedHashSet<>();
      if (coordinationGroup != null) {
        all.add(coordinationGroup);
      }
      all.addAll(managerGroups);
      return all;
    }
  }
}
