package de.umsetzungsmonitor.catalogue.importing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme as its import file (YAML or JSON) describes it; the format is documented in the
 * README and shown by {@code programmes/*.yaml}.
 */
public record ProgrammeFile(
    @NotBlank(message = "fehlt") @Pattern(regexp = "[A-Z0-9]{2,12}", message = "muss aus 2 bis 12 Großbuchstaben oder Ziffern bestehen") String code,
    @NotBlank(message = "fehlt") @Size(max = 300, message = "ist zu lang (höchstens {max} Zeichen)") String title,
    @Size(max = 500, message = "ist zu lang (höchstens {max} Zeichen)") String reportTitle,
    @Size(max = 10000, message = "ist zu lang (höchstens {max} Zeichen)") String description,
    @NotBlank(message = "fehlt") @Size(max = 200, message = "ist zu lang (höchstens {max} Zeichen)") String committee,
    @NotBlank(message = "fehlt") String coordinatingOffice,
    @Size(max = 2000, message = "ist zu lang (höchstens {max} Zeichen)") String fundingNote,
    LocalDate asOf,
    List<@NotBlank(message = "ist leer") @Size(max = 64, message = "ist zu lang (höchstens {max} Zeichen)") String> managers,
    @NotEmpty(message = "muss mindestens eine Stelle enthalten") List<@NotNull(message = "ist leer") @Valid OfficeEntry> offices,
    @NotEmpty(message = "muss mindestens ein Handlungsfeld enthalten") List<@NotNull(message = "ist leer") @Valid FieldOfActionEntry> fieldsOfAction,
    @NotEmpty(message = "muss mindestens eine Maßnahme enthalten") List<@NotNull(message = "ist leer") @Valid MeasureEntry> measures,
    List<@NotNull(message = "ist leer") @Valid ExternalBodyEntry> externalBodies) {

  /** An external body the programme's measures may be worked on with in Phase II. */
  public record ExternalBodyEntry(
      @NotBlank(message = "fehlt") @Pattern(regexp = "[a-z0-9-]{2,60}", message = "muss aus 2 bis 60 Kleinbuchstaben, Ziffern oder Bindestrichen bestehen") String code,
      @NotBlank(message = "fehlt") @Size(max = 300, message = "ist zu lang (höchstens {max} Zeichen)") String name,
      @Email(message = "ist keine gültige E-Mail-Adresse") @Size(max = 200, message = "ist zu lang (höchstens {max} Zeichen)") String email) {}

  public record OfficeEntry(
      @NotBlank(message = "fehlt") @Pattern(regexp = "[a-z0-9-]{2,40}", message = "muss aus 2 bis 40 Kleinbuchstaben, Ziffern oder Bindestrichen bestehen") String code,
      @NotBlank(message = "fehlt") @Size(max = 200, message = "ist zu lang (höchstens {max} Zeichen)") String name,
      @Email(message = "ist keine gültige E-Mail-Adresse") @Size(max = 200, message = "ist zu lang (höchstens {max} Zeichen)") String email) {}

  public record FieldOfActionEntry(
      @NotBlank(message = "fehlt") @Pattern(regexp = "[A-Z0-9]{1,10}", message = "muss aus 1 bis 10 Großbuchstaben oder Ziffern bestehen") String code,
      @NotBlank(message = "fehlt") @Size(max = 200, message = "ist zu lang (höchstens {max} Zeichen)") String name) {}

  public record MeasureEntry(
      @NotBlank(message = "fehlt") @Pattern(regexp = "[A-Za-z0-9ÄÖÜäöü .-]{1,20}", message = "muss aus 1 bis 20 Buchstaben, Ziffern, Leerzeichen, Punkten oder Bindestrichen bestehen") String code,
      @NotBlank(message = "fehlt") String fieldOfAction,
      @NotBlank(message = "fehlt") @Size(max = 4000, message = "ist zu lang (höchstens {max} Zeichen)") String text,
      @NotBlank(message = "fehlt") String status,
      @NotEmpty(message = "muss mindestens eine federführende Stelle nennen") List<@NotBlank(message = "ist leer") String> leadOffices,
      @Size(max = 1000, message = "ist zu lang (höchstens {max} Zeichen)") String funding,
      LocalDate deadline,
      @Valid History history) {}

  public record History(@Valid TalkEntry talk, @Valid ProtocolEntry protocol,
      List<@NotNull(message = "ist leer") @Valid IndicatorEntry> indicators) {}

  public record TalkEntry(
      @NotNull(message = "fehlt") LocalDate scheduledFor,
      LocalDate heldOn,
      @NotEmpty(message = "muss mindestens eine teilnehmende Person nennen") List<@NotBlank(message = "ist leer") String> participants,
      @Size(max = 1000, message = "ist zu lang (höchstens {max} Zeichen)") String approach,
      @Size(max = 4000, message = "ist zu lang (höchstens {max} Zeichen)") String remarks,
      List<@NotNull(message = "ist leer") @Valid TaskAreaEntry> taskAreas,
      List<@NotNull(message = "ist leer") @Valid DataAgreementEntry> dataAgreements) {}

  public record TaskAreaEntry(
      @NotBlank(message = "fehlt") String office,
      @NotBlank(message = "fehlt") @Size(max = 2000, message = "ist zu lang (höchstens {max} Zeichen)") String description) {}

  public record DataAgreementEntry(
      @NotBlank(message = "fehlt") String office,
      @NotBlank(message = "fehlt") @Size(max = 2000, message = "ist zu lang (höchstens {max} Zeichen)") String data,
      @NotBlank(message = "fehlt") String frequency,
      @NotNull(message = "fehlt") LocalDate firstDue,
      @Size(max = 1000, message = "ist zu lang (höchstens {max} Zeichen)") String source,
      String sourceFormat) {}

  public record ProtocolEntry(
      @NotBlank(message = "fehlt") @Size(max = 100000, message = "ist zu lang (höchstens {max} Zeichen)") String text,
      List<@NotNull(message = "ist leer") @Valid SignatureEntry> signatures) {}

  public record SignatureEntry(
      @NotBlank(message = "fehlt") String participant,
      @NotNull(message = "fehlt") LocalDate signedOn) {}

  public record IndicatorEntry(
      @NotBlank(message = "fehlt") @Size(max = 200, message = "ist zu lang (höchstens {max} Zeichen)") String name,
      @NotBlank(message = "fehlt") @Size(max = 4000, message = "ist zu lang (höchstens {max} Zeichen)") String definition,
      @NotBlank(message = "fehlt") @Size(max = 100, message = "ist zu lang (höchstens {max} Zeichen)") String unit,
      @NotBlank(message = "fehlt") String sourceOffice,
      String type) {}
}
