package de.umsetzungsmonitor.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Our REST API ({@code /api/**}) needs a login with the caller's Camunda account; our pages
 * ({@code /protokolle/**}, {@code /lieferungen/**}, {@code /uebersicht/**}, {@code /berichte/**}, {@code /einstellungen/**},
 * {@code /forms/**}) use the webapps' login. The Camunda webapps and their REST API keep
 * Camunda's own login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, IdentityService identity) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/programmes").hasAuthority(Groups.ADMINISTRATORS)
            // the outbox spans every programme: administrators only
            .requestMatchers("/api/notifications", "/api/notifications/**").hasAuthority(Groups.ADMINISTRATORS)
            .anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // stateless HTTP Basic without cookies: there is no session a forged request could ride on
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineIdentityFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  /** Our German pages: the Tasklist login, CSRF tokens in every form, the caller's identity on the engine. */
  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, IdentityService identity, ProcessEngine engine) throws Exception {
    return http.securityMatcher("/protokolle/**", "/lieferungen/**", "/uebersicht/**", "/berichte", "/berichte/**",
            "/einstellungen/**", "/forms/**")
        .addFilterBefore(new CamundaSessionAuthenticationFilter(engine.getName()), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new EngineIdentityFilter(identity), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(
            (request, response, e) -> response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/")))
        .build();
  }

  /**
   * The page behind an external body's link: no login and no engine identity, the link itself is
   * the only capability. The token is in the path, so no referrer leaves the page, nothing is
   * cached, and search engines keep out.
   */
  @Bean
  @Order(2)
  SecurityFilterChain externalLinks(HttpSecurity http) throws Exception {
    return http.securityMatcher("/extern/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"))
            .referrerPolicy(referrer -> referrer.policy(
                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
            .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow")))
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    // the Camunda webapps authenticate, protect against CSRF and send their own Content-Security-Policy
    // (with frame-ancestors 'none'); a second policy here would be enforced on top and break them
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .build();
  }
}
