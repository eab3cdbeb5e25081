package de.umsetzungsmonitor.notification;

import de.umsetzungsmonitor.config.NotificationProperties;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox messages through the enabled channels, called by the steps of
 * {@code NotificationDispatchProcess} inside their job's transaction. The webhook itself is posted
 * by Camunda Connect's HTTP connector in the model; this class supplies its JSON and records it.
 *
 * <p><b>Exactly once in our table, at least once at the SMTP boundary.</b> The moment the SMTP
 * server accepts a mail, {@code mail_sent_at} is written and committed in a transaction of its own;
 * a job that runs again (retry, restart, a lock that expired, a second node, a second run by hand)
 * finds it and sends nothing. The one gap no database can close is a crash in the milliseconds
 * between the server's acceptance and that commit: the mail then goes out a second time, with the
 * same {@code Message-ID} ({@link #messageId(String)}, derived from the notification key), so mail
 * clients and archives can recognise the copy. The webhook is posted with the key as
 * {@code Idempotency-Key} for the same reason.
 */
@Service
@Transactional
public class NotificationDispatch {

  /** What the outbox records when a recipient has no mail address; the mail step is then skipped. */
  public static final String NO_EMAIL_ADDRESS = "keine E-Mail-Adresse";

  private static final Logger log = LoggerFactory.getLogger(NotificationDispatch.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutboxRepository outbox;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final NotificationProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public NotificationDispatch(OutboxRepository outbox, ObjectProvider<JavaMailSender> mailSender,
      NotificationProperties properties, PlatformTransactionManager transactions, Clock clock) {
    String webhookUrl = properties.getWebhook().getUrl();
    if (properties.getWebhook().isEnabled()
        && (webhookUrl == null || !(webhookUrl.startsWith("https://") || webhookUrl.startsWith("http://")))) {
      throw new IllegalStateException("umsetzungsmonitor.notifications.webhook.enabled is true, but "
          + "umsetzungsmonitor.notifications.webhook.url is no http(s) URL: '" + webhookUrl + "'");
    }
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Sends a message by mail, unless the mail channel is off or the mail went out already. Throws
   * when the SMTP server fails, so the job retries; the failure is recorded on the row either way.
   */
  public void sendMail(Long notificationId) {
    OutboxNotification notification = notification(notificationId);
    if (notification.getMailSentAt() != null || !properties.getMail().isEnabled()) {
      return;
    }
    String to = notification.getRecipientEmail();
    if (to == null || to.isBlank()) {
      notification.undeliverable(NO_EMAIL_ADDRESS);
      log.warn("Notification {} not mailed: {} has no mail address", notification.getNotificationKey(),
          notification.getRecipientUserId());
      return;
    }
    try {
      JavaMailSender sender = mailSender.getIfAvailable();
      if (sender == null) {
        throw new IllegalStateException("Mail is enabled, but no SMTP server is configured (spring.mail.host)");
      }
      sender.send(mail(notification, to));
    } catch (MailException | MessagingException | IllegalStateException e) {
      recordFailure(notificationId, "E-Mail nicht versandt: " + e.getMessage());
      throw new NotificationNotDeliveredException("Mail for notification " + notification.getNotificationKey()
          + " not sent: " + e.getMessage(), e);
    }
    // recorded at once and committed on its own: whatever happens to the job afterwards (a crash,
    // a rollback, a lock that expires), a second run finds the mail sent and does not send it again
    ownTransaction.executeWithoutResult(status ->
        notification(notificationId).mailSent(Instant.now(clock), properties.getWebhook().isEnabled()));
  }

  /**
   * The JSON the webhook posts for a message ({@code key}, {@code recipient}, {@code subject},
   * {@code text}, {@code link}), or empty when the webhook is off or has taken the message already.
   */
  @Transactional(readOnly = true)
  public Optional<String> webhookPayload(Long notificationId) {
    OutboxNotification notification = notification(notificationId);
    if (!properties.getWebhook().isEnabled() || notification.getWebhookSentAt() != null) {
      return Optional.empty();
    }
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("key", notification.getNotificationKey());
    payload.put("recipient", notification.getRecipientUserId());
    payload.put("subject", notification.getSubject());
    payload.put("text", notification.getBody());
    payload.put("link", notification.getLink());
    try {
      return Optional.of(JSON.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the webhook payload of notification " + notificationId, e);
    }
  }

  /** The webhook target accepted the message (in the transaction of the job that posted it). */
  public void webhookSent(Long notificationId) {
    notification(notificationId).webhookSent(Instant.now(clock), properties.getMail().isEnabled());
  }

  /** The {@code Message-ID} of a notification's mail: the same for every (re-)send of one key. */
  public static String messageId(String notificationKey) {
    StringBuilder local = new StringBuilder();
    for (byte b : notificationKey.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.') {
        local.append(c);
      } else {
        local.append('=').append(String.format("%02X", b & 0xff));
      }
    }
    return "<" + local + "@umsetzungsmonitor>";
  }

  private MimeMessage mail(OutboxNotification notification, String to) throws MessagingException {
    MimeMessage mail = new KeyedMimeMessage(messageId(notification.getNotificationKey()));
    mail.setFrom(new InternetAddress(properties.getMail().getFrom()));
    mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
    mail.setSubject(notification.getSubject(), StandardCharsets.UTF_8.name());
    String text = notification.getBody();
    if (notification.getLink() != null && !text.contains(notification.getLink())) {
      text = text + "\n\n" + notification.getLink();
    }
    Optional<Attachment> attachment = notification.getAttachment();
    if (attachment.isEmpty()) {
      mail.setText(text, StandardCharsets.UTF_8.name());
    } else {
      mail.setContent(withAttachment(text, attachment.get()));
    }
    mail.setSentDate(java.util.Date.from(Instant.now(clock)));
    return mail;
  }

  /** The text, then the attachment as a file of its own (multipart/mixed). */
  private static MimeMultipart withAttachment(String text, Attachment attachment) throws MessagingException {
    MimeBodyPart textPart = new MimeBodyPart();
    textPart.setText(text, StandardCharsets.UTF_8.name());
    MimeBodyPart filePart = new MimeBodyPart();
    filePart.setDataHandler(new DataHandler(
        new ByteArrayDataSource(attachment.content().getBytes(StandardCharsets.UTF_8), attachment.contentType())));
    filePart.setFileName(attachment.filename());
    filePart.setDisposition(Part.ATTACHMENT);
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(textPart);
    mixed.addBodyPart(filePart);
    return mixed;
  }

  /** Counts the failed attempt in a transaction of its own: the job's transaction rolls back. */
  private void recordFailure(Long notificationId, String error) {
    try {
      ownTransaction.executeWithoutResult(status -> notification(notificationId).failed(error));
    } catch (RuntimeException e) {
      log.warn("Could not record the failed delivery of notification {}", notificationId, e);
    }
  }

  private OutboxNotification notification(Long notificationId) {
    return outbox.findById(notificationId)
        .orElseThrow(() -> new IllegalStateException("Notification " + notificationId + " not found"));
  }

  /** A mail whose {@code Message-ID} is ours, not one JavaMail makes up at every send. */
  private static final class KeyedMimeMessage extends MimeMessage {

    private final String messageId;

    KeyedMimeMessage(String messageId) {
      super(Session.getInstance(new Properties()));
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
