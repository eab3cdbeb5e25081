package de.umsetzungsmonitor.security;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import javax.naming.spi.InitialContextFactory;
import javax.net.ssl.SSLSocketFactory;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Optional directory login (profile {@code ldap}): Camunda's LDAP identity plugin replaces the
 * engine's own user and group tables, so staff log in with their municipal account and their
 * directory groups are their Camunda groups. An office's group is the directory group whose id
 * attribute (e.g. {@code cn}) equals the office code. The identity service is then read-only:
 * nothing in the application creates users, groups or memberships.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "umsetzungsmonitor.ldap", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(LdapConfiguration.LdapProperties.class)
public class LdapConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LdapConfiguration.class);

  /** The starter's bean that creates {@code camunda.bpm.admin-user}: it cannot write to the directory. */
  static final String STARTER_ADMIN_USER_BEAN = "createAdminUserConfiguration";

  /** Users and groups come from the directory (the Camunda starter picks up every ProcessEnginePlugin bean). */
  @Bean
  LdapIdentityProviderPlugin ldapIdentityProviderPlugin(LdapProperties ldap) {
    ldap.requireConnection();
    LdapIdentityProviderPlugin plugin = new MembersOfMissingGroupsAreNobody();
    plugin.setServerUrl(ldap.serverUrl());
    plugin.setManagerDn(ldap.managerDn());
    plugin.setManagerPassword(ldap.managerPassword());
    plugin.setBaseDn(ldap.baseDn());
    plugin.setUserSearchBase(ldap.userSearchBase());
    plugin.setUserSearchFilter(ldap.userSearchFilter());
    plugin.setUserIdAttribute(ldap.userIdAttribute());
    plugin.setUserFirstnameAttribute(ldap.userFirstNameAttribute());
    plugin.setUserLastnameAttribute(ldap.userLastNameAttribute());
    plugin.setUserEmailAttribute(ldap.userEmailAttribute());
    plugin.setGroupSearchBase(ldap.groupSearchBase());
    plugin.setGroupSearchFilter(ldap.groupSearchFilter());
    plugin.setGroupIdAttribute(ldap.groupIdAttribute());
    plugin.setGroupNameAttribute(ldap.groupNameAttribute());
    plugin.setGroupMemberAttribute(ldap.groupMemberAttribute());
    plugin.setUsePosixGroups(ldap.usePosixGroups());
    plugin.setUseSsl(ldap.useSsl());
    plugin.setSortControlSupported(ldap.sortControlSupported());
    plugin.setAuthorizationCheckEnabled(ldap.authorizationCheckEnabled());
    plugin.setPageSize(ldap.pageSize() > 0 ? ldap.pageSize() : null);
    // never an empty password as a login, and never trust-all certificates (that would replace the JVM's default SSLContext)
    plugin.setAllowAnonymousLogin(false);
    plugin.setAcceptUntrustedCertificates(false);
    if (ldap.startTls()) {
      plugin.setInitialContextFactory(StartTlsContextFactory.class.getName());
    }
    Map<String, String> context = new LinkedHashMap<>();
    context.put("com.sun.jndi.ldap.connect.timeout", Long.toString(ldap.connectTimeout().toMillis()));
    context.put("com.sun.jndi.ldap.read.timeout", Long.toString(ldap.readTimeout().toMillis()));
    context.putAll(ldap.contextProperties());
    plugin.setContextProperties(context);
    log.info("Directory login: users and groups from {} below {} (administrators: group '{}')",
        ldap.serverUrl(), ldap.baseDn(), ldap.administratorGroup());
    return plugin;
  }

  /** The directory's administrator group may do everything in Camunda (Admin, Cockpit, deployments). */
  @Bean
  AdministratorAuthorizationPlugin ldapAdministratorAuthorizationPlugin(LdapProperties ldap) {
    AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
    plugin.setAdministratorGroupName(ldap.administratorGroup());
    return plugin;
  }

  /**
   * {@code camunda.bpm.admin-user} would make the starter create a user in the directory, which
   * fails the start: administrators are the members of the administrator group instead.
   */
  @Bean
  static BeanDefinitionRegistryPostProcessor ldapSkipsAdminUserCreation() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(STARTER_ADMIN_USER_BEAN)) {
          registry.removeBeanDefinition(STARTER_ADMIN_USER_BEAN);
          log.info("Directory login: camunda.bpm.admin-user is ignored, administrators come from the directory");
        }
      }

      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing to do
      }
    };
  }

  /**
   * The Camunda plugin with one correction. Asked for the members of a group the directory does not
   * have ({@code memberOfGroup("bauamt")}), the plugin 7.23 searches from the directory's root and
   * answers with the members of <em>every</em> group; an office code without a directory group
   * would then offer the whole directory as the office's staff (e.g. as talk participants).
   */
  static class MembersOfMissingGroupsAreNobody extends LdapIdentityProviderPlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      super.preInit(configuration);
      LdapIdentityProviderFactory sessions = new LdapIdentityProviderFactory() {
        @Override
        public Session openSession() {
          return new LdapIdentityProviderSession(ldapConfiguration) {
            @Override
            protected List<User> findUsersByGroupId(LdapUserQueryImpl query) {
              return getDnForGroup(query.getGroupId()).isEmpty() ? new ArrayList<>() : super.findUsersByGroupId(query);
            }
          };
        }
      };
      sessions.setLdapConfiguration(this);
      configuration.setIdentityProviderSessionFactory(sessions);
    }
  }

  /**
   * {@code umsetzungsmonitor.ldap.*}. The defaults fit Active Directory; the comments name the
   * usual OpenLDAP values ({@code inetOrgPerson} users, {@code groupOfNames} groups).
   *
   * @param enabled directory login on (profile {@code ldap} sets it)
   * @param serverUrl e.g. {@code ldaps://dc1.koblenz.example:636}; AD: the global catalog ({@code :3268}/{@code :3269})
   *     avoids referrals to other partitions
   * @param managerDn the service account that searches the directory (AD also takes {@code svc@koblenz.example})
   * @param managerPassword its password, from the environment only
   * @param baseDn where users and groups are searched, e.g. {@code DC=koblenz,DC=example}
   * @param userSearchBase below the base DN, e.g. {@code OU=Mitarbeitende} (OpenLDAP: {@code ou=people}); empty: the base DN
   * @param userSearchFilter which entries are users (OpenLDAP: {@code (objectClass=inetOrgPerson)})
   * @param userIdAttribute the login name (OpenLDAP: {@code uid})
   * @param groupSearchBase below the base DN (OpenLDAP: {@code ou=groups}); empty: the base DN
   * @param groupSearchFilter which entries are groups (OpenLDAP: {@code (objectClass=groupOfNames)})
   * @param groupIdAttribute the group id; an office's group has the office code here
   * @param groupNameAttribute the name shown in Tasklist and Admin (e.g. {@code description})
   * @param groupMemberAttribute the <em>group's</em> attribute listing its members' DNs ({@code member} in AD and
   *     OpenLDAP; {@code memberUid} with posix groups). A user's {@code memberOf} is not read.
   * @param usePosixGroups members are user ids ({@code posixGroup}/{@code memberUid}), not DNs
   * @param useSsl LDAPS: {@code ldaps://} URL, the server's certificate must be trusted by the JVM
   * @param startTls plain {@code ldap://} URL upgraded with StartTLS before any password is sent
   * @param administratorGroup group id whose members get every Camunda permission
   * @param authorizationCheckEnabled the plugin returns only users and groups the caller may read
   * @param sortControlSupported the server supports server-side sorting (AD yes; OpenLDAP usually not)
   * @param pageSize paged searches (AD returns at most 1000 entries per page); 0: off
   * @param connectTimeout connecting to the server
   * @param readTimeout waiting for an answer
   * @param contextProperties further JNDI environment entries, e.g. {@code java.naming.referral: follow}
   */
  @ConfigurationProperties("umsetzungsmonitor.ldap")
  public record LdapProperties(
      boolean enabled,
      String serverUrl,
      String managerDn,
      String managerPassword,
      String baseDn,
      @DefaultValue("") String userSearchBase,
      @DefaultValue("(&(objectClass=user)(objectCategory=person))") String userSearchFilter,
      @DefaultValue("sAMAccountName") String userIdAttribute,
      @DefaultValue("givenName") String userFirstNameAttribute,
      @DefaultValue("sn") String userLastNameAttribute,
      @DefaultValue("mail") String userEmailAttribute,
      @DefaultValue("") String groupSearchBase,
      @DefaultValue("(objectClass=group)") String groupSearchFilter,
      @DefaultValue("cn") String groupIdAttribute,
      @DefaultValue("cn") String groupNameAttribute,
      @DefaultValue("member") String groupMemberAttribute,
      boolean usePosixGroups,
      boolean useSsl,
      boolean startTls,
      @DefaultValue(Groups.ADMINISTRATORS) String administratorGroup,
      @DefaultValue("true") boolean authorizationCheckEnabled,
      boolean sortControlSupported,
      @DefaultValue("500") int pageSize,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration readTimeout,
      Map<String, String> contextProperties) {

    public LdapProperties {
      contextProperties = contextProperties == null ? Map.of() : Map.copyOf(contextProperties);
    }

    /** Fails the start with the setting that is missing, instead of a failing login later. */
    void requireConnection() {
      List<String> missing = new ArrayList<>();
      if (blank(serverUrl)) missing.add("umsetzungsmonitor.ldap.server-url (LDAP_URL)");
      if (blank(managerDn)) missing.add("umsetzungsmonitor.ldap.manager-dn (LDAP_MANAGER_DN)");
      if (blank(managerPassword)) missing.add("umsetzungsmonitor.ldap.manager-password (LDAP_MANAGER_PASSWORD)");
      if (blank(baseDn)) missing.add("umsetzungsmonitor.ldap.base-dn (LDAP_BASE_DN)");
      if (!missing.isEmpty()) {
        throw new IllegalStateException("Directory login is on, but not configured: " + String.join(", ", missing));
      }
      if (useSsl && startTls) {
        throw new IllegalStateException("umsetzungsmonitor.ldap: use-ssl (ldaps://) and start-tls (ldap://) exclude each other");
      }
      if (blank(administratorGroup)) {
        throw new IllegalStateException("umsetzungsmonitor.ldap.administrator-group must name a directory group");
      }
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }

    @Override
    public String toString() {
      return "LdapProperties[serverUrl=" + serverUrl + ", managerDn=" + managerDn + ", managerPassword=******, baseDn="
          + baseDn + ", administratorGroup=" + administratorGroup + "]";
    }
  }

  /**
   * JNDI context factory for StartTLS, which the Camunda plugin does not offer: connects without
   * credentials, upgrades the connection with the StartTLS extended operation and only then binds,
   * so no password crosses the network in clear. A socket factory given as
   * {@code java.naming.ldap.factory.socket} (a class with a static {@code getDefault()}) is used for
   * the TLS layer; otherwise the JVM's default, whose trust store must hold the server's CA.
   */
  public static class StartTlsContextFactory implements InitialContextFactory {

    static final String SOCKET_FACTORY = "java.naming.ldap.factory.socket";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
      Hashtable<Object, Object> plain = new Hashtable<>(environment);
      plain.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
      Object authentication = plain.remove(Context.SECURITY_AUTHENTICATION);
      Object principal = plain.remove(Context.SECURITY_PRINCIPAL);
      Object credentials = plain.remove(Context.SECURITY_CREDENTIALS);
      Object socketFactory = plain.remove(SOCKET_FACTORY);
      plain.remove(Context.SECURITY_PROTOCOL);
      plain.put(Context.SECURITY_AUTHENTICATION, "none");

      LdapContext context = new InitialLdapContext(plain, null);
      try {
        StartTlsResponse tls = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
        tls.negotiate(socketFactory == null ? (SSLSocketFactory) SSLSocketFactory.getDefault() : load(socketFactory.toString()));
        context.addToEnvironment(Context.SECURITY_AUTHENTICATION, authentication == null ? "simple" : authentication);
        if (principal != null) context.addToEnvironment(Context.SECURITY_PRINCIPAL, principal);
        if (credentials != null) context.addToEnvironment(Context.SECURITY_CREDENTIALS, credentials);
        context.reconnect(null); // binds now, inside TLS: a wrong password fails here, as without StartTLS
        return context;
      } catch (NamingException e) {
        context.close();
        throw e;
      } catch (IOException | RuntimeException e) {
        context.close();
        NamingException failure = new CommunicationException("StartTLS failed: " + e.getMessage());
        failure.setRootCause(e);
        throw failure;
      }
    }

    private static SSLSocketFactory load(String className) throws IOException {
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, loader != null ? loader : StartTlsContextFactory.class.getClassLoader());
        return (SSLSocketFactory) type.getMethod("getDefault").invoke(null);
      } catch (ReflectiveOperationException | ClassCastException e) {
        Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
        throw new IOException("Socket factory " + className + " unusable: " + cause, cause);
      }
    }
  }
}
