package de.umsetzungsmonitor.support;

import de.umsetzungsmonitor.notification.NotificationDispatch;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the test SMTP server ({@link TestMailServer}) received, read the way a mail program reads it:
 * found by the Message-ID the application derives from the notification key, with subject,
 * recipients, text and attached files.
 */
public final class ReceivedMails {

  private ReceivedMails() {}

  /** The mails of messages whose notification key starts so. */
  public static List<MimeMessage> withKeyPrefix(String keyPrefix) {
    String idPrefix = NotificationDispatch.messageId(keyPrefix).replace("@umsetzungsmonitor>", "");
    return Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
        .filter(mail -> messageId(mail).startsWith(idPrefix)).toList();
  }

  /** The mails of exactly this notification key. */
  public static List<MimeMessage> withKey(String key) {
    String id = NotificationDispatch.messageId(key);
    return Arrays.stream(TestMailServer.greenMail().getReceivedMessages())
        .filter(mail -> id.equals(messageId(mail))).toList();
  }

  public static String messageId(MimeMessage mail) {
    return call(mail::getMessageID);
  }

  public static String subject(MimeMessage mail) {
    return call(mail::getSubject);
  }

  public static List<String> recipients(MimeMessage mail) {
    return Arrays.stream(call(mail::getAllRecipients)).map(address -> ((InternetAddress) address).getAddress()).toList();
  }

  /** The text: the whole content of a plain mail, the first part of a mail with attachments. */
  public static String text(MimeMessage mail) {
    Object content = call(mail::getContent);
    if (content instanceof String text) {
      return text;
    }
    BodyPart first = call(() -> ((Multipart) content).getBodyPart(0));
    return (String) call(first::getContent);
  }

  /** An attached file by name, with its content type and text. */
  public static Optional<File> attachment(MimeMessage mail, String filename) {
    Object content = call(mail::getContent);
    if (!(content instanceof Multipart parts)) {
      return Optional.empty();
    }
    int count = call(parts::getCount);
    for (int i = 0; i < count; i++) {
      BodyPart part = call(parts::getBodyPart, i);
      if (Part.ATTACHMENT.equalsIgnoreCase(call(part::getDisposition)) && filename.equals(call(part::getFileName))) {
        try {
          return Optional.of(new File(call(part::getContentType),
              new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return Optional.empty();
  }

  /** An attached file. */
  public record File(String contentType, String text) {}

  private interface MailCall<T> {
    T get() throws MessagingException, IOException;
  }

  private interface IndexedMailCall<T> {
    T get(int index) throws MessagingException;
  }

  private static <T> T call(MailCall<T> call) {
    try {
      return call.get();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T call(IndexedMailCall<T> call, int index) {
    try {
      return call.get(index);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
