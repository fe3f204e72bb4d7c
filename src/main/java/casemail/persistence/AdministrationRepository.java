package casemail.persistence;

import casemail.bus.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Administrations: the tenants. Created on first import or user; read for every email. */
public final class AdministrationRepository {

  static final String COLUMNS = """
      a.id, a.name, a.sender_address, a.sender_name, a.default_signature, a.default_language,
      a.time_zone, a.portal_colour, a.reply_notifications, a.tracking_mode,
      a.payment_url_template, a.logo_version""";

  private static final String ENSURE = """
      INSERT INTO administrations (name, sender_address, sender_name)
      VALUES ($1, $2, $1)
      ON CONFLICT (name) DO NOTHING""";

  private static final String BY_NAME = "SELECT " + COLUMNS + """

      FROM administrations a
      WHERE a.name = $1""";

  private static final String BY_ID = "SELECT " + COLUMNS + """

      FROM administrations a
      WHERE a.id = $1""";

  private static final String NAMES = """
      SELECT name
      FROM administrations
      ORDER BY name
      LIMIT 20""";

  private static final String UPDATE = """
      UPDATE administrations
      SET name = $2, sender_address = $3, sender_name = $4, default_signature = $5,
        default_language = $6, time_zone = $7, portal_colour = $8, reply_notifications = $9,
        tracking_mode = $10, payment_url_template = $11
      WHERE id = $1""";

  /** A new version each time, so the logo's address changes and no cache shows the old one. */
  private static final String SET_LOGO = """
      UPDATE administrations
      SET logo = $2, logo_type = $3, logo_version = COALESCE(logo_version, 0) + 1
      WHERE id = $1""";

  private static final String REMOVE_LOGO = """
      UPDATE administrations
      SET logo = NULL, logo_type = NULL, logo_version = NULL
      WHERE id = $1""";

  private static final String LOGO = """
      SELECT logo, logo_type
      FROM administrations
      WHERE id = $1 AND logo IS NOT NULL""";

  private final SqlClient db;

  public AdministrationRepository(SqlClient db) {
    this.db = db;
  }

  /** The administration of that name, created with a placeholder sender address if new. */
  public Future<JsonObject> ensure(JsonObject request) {
    var name = request.getString("name");
    return ensure(db, name).map(AdministrationRepository::toAdministration);
  }

  public Future<JsonObject> get(JsonObject request) {
    return db.preparedQuery(BY_ID).execute(Tuple.of(request.getLong("administration_id")))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Administration");
          }
          return toAdministration(rows.iterator().next());
        });
  }

  /** Replaces the settings; the values were checked by the caller. 409 if the name is taken. */
  public Future<JsonObject> update(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), request.getString("name"),
            request.getString("sender_address"), request.getString("sender_name"),
            request.getString("default_signature"), request.getString("default_language"),
            request.getString("time_zone"), request.getString("portal_colour"))
        .addBoolean(request.getBoolean("reply_notifications"))
        .addString(request.getString("tracking_mode"))
        .addString(request.getString("payment_url_template"));
    return db.preparedQuery(UPDATE).execute(tuple)
        .recover(failure -> Future.failedFuture(Constraints.isUniqueViolation(failure)
            ? BusFailure.invalid("name", "Another administration has this name") : failure))
        .compose(ignored -> get(request));
  }

  public Future<JsonObject> setLogo(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"),
        Buffer.buffer(request.getBinary("logo")), request.getString("logo_type"));
    return db.preparedQuery(SET_LOGO).execute(tuple).compose(ignored -> get(request));
  }

  public Future<JsonObject> removeLogo(JsonObject request) {
    return db.preparedQuery(REMOVE_LOGO).execute(Tuple.of(request.getLong("administration_id")))
        .compose(ignored -> get(request));
  }

  /** The logo's bytes and type, for its public address. */
  public Future<JsonObject> logo(JsonObject request) {
    return db.preparedQuery(LOGO).execute(Tuple.of(request.getLong("administration_id")))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Logo");
          }
          var row = rows.iterator().next();
          return new JsonObject().put("logo", row.getBuffer("logo").getBytes())
              .put("logo_type", row.getString("logo_type"));
        });
  }

  static Future<Row> ensure(SqlClient client, String name) {
    if (name == null || name.isBlank()) {
      return Future.failedFuture(BusFailure.invalid("administration", "Name is required"));
    }
    return client.preparedQuery(ENSURE).execute(Tuple.of(name, defaultSender(name)))
        .compose(ignored -> client.preparedQuery(BY_NAME).execute(Tuple.of(name)))
        .map(rows -> rows.iterator().next());
  }

  /** The administration named, or a 404 that lists the names there are (for operators). */
  static Future<Row> byName(SqlClient client, String name) {
    return client.preparedQuery(BY_NAME).execute(Tuple.of(name)).compose(rows -> rows.size() > 0
        ? Future.succeededFuture(rows.iterator().next())
        : client.query(NAMES).execute().compose(names -> Future.failedFuture(
            new BusFailure(404, "No administration named '" + name + "'; there are: "
                + String.join(", ", names(names))))));
  }

  private static List<String> names(RowSet<Row> rows) {
    var names = new ArrayList<String>();
    rows.forEach(row -> names.add("'" + row.getString("name") + "'"));
    return names.isEmpty() ? List.of("none yet (import creates one)") : names;
  }

  private static String defaultSender(String name) {
    var slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", "");
    return "noreply@" + (slug.isEmpty() ? "casemail" : slug) + ".example";
  }

  static JsonObject toAdministration(Row row) {
    return new JsonObject()
        .put("id", row.getLong("id"))
        .put("name", row.getString("name"))
        .put("sender_address", row.getString("sender_address"))
        .put("sender_name", row.getString("sender_name"))
        .put("default_signature", row.getString("default_signature"))
        .put("default_language", row.getString("default_language"))
        .put("time_zone", row.getString("time_zone"))
        .put("portal_colour", row.getString("portal_colour"))
        .put("reply_notifications", row.getBoolean("reply_notifications"))
        .put("tracking_mode", row.getString("tracking_mode"))
        .put("payment_url_template", row.getString("payment_url_template"))
        .put("logo_path", logoPath(row.getLong("id"), row.getLong("logo_version")));
  }

  /**
   * The public address of an administration's logo (see {@code LogoRoutes}), or null without
   * one. The version changes with every upload; any version serves the current logo.
   */
  static String logoPath(long administrationId, Long version) {
    return version == null ? null : "/logo/" + administrationId + "/" + version;
  }
}
