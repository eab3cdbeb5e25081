package de.umsetzungsmonitor.deliveries;

/** A file an office attaches to its delivery. */
public record UploadedFile(String name, String mimeType, byte[] content) {

  /** The name without path or control characters, as stored. */
  public String safeName() {
    String safe = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
  }
}
