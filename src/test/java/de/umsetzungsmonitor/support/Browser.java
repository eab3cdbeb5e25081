package de.umsetzungsmonitor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium}) driven through its own chromedriver
 * ({@code /usr/bin/chromedriver}), so nothing is downloaded at test time, plus axe-core from npm
 * ({@code node_modules/axe-core}, installed by {@code npm ci}) for the accessibility checks.
 * Without them the browser tests are skipped with a message, or fail when {@code REQUIRE_BROWSER=true}
 * (CI). Screenshots go to {@code target/screenshots/}.
 */
public final class Browser implements ExecutionCondition, AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Path CHROMIUM = Path.of(env("CHROMIUM_BINARY", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(env("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));
  private static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");
  private static final String SKIPPED = "Browser tests skipped. Install Debian's chromium and chromium-driver and run"
      + " 'npm ci'; set REQUIRE_BROWSER=true to make this an error.";

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  /** Only for JUnit's {@code @ExtendWith}. */
  public Browser() {
    this.driver = null;
    this.wait = null;
  }

  private Browser(int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--lang=de-DE", "--window-size=" + width + "," + height);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** A new browser window of the size of a laptop screen. */
  public static Browser laptop() {
    return new Browser(1366, 900);
  }

  /** A new browser window of the size of a tablet held upright. */
  public static Browser tablet() {
    return new Browser(800, 1200);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " not found"
        : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " not found"
        : !Files.isRegularFile(AXE) ? AXE + " not found" : null;
    if (missing == null) {
      return ConditionEvaluationResult.enabled("Chromium, chromedriver and axe-core present");
    }
    if ("true".equalsIgnoreCase(env("REQUIRE_BROWSER", "false"))) {
      throw new IllegalStateException(missing + ": REQUIRE_BROWSER=true, so the browser tests fail instead of being skipped.");
    }
    System.err.println("[Browser] " + missing + ": " + SKIPPED);
    return ConditionEvaluationResult.disabled(missing + ": " + SKIPPED);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Logs in through Tasklist's login page, as a person does, and waits for the task list. */
  public void loginToTasklist(String baseUrl, String userId, String password) {
    driver.manage().deleteAllCookies();
    open(baseUrl + "/camunda/app/tasklist/default/");
    WebElement user = waitFor(By.cssSelector("input[name='username'], input#inputUsername, input[ng-model='username']"));
    user.clear();
    user.sendKeys(userId);
    WebElement password1 = driver.findElement(By.cssSelector("input[type='password']"));
    password1.sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    waitFor(By.cssSelector(".task-filters, [cam-tasklist-filters], .tasks-list"));
  }

  public WebElement waitFor(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement waitForClickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    wait.until(condition::apply);
  }

  public String text(By locator) {
    return waitFor(locator).getText();
  }

  public List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  /** Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs axe-core on the current page against WCAG 2.1 A and AA and returns the violations of
   * impact "serious" or "critical" as {@code "rule-id: help (n nodes)"}.
   */
  @SuppressWarnings("unchecked")
  public List<String> seriousAccessibilityViolations() {
    try {
      script(Files.readString(AXE, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '"
            + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')))"
            + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  @Override
  public void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
