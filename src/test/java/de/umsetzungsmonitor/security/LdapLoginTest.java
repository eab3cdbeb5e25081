package de.umsetzungsmonitor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeImportService;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.LdapConfiguration.LdapProperties;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.ldap.LdapContext;
import javax.net.ssl.SSLSocketFactory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.camunda.bpm.identity.impl.ldap.LdapAuthenticationException;
import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Directory login against a real LDAP server (UnboundID in-memory, started here): the engine gets
 * exactly the plugins {@link LdapConfiguration} makes from the settings the README tells users to
 * write (the packaged {@code application-ldap.yaml}, the environment variables and the OpenLDAP
 * attributes), then staff log in, offices are directory groups, and administrators are the
 * members of the administrator group.
 *
 * <p>{@code @Order(2)}: {@link ApplicationWithDirectory} starts an engine named "default" of its own,
 * so, like {@code ApplicationContextTest}, this class runs (and closes that context) before the
 * shared PostgreSQL context starts; after it, the JVM already holds a "default" engine.
 */
@Order(2)
class LdapLoginTest {

  static final String BASE_DN = "dc=koblenz,dc=example";
  static final String MANAGER_DN = "cn=umsetzungsmonitor,ou=services," + BASE_DN;
  static final String MANAGER_PASSWORD = "Dienst-Konto-2024!";
  static final String JMUELLER_PASSWORD = "Julia-Passwort-1";
  static final String ADMIN_PASSWORD = "Sabine-Passwort-2";

  /** The OpenLDAP example of the README, word for word (as {@code config/application-ldap.yaml}). */
  static final String README_OPENLDAP = """
      umsetzungsmonitor:
        ldap:
          user-search-base: ou=people
          user-search-filter: "(objectClass=inetOrgPerson)"
          user-id-attribute: uid
          group-search-base: ou=groups
          group-search-filter: "(objectClass=groupOfNames)"
          group-name-attribute: description
      """;

  static InMemoryDirectoryServer directory;
  static final List<String> accessLog = Collections.synchronizedList(new ArrayList<>());
  static ProcessEngine engine;
  static IdentityService identity;
  static AuthorizationService authorizations;
  static LdapProperties ldap;

  @BeforeAll
  static void startDirectoryAndEngine() throws Exception {
    directory = startDirectory();
    ldap = propertiesAsConfigured(environment(directory.getListenPort()));
    LdapConfiguration configuration = new LdapConfiguration();
    LdapIdentityProviderPlugin identityProvider = configuration.ldapIdentityProviderPlugin(ldap);
    AdministratorAuthorizationPlugin administrators = configuration.ldapAdministratorAuthorizationPlugin(ldap);
    engine = ProcessTestEngine.build("ldap-login-tests", new AuthorizationOn(), identityProvider, administrators);
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
  }

  @AfterAll
  static void stop() {
    if (engine != null) {
      engine.close();
    }
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  @Test
  void staff_logInWithTheirDirectoryPassword() {
    assertThat(identity.checkPassword("jmueller", JMUELLER_PASSWORD)).isTrue();
    assertThat(identity.checkPassword("jmueller", "falsch")).isFalse();
    assertThat(identity.checkPassword("jmueller", "")).isFalse();
    assertThat(identity.checkPassword("unbekannt", JMUELLER_PASSWORD)).isFalse();
    // the password of someone else does not open another account
    assertThat(identity.checkPassword("tschmitt", JMUELLER_PASSWORD)).isFalse();
    // a filter in the user name does not match somebody else
    assertThat(identity.checkPassword("*", JMUELLER_PASSWORD)).isFalse();
  }

  @Test
  void namesAndMail_comeFromTheDirectory() {
    User user = identity.createUserQuery().userId("jmueller").singleResult();

    assertThat(user.getFirstName()).isEqualTo("Julia");
    assertThat(user.getLastName()).isEqualTo("Müller");
    assertThat(user.getEmail()).isEqualTo("jmueller@koblenz.example");
  }

  @Test
  void offices_areTheDirectoryGroupsWhoseIdIsTheOfficeCode() {
    List<Group> groups = identity.createGroupQuery().groupMember("jmueller").list();

    assertThat(groups).extracting(Group::getId).containsExactly("jugendamt");
    assertThat(groups.get(0).getName()).isEqualTo("Amt für Jugend, Familie, Senioren und Soziales");
    assertThat(identity.createGroupQuery().groupMember("abecker").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("sozialplanung", "managers");
    assertThat(identity.createUserQuery().memberOfGroup("jugendamt").list()).extracting(User::getId)
        .containsExactlyInAnyOrder("jmueller", "tschmitt");
    assertThat(identity.createGroupQuery().groupId("jugendamt").count()).isEqualTo(1);
    assertThat(identity.createGroupQuery().groupId("bauamt").count()).isZero();
    // an office without a directory group has nobody (the plain plugin answered: everybody in any group)
    assertThat(identity.createUserQuery().memberOfGroup("bauamt").list()).isEmpty();
    assertThat(identity.createUserQuery().memberOfGroup("bauamt").count()).isZero();
    assertThat(identity.createGroupQuery().groupMember("unbekannt").list()).isEmpty();
  }

  @Test
  void theIdentityService_isReadOnly() {
    assertThat(identity.isReadOnly()).isTrue();
    assertThatThrownBy(() -> identity.newUser("neu")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void theAdministratorGroup_mayDoEverything_officeStaffMayNot() {
    assertThat(ldap.administratorGroup()).isEqualTo(Groups.ADMINISTRATORS);
    List<String> adminGroups = groupIdsOf("skrause");
    List<String> officeGroups = groupIdsOf("jmueller");

    assertThat(adminGroups).containsExactly(Groups.ADMINISTRATORS);
    assertThat(authorizations.isUserAuthorized("skrause", adminGroups, Permissions.ALL, Resources.DEPLOYMENT)).isTrue();
    assertThat(authorizations.isUserAuthorized("skrause", adminGroups, Permissions.ALL, Resources.USER)).isTrue();
    assertThat(authorizations.isUserAuthorized("jmueller", officeGroups, Permissions.ALL, Resources.DEPLOYMENT)).isFalse();
    assertThat(authorizations.isUserAuthorized("jmueller", officeGroups, Permissions.READ, Resources.DEPLOYMENT)).isFalse();
  }

  @Test
  void aLoggedInUser_seesOthers_onlyWithTheReadGrantEveryoneGets() {
    identity.setAuthentication("jmueller", groupIdsOf("jmueller"));
    try {
      assertThat(identity.createUserQuery().userId("jmueller").count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("tschmitt").count()).isZero();

      identity.clearAuthentication();
      Authorization readUsers = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      readUsers.setUserId(Authorization.ANY);
      readUsers.setResource(Resources.USER);
      readUsers.setResourceId(Authorization.ANY);
      readUsers.addPermission(Permissions.READ);
      String id = authorizations.saveAuthorization(readUsers).getId();
      identity.setAuthentication("jmueller", groupIdsOf("jmueller"));

      assertThat(identity.createUserQuery().userId("tschmitt").count()).isEqualTo(1);
      identity.clearAuthentication();
      authorizations.deleteAuthorization(id);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void officeGroups_createNothing_andStillGrantTasklist() {
    de.umsetzungsmonitor.security.Permissions permissions = mock(de.umsetzungsmonitor.security.Permissions.class);
    OfficeGroups officeGroups = new OfficeGroups(identity, permissions);

    assertThatCode(() -> officeGroups.ensure("jugendamt", "Jugendamt")).doesNotThrowAnyException();
    assertThatCode(() -> officeGroups.ensure("bauamt", "Bauamt")).doesNotThrowAnyException();

    verify(permissions).grantOfficeStaff("jugendamt");
    verify(permissions).grantOfficeStaff("bauamt");
    assertThat(identity.createGroupQuery().groupId("bauamt").count()).isZero();
  }

  @Test
  void demoSetup_createsNoUsers() throws IOException {
    de.umsetzungsmonitor.security.Permissions permissions = mock(de.umsetzungsmonitor.security.Permissions.class);
    DemoProperties demo = new DemoProperties("Koblenz-2018!", List.of(),
        List.of(new DemoProperties.GroupEntry("jugendamt", "Jugendamt")),
        List.of(new DemoProperties.UserEntry("cwolf", "Claudia", "Wolf", "cwolf@koblenz.example", List.of("managers"))));
    DemoSetup setup = new DemoSetup(demo, identity, new OfficeGroups(identity, permissions),
        mock(ProgrammeImportService.class), new DefaultResourceLoader());

    assertThatCode(setup::setUp).doesNotThrowAnyException();

    assertThat(identity.createUserQuery().userId("cwolf").count()).isZero();
    verify(permissions).grantOfficeStaff("jugendamt");
  }

  @Test
  void startTls_encryptsTheConnectionBeforeThePasswordIsSent() {
    Map<String, String> startTls = environment(directory.getListenPort());
    startTls.put("umsetzungsmonitor.ldap.start-tls", "true");
    startTls.put("umsetzungsmonitor.ldap.context-properties[java.naming.ldap.factory.socket]",
        TrustTestCertificate.class.getName());
    LdapIdentityProviderPlugin plugin = new LdapConfiguration().ldapIdentityProviderPlugin(propertiesAsConfigured(startTls));
    String userDn = "uid=jmueller,ou=people," + BASE_DN;
    accessLog.clear();

    LdapContext context = new LdapClient(plugin).openContext(userDn, JMUELLER_PASSWORD);
    assertThat(context).isNotNull();
    assertThatThrownBy(() -> new LdapClient(plugin).openContext(userDn, "falsch"))
        .isInstanceOf(LdapAuthenticationException.class);

    // every bind of the user came on a connection the server had switched to TLS before
    Map<String, String> clientOfConnection = new LinkedHashMap<>();
    Set<String> clientsOnTls = new HashSet<>();
    List<String> bindsOnTls = new ArrayList<>();
    List<String> bindsInClear = new ArrayList<>();
    synchronized (accessLog) {
      for (String line : accessLog) {
        Matcher connect = Pattern.compile("CONNECT conn=(\\d+) from=\"([^\"]+)\"").matcher(line);
        Matcher upgrade = Pattern.compile("STARTTLS from=\"([^\"]+)\"").matcher(line);
        Matcher bind = Pattern.compile("BIND REQUEST conn=(\\d+) .*dn=\"([^\"]*)\"").matcher(line);
        if (connect.find()) {
          clientOfConnection.put(connect.group(1), connect.group(2));
        } else if (upgrade.find()) {
          clientsOnTls.add(upgrade.group(1));
        } else if (bind.find() && bind.group(2).equals(userDn)) {
          (clientsOnTls.contains(clientOfConnection.get(bind.group(1))) ? bindsOnTls : bindsInClear).add(line);
        }
      }
    }
    assertThat(bindsInClear).isEmpty();
    assertThat(bindsOnTls).hasSize(2);
  }

  /** Whether the configuration is switched on or off by {@code umsetzungsmonitor.ldap.enabled}; no engine. */
  @Nested
  class Activation {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(LdapConfiguration.class)
        // stands in for the Camunda starter's bean that creates camunda.bpm.admin-user
        .withBean(LdapConfiguration.STARTER_ADMIN_USER_BEAN, StringBuilder.class, StringBuilder::new);

    @Test
    void off_byDefault() {
      runner.run(context -> {
        assertThat(context).hasNotFailed();
        assertThat(context).doesNotHaveBean(LdapIdentityProviderPlugin.class);
        assertThat(context).doesNotHaveBean(AdministratorAuthorizationPlugin.class);
        assertThat(context).hasBean(LdapConfiguration.STARTER_ADMIN_USER_BEAN);
      });
      runner.withPropertyValues("umsetzungsmonitor.ldap.enabled=false").run(context ->
          assertThat(context).doesNotHaveBean(LdapIdentityProviderPlugin.class));
    }

    @Test
    void on_bringsBothPlugins_andNoAdminUserCreation() {
      runner.withPropertyValues("umsetzungsmonitor.ldap.enabled=true", "umsetzungsmonitor.ldap.server-url=ldap://dc1:389",
          "umsetzungsmonitor.ldap.manager-dn=cn=svc", "umsetzungsmonitor.ldap.manager-password=geheim",
          "umsetzungsmonitor.ldap.base-dn=DC=koblenz,DC=example").run(context -> {
            assertThat(context).hasSingleBean(LdapIdentityProviderPlugin.class);
            assertThat(context).hasSingleBean(AdministratorAuthorizationPlugin.class);
            assertThat(context).doesNotHaveBean(LdapConfiguration.STARTER_ADMIN_USER_BEAN);
            // the defaults fit Active Directory
            LdapIdentityProviderPlugin plugin = context.getBean(LdapIdentityProviderPlugin.class);
            assertThat(plugin.getUserIdAttribute()).isEqualTo("sAMAccountName");
            assertThat(plugin.getUserSearchFilter()).isEqualTo("(&(objectClass=user)(objectCategory=person))");
            assertThat(plugin.getGroupSearchFilter()).isEqualTo("(objectClass=group)");
            assertThat(plugin.getGroupMemberAttribute()).isEqualTo("member");
            assertThat(plugin.getUserEmailAttribute()).isEqualTo("mail");
            assertThat(plugin.isSortControlSupported()).isFalse();
            assertThat(plugin.getPageSize()).isEqualTo(500);
            assertThat(context.getBean(AdministratorAuthorizationPlugin.class).getAdministratorGroupName())
                .isEqualTo("camunda-admin");
          });
    }

    @Test
    void on_withoutConnection_doesNotStart_andSaysWhatIsMissing() {
      runner.withPropertyValues("umsetzungsmonitor.ldap.enabled=true", "umsetzungsmonitor.ldap.server-url=ldap://dc1:389")
          .run(context -> assertThat(context).hasFailed().getFailure()
              .rootCause().hasMessageContaining("LDAP_MANAGER_DN").hasMessageContaining("LDAP_BASE_DN")
              .hasMessageNotContaining("LDAP_URL"));
    }

    @Test
    void profilesPostgresAndLdap_readTheEnvironment_andNeedNoAdminPassword() {
      new ApplicationContextRunner()
          .withInitializer(new ConfigDataApplicationContextInitializer())
          .withUserConfiguration(LdapConfiguration.class)
          .withPropertyValues("spring.profiles.active=postgres,ldap", "LDAP_URL=ldaps://dc1.koblenz.example:636",
              "LDAP_MANAGER_DN=CN=svc,OU=Dienste,DC=koblenz,DC=example", "LDAP_MANAGER_PASSWORD=geheim",
              "LDAP_BASE_DN=DC=koblenz,DC=example", "LDAP_ADMIN_GROUP=GG-Umsetzungsmonitor-Admin")
          .run(context -> {
            LdapIdentityProviderPlugin plugin = context.getBean(LdapIdentityProviderPlugin.class);
            assertThat(plugin.getServerUrl()).isEqualTo("ldaps://dc1.koblenz.example:636");
            assertThat(plugin.getManagerDn()).isEqualTo("CN=svc,OU=Dienste,DC=koblenz,DC=example");
            assertThat(plugin.getManagerPassword()).isEqualTo("geheim");
            assertThat(plugin.getBaseDn()).isEqualTo("DC=koblenz,DC=example");
            assertThat(context.getBean(AdministratorAuthorizationPlugin.class).getAdministratorGroupName())
                .isEqualTo("GG-Umsetzungsmonitor-Admin");
            assertThat(context.getEnvironment().getProperty("camunda.bpm.admin-user.id")).isEmpty();
            assertThatCode(() -> ProductionSafety.check(context.getEnvironment())).doesNotThrowAnyException();
          });
    }
  }

  /**
   * The whole application with profile {@code ldap} against the directory: it starts (no local
   * administrator is created), and our API takes directory accounts, their groups as authorities.
   */
  @Nested
  @SpringBootTest(properties = {
      "spring.datasource.url=jdbc:h2:mem:ldap-login-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "LINK_SECRET=ldap-test-key-for-links-0123456789-abcdef"})
  @ActiveProfiles("ldap")
  @AutoConfigureMockMvc
  @DirtiesContext
  class ApplicationWithDirectory {

    @DynamicPropertySource
    static void directoryAsConfigured(DynamicPropertyRegistry registry) throws IOException {
      for (String variable : List.of("LDAP_URL", "LDAP_MANAGER_DN", "LDAP_MANAGER_PASSWORD", "LDAP_BASE_DN")) {
        registry.add(variable, () -> environment(directory.getListenPort()).get(variable));
      }
      MapPropertySource openLdap = (MapPropertySource) yaml("config/application-ldap.yaml",
          new ByteArrayResource(README_OPENLDAP.getBytes(StandardCharsets.UTF_8)));
      for (String name : openLdap.getPropertyNames()) {
        registry.add(name, () -> openLdap.getProperty(name));
      }
    }

    @Autowired ApplicationContext context;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired MockMvc mvc;

    @Test
    void starts_withoutCreatingALocalAdministrator() {
      assertThat(identityService.isReadOnly()).isTrue();
      assertThat(context.containsBeanDefinition(LdapConfiguration.STARTER_ADMIN_USER_BEAN)).isFalse();
      assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
      assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Groups.ADMINISTRATORS)
          .resourceType(Resources.DEPLOYMENT).count()).isEqualTo(1);
    }

    @Test
    void ourApi_takesDirectoryAccounts_andTheirGroups() throws Exception {
      mvc.perform(get("/api/measures/XX-M1/audit").header("Authorization", basic("jmueller", JMUELLER_PASSWORD)))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/measures/XX-M1/audit").header("Authorization", basic("jmueller", "falsch")))
          .andExpect(status().isUnauthorized());
      // importing a programme is for the administrator group: a refused (empty) file, not a refused caller
      mvc.perform(post("/api/programmes").contentType("application/yaml").content("code: X")
          .header("Authorization", basic("jmueller", JMUELLER_PASSWORD))).andExpect(status().isForbidden());
      mvc.perform(post("/api/programmes").contentType("application/yaml").content("code: X")
          .header("Authorization", basic("skrause", ADMIN_PASSWORD))).andExpect(status().isBadRequest());
    }

    private String basic(String user, String password) {
      return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }

  // ----------------------------------------------------------------------------------------------

  private static List<String> groupIdsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** What an operator sets in the environment (README). */
  private static Map<String, String> environment(int port) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("LDAP_URL", "ldap://127.0.0.1:" + port);
    environment.put("LDAP_MANAGER_DN", MANAGER_DN);
    environment.put("LDAP_MANAGER_PASSWORD", MANAGER_PASSWORD);
    environment.put("LDAP_BASE_DN", BASE_DN);
    return environment;
  }

  /**
   * Binds {@code umsetzungsmonitor.ldap} as Spring Boot does with {@code --spring.profiles.active=…,ldap}:
   * environment first, then the README's OpenLDAP file, then the packaged {@code application-ldap.yaml}.
   */
  private static LdapProperties propertiesAsConfigured(Map<String, String> environment) {
    try {
      MutablePropertySources sources = new MutablePropertySources();
      sources.addLast(new MapPropertySource("environment", new LinkedHashMap<>(environment)));
      sources.addLast(yaml("config/application-ldap.yaml",
          new ByteArrayResource(README_OPENLDAP.getBytes(StandardCharsets.UTF_8))));
      sources.addLast(yaml("application-ldap.yaml", new ClassPathResource("application-ldap.yaml")));
      Binder binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
      return binder.bind("umsetzungsmonitor.ldap", LdapProperties.class).get();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PropertySource<?> yaml(String name, Resource resource) throws IOException {
    return new YamlPropertySourceLoader().load(name, resource).get(0);
  }

  private static InMemoryDirectoryServer startDirectory() throws Exception {
    // a self-signed certificate for 127.0.0.1, so the client's host name check passes
    File keyStore = Files.createTempDirectory("ldap-login-test").resolve("server.p12").toFile();
    keyStore.deleteOnExit();
    char[] pin = "test-keystore".toCharArray();
    ResultCode generated = ManageCertificates.main(null, OutputStream.nullOutputStream(), System.err,
        "generate-self-signed-certificate", "--keystore", keyStore.getPath(), "--keystore-password", new String(pin),
        "--keystore-type", "PKCS12", "--alias", "server-cert", "--subject-dn", "CN=127.0.0.1,O=LdapLoginTest",
        "--subject-alternative-name-ip-address", "127.0.0.1", "--days-valid", "2");
    assertThat(generated).isEqualTo(ResultCode.SUCCESS);
    SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keyStore, pin, "PKCS12", "server-cert"), null);
    SSLUtil clientTls = new SSLUtil(new TrustStoreTrustManager(keyStore, pin, "PKCS12", true));
    TrustTestCertificate.factory = clientTls.createSSLSocketFactory();

    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName("127.0.0.1"), 0,
        new NotingStartTls(serverTls.createSSLSocketFactory())));
    config.setAccessLogHandler(new Handler() {
      @Override
      public void publish(LogRecord record) {
        accessLog.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: koblenz");
    for (String ou : List.of("people", "groups", "services")) {
      server.add("dn: ou=" + ou + "," + BASE_DN, "objectClass: organizationalUnit", "ou: " + ou);
    }
    server.add("dn: " + MANAGER_DN, "objectClass: inetOrgPerson", "cn: umsetzungsmonitor", "sn: Dienstkonto",
        "userPassword: " + MANAGER_PASSWORD);
    person(server, "jmueller", "Julia", "Müller", JMUELLER_PASSWORD);
    person(server, "tschmitt", "Thomas", "Schmitt", "Thomas-Passwort-3");
    person(server, "abecker", "Anna", "Becker", "Anna-Passwort-4");
    person(server, "skrause", "Sabine", "Krause", ADMIN_PASSWORD);
    group(server, "jugendamt", "Amt für Jugend, Familie, Senioren und Soziales", "jmueller", "tschmitt");
    group(server, "sozialplanung", "Fachstelle Sozialplanung/Sozialberichterstattung", "abecker");
    group(server, "managers", "Amts- und Dezernatsleitung", "abecker");
    group(server, "camunda-admin", "Administration Umsetzungsmonitor", "skrause");
    server.startListening();
    return server;
  }

  private static void person(InMemoryDirectoryServer server, String uid, String givenName, String sn, String password)
      throws Exception {
    server.add("dn: uid=" + uid + ",ou=people," + BASE_DN, "objectClass: inetOrgPerson", "uid: " + uid,
        "cn: " + givenName + " " + sn, "givenName: " + givenName, "sn: " + sn, "mail: " + uid + "@koblenz.example",
        "userPassword: " + password);
  }

  private static void group(InMemoryDirectoryServer server, String cn, String description, String... members)
      throws Exception {
    List<String> entry = new ArrayList<>(List.of("dn: cn=" + cn + ",ou=groups," + BASE_DN, "objectClass: groupOfNames",
        "cn: " + cn, "description: " + description));
    for (String member : members) {
      entry.add("member: uid=" + member + ",ou=people," + BASE_DN);
    }
    server.add(entry.toArray(String[]::new));
  }

  /** Authorizations on, as in the application ({@code camunda.bpm.authorization.enabled: true}). */
  static class AuthorizationOn extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setAuthorizationEnabled(true);
    }
  }

  /** The server's StartTLS: notes in the access log which client connection it switches to TLS. */
  static final class NotingStartTls extends SSLSocketFactory {
    private final SSLSocketFactory tls;

    NotingStartTls(SSLSocketFactory tls) {
      this.tls = tls;
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
      accessLog.add("STARTTLS from=\"" + plain.getInetAddress().getHostAddress() + ":" + plain.getPort() + "\"");
      return tls.createSocket(plain, host, port, autoClose);
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return tls.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return tls.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return tls.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return tls.createSocket(address, port, localAddress, localPort);
    }
  }

  /** Socket factory (JNDI: a class with a static getDefault()) trusting the test server's certificate. */
  public static final class TrustTestCertificate {
    static volatile SSLSocketFactory factory;

    public static SSLSocketFactory getDefault() {
      return factory;
    }
  }
}
