package de.umsetzungsmonitor.security;

import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.Programme;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who reads everything of a measure's programme: its coordinating unit and its manager groups. */
@Service
public class ProgrammeReaders {

  private final MeasureRepository measures;

  public ProgrammeReaders(MeasureRepository measures) {
    this.measures = measures;
  }

  /** The reading groups for a business key such as {@code SL2015-M12}; none for anything else. */
  @Transactional(readOnly = true)
  public Readers of(String businessKey) {
    if (businessKey == null) {
      return Readers.NONE;
    }
    return measures.findByBusinessKey(businessKey).map(measure -> {
      Programme programme = measure.getProgramme();
      Set<String> managers = new LinkedHashSet<>(programme.getManagerGroups());
      managers.remove(programme.coordinationGroup());
      return new Readers(programme.coordinationGroup(), Set.copyOf(managers));
    }).orElse(Readers.NONE);
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
