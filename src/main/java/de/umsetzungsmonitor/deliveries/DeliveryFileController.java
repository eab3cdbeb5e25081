package de.umsetzungsmonitor.deliveries;

import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The file attached to a delivery, for the supplier office, the coordinating unit and the programme's managers. */
@Controller
class DeliveryFileController {

  private final DeliveryRepository deliveries;
  private final TaskService tasks;
  private final Directory directory;

  DeliveryFileController(DeliveryRepository deliveries, TaskService tasks, Directory directory) {
    this.deliveries = deliveries;
    this.tasks = tasks;
    this.directory = directory;
  }

  @GetMapping("/lieferungen/{deliveryId}/datei")
  @Transactional(readOnly = true)
  public ResponseEntity<byte[]> download(@PathVariable Long deliveryId, Authentication user) {
    Delivery delivery = deliveries.findById(deliveryId)
        .orElseThrow(() -> new InvalidInputException("Diese Lieferung gibt es nicht."));
    Collection<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    Programme programme = delivery.getDataAgreement().getMeasure().getProgramme();
    boolean allowed = groups.contains(delivery.getDataAgreement().getSupplierOffice().groupId())
        || groups.contains(programme.coordinationGroup())
        || programme.getManagerGroups().stream().anyMatch(groups::contains)
        || groups.contains(Groups.ADMINISTRATORS);
    if (!allowed) {
      throw new AccessDeniedException("not a reader of delivery " + deliveryId);
    }
    if (delivery.getAttachmentId() == null) {
      throw new InvalidInputException("Zu dieser Lieferung gibt es keine Datei.");
    }
    // allowed by the check above; the attachment may belong to a task that is completed by now
    return directory.asSystem(() -> {
      Attachment attachment = tasks.getAttachment(delivery.getAttachmentId());
      try (InputStream in = tasks.getAttachmentContent(delivery.getAttachmentId())) {
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(attachment.getType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(attachment.getName(), StandardCharsets.UTF_8).build().toString())
            .body(in.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException("Attachment of delivery " + deliveryId + " unreadable", e);
      }
    });
  }
}
