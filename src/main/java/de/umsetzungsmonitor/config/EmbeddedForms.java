package de.umsetzungsmonitor.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the embedded HTML forms of {@code forms/} ({@code embedded:app:forms/…}) to Tasklist, which
 * loads them from the process application; behind the same login as our pages.
 */
@Configuration
public class EmbeddedForms implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/forms/*.html").addResourceLocations("classpath:/forms/");
  }
}
