package de.umsetzungsmonitor.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every Camunda Form in {@code forms/}: valid JSON, its id is its file name, a schema the 7.24
 * Tasklist renders, and field keys that are process variables declared in {@link ProcessVariables}
 * (the fields inside a dynamic list are keys of its items, not variables).
 */
class FormsTest {

  private static final Path FORMS = Path.of("forms");
  /** The newest schema the form-js of the 7.24 Tasklist renders. */
  private static final int MAX_SCHEMA_VERSION = 16;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static List<Path> files;

  @BeforeAll
  static void listForms() throws IOException {
    try (Stream<Path> list = Files.list(FORMS)) {
      files = list.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(files).as("forms in %s", FORMS.toAbsolutePath()).isNotEmpty();
  }

  @Test
  void everyFormIsJson_withItsFileNameAsId_andASchemaTheTasklistRenders() {
    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      JsonNode form;
      try {
        form = JSON.readTree(file.toFile());
      } catch (IOException e) {
        violations.add(file.getFileName() + ": not valid JSON: " + e.getMessage());
        continue;
      }
      String expectedId = file.getFileName().toString().replace(".form", "");
      if (!expectedId.equals(form.path("id").asText())) {
        violations.add(file.getFileName() + ": id '" + form.path("id").asText() + "' is not the file name");
      }
      if (!form.path("schemaVersion").isInt()) {
        violations.add(file.getFileName() + ": schemaVersion missing");
      } else if (form.path("schemaVersion").asInt() > MAX_SCHEMA_VERSION) {
        violations.add(file.getFileName() + ": schemaVersion " + form.path("schemaVersion").asInt()
            + " is newer than the Tasklist renders (" + MAX_SCHEMA_VERSION + ")");
      }
      if (!form.path("components").isArray()) {
        violations.add(file.getFileName() + ": no components");
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyFieldKeyIsADeclaredProcessVariable_orTheKeyOfADynamicListItem() throws IOException {
    Set<String> declared = declaredVariables();
    Map<String, List<String>> violations = new LinkedHashMap<>();
    for (Path file : files) {
      List<String> found = new ArrayList<>();
      checkComponents(JSON.readTree(file.toFile()).path("components"), declared, false, found);
      if (!found.isEmpty()) {
        violations.put(file.getFileName().toString(), found);
      }
    }
    assertThat(violations).as("keys not declared in ProcessVariables").isEmpty();
  }

  private static void checkComponents(JsonNode components, Set<String> declared, boolean insideList, List<String> found) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String id = component.path("id").asText();
      if (component.hasNonNull("key")) {
        String key = component.get("key").asText();
        if (insideList) {
          if (key.isBlank() || key.contains(".")) {
            found.add(id + ": list item key '" + key + "'");
          }
        } else if (!declared.contains(key)) {
          found.add(id + ": key '" + key + "'");
        }
      }
      if (component.hasNonNull("valuesKey") && !declared.contains(component.get("valuesKey").asText())) {
        found.add(id + ": valuesKey '" + component.get("valuesKey").asText() + "'");
      }
      // a dynamic list (or a group with a path) binds one variable; its fields are keys of the items
      boolean binds = component.hasNonNull("path") && !component.get("path").asText().isBlank();
      if (binds && !insideList && !declared.contains(component.get("path").asText())) {
        found.add(id + ": path '" + component.get("path").asText() + "'");
      }
      if (component.path("components").isArray()) {
        checkComponents(component.get("components"), declared, insideList || binds || "dynamiclist".equals(type), found);
      }
    }
  }

  /** The names of the {@link ProcessVariable} constants in {@link ProcessVariables}. */
  private static Set<String> declaredVariables() {
    Set<String> names = new HashSet<>();
    for (Field field : ProcessVariables.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        try {
          names.add(((ProcessVariable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(names).isNotEmpty();
    return names;
  }
}
