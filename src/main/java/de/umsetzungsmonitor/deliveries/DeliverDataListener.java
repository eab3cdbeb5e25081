package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERED_VALUES;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_COMMENT;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_FILE;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;

import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.security.Directory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** Takes the delivered values, comment and file; refuses invalid input with a German message. */
@Component
public class DeliverDataListener implements TaskListener {
  private final DeliveryService deliveries;
  private final Directory directory;

  public DeliverDataListener(DeliveryService deliveries, Directory directory) {
    this.deliveries = deliveries;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<Long, String> values = values(DELIVERED_VALUES.fromOptional(task));
    UploadedFile file = file(task.getVariableTyped(DELIVERY_FILE.name()));
    deliveries.submit(DELIVERY_ID.from(task), values, DELIVERY_COMMENT.fromOptional(task), file,
        directory.currentUserId().orElse(null), task.getId());
    DELIVERED_VALUES.remove(task);
    DELIVERY_COMMENT.remove(task);
    DELIVERY_FILE.remove(task);
  }

  /** {"<indicator id>": "<value>", …} as the form sends it. */
  private static Map<Long, String> values(SpinJsonNode node) {
    Map<Long, String> values = new HashMap<>();
    if (node == null) {
      return values;
    }
    if (node.isString()) {
      // Tasklist's embedded forms send a Json variable as a JSON text inside a JSON string
      try {
        node = org.camunda.spin.Spin.JSON(node.stringValue());
      } catch (RuntimeException e) {
        throw new InvalidInputException("Die gelieferten Werte sind unlesbar; bitte das Formular neu laden.");
      }
    }
    if (!node.isObject()) {
      throw new InvalidInputException("Die gelieferten Werte sind unlesbar; bitte das Formular neu laden.");
    }
    for (String name : node.fieldNames()) {
      SpinJsonNode value = node.prop(name);
      try {
        values.put(Long.valueOf(name), value.isNull() ? null : value.isValue() ? String.valueOf(value.value()) : value.toString());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("Die gelieferten Werte sind unlesbar; bitte das Formular neu laden.");
      }
    }
    return values;
  }

  private static UploadedFile file(TypedValue value) {
    if (!(value instanceof FileValue file) || file.getFilename() == null) {
      return null;
    }
    try (InputStream in = file.getValue()) {
      if (in == null) {
        return null;
      }
      String name = file.getFilename();
      return new UploadedFile(name, DeliveryFiles.mimeTypeOf(name), in.readAllBytes());
    } catch (IOException e) {
      throw new InvalidInputException("Die Datei konnte nicht gelesen werden; bitte erneut anhängen.");
    }
  }
}
