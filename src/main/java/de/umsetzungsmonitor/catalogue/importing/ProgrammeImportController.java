package de.umsetzungsmonitor.catalogue.importing;

import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService.ImportResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/programmes}: import a programme file (YAML or JSON), as body or as form upload. */
@RestController
@RequestMapping("/api/programmes")
class ProgrammeImportController {

  private final ProgrammeImportService imports;

  ProgrammeImportController(ProgrammeImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.APPLICATION_JSON_VALUE,
      MediaType.TEXT_PLAIN_VALUE})
  ImportResult importBody(@RequestBody byte[] content, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
    return imports.importProgramme(text(content, type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset()));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportResult importUpload(@RequestParam("file") MultipartFile file) throws IOException {
    return imports.importProgramme(text(file.getBytes(), StandardCharsets.UTF_8));
  }

  /** The file's text; bytes that are not of the encoding (a file saved as ISO-8859-1, say) refuse the file. */
  private static String text(byte[] content, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new ProgrammeImportException(List.of(new ImportError(null, null, "Die Datei ist nicht in " + charset.name()
          + " kodiert (z. B. als ISO-8859-1 gespeichert). Bitte speichern Sie sie als UTF-8.")));
    }
  }

  @ExceptionHandler(ProgrammeImportException.class)
  ResponseEntity<ImportRefusal> refused(ProgrammeImportException e) {
    return ResponseEntity.badRequest().body(new ImportRefusal(
        "Die Datei wurde nicht importiert, nichts wurde gespeichert.", e.getErrors()));
  }

  /** The answer to a refused file: a German summary and every error with its line. */
  record ImportRefusal(String message, List<ImportError> errors) {}
}
