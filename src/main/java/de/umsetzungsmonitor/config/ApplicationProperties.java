package de.umsetzungsmonitor.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * General settings.
 *
 * @param baseUrl the address users reach the application at; links in notifications start with it
 */
@ConfigurationProperties("umsetzungsmonitor")
public record ApplicationProperties(String baseUrl) {

  public ApplicationProperties {
    if (baseUrl == null || baseUrl.isBlank()) {
      baseUrl = "http://localhost:8080";
    }
    baseUrl = baseUrl.replaceAll("/+$", "");
  }

  /** Link that opens a task in Tasklist. */
  public String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }
}
