package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.config.LinkProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring, single-use links for external bodies. A token is
 * {@code <link id>.<expiry, epoch seconds>.<nonce>.<HMAC-SHA256 of the three>} (Base64URL); the
 * signature proves the application wrote it, the expiry is inside what is signed, and the link's
 * row ({@link ContributionLink}) holds the nonce and whether it was used. A token grants exactly
 * one thing: sending one contribution to one involvement.
 */
@Component
public class ContributionLinks {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] secret;
  private final Clock clock;

  public ContributionLinks(LinkProperties properties, Clock clock) {
    String configured = properties.secret();
    if (configured == null || configured.length() < 32) {
      throw new IllegalStateException("umsetzungsmonitor.external.links.secret (LINK_SECRET) must have at least 32 characters");
    }
    this.secret = configured.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** A fresh random nonce for a new link. */
  String newNonce() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  /** The token of a stored link. */
  String token(ContributionLink link) {
    String payload = link.getId() + "." + link.getExpiresAt().getEpochSecond() + "." + link.getNonce();
    return payload + "." + B64.encodeToString(sign(payload));
  }

  /**
   * The link id a token names, if its signature is the application's; says nothing about expiry
   * or use, which the caller checks against the row.
   */
  Optional<Claim> verify(String token) {
    if (token == null || token.length() > 300) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    String payload = parts[0] + "." + parts[1] + "." + parts[2];
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sign(payload), given)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Claim(Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  Instant now() {
    return Instant.now(clock);
  }

  /** A short, non-secret fingerprint of a token for logs. */
  static String fingerprint(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 12);
    } catch (GeneralSecurityException e) {
      return "?";
    }
  }

  private byte[] sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a correctly signed token says: which link, until when, with which nonce. */
  record Claim(long linkId, Instant expiresAt, String nonce) {}
}
