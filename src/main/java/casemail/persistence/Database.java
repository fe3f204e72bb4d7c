package casemail.persistence;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** Builds the reactive PostgreSQL pool that the persistence verticle's instances share. */
public final class Database {

  private static final int POOL_SIZE = 16;

  private Database() {
  }

  public static Pool pool(Vertx vertx, String databaseUrl) {
    var url = Migrations.DatabaseUrl.parse(databaseUrl);
    var connect = new PgConnectOptions()
        .setHost(url.host())
        .setPort(url.port())
        .setDatabase(url.database())
        .setUser(url.user())
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    if (url.password() != null) {
      connect.setPassword(url.password());
    }
    var options = new PoolOptions()
        .setMaxSize(POOL_SIZE)
        .setShared(true)
        .setName("casemail-" + url.database())
        .setMaxWaitQueueSize(10_000);
    return PgBuilder.pool().with(options).connectingTo(connect).using(vertx).build();
  }
}
