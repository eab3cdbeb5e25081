package de.umsetzungsmonitor.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real channels at the other end: an SMTP server (GreenMail) and an HTTP receiver for the
 * webhook, each counting what arrives per notification key, and each able to go down and come
 * back (or, for SMTP, to accept connections and never answer).
 */
public final class Receivers implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  public final int smtpPort = AppNode.freePort();
  public final int webhookPort = AppNode.freePort();

  /** Mails per Message-ID, kept across restarts of the SMTP server. */
  private final Map<String, AtomicInteger> mails = new ConcurrentHashMap<>();
  /** When each Message-ID was first seen here (as precise as the callers poll). */
  private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
  /** Webhook posts per notification key (and per Idempotency-Key header, which must agree). */
  private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
  private final AtomicInteger idempotencyMismatches = new AtomicInteger();

  private GreenMail smtp;
  private HttpServer webhook;
  private BlackHole blackHole;
  private volatile boolean webhookFailing;
  private volatile long webhookDelayMillis;

  public void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /** Takes what the SMTP server received into the counts, then stops it: the port refuses connections. */
  void stopSmtp() {
    collectMails();
    smtp.stop();
    smtp = null;
  }

  /** An SMTP server that accepts connections and never says a word. */
  void startSilentSmtp() {
    blackHole = new BlackHole(smtpPort);
  }

  void stopSilentSmtp() {
    blackHole.close();
    blackHole = null;
  }

  void startWebhook() {
    try {
      webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", webhookPort), 200);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    webhook.createContext("/hook", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        if (webhookDelayMillis > 0) {
          AppNode.sleep(webhookDelayMillis);
          exchange.sendResponseHeaders(504, -1);
          return;
        }
        if (webhookFailing) {
          exchange.sendResponseHeaders(503, -1);
          return;
        }
        String key = JSON.readTree(body.readAllBytes()).path("key").asText();
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (!key.equals(idempotencyKey)) {
          idempotencyMismatches.incrementAndGet();
        }
        posts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
      } finally {
        exchange.close();
      }
    });
    webhook.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    webhook.start();
  }

  void stopWebhook() {
    webhook.stop(0);
    webhook = null;
  }

  /** The receiver takes this long before it answers (and then refuses): a hanging channel. */
  void slowWebhook(java.time.Duration delay) {
    webhookDelayMillis = delay.toMillis();
  }

  /** The receiver answers 503 to every post (it is up, but broken). */
  void failWebhook(boolean failing) {
    webhookFailing = failing;
  }

  /** Counts per key of what arrived by mail so far (Message-ID turned back into the key). */
  public Map<String, Integer> mailsByKey() {
    collectMails();
    Map<String, Integer> counts = new java.util.TreeMap<>();
    mails.forEach((id, count) -> counts.put(id, count.get()));
    return counts;
  }

  Map<String, Integer> postsByKey() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    posts.forEach((key, count) -> counts.put(key, count.get()));
    return counts;
  }

  int idempotencyMismatches() {
    return idempotencyMismatches.get();
  }

  /** Epoch milliseconds at which each Message-ID was first seen; poll {@link #mailCount()} often for precision. */
  public Map<String, Long> mailArrivals() {
    collectMails();
    return Map.copyOf(firstSeen);
  }

  public int mailCount() {
    collectMails();
    return mails.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private final java.util.Set<MimeMessage> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  private synchronized void collectMails() {
    if (smtp == null) {
      return;
    }
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      if (seen.add(mail)) {
        try {
          mails.computeIfAbsent(mail.getMessageID(), id -> new AtomicInteger()).incrementAndGet();
          firstSeen.putIfAbsent(mail.getMessageID(), System.currentTimeMillis());
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  @Override
  public void close() {
    if (smtp != null) {
      smtp.stop();
    }
    if (webhook != null) {
      webhook.stop(0);
    }
    if (blackHole != null) {
      blackHole.close();
    }
  }

  /** Accepts TCP connections and holds them open without answering. */
  private static final class BlackHole implements AutoCloseable {
    private final ServerSocket server;
    private final Collection<Socket> held = new ArrayList<>();

    BlackHole(int port) {
      try {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", port));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread accept = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            synchronized (held) {
              held.add(socket);
            }
          } catch (IOException e) {
            return;
          }
        }
      }, "smtp-black-hole");
      accept.setDaemon(true);
      accept.start();
    }

    @Override
    public void close() {
      try {
        server.close();
        synchronized (held) {
          for (Socket socket : held) {
            socket.close();
          }
        }
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  /** What arrived against what the application recorded as due: lost and duplicated per channel. */
  record Tally(int expected, int mailsReceived, int mailsDistinct, int mailsLost, int mailDuplicates,
      int postsReceived, int postsDistinct, int postsLost, int postDuplicates) {

    /** Counts only what belongs to the expected keys (other scenarios' messages are not this tally's). */
    static Tally of(Collection<String> expectedKeys, Map<String, Integer> mailsByMessageId, Map<String, Integer> postsByKey,
        java.util.function.Function<String, String> messageIdOf) {
      int mailsReceived = 0;
      int mailsDistinct = 0;
      int postsReceived = 0;
      int postsDistinct = 0;
      for (String key : expectedKeys) {
        int mailed = mailsByMessageId.getOrDefault(messageIdOf.apply(key), 0);
        int posted = postsByKey.getOrDefault(key, 0);
        mailsReceived += mailed;
        mailsDistinct += mailed > 0 ? 1 : 0;
        postsReceived += posted;
        postsDistinct += posted > 0 ? 1 : 0;
      }
      int expected = expectedKeys.size();
      return new Tally(expected, mailsReceived, mailsDistinct, expected - mailsDistinct, mailsReceived - mailsDistinct,
          postsReceived, postsDistinct, expected - postsDistinct, postsReceived - postsDistinct);
    }

    String line(String label) {
      return String.format("[fault] %s: due %d | mail received %d (distinct %d), lost %d, duplicates %d"
              + " | webhook received %d (distinct %d), lost %d, duplicates %d", label, expected, mailsReceived, mailsDistinct,
          mailsLost, mailDuplicates, postsReceived, postsDistinct, postsLost, postDuplicates);
    }
  }

  /** The keys that arrived more than once. */
  static Set<String> duplicated(Map<String, Integer> countsByKey) {
    return countsByKey.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toSet());
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
