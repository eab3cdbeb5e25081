package de.umsetzungsmonitor.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Row counts of every table in the application's schema: ours and the engine's. */
public final class TableCounts {

  private TableCounts() {}

  public static Map<String, Long> all(JdbcTemplate jdbc) {
    List<String> tables = jdbc.queryForList(
        "select table_name from information_schema.tables where table_schema = current_schema()"
            + " and table_type = 'BASE TABLE' order by table_name", String.class);
    Map<String, Long> counts = new TreeMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return counts;
  }
}
