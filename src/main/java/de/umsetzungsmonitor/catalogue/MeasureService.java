package de.umsetzungsmonitor.catalogue;

import static de.umsetzungsmonitor.process.FormInput.prop;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import de.umsetzungsmonitor.process.FormInput;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Measures and their indicators. */
@Service
@Transactional
public class MeasureService {

  private final MeasureRepository measures;
  private final OfficeRepository offices;
  private final IndicatorRepository indicators;
  private final Clock clock;

  public MeasureService(MeasureRepository measures, OfficeRepository offices, IndicatorRepository indicators, Clock clock) {
    this.measures = measures;
    this.offices = offices;
    this.indicators = indicators;
    this.clock = clock;
  }

  /** The offices of the measure's programme, lead offices first, as choices in forms. */
  @Transactional(readOnly = true)
  public List<Option> officeOptions(Long measureId) {
    Measure measure = measure(measureId);
    return measure.getProgramme().getOffices().stream()
        .sorted((a, b) -> {
          boolean leadA = measure.getLeadOffices().contains(a);
          boolean leadB = measure.getLeadOffices().contains(b);
          return leadA != leadB ? (leadA ? -1 : 1) : a.getName().compareTo(b.getName());
        })
        .map(office -> new Option(office.getName(), office.getCode()))
        .toList();
  }

  /** The coordinating unit fixes which indicators observe the measure (at least one). */
  public void concretiseIndicators(Long measureId, SpinJsonNode submitted, String actingUserId) {
    Measure measure = measure(measureId);
    List<SpinJsonNode> items = FormInput.items(submitted);
    if (items.isEmpty()) {
      throw new InvalidInputException("Bitte mindestens einen Indikator angeben.");
    }
    if (indicators.existsByMeasureId(measureId)) {
      throw new InvalidInputException("Die Indikatoren der Maßnahme " + measure.getCode() + " sind bereits festgelegt.");
    }
    Set<String> names = new HashSet<>();
    int position = 1;
    for (SpinJsonNode item : items) {
      String label = "Indikator " + position;
      String name = requiredText(prop(item, "name"), "für " + label + " einen Namen", 200);
      if (!names.add(name.toLowerCase())) {
        throw new InvalidInputException("Der Indikator „" + name + "“ ist doppelt angegeben.");
      }
      String officeCode = prop(item, "sourceOffice");
      if (officeCode == null || officeCode.isBlank()) {
        throw new InvalidInputException("Bitte für " + label + " die liefernde Stelle auswählen.");
      }
      Office source = offices.findByCode(officeCode)
          .orElseThrow(() -> new InvalidInputException("Unbekannte Stelle „" + officeCode + "“ (" + label + ")."));
      indicators.save(new Indicator(measure, name,
          requiredText(prop(item, "definition"), "für " + label + " eine Definition", 4000),
          requiredText(prop(item, "unit"), "für " + label + " eine Einheit", 100),
          source, position, actingUserId, Instant.now(clock)).typed(valueType(prop(item, "type"), label)));
      position++;
    }
  }

  /** Phase I of the measure is done: talk held, protocol in force, indicators concretised. */
  public void markMonitoringAgreed(Long measureId) {
    Measure measure = measure(measureId);
    if (!indicators.existsByMeasureId(measureId)) {
      throw new IllegalStateException("Measure " + measure.getBusinessKey() + " has no indicators yet");
    }
    measure.moveTo(MeasurePhase.MONITORING_AGREED);
  }

  private Measure measure(Long measureId) {
    return measures.findById(measureId).orElseThrow(() -> new IllegalStateException("Measure " + measureId + " not found"));
  }

  /** The value type chosen in the form; numbers when none is chosen. */
  private static ValueType valueType(String value, String label) {
    if (value == null || value.isBlank()) {
      return ValueType.NUMBER;
    }
    ValueType type = ValueType.parse(value);
    if (type == null) {
      throw new InvalidInputException("Unbekannter Werttyp „" + value + "“ (" + label + ").");
    }
    return type;
  }
}
