package de.umsetzungsmonitor.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What PostgreSQL can commit on this machine in the shape of the bare engine's Phase I: the same
 * number of transactions per instance, each writing on average the same number of rows (inserted,
 * updated, deleted, from PostgreSQL's own counters of the bare engine's run), with the same number
 * of client threads, by a plain JDBC loop. Nothing else happens in them: no reads, no logic.
 */
final class JdbcCeiling {

  record Result(double seconds, long commits, BenchDatabase.Counters counters) {}

  private JdbcCeiling() {}

  static Result run(String database, int instances, int threads, BenchDatabase.Counters shape, int shapeInstances)
      throws Exception {
    BenchDatabase.recreate(database);
    try (Connection connection = BenchDatabase.connect(database); Statement statement = connection.createStatement()) {
      statement.execute("create table bench_row (id bigserial primary key, instance_no int not null,"
          + " state varchar(40) not null, payload varchar(400) not null)");
    }
    long commitsPerInstance = Math.round(shape.commits() / (double) shapeInstances);
    double inserted = shape.inserted() / (double) shape.commits();
    double updated = shape.updated() / (double) shape.commits();
    double deleted = shape.deleted() / (double) shape.commits();
    BenchDatabase.settle();
    BenchDatabase.Counters before = BenchDatabase.Counters.of(database);
    long start;
    try (HikariDataSource pool = BenchDatabase.pool(database, threads)) {
      ExecutorService clients = Executors.newFixedThreadPool(threads);
      List<Future<?>> running = new ArrayList<>();
      start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(clients.submit(() -> {
          try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            Deque<Long> rows = new ArrayDeque<>();
            double owedInserts = 0;
            double owedUpdates = 0;
            double owedDeletes = 0;
            for (int instance = thread; instance < instances; instance += threads) {
              for (long commit = 0; commit < commitsPerInstance; commit++) {
                owedInserts += inserted;
                owedUpdates += updated;
                owedDeletes += deleted;
                for (; owedInserts >= 1; owedInserts--) {
                  rows.addLast(insert(connection, instance));
                }
                for (; owedUpdates >= 1 && !rows.isEmpty(); owedUpdates--) {
                  update(connection, rows.peekLast());
                }
                for (; owedDeletes >= 1 && !rows.isEmpty(); owedDeletes--) {
                  delete(connection, rows.pollFirst());
                }
                connection.commit();
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    BenchDatabase.settle();
    BenchDatabase.Counters counters = BenchDatabase.Counters.of(database).minus(before);
    return new Result(seconds, commitsPerInstance * instances, counters);
  }

  private static final String PAYLOAD = "x".repeat(200);

  private static long insert(Connection connection, int instance) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into bench_row (instance_no, state, payload) values (?, 'created', ?) returning id")) {
      insert.setInt(1, instance);
      insert.setString(2, PAYLOAD);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  private static void update(Connection connection, long id) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("update bench_row set state = 'updated' where id = ?")) {
      update.setLong(1, id);
      update.executeUpdate();
    }
  }

  private static void delete(Connection connection, long id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("delete from bench_row where id = ?")) {
      delete.setLong(1, id);
      delete.executeUpdate();
    }
  }
}
