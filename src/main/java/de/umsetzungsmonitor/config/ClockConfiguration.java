package de.umsetzungsmonitor.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** The administration works in German local time; services take "today" from this clock. */
  @Bean
  Clock clock() {
    return Clock.system(ZoneId.of("Europe/Berlin"));
  }
}
