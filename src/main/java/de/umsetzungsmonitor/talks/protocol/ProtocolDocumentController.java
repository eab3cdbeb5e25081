package de.umsetzungsmonitor.talks.protocol;

import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.talks.protocol.ProtocolDocuments.Download;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** German pages to upload a protocol file and to open it, behind the Tasklist login. */
@Controller
class ProtocolDocumentController {

  private final ProtocolDocuments documents;

  ProtocolDocumentController(ProtocolDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/protokolle/massnahmen/{measureId}/dokument")
  String page(@PathVariable Long measureId, Authentication user, Model model) {
    model.addAttribute("view", documents.view(measureId, groups(user)));
    return "protokolle/hochladen";
  }

  @PostMapping("/protokolle/massnahmen/{measureId}/dokument")
  String upload(@PathVariable Long measureId, @RequestParam(name = "datei", required = false) MultipartFile file,
      Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
    try {
      documents.upload(measureId, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), groups(user));
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("view", documents.view(measureId, groups(user)));
      model.addAttribute("error", e.getMessage());
      return "protokolle/hochladen";
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/protokolle/massnahmen/" + measureId + "/dokument";
  }

  @GetMapping("/protokolle/{protocolId}/fassungen/{versionNo}/dokument")
  ResponseEntity<byte[]> download(@PathVariable Long protocolId, @PathVariable int versionNo, Authentication user) {
    Download download = documents.download(protocolId, versionNo, user.getName(), groups(user));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(download.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(download.content());
  }

  private static Collection<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }
}
