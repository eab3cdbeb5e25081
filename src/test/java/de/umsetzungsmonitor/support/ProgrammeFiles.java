package de.umsetzungsmonitor.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped programme files ({@code programmes/*.yaml}), as they are or under a programme code of a test's own. */
public final class ProgrammeFiles {

  public static final String SOZIALE_LAGE = "programmes/soziale-lage-2015.yaml";
  public static final String BILDUNGSBUERO = "programmes/bildungsbuero.yaml";

  private static final Pattern CODE_LINE = Pattern.compile("(?m)^code: [A-Z0-9]+$");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private ProgrammeFiles() {}

  public static String read(String location) {
    try (InputStream in = ProgrammeFiles.class.getClassLoader().getResourceAsStream(location)) {
      if (in == null) {
        throw new IllegalArgumentException("Not on the classpath: " + location);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file with its programme code replaced; measure business keys then start with that code. */
  public static String withCode(String content, String code) {
    Matcher matcher = CODE_LINE.matcher(content);
    if (!matcher.find()) {
      throw new IllegalArgumentException("No top-level code line in programme file");
    }
    return matcher.replaceFirst("code: " + code);
  }

  /** A programme code no other test of this JVM uses, e.g. {@code TSIGN7} (the database is new every run). */
  public static String uniqueCode(String prefix) {
    String code = (prefix + SEQUENCE.incrementAndGet()).toUpperCase();
    if (!code.matches("[A-Z0-9]{2,12}")) {
      throw new IllegalArgumentException("Not a programme code: " + code);
    }
    return code;
  }

  /** The 1-based number of the first line containing {@code text}. */
  public static int lineOf(String content, String text) {
    int index = content.indexOf(text);
    if (index < 0) {
      throw new IllegalArgumentException("Not in file: " + text);
    }
    return (int) content.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
  }

  /** Replaces exactly one occurrence, failing when the text is not there, so a changed fixture is noticed. */
  public static String replaceOnce(String content, String text, String replacement) {
    int index = content.indexOf(text);
    if (index < 0) {
      throw new IllegalArgumentException("Not in file: " + text);
    }
    return content.substring(0, index) + replacement + content.substring(index + text.length());
  }
}
