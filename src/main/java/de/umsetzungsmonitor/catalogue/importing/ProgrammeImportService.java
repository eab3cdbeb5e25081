package de.umsetzungsmonitor.catalogue.importing;

import de.umsetzungsmonitor.catalogue.FieldOfAction;
import de.umsetzungsmonitor.catalogue.FieldOfActionRepository;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.OfficeRepository;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.ExternalBodyEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.FieldOfActionEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.MeasureEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.OfficeEntry;
import de.umsetzungsmonitor.external.ExternalBody;
import de.umsetzungsmonitor.external.ExternalBodyRepository;
import de.umsetzungsmonitor.security.OfficeGroups;
import de.umsetzungsmonitor.security.Permissions;
import de.umsetzungsmonitor.notification.NewWorkNotices;
import de.umsetzungsmonitor.talks.PhaseOneService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a programme file: offices, fields of action, measures and, for measures new to the
 * application, their Phase I process (at the step their history has reached). The whole file is
 * checked first and written in one transaction, so a refused or failed import writes nothing.
 * Importing the same file again changes nothing; a changed file updates texts and adds measures,
 * but never moves a running process.
 */
@Service
public class ProgrammeImportService {

  private final ProgrammeFileReader reader;
  private final ProgrammeFileValidator validator;
  private final OfficeRepository offices;
  private final ProgrammeRepository programmes;
  private final FieldOfActionRepository fields;
  private final MeasureRepository measures;
  private final OfficeGroups officeGroups;
  private final Permissions permissions;
  private final PhaseOneService phaseOne;
  private final ExternalBodyRepository externalBodies;
  private final Clock clock;

  public ProgrammeImportService(ProgrammeFileReader reader, ProgrammeFileValidator validator,
      OfficeRepository offices, ProgrammeRepository programmes, FieldOfActionRepository fields,
      MeasureRepository measures, OfficeGroups officeGroups, Permissions permissions,
      PhaseOneService phaseOne, ExternalBodyRepository externalBodies, Clock clock) {
    this.reader = reader;
    this.validator = validator;
    this.offices = offices;
    this.programmes = programmes;
    this.fields = fields;
    this.measures = measures;
    this.officeGroups = officeGroups;
    this.permissions = permissions;
    this.phaseOne = phaseOne;
    this.clock = clock;
    this.externalBodies = externalBodies;
  }

  /**
   * Imports a programme file in one transaction. The tasks its processes start with arrive by the
   * dozen: their new work notices go into the next daily digest, not one mail per task.
   */
  @Transactional
  public ImportResult importProgramme(String content) {
    try (NewWorkNotices.Scope bulk = NewWorkNotices.collectedIntoDigest()) {
      return importFile(content);
    }
  }

  private ImportResult importFile(String content) {
    ProgrammeFile file = reader.read(content);
    List<ImportError> errors = validator.validate(file, content);
    if (!errors.isEmpty()) {
      throw new ProgrammeImportException(errors);
    }
    Changes changes = new Changes();
    // two imports of one programme at the same moment (two nodes, two administrators): the second
    // waits for the first and then sees its result; of a new programme, the second waits on the
    // unique codes and is refused (409). Either way no measure and no process starts twice.
    Programme programme = programmes.findByCodeForUpdate(file.code()).orElse(null);
    Map<String, Office> officesByCode = importOffices(file.offices(), changes);
    if (programme == null) {
      programme = new Programme(file.code(), Instant.now(clock));
      changes.programmeCreated = true;
    }
    Set<Office> programmeOffices = new HashSet<>(officesByCode.values());
    Set<String> managerGroups = file.managers() == null ? Set.of() : new HashSet<>(file.managers());
    if (programme.update(file.title(), file.reportTitle(), file.description(), file.committee(), officesByCode.get(file.coordinatingOffice()),
        file.fundingNote(), file.asOf(), programmeOffices, managerGroups)) {
      changes.other++;
    }
    programmes.save(programme);
    permissions.grantWatchers(programme.coordinationGroup());
    managerGroups.forEach(permissions::grantWatchers);

    Map<String, FieldOfAction> fieldsByCode = importFields(programme, file.fieldsOfAction(), changes);
    importExternalBodies(programme, file.externalBodies() == null ? List.of() : file.externalBodies(), changes);
    Map<String, Measure> existing = measures.findByProgrammeOrderByPosition(programme).stream()
        .collect(Collectors.toMap(Measure::getCode, m -> m));
    int position = 1;
    for (MeasureEntry entry : file.measures()) {
      Measure measure = existing.get(entry.code());
      boolean created = measure == null;
      if (created) {
        measure = new Measure(programme, entry.code());
      }
      Set<Office> leadOffices = entry.leadOffices().stream().map(officesByCode::get).collect(Collectors.toSet());
      MeasureStatus status = ProgrammeFileValidator.status(entry.status());
      boolean updated = measure.update(fieldsByCode.get(entry.fieldOfAction()), entry.text(), status,
          entry.funding(), entry.deadline(), position++, leadOffices);
      measures.save(measure);
      if (created) {
        changes.measuresCreated++;
        if (status == MeasureStatus.DONE) {
          measure.moveTo(MeasurePhase.COMPLETED);
        } else {
          phaseOne.start(measure, entry.history());
          changes.processesStarted++;
        }
      } else if (updated) {
        changes.measuresUpdated++;
      }
    }
    return new ImportResult(programme.getCode(), programme.getTitle(), changes.programmeCreated,
        changes.measuresCreated, changes.measuresUpdated, changes.processesStarted,
        changes.programmeCreated || changes.measuresCreated + changes.measuresUpdated + changes.other > 0);
  }

  private Map<String, Office> importOffices(List<OfficeEntry> entries, Changes changes) {
    Map<String, Office> byCode = new HashMap<>();
    for (OfficeEntry entry : entries) {
      Office office = offices.findByCode(entry.code()).orElse(null);
      if (office == null) {
        office = offices.save(new Office(entry.code(), entry.name(), entry.email()));
        changes.other++;
      } else if (office.update(entry.name(), entry.email())) {
        changes.other++;
      }
      officeGroups.ensure(office.groupId(), office.getName());
      officeGroups.ensure(office.headGroupId(), "Leitung " + office.getName());
      byCode.put(entry.code(), office);
    }
    return byCode;
  }

  private Map<String, FieldOfAction> importFields(Programme programme, List<FieldOfActionEntry> entries, Changes changes) {
    Map<String, FieldOfAction> byCode = fields.findByProgrammeOrderByPosition(programme).stream()
        .collect(Collectors.toMap(FieldOfAction::getCode, f -> f));
    int position = 1;
    for (FieldOfActionEntry entry : entries) {
      FieldOfAction field = byCode.get(entry.code());
      if (field == null) {
        field = new FieldOfAction(programme, entry.code());
        byCode.put(entry.code(), field);
        changes.other++;
      }
      if (field.update(entry.name(), position++)) {
        changes.other++;
      }
      fields.save(field);
    }
    return byCode;
  }

  /** The programme's external bodies: new ones added, known ones renamed; none removed (they may be involved). */
  private void importExternalBodies(Programme programme, List<ExternalBodyEntry> entries, Changes changes) {
    for (ExternalBodyEntry entry : entries) {
      ExternalBody body = externalBodies.findByProgrammeIdAndCode(programme.getId(), entry.code()).orElse(null);
      if (body == null) {
        externalBodies.save(new ExternalBody(programme, entry.code(), entry.name(), ExternalBody.Kind.BODY, null,
            entry.email(), "import", Instant.now(clock)));
        changes.other++;
      } else if (body.update(entry.name(), entry.email())) {
        changes.other++;
      }
    }
  }

  private static final class Changes {
    boolean programmeCreated;
    int measuresCreated;
    int measuresUpdated;
    int processesStarted;
    int other;
  }

  /** What an import did. {@code changed} is false when the file matched what was there. */
  public record ImportResult(String programme, String title, boolean programmeCreated, int measuresCreated,
      int measuresUpdated, int processesStarted, boolean changed) {}
}
