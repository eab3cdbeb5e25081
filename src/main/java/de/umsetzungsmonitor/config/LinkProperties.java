package de.umsetzungsmonitor.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The links through which external bodies send their contributions without an account.
 *
 * @param secret the key the links are signed with (HMAC-SHA256), at least 32 characters; from the
 *     environment ({@code LINK_SECRET}) outside the demo profile, which refuses to start without it.
 *     Changing it invalidates every link sent so far.
 * @param validity how long a link may be used, e.g. {@code P30D}
 */
@ConfigurationProperties("umsetzungsmonitor.external.links")
public record LinkProperties(String secret, Duration validity) {

  public LinkProperties {
    if (validity == null || validity.isNegative() || validity.isZero()) {
      validity = Duration.ofDays(30);
    }
  }

  @Override
  public String toString() {
    // never log the secret
    return "LinkProperties[validity=" + validity + "]";
  }
}
