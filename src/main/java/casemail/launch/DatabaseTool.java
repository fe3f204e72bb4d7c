package casemail.launch;

import casemail.bus.Bus;
import casemail.config.Settings;
import casemail.persistence.Migrations;
import casemail.persistence.PersistenceVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * Runs one administrative task against the database, for the {@code import}, {@code user} and
 * {@code api-key} commands: starts embedded PostgreSQL if no URL is configured, applies the
 * migrations, deploys only the persistence verticle, runs the task over the event bus, and
 * stops everything again.
 */
final class DatabaseTool {

  private DatabaseTool() {
  }

  static <T> T run(Settings configured, Function<Bus, Future<T>> task) {
    try (var infrastructure = Infrastructure.start(configured, false, Infrastructure.Secret.UNUSED)) {
      var settings = infrastructure.settings();
      Migrations.apply(settings.databaseUrl());
      var vertx = Vertx.vertx();
      try {
        Await.result(vertx.deployVerticle(new PersistenceVerticle(settings.databaseUrl())));
        return Await.result(task.apply(new Bus(vertx)));
      } finally {
        Await.result(vertx.close());
      }
    }
  }
}
