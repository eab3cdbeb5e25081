package de.umsetzungsmonitor.bench;

import de.umsetzungsmonitor.fault.AppNode;
import de.umsetzungsmonitor.fault.FaultScenario;
import de.umsetzungsmonitor.support.TasklistSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many open tasks: programmes coordinated by as many offices, each with new measures, so every
 * measure's first task ("Gespräch terminieren") waits in its office's queue. A user in two of the
 * offices asks what Tasklist asks for its filter "Aufgaben meiner Stellen" (the page of tasks and
 * their count) through the REST API, and opens the overview page, again and again.
 */
final class TaskListBench {

  static final String USER = "stellenleitung";
  static final String PASSWORD = InProcessApplication.ADMIN_PASSWORD;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern FILTER_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  record Result(Latencies list, Latencies count, Latencies overview, long visibleTasks) {}

  private TaskListBench() {}

  /** {@code groups} programmes of {@code tasksPerGroup} new measures; the user is in the first two offices. */
  static void prepare(AppNode node, int groups, int tasksPerGroup) {
    for (int g = 1; g <= groups; g++) {
      HttpResponse<String> imported = FaultScenario.importProgramme(node, programme(g, tasksPerGroup));
      if (imported.statusCode() != 200) {
        throw new IllegalStateException("import of office " + g + ": " + imported.statusCode() + " " + imported.body());
      }
    }
    admin(node, "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + USER + "\",\"firstName\":\"Stellen\","
        + "\"lastName\":\"Leitung\",\"email\":\"stellenleitung@bench.example\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}");
    for (String office : new String[] {"amt1", "amt2"}) {
      admin(node, "PUT", "/engine-rest/group/" + office + "/members/" + USER, "");
    }
  }

  /** {@code rounds} times each: the filter's page of 15 tasks, its count, the overview page. */
  static Result measure(AppNode node, int rounds) {
    String filterId = filterId(node);
    TasklistSession browser = TasklistSession.login(node.baseUrl(), USER, PASSWORD);
    Latencies list = new Latencies();
    Latencies count = new Latencies();
    Latencies overview = new Latencies();
    long visible = -1;
    for (int round = -Math.max(3, rounds / 10); round < rounds; round++) {
      boolean timed = round >= 0;
      time(timed ? list : null, () -> check(post(node, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
          "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}")));
      String counted = time(timed ? count : null, () -> check(post(node, "/engine-rest/filter/" + filterId + "/count", "{}")));
      visible = Long.parseLong(counted.replaceAll("\\D", ""));
      time(timed ? overview : null, () -> check(browser.get("/uebersicht")));
    }
    return new Result(list, count, overview, visible);
  }

  /** The retained heap of the node's JVM after a full collection, in MB (jcmd of this JDK). */
  static double heapAfterCollection(AppNode node) {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, String.valueOf(node.pid()), "GC.run");
    String info = run(jcmd, String.valueOf(node.pid()), "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String filterId(AppNode node) {
    HttpResponse<String> filters = get(node, "/engine-rest/filter?name=Aufgaben%20meiner%20Stellen&firstResult=0&maxResults=5");
    Matcher id = FILTER_ID.matcher(check(filters));
    if (!id.find()) {
      throw new IllegalStateException("no filter \"Aufgaben meiner Stellen\": " + filters.body());
    }
    return id.group(1);
  }

  private static <T> T time(Latencies into, Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    if (into != null) {
      into.add(System.nanoTime() - start);
    }
    return result;
  }

  private static String check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  private static HttpResponse<String> get(AppNode node, String path) {
    return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET(), USER, PASSWORD);
  }

  private static HttpResponse<String> post(AppNode node, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), USER, PASSWORD);
  }

  private static void admin(AppNode node, String method, String path, String json) {
    HttpResponse<String> response = call(node, "admin", AppNode.ADMIN_PASSWORD, method, path, json);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
    }
  }

  /** Any call with a JSON body as the given user. */
  static HttpResponse<String> call(AppNode node, String user, String password, String method, String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)), user, password);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String user, String password) {
    request.header("Accept", "application/json").timeout(Duration.ofMinutes(2)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A programme coordinated by office {@code amt<g>} with {@code measures} new measures led by it. */
  private static String programme(int g, int measures) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("code: TL").append(g).append('\n')
        .append("title: Aufgabenliste ").append(g).append('\n')
        .append("committee: Ausschuss ").append(g).append('\n')
        .append("coordinatingOffice: amt").append(g).append('\n')
        .append("offices:\n")
        .append("  - {code: amt").append(g).append(", name: Amt ").append(g).append("}\n")
        .append("fieldsOfAction:\n  - {code: HF, name: Handlungsfeld}\n")
        .append("measures:\n");
    for (int i = 1; i <= measures; i++) {
      yaml.append("  - {code: M ").append(i).append(", fieldOfAction: HF, text: Maßnahme ").append(i)
          .append(", status: planned, leadOffices: [amt").append(g).append("]}\n");
    }
    return yaml.toString();
  }
}
