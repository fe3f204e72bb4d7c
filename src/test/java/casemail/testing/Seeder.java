package casemail.testing;

import casemail.bus.Bus;
import casemail.persistence.Migrations;
import casemail.persistence.PersistenceVerticle;
import io.vertx.core.Vertx;

/** Migrates a database and fills it with {@link TestData}, through the persistence verticle. */
final class Seeder {

  private Seeder() {
  }

  static void seed(String databaseUrl) {
    Migrations.apply(databaseUrl);
    var vertx = Vertx.vertx();
    try {
      Futures.await(vertx.deployVerticle(new PersistenceVerticle(databaseUrl)));
      Futures.await(TestData.seed(new Bus(vertx)));
    } finally {
      Futures.await(vertx.close());
    }
  }
}
