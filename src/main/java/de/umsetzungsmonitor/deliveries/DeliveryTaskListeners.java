package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.CHECK_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERED_VALUES;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ACCEPTED;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_COMMENT;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_FILE;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_FILE_URL;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_FORM;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_RETURN_REASON;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_SUMMARY;
import static de.umsetzungsmonitor.process.ProcessVariables.FOLLOW_UP_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.LOCK_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.LOCK_REASON;
import static de.umsetzungsmonitor.process.ProcessVariables.NEW_DEADLINE;
import static de.umsetzungsmonitor.process.ProcessVariables.PERIOD_REOPENED;
import static de.umsetzungsmonitor.process.ProcessVariables.RETURN_REASON;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The user tasks of the delivery model: what their forms show, and what their completion does. */
public final class DeliveryTaskListeners {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeliveryTaskListeners() {}

  /** Gives the delivery form its fields (as JSON text for the embedded form) and a return reason. */
  @Component("deliverDataFormListener")
  public static class DeliverDataForm implements TaskListener {
    private final DeliveryService deliveries;

    public DeliverDataForm(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void notify(DelegateTask task) {
      Map<String, Object> form = deliveries.deliveryForm(DELIVERY_ID.from(task));
      try {
        DELIVERY_FORM.setLocal(task, JSON.writeValueAsString(form));
      } catch (IOException e) {
        throw new IllegalStateException("Delivery form not writable", e);
      }
      DELIVERY_RETURN_REASON.setLocal(task, form.get("returnReason"));
    }
  }

  /** Takes the delivered values, comment and file; refuses invalid input with a German message. */
  @Component("deliverDataListener")
  public static class DeliverData implements TaskListener {
    private final DeliveryService deliveries;
    private final Directory directory;

    public DeliverData(DeliveryService deliveries, Directory directory) {
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

  /** Shows the checker the delivered values, comment and a link to the file. */
  @Component("checkDeliveryFormListener")
  public static class CheckDeliveryForm implements TaskListener {
    private final DeliveryService deliveries;

    public CheckDeliveryForm(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void notify(DelegateTask task) {
      Long deliveryId = DELIVERY_ID.from(task);
      DELIVERY_SUMMARY.setLocal(task, deliveries.summary(deliveryId));
      DELIVERY_FILE_URL.setLocal(task, deliveries.fileUrl(deliveryId));
    }
  }

  /** Accepts the delivery or returns it to the office with the reason. */
  @Component("checkDeliveryListener")
  public static class CheckDelivery implements TaskListener {
    private final DeliveryService deliveries;
    private final Directory directory;

    public CheckDelivery(DeliveryService deliveries, Directory directory) {
      this.deliveries = deliveries;
      this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
      boolean accepted = deliveries.check(DELIVERY_ID.from(task), CHECK_DECISION.fromOptional(task),
          RETURN_REASON.fromOptional(task), directory.currentUserId().orElse(null));
      DELIVERY_ACCEPTED.set(task.getExecution().getProcessInstance(), accepted);
      CHECK_DECISION.remove(task);
      RETURN_REASON.remove(task);
    }
  }

  /** Reopens a locked period with a new deadline, or closes it without data. */
  @Component("decideLockedPeriodListener")
  public static class DecideLockedPeriod implements TaskListener {
    private final DeliveryService deliveries;
    private final Directory directory;

    public DecideLockedPeriod(DeliveryService deliveries, Directory directory) {
      this.deliveries = deliveries;
      this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
      boolean reopened = deliveries.decideLocked(DELIVERY_ID.from(task), LOCK_DECISION.fromOptional(task),
          LOCK_REASON.fromOptional(task), NEW_DEADLINE.fromOptional(task), directory.currentUserId().orElse(null));
      PERIOD_REOPENED.set(task.getExecution().getProcessInstance(), reopened);
      LOCK_DECISION.remove(task);
      LOCK_REASON.remove(task);
      NEW_DEADLINE.remove(task);
    }
  }

  /** Records what the office head did about an overdue delivery. */
  @Component("followUpOverdueDeliveryListener")
  public static class FollowUpOverdueDelivery implements TaskListener {
    private final DeliveryService deliveries;
    private final Directory directory;

    public FollowUpOverdueDelivery(DeliveryService deliveries, Directory directory) {
      this.deliveries = deliveries;
      this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
      deliveries.recordFollowUp(DELIVERY_ID.from(task), FOLLOW_UP_NOTE.fromOptional(task), directory.currentUserId().orElse(null));
      FOLLOW_UP_NOTE.remove(task);
    }
  }
}
