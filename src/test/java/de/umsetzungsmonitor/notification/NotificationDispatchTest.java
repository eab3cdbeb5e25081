package de.umsetzungsmonitor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.config.NotificationProperties;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The mail step's decisions, without engine, database or SMTP server. */
class NotificationDispatchTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final String KEY = "protocol-31-v1-reminder-2-jmueller";

  private final OutboxRepository outbox = mock(OutboxRepository.class);
  private final JavaMailSender sender = mock(JavaMailSender.class);
  private final NotificationProperties properties = NotificationProperties.defaults();
  private NotificationDispatch dispatch;
  private OutboxNotification notification;

  @BeforeEach
  void setUp() {
    @SuppressWarnings("unchecked")
    ObjectProvider<JavaMailSender> senders = mock(ObjectProvider.class);
    when(senders.getIfAvailable()).thenReturn(sender);
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    properties.getMail().setEnabled(true);
    properties.getMail().setFrom("umsetzungsmonitor@koblenz.example");
    dispatch = new NotificationDispatch(outbox, senders, properties, transactions, Clock.fixed(NOW, ZoneId.of("UTC")));
    notification = new OutboxNotification(KEY, "jmueller", "jmueller@koblenz.example",
        "2. Erinnerung: Protokoll zur Maßnahme M 11 unterzeichnen", "Guten Tag Julia Müller,\n\nbitte unterzeichnen.",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=t1", NOW);
    when(outbox.findById(7L)).thenReturn(Optional.of(notification));
  }

  @Test
  void unsentMessage_isMailedInGerman_withLinkAndKeyedMessageId_andMarkedSent() throws Exception {
    dispatch.sendMail(7L);

    ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
    verify(sender).send(sent.capture());
    MimeMessage mail = sent.getValue();
    mail.saveChanges(); // what the real sender does before it talks SMTP
    assertThat(mail.getMessageID()).isEqualTo("<protocol-31-v1-reminder-2-jmueller@umsetzungsmonitor>");
    assertThat(mail.getSubject()).isEqualTo("2. Erinnerung: Protokoll zur Maßnahme M 11 unterzeichnen");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("jmueller@koblenz.example");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("umsetzungsmonitor@koblenz.example");
    assertThat((String) mail.getContent()).startsWith("Guten Tag Julia Müller,")
        .endsWith("\n\nhttp://localhost:8080/camunda/app/tasklist/default/#/?task=t1");
    assertThat(notification.getMailSentAt()).isEqualTo(NOW);
    assertThat(notification.getSentAt()).isEqualTo(NOW);
    assertThat(notification.getAttempts()).isEqualTo(1);
  }

  @Test
  void messageWithAttachment_isMailedAsTextPlusFile() throws Exception {
    String ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    notification = new OutboxNotification("talk-7-invitation-0-jmueller", "jmueller", "jmueller@koblenz.example",
        "Einladung: Gespräch zur Maßnahme M 12", "Guten Tag Julia Müller,\n\nSie sind eingeladen.", null, NOW,
        new Attachment("einladung.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics));
    when(outbox.findById(7L)).thenReturn(Optional.of(notification));

    dispatch.sendMail(7L);

    ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
    verify(sender).send(sent.capture());
    MimeMessage mail = sent.getValue();
    mail.saveChanges();
    assertThat(mail.getContentType()).startsWith("multipart/mixed");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat((String) parts.getBodyPart(0).getContent()).isEqualTo("Guten Tag Julia Müller,\n\nSie sind eingeladen.");
    BodyPart file = parts.getBodyPart(1);
    assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(file.getFileName()).isEqualTo("einladung.ics");
    assertThat(file.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
    assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ics);
    assertThat(notification.getMailSentAt()).isEqualTo(NOW);
  }

  @Test
  void messageAlreadyMailed_isNotMailedAgain() {
    notification.mailSent(NOW, false);

    dispatch.sendMail(7L);

    verify(sender, never()).send(any(MimeMessage.class));
    assertThat(notification.getAttempts()).isEqualTo(1);
  }

  @Test
  void mailSwitchedOff_sendsNothing_andLeavesTheMessageInTheOutbox() {
    properties.getMail().setEnabled(false);

    dispatch.sendMail(7L);

    verify(sender, never()).send(any(MimeMessage.class));
    assertThat(notification.getMailSentAt()).isNull();
  }

  @Test
  void recipientWithoutAddress_isRecorded_withoutFailing() {
    notification = new OutboxNotification(KEY, "jmueller", " ", "Betreff", "Text", null, NOW);
    when(outbox.findById(7L)).thenReturn(Optional.of(notification));

    dispatch.sendMail(7L);

    verify(sender, never()).send(any(MimeMessage.class));
    assertThat(notification.getLastError()).isEqualTo("keine E-Mail-Adresse");
    assertThat(notification.getMailSentAt()).isNull();
  }

  @Test
  void smtpFailure_failsTheStep_andCountsTheAttempt() {
    doThrow(new MailSendException("Connection refused")).when(sender).send(any(MimeMessage.class));

    assertThatThrownBy(() -> dispatch.sendMail(7L))
        .isInstanceOf(NotificationNotDeliveredException.class)
        .hasMessageContaining(KEY).hasMessageContaining("Connection refused");

    assertThat(notification.getMailSentAt()).isNull();
    assertThat(notification.getAttempts()).isEqualTo(1);
    assertThat(notification.getLastError()).isEqualTo("E-Mail nicht versandt: Connection refused");
  }

  @Test
  void webhookOn_postsKeyRecipientSubjectTextAndLink_untilItTookTheMessage() throws Exception {
    properties.getWebhook().setEnabled(true);
    properties.getWebhook().setUrl("https://chat.koblenz.example/hooks/1");

    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dispatch.webhookPayload(7L).orElseThrow());
    assertThat(json.path("key").asText()).isEqualTo(KEY);
    assertThat(json.path("recipient").asText()).isEqualTo("jmueller");
    assertThat(json.path("subject").asText()).isEqualTo("2. Erinnerung: Protokoll zur Maßnahme M 11 unterzeichnen");
    assertThat(json.path("text").asText()).startsWith("Guten Tag Julia Müller,");
    assertThat(json.path("link").asText()).endsWith("?task=t1");

    dispatch.webhookSent(7L);
    assertThat(notification.getWebhookSentAt()).isEqualTo(NOW);
    assertThat(notification.getSentAt()).as("the mail is still due").isNull();
    assertThat(dispatch.webhookPayload(7L)).isEmpty();
    dispatch.sendMail(7L);
    assertThat(notification.getSentAt()).isEqualTo(NOW);
  }

  @Test
  void webhookOff_isNotDue() {
    assertThat(dispatch.webhookPayload(7L)).isEmpty();
  }

  @Test
  void webhookOnWithoutUrl_refusesToStart() {
    properties.getWebhook().setEnabled(true);
    @SuppressWarnings("unchecked")
    ObjectProvider<JavaMailSender> senders = mock(ObjectProvider.class);
    assertThatThrownBy(() -> new NotificationDispatch(outbox, senders, properties, mock(PlatformTransactionManager.class),
        Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("webhook.url");
  }

  @Test
  void messageId_isAFunctionOfTheKey_withUnsafeCharactersEncoded() {
    assertThat(NotificationDispatch.messageId(KEY)).isEqualTo(NotificationDispatch.messageId(KEY));
    assertThat(NotificationDispatch.messageId("a b@ü")).isEqualTo("<a=20b=40=C3=BC@umsetzungsmonitor>");
  }
}
