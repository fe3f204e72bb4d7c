package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Api;
import casemail.testing.Browser;
import casemail.testing.RouteTable;
import casemail.testing.RouteTable.Access;
import casemail.testing.RouteTable.Route;
import casemail.testing.Sql;
import casemail.testing.Tenants;
import casemail.testing.Tenants.Tenant;
import casemail.testing.TestApp;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input into every form field, every id in a path, every API route and the pixel:
 * never a 500 or a stack trace; what can never be valid (a NUL, a field over the form limit,
 * malformed JSON, wrong types) is a 4xx with a clear message and changes nothing.
 */
class HostileInputSecurityIT {

  /** Values no field may take. */
  private static final List<String> INVALID = List.of("a\u0000b", "x".repeat(1_100_000));
  /** Odd values some fields may take, and none may fail on. */
  private static final List<String> ODD = List.of("a\u0001\u001b[31mb", "Hi\r\nBcc: x@evil.example",
      "x'); DROP TABLE messages; --", "<script>alert(1)</script>{{customer.name}}",
      "\u202eevil", "%00", "../../etc/passwd", "y".repeat(20_000), "");
  private static final List<String> BAD_IDS = List.of("-1", "0", "99999999999999999999",
      "abc", "%00", "1e3", "%E2%80%AE", "..%2F..%2Fetc", "00000000-0000-0000-0000-00000000000g");

  private static TestApp app;
  private static Tenant acme;
  private static Browser staff;

  @BeforeAll
  static void start() {
    app = TestApp.start(Map.of("CASEMAIL_TRUST_FORWARDED_FOR", "true"));
    acme = Tenants.acme(app, "2026-000044");
    staff = acme.admin(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void valuesNoFieldMayTakeAreRefusedWithA4xxAndChangeNothing() {
    var before = fingerprint();
    for (var route : forms()) {
      for (var field : route.form().keySet()) {
        for (var value : INVALID) {
          var answer = post(route, field, value);
          assertThat(answer.status()).as(route + " " + field).isBetween(400, 499);
          assertClear(answer, route + " " + field);
        }
      }
    }
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void oddValuesInEveryFieldNeverFail() {
    for (var route : forms()) {
      for (var field : route.form().keySet()) {
        for (var value : ODD) {
          var answer = post(route, field, value);
          assertThat(answer.status()).as(route + " " + field + " " + value).isLessThan(500);
          assertClear(answer, route + " " + field);
        }
      }
    }
  }

  @Test
  void badIdsInEveryPathAndQueryNeverFail() {
    for (var route : RouteTable.PAGES) {
      if (!route.namesAnObject() || route.isForm() || route.access() == Access.DEV) {
        continue;
      }
      var browser = route.access() == Access.PORTAL ? acme.portal() : staff;
      for (var bad : BAD_IDS) {
        var answer = browser.get(withEvery(route.path(), bad));
        assertThat(answer.status()).as(route + " " + bad).isLessThan(500);
        assertClear(answer, route + " " + bad);
      }
    }
    for (var query : List.of("/inbox?cursor=", "/inbox?filter=", "/inbox?q=", "/customers?q=",
        "/customers?after=", "/invoices?after=", "/matters?q=")) {
      for (var bad : BAD_IDS) {
        assertThat(staff.get(query + bad).status()).as(query + bad).isLessThan(500);
      }
    }
  }

  @Test
  void brokenPercentEncodingIsABadRequest() {
    for (var query : List.of("/login?next=%ZZ", "/inbox?q=%ZZ", "/invoices?q=%E0%A4%A",
        "/portal/l/x?y=%")) {
      var answer = staff.getRaw(query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertClear(answer, query);
    }
    var token = RouteSecurityIT.token(staff, "/profile");
    for (var body : List.of("_csrf=" + token + "&name=%ZZ", "_csrf=" + token + "&name=%E0%A4%A",
        "_csrf=" + token + "&x=1".repeat(100_000))) {
      var answer = staff.postEncoded("/profile", body);
      assertThat(answer.status()).as(body.substring(0, 50)).isBetween(400, 499);
      assertClear(answer, "/profile");
    }
    var api = app.browser().withHeader("Authorization", "Bearer " + acme.apiKey());
    var list = api.getRaw("/api/v1/customers?number=%ZZ");
    assertThat(list.status()).isEqualTo(400);
    assertThat(new JsonObject(list.body()).getJsonObject("error").getString("code"))
        .isEqualTo("bad_request");
  }

  @Test
  void aBrokenMultipartBodyIsABadRequest() {
    for (var path : List.of("/login", "/logout", "/profile", "/settings/administration",
        "/portal/direct-debit")) {
      var answer = staff.postRaw(path, "multipart/form-data; boundary=zz",
          "--zz\r\nbroken\r\n\r\n\r\n");
      assertThat(answer.status()).as(path).isBetween(400, 499);
      assertClear(answer, path);
    }
  }

  @Test
  void anUnknownApiRouteOrMethodIsAJsonError() {
    var api = acme.api(app);
    for (var reply : List.of(api.delete("/messages"), api.put("/customers", new JsonObject()),
        api.get("/nothing-here"))) {
      assertThat(reply.status()).isEqualTo(404);
      assertApiError(reply, reply.body());
    }
  }

  @Test
  void everyApiRouteRefusesBadBodiesAndIdsWithItsErrorShape() {
    var before = fingerprint();
    var api = acme.api(app);
    for (var route : RouteTable.API) {
      for (var bad : BAD_IDS) {
        assertApiError(send(api, route.method(), withEvery(route.path(), bad), "{}"), route);
      }
      if (route.method().equals("GET") || route.method().equals("DELETE")) {
        continue;
      }
      var path = acme.fill(route.path());
      for (var body : badBodies()) {
        assertApiError(send(api, route.method(), path, body), route + " " + body);
      }
    }
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void apiQueriesRefuseBadValuesWithItsErrorShape() {
    var api = acme.api(app);
    for (var query : List.of("/customers?limit=-1", "/customers?limit=0", "/invoices?limit=501",
        "/matters?limit=abc", "/customers?limit=99999999999999999999", "/inbox?filter=bogus",
        "/inbox?cursor=garbage", "/inbox?q=a%00b", "/standard-messages?cursor=x",
        "/standard-messages?limit=-5", "/invoices?number=" + "9".repeat(500))) {
      assertApiError(api.get(query), query);
    }
  }

  @Test
  void thePixelAnswersEveryTokenWithTheGifAndStoresNoOpen() throws Exception {
    var before = Sql.count(app.settings().databaseUrl(), "SELECT count(*) FROM opens");
    var browser = app.browser();
    for (var token : List.of("x.gif", "%00.gif", "a".repeat(5000) + ".gif", "'%20OR%201=1.gif",
        UUID.randomUUID() + ".gif", "..%2F..%2Fetc.gif", "abc", "%3Cscript%3E.gif")) {
      var answer = browser.download("/o/" + token);
      assertThat(answer.status()).as(token).isIn(200, 414);
      if (answer.status() == 200) {
        assertThat(answer.header("Content-Type")).isEqualTo("image/gif");
        assertThat(answer.body()).hasSize(43);
      }
    }
    Thread.sleep(1500);
    assertThat(Sql.count(app.settings().databaseUrl(), "SELECT count(*) FROM opens"))
        .isEqualTo(before);
  }

  private static List<String> badBodies() {
    return List.of("{", "[]", "null", "\"text\"", "{\"subject\": 1, \"body\": []}",
        "{\"case\": \"invoice\"}", "{\"case\": {\"type\": \"invoice\", \"id\": -1}}",
        "{\"case\": {\"type\": \"invoice\", \"id\": 1e30}, \"author\": 5}",
        "{\"unknown\": true}", "{\"subject\": \"a\\u0000b\", \"body\": \"x\"}",
        "{\"name\": \"a\\u0000b\"}", "{\"to\": [\"a\\r\\nb@x.example\"]}",
        "{\"description\": null, \"subject\": {}, \"body\": 3}",
        "{\"case\": {\"type\": \"batch\", \"id\": 1}, \"author\": \"x\", \"subject\": \"s\", "
            + "\"body\": \"b\", \"attachments\": [{\"filename\": \"a\", "
            + "\"content_base64\": \"!!!\"}]}");
  }

  private static Api.Reply send(Api api, String method, String path, String body) {
    return switch (method) {
      case "GET" -> api.get(path);
      case "DELETE" -> api.delete(path);
      case "PUT" -> api.put(path, body);
      case "PATCH" -> api.patch(path, body);
      default -> api.post(path, body);
    };
  }

  /** A 4xx in the API's error shape, or an answer that is not an error at all. */
  private static void assertApiError(Api.Reply reply, Object what) {
    assertThat(reply.status()).as(what + ": " + reply.body()).isLessThan(500);
    if (reply.status() >= 400) {
      var error = reply.json().getJsonObject("error");
      assertThat(error.getString("code")).as(what.toString()).isNotBlank();
      assertThat(error.getString("message")).as(what.toString()).isNotBlank();
      assertThat(error.getJsonObject("fields")).as(what.toString()).isNotNull();
    }
  }

  /** Never a stack trace or our own class names in what the client sees. */
  private static void assertClear(Browser.Response answer, String what) {
    assertThat(answer.body()).as(what).doesNotContain("Exception", "\tat ", "casemail.",
        "io.vertx", "java.lang");
  }

  /** The route posted by its user, with its token, {@code field} set to {@code value}. */
  private static Browser.Response post(Route route, String field, String value) {
    var browser = browserFor(route);
    var token = RouteSecurityIT.token(browser, tokenPage(route));
    var form = new HashMap<String, String>();
    route.form().forEach((name, given) -> form.put(name, acme.fill(given)));
    form.put(field, value);
    form.put("_csrf", token);
    return browser.post(acme.fill(route.path()), form);
  }

  private static Browser browserFor(Route route) {
    return switch (route.access()) {
      case PORTAL -> acme.portal();
      case PUBLIC -> app.browser().withHeader("X-Forwarded-For", UUID.randomUUID().toString());
      default -> staff;
    };
  }

  private static String tokenPage(Route route) {
    return switch (route.access()) {
      case PORTAL -> "/portal/direct-debit";
      case PUBLIC -> "/login";
      default -> "/profile";
    };
  }

  /** The forms with fields, but never sign-out or deletion (they take no input). */
  private static List<Route> forms() {
    return RouteTable.PAGES.stream().filter(Route::isForm)
        .filter(route -> !route.form().isEmpty()).toList();
  }

  private static String withEvery(String path, String value) {
    return path.replaceAll("\\{[^}]*}", value);
  }

  private static String fingerprint() {
    return Sql.fingerprint(app.settings().databaseUrl());
  }
}
